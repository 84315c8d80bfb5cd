#pragma once
// Private to queries: the shortest connection by bidirectional breadth-first search. Boost.Graph has
// no bidirectional BFS; this one walks the same filtered Boost views as every other query. It expands
// the smaller frontier a whole level at a time, so on a power-law graph it touches a few thousand
// vertices where a one-sided search touches most of the graph.
#include <optional>

#include "kizuna/queries/path.h"
#include "kizuna/queries/traversal.h"

namespace kizuna::queries {

// The shortest path from -> to of at most max_hops relations, or nullopt. Deterministic: ties are
// broken by the half-edge order (see half_edge_graph.h) and by the order vertices entered each frontier.
[[nodiscard]] std::optional<Path> bidirectional_shortest_path(const CompiledFilter& filter, VertexId from,
                                                              VertexId to, std::uint32_t max_hops);

}  // namespace kizuna::queries
