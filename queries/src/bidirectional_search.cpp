#include "bidirectional_search.h"

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <unordered_map>

namespace kizuna::queries {

namespace {

// The vertex a half-edge leaves (its CSR source), from its relation's endpoints.
VertexId tail(const Graph& graph, HalfEdge half) {
    return half.reversed() ? graph.to(half.relation()) : graph.from(half.relation());
}

// One side of the search: what it reached, how far, and the half-edge it came by.
struct Side {
    struct Visit {
        std::uint32_t depth;
        HalfEdge via;  // meaningless for the side's own root
    };
    std::unordered_map<VertexId, Visit> reached;
    std::vector<VertexId> frontier;
    std::uint32_t depth = 0;

    explicit Side(VertexId root) : frontier{root} { reached.emplace(root, Visit{0, {}}); }
};

}  // namespace

std::optional<Path> bidirectional_shortest_path(const CompiledFilter& filter, VertexId from, VertexId to,
                                                std::uint32_t max_hops) {
    const Graph& graph = filter.graph();
    if (from == to) return Path{{from}, {}};
    // The forward side walks half-edges as they are; the backward side walks the reverse view, whose
    // out-edges of v are the ways into v (they matter when the query follows relation direction).
    const auto forward_view = filtered(filter);
    const auto backward_view = filtered(filter, nullptr, true);
    Side forward(from), backward(to);

    std::optional<VertexId> meeting;
    std::uint32_t best = kUnreached;
    while (!forward.frontier.empty() && !backward.frontier.empty() && forward.depth + backward.depth < max_hops) {
        const bool grow_forward = forward.frontier.size() <= backward.frontier.size();
        Side& side = grow_forward ? forward : backward;
        const Side& other = grow_forward ? backward : forward;
        std::vector<VertexId> next;
        auto expand = [&](const auto& view) {
            for (const VertexId u : side.frontier) {
                for (const auto& e : boost::make_iterator_range(boost::out_edges(u, view))) {
                    const VertexId v = boost::target(e, view);
                    if (!side.reached.emplace(v, Side::Visit{side.depth + 1, view[e]}).second) continue;
                    next.push_back(v);
                    const auto seen = other.reached.find(v);
                    if (seen != other.reached.end() && side.depth + 1 + seen->second.depth < best) {
                        best = side.depth + 1 + seen->second.depth;
                        meeting = v;
                    }
                }
            }
        };
        if (grow_forward) {
            expand(forward_view);
        } else {
            expand(backward_view);
        }
        side.frontier = std::move(next);
        ++side.depth;
        // Every meeting in this level has the same forward+backward depth sum or one more; the best of
        // the level is the shortest overall.
        if (meeting) break;
    }
    if (!meeting || best > max_hops) return std::nullopt;

    Path path;
    // from ... meeting, walking forward parents back to the root.
    for (VertexId v = *meeting; v != from;) {
        const HalfEdge half = forward.reached.at(v).via;
        path.vertices.push_back(v);
        path.relations.push_back(half.relation());
        v = tail(graph, half);
    }
    path.vertices.push_back(from);
    std::reverse(path.vertices.begin(), path.vertices.end());
    std::reverse(path.relations.begin(), path.relations.end());
    // meeting ... to: each backward parent is a half-edge out of the next vertex towards `to`.
    for (VertexId v = *meeting; v != to;) {
        const HalfEdge half = backward.reached.at(v).via;
        v = tail(graph, half);
        path.relations.push_back(half.relation());
        path.vertices.push_back(v);
    }
    return path;
}

}  // namespace kizuna::queries
