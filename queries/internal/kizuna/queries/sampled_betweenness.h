#pragma once
// Internal to queries (and its tests, through kizuna::queries_internal): betweenness centrality estimated
// from a sample of sources.
//
// Brandes' algorithm costs a breadth-first search and a dependency accumulation per source: O(V·E) for
// all of them, hours on a million relations. Summing the dependencies of a uniform sample of k sources
// and scaling by V/k estimates every vertex's betweenness without bias (Brandes & Pich, 2007). Each
// search is Boost's breadth_first_visit, whose visitor counts the shortest paths; with every vertex as
// a source the result equals Boost's brandes_betweenness_centrality.
#include <vector>

#include "kizuna/queries/traversal.h"

namespace kizuna::queries {

// Betweenness of every vertex of the view (undirected: each unordered pair counted once, as Boost does),
// from the given distinct sources, scaled to all `population` possible sources: vertex_count (the vertex
// numbers), less the numbers of removed entities (Graph::live_vertex_count) when given.
[[nodiscard]] std::vector<double> sampled_betweenness(const FilteredGraph& view, std::size_t vertex_count,
                                                      const std::vector<VertexId>& sources,
                                                      std::size_t population = 0);

}  // namespace kizuna::queries
