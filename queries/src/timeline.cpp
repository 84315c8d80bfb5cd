#include "kizuna/queries/timeline.h"

#include <algorithm>

#include "kizuna/queries/partners.h"

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

std::vector<Change> changes_between(const Graph& graph, const std::optional<PartialDate>& since,
                                    const std::optional<PartialDate>& until, const RelationFilter& filter) {
    std::vector<Change> out;
    auto within = [&](const PartialDate& date) {
        return (!since || compare_coarse(date, *since) >= 0) && (!until || compare_coarse(date, *until) <= 0);
    };
    RelationFilter types_only;
    types_only.types = filter.types;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (!relation_matches(graph, r, types_only)) continue;
        if (const auto start = graph.start(r); start && within(*start))
            out.push_back({Change::Kind::Started, r, *start});
        if (const auto end = graph.end(r); end && within(*end)) out.push_back({Change::Kind::Ended, r, *end});
    }
    std::sort(out.begin(), out.end(), [](const Change& a, const Change& b) {
        if (a.date.packed() != b.date.packed()) return a.date.packed() < b.date.packed();
        return a.relation < b.relation;
    });
    return out;
}

}  // namespace kizuna
