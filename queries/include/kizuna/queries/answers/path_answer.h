#pragma once
// `path FROM TO`: how two entities are connected, relation by relation, each with its dates and sources.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/queries/answers/answer_book.h"
#include "kizuna/queries/path.h"

namespace kizuna {

// Which connections to find.
struct PathRequest {
    enum class Mode {
        Shortest,     // one shortest connection
        AllShortest,  // every shortest connection, at most cap
        KShortest,    // the k shortest loopless connections (Yen)
        Simple,       // every loopless connection within max_hops (default kDefaultSimpleHops), at most cap
    };
    static constexpr std::size_t kDefaultSimpleHops = 4;
    RelationFilter filter;
    Mode mode = Mode::Shortest;
    std::size_t k = 1;
    std::optional<std::size_t> max_hops;  // longer connections are not answers
    std::size_t cap = 100;
};

struct AnsweredPath {
    std::vector<std::string> nodes;   // entity ids, in order (in the book)
    std::vector<Relation> relations;  // relations[i] links nodes[i] and nodes[i + 1]
    [[nodiscard]] std::size_t length() const { return relations.size(); }
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
    AnswerBook book;
};

// Throws UsageError (unknown type), StorageError.
[[nodiscard]] PathAnswer answer_path(const Snapshot& snapshot, VertexId from, VertexId to,
                                     const PathRequest& request);

// JSON: {"from", "to", "paths": [{"length", "nodes", "relations"}], "truncated", "work_limited",
// "hop_limit": null or N, "left_out", "evidence_only": null or {"documents", "hops"}}.
void to_json(nlohmann::json& out, const PathAnswer& answer);

}  // namespace kizuna
