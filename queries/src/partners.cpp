#include "kizuna/queries/partners.h"

#include <algorithm>
#include <map>

#include "kizuna/core/errors.h"
#include "kizuna/queries/traversal.h"
#include "named_values.h"

namespace kizuna {

namespace {

bool listed(const std::vector<std::string>& allowed, const std::string& value) {
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

int start_key(const Graph& graph, RelationIndex r) {
    const auto start = graph.start(r);
    return start ? start->packed() : 0;
}

}  // namespace

std::vector<Link> partners(const Graph& graph, VertexId entity, const PartnerQuery& query) {
    const auto countries =
        queries::named_values(graph, query.countries, queries::Vocabulary::Country, "--country");
    const auto kinds = queries::named_values(graph, query.kinds, queries::Vocabulary::Kind, "--kind");
    RelationFilter undirected = query.filter;
    undirected.directed = false;  // direction is applied below, per link
    const queries::CompiledFilter filter(graph, undirected);
    const auto view = queries::filtered(filter);
    std::vector<Link> links;
    for (const auto& e : boost::make_iterator_range(boost::out_edges(entity, view))) {
        const HalfEdge half = e.half;
        const VertexId partner = boost::target(e, view);
        const bool outgoing = !half.reversed();
        const bool symmetric = !graph.type(half.relation()).directed;
        if (query.filter.directed && !outgoing && !symmetric) continue;
        if (query.incoming_only && outgoing && !symmetric) continue;
        if (!listed(countries, graph.country(partner)) || !listed(kinds, graph.kind(partner))) continue;
        links.push_back({partner, half.relation(), outgoing});
    }
    std::stable_sort(links.begin(), links.end(), [&](const Link& a, const Link& b) {
        if (a.partner != b.partner) return graph.vertex_rank(a.partner) < graph.vertex_rank(b.partner);
        return start_key(graph, a.relation) < start_key(graph, b.relation);
    });
    return links;
}

std::vector<CommonPartner> common_partners(const Graph& graph, VertexId a, VertexId b,
                                           const RelationFilter& filter) {
    PartnerQuery query{filter, false, {}, {}};
    std::map<VertexId, CommonPartner> found;
    for (const auto& link : partners(graph, a, query)) {
        if (link.partner == b) continue;
        auto& entry = found[link.partner];
        entry.partner = link.partner;
        entry.with_a.push_back(link.relation);
    }
    std::vector<CommonPartner> out;
    for (const auto& link : partners(graph, b, query)) {
        const auto it = found.find(link.partner);
        if (it != found.end()) it->second.with_b.push_back(link.relation);
    }
    for (auto& [vertex, entry] : found) {
        if (!entry.with_b.empty()) out.push_back(std::move(entry));
    }
    if (graph.has_delta()) {  // in entity-id order (a delta's vertices are numbered after the others)
        std::sort(out.begin(), out.end(), [&](const CommonPartner& x, const CommonPartner& y) {
            return graph.vertex_rank(x.partner) < graph.vertex_rank(y.partner);
        });
    }
    return out;
}

}  // namespace kizuna
