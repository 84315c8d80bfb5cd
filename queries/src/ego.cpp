#include "kizuna/queries/ego.h"

#include "traversal.h"

namespace kizuna {

Subgraph ego_network(const Graph& graph, VertexId centre, std::size_t radius, const RelationFilter& filter) {
    const queries::CompiledFilter compiled(graph, filter);
    const auto view = queries::filtered(compiled);
    const auto limit = static_cast<std::uint32_t>(std::min<std::size_t>(radius, queries::kUnreached - 1));
    const auto reached = queries::bfs(view, centre, std::nullopt, limit);
    Subgraph out;
    for (VertexId v = 0; v < graph.vertex_count(); ++v) {
        if (reached.distance[v] == queries::kUnreached) continue;
        out.vertices.push_back(v);
        out.distance.push_back(reached.distance[v]);
    }
    // Relations among the reached vertices: each once, from its own 'from' side.
    for (const VertexId v : out.vertices) {
        for (const auto& e : boost::make_iterator_range(boost::out_edges(v, view))) {
            const HalfEdge half = view[e];
            if (half.reversed() && !filter.directed) continue;
            if (reached.distance[boost::target(e, view)] == queries::kUnreached) continue;
            out.relations.push_back(half.relation());
        }
    }
    std::sort(out.relations.begin(), out.relations.end());
    out.relations.erase(std::unique(out.relations.begin(), out.relations.end()), out.relations.end());
    return out;
}

Subgraph whole_graph(const Graph& graph, const RelationFilter& filter, bool keep_isolated) {
    Subgraph out;
    std::vector<char> used(graph.vertex_count(), keep_isolated ? 1 : 0);
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (!relation_matches(graph, r, filter)) continue;
        out.relations.push_back(r);
        used[graph.from(r)] = used[graph.to(r)] = 1;
    }
    for (VertexId v = 0; v < graph.vertex_count(); ++v) {
        if (used[v]) {
            out.vertices.push_back(v);
            out.distance.push_back(0);
        }
    }
    return out;
}

}  // namespace kizuna
