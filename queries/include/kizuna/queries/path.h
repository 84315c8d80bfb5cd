#pragma once
// Connections between two entities. A path lists its vertices in order and, between each pair, the
// relation that links them (whose own direction may run either way: see Graph::from/to).
// Equal-length paths come in a fixed order: by their vertices (entity-id order), then their relations'
// indices (the graph's numbering); the answers (answers/path_answer.h) order them by relation id.
#include <cstddef>
#include <optional>
#include <vector>

#include "kizuna/core/graph.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

struct Path {
    std::vector<VertexId> vertices;
    std::vector<RelationIndex> relations;  // relations[i] links vertices[i] and vertices[i + 1]
    [[nodiscard]] std::size_t length() const { return relations.size(); }
    friend bool operator==(const Path&, const Path&) = default;
};

struct PathQuery {
    RelationFilter filter;
    std::optional<std::size_t> max_hops;  // longer connections are not answers
};

// A bounded set of paths: truncated says the cap was reached and more paths exist.
struct PathSet {
    std::vector<Path> paths;
    bool truncated = false;     // the cap was reached: more paths exist
    bool work_limited = false;  // the search stopped at its work limit: more paths may exist
};

// The most relations an enumeration of loopless paths steps along before it stops with what it found
// (loopless paths multiply with every hop; this keeps one query to a few seconds).
inline constexpr std::size_t kSimplePathWork = 20'000'000;

// The shortest connection (fewest relations), or nullopt when none exists within the query's bounds.
// from == to gives the path of length 0.
[[nodiscard]] std::optional<Path> shortest_path(const Graph& graph, VertexId from, VertexId to,
                                                const PathQuery& query);

// Every shortest connection, at most cap of them.
[[nodiscard]] PathSet all_shortest_paths(const Graph& graph, VertexId from, VertexId to,
                                         const PathQuery& query, std::size_t cap);

// The k shortest loopless connections (Yen's algorithm), in non-decreasing length.
[[nodiscard]] std::vector<Path> k_shortest_paths(const Graph& graph, VertexId from, VertexId to,
                                                 const PathQuery& query, std::size_t k);

// Every loopless connection of at most max_hops relations, shortest first, at most cap of them, found
// within kSimplePathWork steps.
[[nodiscard]] PathSet all_simple_paths(const Graph& graph, VertexId from, VertexId to,
                                       const RelationFilter& filter, std::size_t max_hops, std::size_t cap);

}  // namespace kizuna
