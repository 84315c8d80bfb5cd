#pragma once
// Relations in time: an entity's history, and what changed across the whole graph between two dates.
#include <optional>
#include <vector>

#include "kizuna/core/graph.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

// The entity's relations that pass the filter, by start date (undated last), then relation index (the
// graph's numbering; the answers order equal dates by relation id).
[[nodiscard]] std::vector<RelationIndex> entity_timeline(const Graph& graph, VertexId entity,
                                                         const RelationFilter& filter);

struct Change {
    enum class Kind { Started, Ended };
    Kind kind;
    RelationIndex relation;
    PartialDate date;
    // The date's interval straddles an edge of the window: the change may lie outside it ("2019" with
    // --since 2019-06).
    bool possibly = false;
};

// Relations that started or ended within the window [since, until] of the filter (date_rule.h:
// surely inside, or possibly inside when the date's interval straddles an edge), in date order.
// Only the filter's types apply; undated relations have no changes to list.
[[nodiscard]] std::vector<Change> changes_between(const Graph& graph, const RelationFilter& filter);

// How many relations passing the filter's types have no dates at all (they may have changed at any time).
[[nodiscard]] std::size_t undated_relations(const Graph& graph, const RelationFilter& filter);

}  // namespace kizuna
