#pragma once
// Shortest paths by breadth-first search over any PropertyGraph, keeping every predecessor at the
// shortest distance: the in-memory graph's search, and Kizuna's for strictly directed patterns (its
// own bidirectional search reads symmetric types both ways).
#include "kizuna/cypher/property_graph.h"

namespace kizuna::cypher {

[[nodiscard]] std::vector<Path> breadth_first_paths(const PropertyGraph& graph, NodeId from, NodeId to,
                                                    Direction direction,
                                                    const std::vector<std::string>& types,
                                                    std::size_t max_hops, bool all);

}  // namespace kizuna::cypher
