#pragma once
// What changed between two dates (`changes --from A --to B`): the relations that began or ended between
// them, or whose state (date_rule.h: active, possibly active, inactive) differs at the two dates. Both
// dates are intervals: the period runs from A's first day to B's last, and each state is read against
// the date's own days, as --as-of reads it.
#include <cstddef>
#include <optional>
#include <vector>

#include "kizuna/core/date_rule.h"
#include "kizuna/core/graph.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

struct StateChange {
    RelationIndex relation = 0;
    Activity before = Activity::Inactive;  // at the first date
    Activity after = Activity::Inactive;   // at the second
    Placement began = Placement::Outside;  // where its start lies in the period
    Placement ended = Placement::Outside;  // where its end lies in the period
};

struct StateChanges {
    std::vector<StateChange> changes;  // by the date of their first change, then relation index
    std::size_t undated = 0;           // relations with no dates: they may have changed at any time
};

// The changes of the relations the filter's type conditions keep (evidence left out unless
// filter.include_evidence); with entity, only its own relations. The filter's date conditions are not
// used. REQUIRES: from does not lie wholly after to. Throws UsageError for a type the graph does not know.
[[nodiscard]] StateChanges state_changes(const Graph& graph, const RelationFilter& filter,
                                         const PartialDate& from, const PartialDate& to,
                                         std::optional<VertexId> entity);

}  // namespace kizuna
