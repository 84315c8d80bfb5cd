#pragma once
// Private to core: a graph cache of an earlier state of the data plus the few changes made since, as one
// graph. After a small write the next command maps the cache as it is and reads from the history only the
// changes after its state (the rows they touched, as they are now, in the caller's read transaction),
// instead of reading every relation back from SQLite: the first answer after a one-row write at 10M
// relations then costs milliseconds, not seconds (bench/README.md, issue 31).
//
// The delta adds entities and relations, changes relations' types and dates and entities' kinds and
// countries, and removes relations and entities: a relation of the CSR that is gone keeps its number but is
// marked removed (no out-edge list, edges(), Graph::removed loop or relations_in_order shows it), one whose
// ends or id changed is removed and added anew under the same key (its place in a build's order changed),
// and an entity of the CSR whose relations are all removed is marked too (Graph::vertex_removed; put back
// under its key with its id - the undo of a merge or a delete - it is that vertex again). A kind or country
// no entity had is appended to the graph's tables of them, and Graph::kinds()/countries() list the values
// in use. Anything else since the cache's state - an entity of the cache whose id changed, a change of the
// vocabularies, a bulk load, a state no recorded change produced, or more than kMaxDeltaRows changed rows in
// all - means "rebuild" (and the rebuilt graph's cache replaces the old one: the delta is folded). Within
// what it covers, the graph answers exactly as one built anew: added vertices and relations are numbered
// after the CSR's (ordered among themselves as a build orders them), and the out-edges of every vertex they
// touch are listed in the build's order. Answers that list vertices or relations in index order walk
// Graph::vertices_in_order / relations_in_order, or compare Graph::vertex_rank / relation_rank, to give a
// build's order.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "kizuna/core/graph.h"
#include "kizuna/core/half_edge_graph.h"
#include "kizuna/core/store.h"

namespace kizuna {

// Changed rows (entities and relations, as the history counts them) from which a graph is rebuilt rather
// than patched: the delta's lists cost time at every load, a rebuild once (bench/README.md).
inline constexpr std::int64_t kMaxDeltaRows = 10000;

struct GraphDelta {
    std::uint32_t csr_vertices = 0, csr_relations = 0;
    DeltaRows rows;  // the traversals' part: ends of added relations, out-edge lists of touched vertices
    // Added relations (relation csr_relations + i).
    std::vector<std::uint16_t> type;
    std::vector<std::int32_t> start, end;  // PartialDate::packed(), 0: none
    std::vector<std::int64_t> rid;
    // Relations of the CSR whose type or dates changed.
    struct Fields {
        std::uint16_t type = 0;
        std::int32_t start = 0, end = 0;
    };
    std::unordered_map<RelationIndex, Fields> changed;
    // Vertices of the CSR whose entity was removed (one bit each; empty: none) - only ones without relations.
    std::vector<std::uint64_t> removed_vertices;
    std::uint32_t removed_vertex_count = 0;
    std::size_t removed = 0;  // relations of the CSR removed (rows.removed)
    // Added vertices (vertex csr_vertices + i), in entity-id order.
    std::vector<std::string> ids;
    std::vector<std::int64_t> eids;
    std::vector<std::uint16_t> kind, country;  // indexes into Graph::Impl::kinds, countries
    // Vertices of the CSR whose entity's kind or country changed (or was put back changed): their codes now.
    struct Codes {
        std::uint16_t kind = 0, country = 0;
    };
    std::unordered_map<VertexId, Codes> recoded;
    // Graph::kinds() and countries() when the delta changed which values some entity has (sorted, each
    // once). Values no entity of the CSR had are appended to the Impl's tables (its columns hold positions),
    // so those tables are then neither sorted nor all in use: these lists are.
    bool values_changed = false;
    std::vector<std::string> kinds_in_use, countries_in_use;
    // Where a build would put each added relation and vertex among the CSR's (Graph::relation_rank,
    // vertex_rank): the CSR index it would come just before, shifted, plus its rank among the added
    // ones that come before the same index.
    std::vector<std::uint64_t> relation_rank, vertex_rank;
};

// The rank of the CSR's relation or vertex i (added ones come between: see GraphDelta).
[[nodiscard]] inline std::uint64_t csr_rank(std::uint64_t i) {
    return i << Graph::kRankShift | std::uint64_t{1} << (Graph::kRankShift - 1);
}

// Turns graph (of an earlier state of store's data, same instance) into the graph of the state store's
// read transaction sees, whose stamp is now. False when the changes between are not ones a delta covers
// (see above): the caller rebuilds. Throws StorageError.
// REQUIRES: a Store::ReadTransaction on store is open; graph has no delta yet.
[[nodiscard]] bool apply_changes(Graph::Impl& graph, const Store& store, const Store::DataStamp& now);

}  // namespace kizuna
