#pragma once
// `kizuna query`'s answer: the columns and rows of a query on a Kizuna database, with every node and
// relationship the rows name described (as AnswerBook does for the other answers), so that views print
// it as a table, JSON or CSV without the graph. Reading queries run on one snapshot; writing queries on the
// data inside one write transaction, with their changes held beside it (write_overlay.h) and at the end
// validated as an import's are and written all or nothing.
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/core/store.h"
#include "kizuna/cypher/engine.h"

namespace kizuna::cypher {

struct QueryRequest {
    std::string text;
    Map parameters;
    Limits limits;
    std::string lang = "en";
};

struct DescribedNode {
    std::string id;  // the entity id
    std::vector<std::string> labels;
    Map properties;
};
struct DescribedRelationship {
    std::string id;  // the relation id
    std::string type;
    std::string start;  // entity ids
    std::string end;
    Map properties;
};

struct QueryAnswer {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;  // nodes, relationships and paths refer to the maps below
    std::map<NodeId, DescribedNode> nodes;
    std::map<RelId, DescribedRelationship> relationships;
    std::string plan;  // EXPLAIN, PROFILE
    bool explain = false;
    bool profile = false;
    std::vector<std::string> warnings;  // as QueryResult's: printed beside the answer, never instead
    bool wrote = false;                 // a writing query (its changes are committed)
    WriteCounts writes;                 // what it did, as Cypher counts it
    Store::WriteSummary written;        // what changed in the database
};

// {"columns": [...], "rows": [{column: value}], "writes": {...}} (and "plan" for EXPLAIN and PROFILE,
// "warnings": [...] when there are any):
// a node is {"id", "labels", "properties"}, a relationship {"id", "type", "start", "end", "properties"},
// a path {"nodes": [...], "relationships": [...]}.
void to_json(nlohmann::json& out, const QueryAnswer& answer);
// One value as JSON, nodes and relationships described from the answer.
[[nodiscard]] nlohmann::json value_json(const Value& value, const QueryAnswer& answer);

// A query that does not write, on one snapshot. Throws CypherError, LimitReached.
[[nodiscard]] QueryAnswer answer_reading_query(const Snapshot& snapshot, const QueryRequest& request);
// Any query, writing ones in one transaction of store. Throws CypherError, LimitReached,
// InvalidDataError (a change the data model refuses: nothing is written), StorageError.
[[nodiscard]] QueryAnswer answer_writing_query(Store& store, const QueryRequest& request);

}  // namespace kizuna::cypher
