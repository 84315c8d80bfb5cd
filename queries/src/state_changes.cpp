#include "kizuna/queries/state_changes.h"

#include <algorithm>

#include "kizuna/queries/traversal.h"

namespace kizuna {

namespace {

Placement placed(const std::optional<PartialDate>& date, const DaySpan& period) {
    return date ? placement(*date, period) : Placement::Outside;
}

// The day a change is sorted by: its start when it began in the period, else its end, else its start.
std::int32_t change_day(const Graph& graph, const StateChange& change) {
    const auto start = graph.start(change.relation), end = graph.end(change.relation);
    const auto& date = change.began == Placement::Outside && end ? end : start ? start : end;
    return days_of(*date).first;
}

bool touches(const Graph& graph, RelationIndex r, std::optional<VertexId> entity) {
    return !entity || graph.to(r) == *entity || graph.from(r) == *entity;
}

}  // namespace

StateChanges state_changes(const Graph& graph, const RelationFilter& filter, const PartialDate& from,
                           const PartialDate& to, std::optional<VertexId> entity) {
    RelationFilter types;  // the type conditions only: the dates are this query's own
    types.types = filter.types;
    types.exclude_types = filter.exclude_types;
    types.include_evidence = filter.include_evidence;
    const queries::CompiledFilter kept(graph, types);
    const DaySpan at_from = days_of(from), at_to = days_of(to);
    const DaySpan period{at_from.first, at_to.last};
    StateChanges out;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (graph.removed(r)) continue;  // by a delta: no more in the data
        if (!touches(graph, r, entity) || !kept.relation_ok(r)) continue;
        const auto start = graph.start(r), end = graph.end(r);
        if (!start && !end) {
            ++out.undated;
            continue;
        }
        const StateChange change{r, activity(start, end, at_from), activity(start, end, at_to),
                                 placed(start, period), placed(end, period)};
        if (change.before != change.after || change.began != Placement::Outside ||
            change.ended != Placement::Outside) {
            out.changes.push_back(change);
        }
    }
    std::sort(out.changes.begin(), out.changes.end(), [&](const StateChange& a, const StateChange& b) {
        const auto day_a = change_day(graph, a), day_b = change_day(graph, b);
        if (day_a != day_b) return day_a < day_b;
        return graph.relation_rank(a.relation) < graph.relation_rank(b.relation);  // a build's order
    });
    return out;
}

}  // namespace kizuna
