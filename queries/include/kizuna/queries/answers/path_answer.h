#pragma once
// `path FROM TO`: how two entities are connected, relation by relation, each with its dates and sources.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/queries/answers/answer_book.h"
#include "kizuna/queries/path.h"
#include "kizuna/queries/time_path.h"

namespace kizuna {

// Which connections to find.
struct PathRequest {
    enum class Mode {
        Shortest,     // one shortest connection
        AllShortest,  // every shortest connection, at most cap
        KShortest,    // the k shortest loopless connections (Yen)
        Simple,       // every loopless connection within max_hops (default kDefaultSimpleHops), at most cap
        InTimeOrder,  // the earliest-arrival and the fewest-hops connections in time order (time_path.h)
    };
    static constexpr std::size_t kDefaultSimpleHops = 4;
    RelationFilter filter;
    Mode mode = Mode::Shortest;
    std::size_t k = 1;
    std::optional<std::size_t> max_hops;  // longer connections are not answers
    std::size_t cap = 100;
    std::optional<PartialDate> from_date;  // InTimeOrder: the walk starts no earlier
};

struct AnsweredPath {
    std::vector<std::string> nodes;   // entity ids, in order (in the book)
    std::vector<Relation> relations;  // relations[i] links nodes[i] and nodes[i + 1]
    [[nodiscard]] std::size_t length() const { return relations.size(); }
};

// --in-time-order: which of the answer's paths arrive first and take fewest relations, each step's
// state, and why there is none (time_path.h).
struct TimeOrderAnswer {
    std::optional<PartialDate> from_date;
    struct Pick {
        std::size_t path = 0;                         // in PathAnswer::paths
        std::vector<bool> surely;                     // per step: surely in order (else possibly)
        std::optional<PartialDate> arrival;           // the earliest it may arrive: a relation's start or
                                                      // from_date; nullopt: at any time
        std::optional<std::string> arrival_relation;  // the relation whose start that is
    };
    std::optional<Pick> earliest_arrival, fewest_hops;
    // Why there is none (when neither pick is set and the two are connected at all).
    struct Block {
        TimeBlock::Kind kind = TimeBlock::Kind::EndedBefore;
        std::optional<Relation> earlier;  // nullopt: from_date
        Relation later;
        std::size_t connections = 0;
    };
    bool connected = false;  // a connection exists ignoring time
    std::vector<Block> blocks;
    std::size_t connections_examined = 0, examined_hops = 0;
    bool every_connection_examined = false;
    std::size_t undated = 0;  // relations of unknown date, not placed in time and not walked
};

struct PathAnswer {
    std::string from, to;  // entity ids
    std::vector<AnsweredPath> paths;
    bool truncated = false;     // the cap was reached: more paths exist
    bool work_limited = false;  // --simple stopped at its work limit (kSimplePathWork): more may exist
    bool hop_limited = false;   // a hop limit applied (no connection may still exist beyond it)
    std::optional<std::size_t> hop_limit;  // that limit (--simple's default when none was given)
    LeftOut left_out;                      // evidence and undated relations not walked
    // Set when no connection was found but one exists through evidence relations within the same hop
    // limit (so that it uses at least one evidence relation): the two are not partners, yet a document
    // links them. documents: the entities with an evidence relation to both ends (a report that
    // mentions both); hops: the shortest connection with evidence walked.
    struct EvidenceOnly {
        std::vector<std::string> documents;  // entity ids, in the book
        std::size_t hops = 0;
    };
    std::optional<EvidenceOnly> evidence_only;
    std::optional<TimeOrderAnswer> in_time_order;  // set by Mode::InTimeOrder
    AnswerBook book;
};

// Throws UsageError (unknown type), StorageError.
[[nodiscard]] PathAnswer answer_path(const Snapshot& snapshot, VertexId from, VertexId to,
                                     const PathRequest& request);

// JSON: {"from", "to", "paths": [{"length", "nodes", "relations"}], "truncated", "work_limited",
// "hop_limit": null or N, "left_out", "evidence_only": null or {"documents", "hops"}}; with
// --in-time-order also "in_time_order": {"from_date", "earliest_arrival" and "fewest_hops": null or
// {"path", "arrival", "arrival_relation", "steps": ["surely"|"possibly"]}, "connected", "blocks":
// [{"kind": "ended_before"|"undated", "earlier": relation or null, "later": relation, "connections"}],
// "connections_examined", "examined_hops", "every_connection_examined", "undated"}.
void to_json(nlohmann::json& out, const PathAnswer& answer);

}  // namespace kizuna
