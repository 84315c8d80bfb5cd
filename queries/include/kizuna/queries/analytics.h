#pragma once
// Whole-graph figures: counts by kind and type, connected components, degree and betweenness centrality.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "kizuna/core/graph.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

struct Ranked {
    VertexId vertex;
    double score;
};

struct GraphStats {
    std::size_t entities = 0;
    std::size_t relations = 0;                      // passing the filter, evidence included
    std::map<std::string, std::size_t> by_kind;     // entities per kind
    std::map<std::string, std::size_t> by_country;  // entities per country ("" = none given)
    std::map<std::string, std::size_t> by_type;     // relations per type, evidence included
    // Components and rankings walk the filter's relations (evidence only when the filter says so).
    std::size_t components = 0;                   // connected components, isolated entities included
    std::vector<std::size_t> largest_components;  // sizes, largest first (at most `top`)
    std::vector<Ranked> by_degree;                // most connected first (at most `top`)
    std::vector<Ranked> by_betweenness;           // empty unless requested
    // The sources the betweenness comes from: all entities (exact), or fewer (an estimate). 0: not asked.
    std::size_t betweenness_sources = 0;
};

// Exact betweenness (every entity a source) while entities × relations stays within this; beyond, a
// sample of sources keeps the work near it (bench/README.md: what that costs).
inline constexpr double kExactBetweennessWork = 2.5e8;
// The fewest sources an automatic sample uses, however large the graph.
inline constexpr std::size_t kFewestBetweennessSources = 64;

struct StatsQuery {
    RelationFilter filter;
    std::size_t top = 10;
    bool betweenness = false;  // Brandes' algorithm: O(V·E); see kExactBetweennessWork
    // With betweenness: how many sources to use. 0: all while the work allows, else a sample within it;
    // N: N sources drawn at random (fixed seed: the same answer each time), all when N >= entities.
    std::size_t betweenness_sources = 0;
};

[[nodiscard]] GraphStats graph_stats(const Graph& graph, const StatsQuery& query);

// Connected component of every vertex (undirected view of the relations that pass the filter).
[[nodiscard]] std::vector<std::uint32_t> component_of(const Graph& graph, const RelationFilter& filter);

}  // namespace kizuna
