#pragma once
// Direct partners of an entity and the entities two entities share.
#include <string>
#include <vector>

#include "kizuna/core/graph.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

// One relation from the entity's point of view.
struct Link {
    VertexId partner;
    RelationIndex relation;
    bool outgoing;  // the relation runs entity -> partner in its own direction
};

struct PartnerQuery {
    RelationFilter filter;               // filter.directed keeps only outgoing links (and symmetric ones)
    bool incoming_only = false;          // keep only partner -> entity links (and symmetric ones)
    std::vector<std::string> countries;  // counterpart's country (ISO codes); empty = any
    std::vector<std::string> kinds;      // counterpart's kind; empty = any
};

// Every link of the entity that passes the query, ordered by partner id, then start date, then relation.
// Throws UsageError for a country or kind that no entity has (a typo would otherwise answer "none").
[[nodiscard]] std::vector<Link> partners(const Graph& graph, VertexId entity, const PartnerQuery& query);

struct CommonPartner {
    VertexId partner;
    std::vector<RelationIndex> with_a;
    std::vector<RelationIndex> with_b;
};

// Entities related to both a and b (excluding a and b), ordered by partner id.
[[nodiscard]] std::vector<CommonPartner> common_partners(const Graph& graph, VertexId a, VertexId b,
                                                         const RelationFilter& filter);

}  // namespace kizuna
