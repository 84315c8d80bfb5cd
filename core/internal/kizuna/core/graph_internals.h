#pragma once
// Internal to Kizuna's modules that run Boost.Graph algorithms on a kizuna::Graph (queries, and core's
// own tests): the graph's relations as an undirected graph of half-edges (half_edge_graph.h). Reached
// through the CMake target kizuna::core_internal; not part of the public API.
#include "kizuna/core/graph.h"
#include "kizuna/core/half_edge_graph.h"

namespace kizuna {

struct GraphInternals {
    // Valid as long as the graph; const, so safe to share between threads.
    [[nodiscard]] static const HalfEdgeGraph& half_edges(const Graph& graph);
};

}  // namespace kizuna
