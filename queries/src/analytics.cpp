#include "kizuna/queries/analytics.h"

#include <algorithm>
#include <boost/pending/disjoint_sets.hpp>
#include <random>
#include <unordered_map>

#include "kizuna/queries/sampled_betweenness.h"
#include "kizuna/queries/traversal.h"

namespace kizuna {

namespace {

std::vector<Ranked> top_scores(const Graph& graph, const std::vector<double>& scores, std::size_t top) {
    std::vector<Ranked> ranked;
    for (VertexId v = 0; v < scores.size(); ++v) {
        if (scores[v] > 0) ranked.push_back({v, scores[v]});
    }
    const auto count = std::min(top, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(count), ranked.end(),
                      [&](const Ranked& a, const Ranked& b) {
                          if (a.score != b.score) return a.score > b.score;
                          return graph.vertex_rank(a.vertex) < graph.vertex_rank(b.vertex);
                      });
    ranked.resize(count);
    return ranked;
}

}  // namespace

std::vector<std::uint32_t> component_of(const Graph& graph, const RelationFilter& filter) {
    const auto n = graph.vertex_count();
    std::vector<std::uint32_t> rank(n, 0), parent(n);
    boost::disjoint_sets<std::uint32_t*, std::uint32_t*> sets(rank.data(), parent.data());
    for (VertexId v = 0; v < n; ++v) sets.make_set(v);
    const auto& half_edges = GraphInternals::half_edges(graph);
    const queries::CompiledFilter compiled(graph, filter);
    for (const auto& e : boost::make_iterator_range(edges(half_edges))) {  // each relation once
        if (compiled.relation_ok(e.half.relation())) sets.union_set(e.source, e.target);
    }
    // Number components densely, in order of their first vertex (in entity-id order).
    std::unordered_map<std::uint32_t, std::uint32_t> number;
    std::vector<std::uint32_t> out(n);
    for (const VertexId v : graph.vertices_in_order()) {
        out[v] =
            number.try_emplace(sets.find_set(v), static_cast<std::uint32_t>(number.size())).first->second;
    }
    return out;
}

GraphStats graph_stats(const Graph& graph, const StatsQuery& query) {
    GraphStats stats;
    stats.entities = graph.live_vertex_count();
    for (const VertexId v : graph.vertices_in_order()) {
        ++stats.by_kind[graph.kind(v)];
        ++stats.by_country[graph.country(v)];
    }
    std::vector<double> degree(graph.vertex_count(), 0.0);
    std::size_t walked = 0;
    RelationFilter counted = query.filter;  // counts are of the data: evidence is counted, not walked
    counted.include_evidence = true;
    const queries::CompiledFilter counts(graph, counted), walks(graph, query.filter);
    for (const auto& e :
         boost::make_iterator_range(edges(GraphInternals::half_edges(graph)))) {  // each relation once
        const RelationIndex r = e.half.relation();
        if (!counts.relation_ok(r)) continue;
        ++stats.relations;
        ++stats.by_type[graph.type(r).id];
        if (!walks.relation_ok(r)) continue;
        ++walked;
        degree[e.source] += 1;
        degree[e.target] += 1;
    }
    const auto components = component_of(graph, query.filter);
    std::vector<std::size_t> sizes;
    for (const VertexId v : graph.vertices_in_order()) {  // a removed entity is in no component
        const auto c = components[v];
        if (c >= sizes.size()) sizes.resize(c + 1, 0);
        ++sizes[c];
    }
    stats.components = sizes.size();
    std::sort(sizes.begin(), sizes.end(), std::greater<>());
    sizes.resize(std::min(sizes.size(), query.top));
    stats.largest_components = sizes;
    stats.by_degree = top_scores(graph, degree, query.top);

    if (query.betweenness && graph.live_vertex_count() > 0) {
        // The half-edge view is undirected to Boost, so Brandes counts each unordered pair once.
        RelationFilter undirected = query.filter;
        undirected.directed = false;
        const queries::CompiledFilter compiled(graph, undirected);
        const auto view = queries::filtered(compiled);
        const std::size_t n = graph.live_vertex_count();
        std::size_t sources = query.betweenness_sources;
        if (sources == 0) {
            const double relations = double(std::max<std::size_t>(walked, 1));
            sources = double(n) * relations <= kExactBetweennessWork
                          ? n
                          : std::max(kFewestBetweennessSources,
                                     static_cast<std::size_t>(kExactBetweennessWork / relations));
        }
        sources = std::min(sources, n);
        // Every vertex a source (exact), or a uniform sample, the same every time for the same data; in
        // entity-id order (the sums' order: floating point). Path counts are doubles: a 32-bit count
        // (Boost's default) overflows on long chains of parallel relations or diamonds and made scores
        // wrong, infinite or impossible.
        const auto order = graph.vertices_in_order();
        std::vector<VertexId> chosen(order.begin(), order.end());
        if (sources < n) {
            std::mt19937_64 random(0x6b697a756e61);  // "kizuna"
            std::shuffle(chosen.begin(), chosen.end(), random);
            chosen.resize(sources);
            std::sort(chosen.begin(), chosen.end(),
                      [&](VertexId a, VertexId b) { return graph.vertex_rank(a) < graph.vertex_rank(b); });
        }
        const std::vector<double> centrality =
            queries::sampled_betweenness(view, graph.vertex_count(), chosen, n);
        stats.by_betweenness = top_scores(graph, centrality, query.top);
        stats.betweenness_sources = sources;
    }
    return stats;
}

}  // namespace kizuna
