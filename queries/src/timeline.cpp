#include "kizuna/queries/timeline.h"

#include <algorithm>

#include "kizuna/queries/partners.h"
#include "kizuna/queries/traversal.h"

namespace kizuna {

namespace {

// Orders by date with undated relations last; equal dates by relation index (relation-id order).
bool earlier(const std::optional<PartialDate>& a, RelationIndex ra, const std::optional<PartialDate>& b,
             RelationIndex rb) {
    if (a && b && a->packed() != b->packed()) return a->packed() < b->packed();
    if (a.has_value() != b.has_value()) return a.has_value();
    return ra < rb;
}

}  // namespace

std::vector<RelationIndex> entity_timeline(const Graph& graph, VertexId entity,
                                           const RelationFilter& filter) {
    std::vector<RelationIndex> out;
    for (const auto& link : partners(graph, entity, PartnerQuery{filter, false, {}, {}}))
        out.push_back(link.relation);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    std::sort(out.begin(), out.end(), [&](RelationIndex a, RelationIndex b) {
        return earlier(graph.start(a), a, graph.start(b), b);
    });
    return out;
}

namespace {

// The filter with its types only: the changes timeline places dates against the window itself.
RelationFilter types_of(const RelationFilter& filter) {
    RelationFilter types;
    types.types = filter.types;
    types.exclude_types = filter.exclude_types;
    types.include_evidence = filter.include_evidence;
    return types;
}

}  // namespace

std::vector<Change> changes_between(const Graph& graph, const RelationFilter& filter) {
    const DaySpan window = filter.window().value_or(DaySpan{});
    const queries::CompiledFilter types(graph, types_of(filter));
    std::vector<Change> out;
    auto add = [&](Change::Kind kind, RelationIndex r, const std::optional<PartialDate>& date) {
        if (!date) return;
        const Placement where = placement(*date, window);
        if (where != Placement::Outside) out.push_back({kind, r, *date, where == Placement::PossiblyInside});
    };
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (graph.removed(r)) continue;  // by a delta: no more in the data
        if (!types.relation_ok(r)) continue;
        add(Change::Kind::Started, r, graph.start(r));
        add(Change::Kind::Ended, r, graph.end(r));
    }
    std::sort(out.begin(), out.end(), [&](const Change& a, const Change& b) {
        if (a.date.packed() != b.date.packed()) return a.date.packed() < b.date.packed();
        return graph.relation_rank(a.relation) < graph.relation_rank(b.relation);  // a build's order
    });
    return out;
}

std::size_t undated_relations(const Graph& graph, const RelationFilter& filter) {
    const queries::CompiledFilter types(graph, types_of(filter));
    std::size_t count = 0;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (graph.removed(r)) continue;  // by a delta: no more in the data
        if (types.relation_ok(r) && !graph.start(r) && !graph.end(r)) ++count;
    }
    return count;
}

}  // namespace kizuna
