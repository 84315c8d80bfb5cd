#pragma once
// Neighbourhoods and other subgraphs that the renderer can draw.
#include <cstdint>
#include <vector>

#include "kizuna/core/graph.h"
#include "kizuna/core/subgraph.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

// Everything within radius hops of centre, and every relation that passes the filter between two such
// vertices. Radius 0 is the centre alone.
[[nodiscard]] Subgraph ego_network(const Graph& graph, VertexId centre, std::size_t radius,
                                   const RelationFilter& filter);

// Everything within radius hops of any of the centres (distance: to the nearest), and the relations
// among them, e.g. a path and its surroundings.
[[nodiscard]] Subgraph neighbourhood(const Graph& graph, const std::vector<VertexId>& centres,
                                     std::size_t radius, const RelationFilter& filter);

// The whole graph as a subgraph, keeping the relations that pass the filter; vertices with none of them
// are kept only when keep_isolated.
[[nodiscard]] Subgraph whole_graph(const Graph& graph, const RelationFilter& filter, bool keep_isolated);

// Puts a subgraph listed in vertex and relation number order (with its distances) in the order of a
// graph built anew, which differs when a delta added vertices or relations (graph.h); else leaves it.
void in_build_order(const Graph& graph, Subgraph& subgraph);

}  // namespace kizuna
