#pragma once
// A part of the graph: what a neighbourhood query selects and what a diagram draws.
#include <cstdint>
#include <vector>

#include "kizuna/core/graph.h"

namespace kizuna {

// A set of vertices and the relations among them, both in index order.
struct Subgraph {
    std::vector<VertexId> vertices;
    std::vector<std::uint32_t> distance;  // hops from the centre, parallel to vertices (0 for the centre)
    std::vector<RelationIndex> relations;
};

}  // namespace kizuna
