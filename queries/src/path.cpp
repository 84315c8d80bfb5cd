#include "kizuna/queries/path.h"

#include <algorithm>
#include <set>
#include <type_traits>

#include "bidirectional_search.h"
#include "kizuna/queries/traversal.h"

namespace kizuna {

namespace {

using queries::Blocks;
using queries::CompiledFilter;
using queries::kUnreached;
using queries::tail;

std::uint32_t hop_limit(const std::optional<std::size_t>& max_hops) {
    return max_hops ? static_cast<std::uint32_t>(std::min<std::size_t>(*max_hops, kUnreached - 1))
                    : kUnreached;
}

std::optional<Path> bfs_path(const CompiledFilter& filter, const Blocks* blocks, VertexId from, VertexId to,
                             std::uint32_t max_hops) {
    const auto view = queries::filtered(filter, blocks);
    const auto result = queries::bfs(view, from, to, max_hops);
    if (result.distance[to] == kUnreached) return std::nullopt;
    Path path;
    for (VertexId v = to; v != from;) {
        const HalfEdge half = result.parent[v];
        path.vertices.push_back(v);
        path.relations.push_back(half.relation());
        v = tail(filter.graph(), half);
    }
    path.vertices.push_back(from);
    std::reverse(path.vertices.begin(), path.vertices.end());
    std::reverse(path.relations.begin(), path.relations.end());
    return path;
}

// Shorter first, then by vertices (in entity-id order), then by relations, each in a build's order (the
// numbers' order, unless a delta added some: graph.h).
struct PathOrder {
    const Graph* graph;
    bool operator()(const Path& a, const Path& b) const {
        if (a.length() != b.length()) return a.length() < b.length();
        if (!graph->has_delta()) {
            if (a.vertices != b.vertices) return a.vertices < b.vertices;
            return a.relations < b.relations;
        }
        auto vertex_before = [&](VertexId x, VertexId y) {
            return graph->vertex_rank(x) < graph->vertex_rank(y);
        };
        auto relation_before = [&](RelationIndex x, RelationIndex y) {
            return graph->relation_rank(x) < graph->relation_rank(y);
        };
        if (a.vertices != b.vertices)
            return std::lexicographical_compare(a.vertices.begin(), a.vertices.end(), b.vertices.begin(),
                                                b.vertices.end(), vertex_before);
        return std::lexicographical_compare(a.relations.begin(), a.relations.end(), b.relations.begin(),
                                            b.relations.end(), relation_before);
    }
};

}  // namespace

std::optional<Path> shortest_path(const Graph& graph, VertexId from, VertexId to, const PathQuery& query) {
    const CompiledFilter filter(graph, query.filter);
    return queries::bidirectional_shortest_path(filter, from, to, hop_limit(query.max_hops));
}

PathSet all_shortest_paths(const Graph& graph, VertexId from, VertexId to, const PathQuery& query,
                           std::size_t cap) {
    const CompiledFilter filter(graph, query.filter);
    PathSet out;
    if (from == to) {
        out.paths.push_back(Path{{from}, {}});
        return out;
    }
    // Distances from the source up to the target's level; then walk back along edges that lose one level.
    const auto view = queries::filtered(filter);
    const auto found = queries::bfs(view, from, std::nullopt, hop_limit(query.max_hops));
    const std::uint32_t length = found.distance[to];
    if (length == kUnreached) return out;
    // The reverse view walks half-edges backwards, so its out-edges of v are the ways into v.
    const auto reverse_view = queries::filtered(filter, nullptr, true);
    // Depth-first from the target back to the source, with a stack of its own: a shortest connection
    // may be as long as the graph is large, more frames than a thread's stack holds.
    using ReverseView = std::remove_cv_t<decltype(reverse_view)>;
    struct Frame {
        VertexId v;
        typename boost::graph_traits<ReverseView>::out_edge_iterator next, end;
    };
    std::vector<Frame> stack;
    auto enter = [&](VertexId v) {
        const auto [first, last] = boost::out_edges(v, reverse_view);
        stack.push_back(Frame{v, first, last});
    };
    std::vector<VertexId> vertices{to};  // the walk so far, from the target back
    std::vector<RelationIndex> relations;
    enter(to);
    while (!stack.empty() && !out.truncated) {
        Frame& top = stack.back();
        if (top.next == top.end) {
            stack.pop_back();
            if (!stack.empty()) {  // the frame's vertex leaves the walk (the target's is the last)
                vertices.pop_back();
                relations.pop_back();
            }
            continue;
        }
        const auto e = *top.next;
        ++top.next;
        const VertexId u = boost::target(e, reverse_view);
        if (found.distance[u] + 1 != found.distance[top.v]) continue;
        vertices.push_back(u);
        relations.push_back(e.half.relation());
        if (u != from) {
            enter(u);
            continue;
        }
        if (out.paths.size() == cap) {
            out.truncated = true;
        } else {
            out.paths.push_back(
                Path{{vertices.rbegin(), vertices.rend()}, {relations.rbegin(), relations.rend()}});
        }
        vertices.pop_back();
        relations.pop_back();
    }
    std::sort(out.paths.begin(), out.paths.end(), PathOrder{&graph});
    return out;
}

std::vector<Path> k_shortest_paths(const Graph& graph, VertexId from, VertexId to, const PathQuery& query,
                                   std::size_t k) {
    const CompiledFilter filter(graph, query.filter);
    const std::uint32_t max_hops = hop_limit(query.max_hops);
    std::vector<Path> accepted;
    if (k == 0) return accepted;
    auto first = bfs_path(filter, nullptr, from, to, max_hops);
    if (!first) return accepted;
    accepted.push_back(std::move(*first));
    std::set<Path, PathOrder> candidates(PathOrder{&graph});
    Blocks blocks;
    while (accepted.size() < k) {
        const Path& last = accepted.back();
        for (std::size_t i = 0; i + 1 < last.vertices.size(); ++i) {
            const VertexId spur = last.vertices[i];
            blocks.relations.assign(graph.relation_count(), 0);
            blocks.vertices.assign(graph.vertex_count(), 0);
            // Forbid the next relation of every accepted path sharing this root, and the root's vertices.
            for (const auto& path : accepted) {
                if (path.vertices.size() > i + 1 &&
                    std::equal(last.vertices.begin(), last.vertices.begin() + static_cast<long>(i) + 1,
                               path.vertices.begin()) &&
                    std::equal(last.relations.begin(), last.relations.begin() + static_cast<long>(i),
                               path.relations.begin())) {
                    blocks.relations[path.relations[i]] = 1;
                }
            }
            for (std::size_t j = 0; j < i; ++j) blocks.vertices[last.vertices[j]] = 1;
            const std::uint32_t root_length = static_cast<std::uint32_t>(i);
            if (max_hops != kUnreached && root_length >= max_hops) continue;
            const std::uint32_t remaining = max_hops == kUnreached ? kUnreached : max_hops - root_length;
            auto spur_path = bfs_path(filter, &blocks, spur, to, remaining);
            if (!spur_path) continue;
            Path total;
            total.vertices.assign(last.vertices.begin(), last.vertices.begin() + static_cast<long>(i));
            total.relations.assign(last.relations.begin(), last.relations.begin() + static_cast<long>(i));
            total.vertices.insert(total.vertices.end(), spur_path->vertices.begin(),
                                  spur_path->vertices.end());
            total.relations.insert(total.relations.end(), spur_path->relations.begin(),
                                   spur_path->relations.end());
            if (std::find(accepted.begin(), accepted.end(), total) == accepted.end())
                candidates.insert(std::move(total));
        }
        if (candidates.empty()) break;
        accepted.push_back(*candidates.begin());
        candidates.erase(candidates.begin());
    }
    return accepted;
}

PathSet all_simple_paths(const Graph& graph, VertexId from, VertexId to,
                         const RelationFilter& relation_filter, std::size_t max_hops, std::size_t cap) {
    const CompiledFilter filter(graph, relation_filter);
    PathSet out;
    if (from == to) {
        out.paths.push_back(Path{{from}, {}});
        return out;
    }
    const auto limit = static_cast<std::uint32_t>(std::min<std::size_t>(max_hops, kUnreached - 1));
    // Distances to the target prune every branch that cannot arrive within the hop limit.
    const auto to_target = queries::bfs(queries::filtered(filter, nullptr, true), to, std::nullopt, limit);
    const auto view = queries::filtered(filter);
    std::vector<char> on_path(graph.vertex_count(), 0);
    std::vector<VertexId> vertices{from};
    std::vector<RelationIndex> relations;
    on_path[from] = 1;
    // Iterative deepening: all paths of one length before any longer one, so a cap keeps the shortest.
    std::uint32_t length = 0;
    std::size_t steps = 0;
    auto extend = [&](auto&& self, VertexId v) -> void {
        for (const auto& e : boost::make_iterator_range(boost::out_edges(v, view))) {
            if (out.truncated || out.work_limited) return;
            if (++steps > kSimplePathWork) {
                out.work_limited = true;
                return;
            }
            const VertexId w = boost::target(e, view);
            if (on_path[w] || to_target.distance[w] == kUnreached ||
                relations.size() + 1 + to_target.distance[w] > length) {
                continue;
            }
            relations.push_back(e.half.relation());
            vertices.push_back(w);
            if (w == to) {
                if (relations.size() == length) {
                    if (out.paths.size() == cap) {
                        out.truncated = true;
                    } else {
                        out.paths.push_back(Path{vertices, relations});
                    }
                }
            } else {
                on_path[w] = 1;
                self(self, w);
                on_path[w] = 0;
            }
            relations.pop_back();
            vertices.pop_back();
        }
    };
    for (length = 1; length <= limit && !out.truncated && !out.work_limited; ++length) {
        if (to_target.distance[from] > length) continue;
        extend(extend, from);
    }
    std::sort(out.paths.begin(), out.paths.end(), PathOrder{&graph});
    return out;
}

}  // namespace kizuna
