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
    std::size_t relations = 0;                      // passing the filter
    std::map<std::string, std::size_t> by_kind;     // entities per kind
    std::map<std::string, std::size_t> by_country;  // entities per country ("" = none given)
    std::map<std::string, std::size_t> by_type;     // relations per type
    std::size_t components = 0;                     // connected components, isolated entities included
    std::vector<std::size_t> largest_components;    // sizes, largest first (at most `top`)
    std::vector<Ranked> by_degree;                  // most connected first (at most `top`)
    std::vector<Ranked> by_betweenness;             // empty unless requested
};

struct StatsQuery {
    RelationFilter filter;
    std::size_t top = 10;
    bool betweenness = false;  // Brandes' algorithm: O(V·E), for graphs up to about 100k relations
};

[[nodiscard]] GraphStats graph_stats(const Graph& graph, const StatsQuery& query);

// Connected component of every vertex (undirected view of the relations that pass the filter).
[[nodiscard]] std::vector<std::uint32_t> component_of(const Graph& graph, const RelationFilter& filter);

}  // namespace kizuna
