#pragma once
// Groups of organisations that work more with one another than with the rest: a partition of the
// entities that maximises modularity, found by igraph's Leiden or Louvain (multilevel) algorithm on the
// relations a filter keeps (evidence left out as in every connection query; dates by the interval rule).
// Parallel relations between two entities each count (a weighted pair). Entities without a relation the
// filter keeps belong to no group.
#include <cstdint>
#include <vector>

#include "kizuna/core/graph.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

enum class CommunityAlgorithm { Leiden, Louvain };

struct CommunityQuery {
    RelationFilter filter;
    CommunityAlgorithm algorithm = CommunityAlgorithm::Leiden;
    double resolution = 1.0;  // > 1: more, smaller groups; < 1: fewer, larger
    std::uint64_t seed = 1;   // the same seed, data and settings give the same groups
};

struct Community {
    std::vector<VertexId> members;  // most connected first (relations kept), then by vertex
    std::size_t relations = 0;      // kept relations with both ends inside
};

struct Communities {
    std::vector<Community> groups;  // largest first, then by their first member's id
    double modularity = 0.0;        // of this partition, at the query's resolution
    std::size_t relations = 0;      // the relations the partition was found on
    std::size_t entities = 0;       // the entities in a group (with at least one such relation)
};

// Throws UsageError for a resolution that is not a positive number, or a type the graph does not know.
[[nodiscard]] Communities find_communities(const Graph& graph, const CommunityQuery& query);

}  // namespace kizuna
