#include "kizuna/queries/ego.h"

#include "kizuna/queries/traversal.h"

namespace kizuna {

namespace {

// The vertices with a distance, and the relations among them (each once, from its own 'from' side).
Subgraph collect(const Graph& graph, const queries::FilteredGraph& view,
                 const std::vector<std::uint32_t>& distance, bool directed) {
    Subgraph out;
    for (VertexId v = 0; v < graph.vertex_count(); ++v) {
        if (distance[v] == queries::kUnreached) continue;
        out.vertices.push_back(v);
        out.distance.push_back(distance[v]);
    }
    for (const VertexId v : out.vertices) {
        for (const auto& e : boost::make_iterator_range(boost::out_edges(v, view))) {
            const HalfEdge half = e.half;
            if (half.reversed() && !directed) continue;
            if (distance[boost::target(e, view)] == queries::kUnreached) continue;
            out.relations.push_back(half.relation());
        }
    }
    std::sort(out.relations.begin(), out.relations.end());
    out.relations.erase(std::unique(out.relations.begin(), out.relations.end()), out.relations.end());
    in_build_order(graph, out);
    return out;
}

std::uint32_t depth_limit(std::size_t radius) {
    return static_cast<std::uint32_t>(std::min<std::size_t>(radius, queries::kUnreached - 1));
}

}  // namespace

void in_build_order(const Graph& graph, Subgraph& out) {
    if (!graph.has_delta()) return;
    std::vector<std::size_t> order(out.vertices.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return graph.vertex_rank(out.vertices[a]) < graph.vertex_rank(out.vertices[b]);
    });
    std::vector<VertexId> vertices;
    std::vector<std::uint32_t> distance;
    for (const auto i : order) {
        vertices.push_back(out.vertices[i]);
        distance.push_back(out.distance[i]);
    }
    out.vertices = std::move(vertices);
    out.distance = std::move(distance);
    std::sort(out.relations.begin(), out.relations.end(), [&](RelationIndex a, RelationIndex b) {
        return graph.relation_rank(a) < graph.relation_rank(b);
    });
}

Subgraph ego_network(const Graph& graph, VertexId centre, std::size_t radius, const RelationFilter& filter) {
    return neighbourhood(graph, {centre}, radius, filter);
}

Subgraph neighbourhood(const Graph& graph, const std::vector<VertexId>& centres, std::size_t radius,
                       const RelationFilter& filter) {
    const queries::CompiledFilter compiled(graph, filter);
    const auto view = queries::filtered(compiled);
    std::vector<std::uint32_t> distance(graph.vertex_count(), queries::kUnreached);
    for (const VertexId centre : centres) {
        const auto reached = queries::bfs(view, centre, std::nullopt, depth_limit(radius));
        for (VertexId v = 0; v < graph.vertex_count(); ++v)
            distance[v] = std::min(distance[v], reached.distance[v]);
    }
    return collect(graph, view, distance, filter.directed);
}

Subgraph whole_graph(const Graph& graph, const RelationFilter& filter, bool keep_isolated) {
    Subgraph out;
    std::vector<char> used(graph.vertex_count(), keep_isolated ? 1 : 0);
    const queries::CompiledFilter compiled(graph, filter);
    for (const auto& e :
         boost::make_iterator_range(edges(GraphInternals::half_edges(graph)))) {  // in relation order
        const RelationIndex r = e.half.relation();
        if (!compiled.relation_ok(r)) continue;
        out.relations.push_back(r);
        used[e.source] = used[e.target] = 1;
    }
    for (const VertexId v : graph.vertices_in_order()) {  // not a removed entity's number
        if (used[v]) {
            out.vertices.push_back(v);
            out.distance.push_back(0);
        }
    }
    in_build_order(graph, out);
    return out;
}

}  // namespace kizuna
