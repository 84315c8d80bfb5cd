#pragma once
// Internal to queries (and its tests, through kizuna::queries_internal): the filtered Boost views and
// breadth-first searches every query is built on.
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <functional>
#include <limits>
#include <vector>

#include "kizuna/core/graph_internals.h"
#include "kizuna/queries/filter.h"

namespace kizuna::queries {

inline constexpr std::uint32_t kUnreached = std::numeric_limits<std::uint32_t>::max();

// A RelationFilter turned into per-relation and per-type lookups, computed once per query.
class CompiledFilter {
  public:
    CompiledFilter(const Graph& graph, const RelationFilter& filter);
    // May the half-edge be walked? reverse = walk it backwards (for searches from the target).
    [[nodiscard]] bool allows(HalfEdge half, bool reverse = false) const;
    [[nodiscard]] bool relation_ok(RelationIndex r) const;
    [[nodiscard]] const Graph& graph() const { return graph_; }
    // True when every half-edge may be walked either way: a traversal may then walk the graph itself
    // instead of a filtered view (no predicate per edge).
    [[nodiscard]] bool allows_everything() const { return all_pass_ && !directed_; }

  private:
    // Relations are checked when walked, not all up front: a query touches a small part of a large graph.
    const Graph& graph_;
    bool directed_;
    std::vector<char> type_ok_;  // by type index
    std::optional<DaySpan> window_;
    UndatedPolicy undated_;
    bool all_pass_ = false;  // no type or date condition
    std::vector<char> type_directed_;
};

// Blocks used by Yen's algorithm: relations and vertices a spur path may not use.
struct Blocks {
    std::vector<char> relations;
    std::vector<char> vertices;
};

struct EdgeAllowed {
    const CompiledFilter* filter = nullptr;
    const Blocks* blocks = nullptr;
    bool reverse = false;
    bool operator()(const WalkEdge& e) const;
};

struct VertexAllowed {
    const Blocks* blocks = nullptr;
    bool operator()(VertexId v) const {
        return !blocks || blocks->vertices.empty() || blocks->vertices[v] == 0;
    }
};

using FilteredGraph = boost::filtered_graph<HalfEdgeGraph, EdgeAllowed, VertexAllowed>;

[[nodiscard]] FilteredGraph filtered(const CompiledFilter& filter, const Blocks* blocks = nullptr,
                                     bool reverse = false);

// Breadth-first search from source over the filtered view. distance[v] is kUnreached for vertices not
// reached; parent[v] is the half-edge that first reached v. Stops early once stop_at is discovered, or
// once every vertex within max_depth hops is discovered.
struct BfsResult {
    std::vector<std::uint32_t> distance;
    std::vector<HalfEdge> parent;
};
[[nodiscard]] BfsResult bfs(const FilteredGraph& view, VertexId source,
                            std::optional<VertexId> stop_at = std::nullopt,
                            std::uint32_t max_depth = kUnreached);

// The vertex a half-edge leaves, from its relation's endpoints.
[[nodiscard]] inline VertexId tail(const Graph& graph, HalfEdge half) {
    return half.reversed() ? graph.to(half.relation()) : graph.from(half.relation());
}

}  // namespace kizuna::queries
