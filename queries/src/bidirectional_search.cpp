#include "bidirectional_search.h"

#include <algorithm>
#include <boost/range/iterator_range.hpp>

namespace kizuna::queries {

namespace {

// One side of the search: what it reached, how far, and the half-edge it came by. The arrays are as
// long as the graph has vertices and are reused across searches on the same thread; an entry counts only
// when its stamp is the current search's, so starting a search costs nothing however large the graph.
struct Side {
    std::vector<std::uint32_t> stamp;
    std::vector<std::uint32_t> depth_of;
    std::vector<HalfEdge> via;  // meaningless for the side's own root
    std::vector<VertexId> frontier, next;
    std::uint32_t depth = 0;

    bool reached(VertexId v, std::uint32_t search) const { return stamp[v] == search; }
    void reach(VertexId v, std::uint32_t search, std::uint32_t d, HalfEdge edge) {
        stamp[v] = search;
        depth_of[v] = d;
        via[v] = edge;
    }
    void start(VertexId root, std::uint32_t search, std::size_t vertices) {
        if (stamp.size() != vertices) {
            stamp.assign(vertices, 0);
            depth_of.assign(vertices, 0);
            via.assign(vertices, HalfEdge{});
        }
        frontier.assign(1, root);
        depth = 0;
        reach(root, search, 0, HalfEdge{});
    }
};

struct Workspace {
    Side forward, backward;
    std::uint32_t search = 0;

    // A fresh stamp; on wrap-around every stamp is cleared so that none is mistaken for the new one.
    std::uint32_t next_search() {
        if (++search == 0) {
            for (Side* side : {&forward, &backward}) std::fill(side->stamp.begin(), side->stamp.end(), 0);
            search = 1;
        }
        return search;
    }
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
    thread_local Workspace workspace;
    const std::uint32_t search = workspace.next_search();
    Side& forward = workspace.forward;
    Side& backward = workspace.backward;
    forward.start(from, search, graph.vertex_count());
    backward.start(to, search, graph.vertex_count());

    std::optional<VertexId> meeting;
    std::uint32_t best = kUnreached;
    while (!forward.frontier.empty() && !backward.frontier.empty() &&
           forward.depth + backward.depth < max_hops) {
        const bool grow_forward = forward.frontier.size() <= backward.frontier.size();
        Side& side = grow_forward ? forward : backward;
        const Side& other = grow_forward ? backward : forward;
        side.next.clear();
        auto expand = [&](const auto& view) {
            for (const VertexId u : side.frontier) {
                using boost::out_edges;  // found by argument lookup for both kinds of view
                using boost::target;
                for (const auto& e : boost::make_iterator_range(out_edges(u, view))) {
                    const VertexId v = target(e, view);
                    if (side.reached(v, search)) continue;
                    side.reach(v, search, side.depth + 1, e.half);
                    side.next.push_back(v);
                    if (other.reached(v, search)) {
                        best = side.depth + 1 + other.depth_of[v];
                        meeting = v;
                        return;
                    }
                }
            }
        };
        if (filter.allows_everything()) {
            expand(GraphInternals::half_edges(graph));  // both sides walk every half-edge
        } else if (grow_forward) {
            expand(forward_view);
        } else {
            expand(backward_view);
        }
        // The first meeting is a shortest connection, so the level need not be finished (on a power-law
        // graph the last level is often a hub's thousands of relations). Why: no vertex of this side's
        // frontier has been reached by the other side (that would have been a meeting already), so a
        // vertex the other side reached before its last level cannot neighbour this frontier - expanding
        // it would have reached the neighbour. Every meeting of this level is with the other side's last
        // level: all have the same length, side.depth + 1 + other.depth.
        if (meeting) break;
        side.frontier.swap(side.next);
        ++side.depth;
    }
    if (!meeting || best > max_hops) return std::nullopt;

    Path path;
    // from ... meeting, walking forward parents back to the root.
    for (VertexId v = *meeting; v != from;) {
        const HalfEdge half = forward.via[v];
        path.vertices.push_back(v);
        path.relations.push_back(half.relation());
        v = tail(graph, half);
    }
    path.vertices.push_back(from);
    std::reverse(path.vertices.begin(), path.vertices.end());
    std::reverse(path.relations.begin(), path.relations.end());
    // meeting ... to: each backward parent is a half-edge out of the next vertex towards `to`.
    for (VertexId v = *meeting; v != to;) {
        const HalfEdge half = backward.via[v];
        v = tail(graph, half);
        path.relations.push_back(half.relation());
        path.vertices.push_back(v);
    }
    return path;
}

}  // namespace kizuna::queries
