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
};

// Relations that started or ended within [since, until] (either bound may be absent), in date order.
// Compared at the coarser precision, so since "2019" includes everything dated within 2019.
[[nodiscard]] std::vector<Change> changes_between(const Graph& graph, const std::optional<PartialDate>& since,
                                                  const std::optional<PartialDate>& until,
                                                  const RelationFilter& filter);

}  // namespace kizuna
