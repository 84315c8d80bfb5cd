#include "kizuna/queries/partners.h"

#include <algorithm>
#include <map>

#include "kizuna/core/errors.h"
#include "kizuna/core/vocabulary.h"
#include "kizuna/queries/traversal.h"

namespace kizuna {

namespace {

bool listed(const std::vector<std::string>& allowed, const std::string& value) {
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// The ids the user's words name (an id or a name in any language: "企業", "Japan"). A counterpart
// condition that can never hold is a typo, not an answer: "companies", "JPN".
std::vector<std::string> known_ids(const std::vector<std::string>& wanted,
                                   const std::vector<std::string>& known, const char* what,
                                   const char* option) {
    std::vector<std::string> ids;
    for (const auto& value : wanted) {
        const auto found =
            std::string(option) == "--kind" ? match_kind(value, known) : match_country(value, known);
        if (found) {
            ids.push_back(*found);
            continue;
        }
        std::vector<std::string> sorted = known;
        std::sort(sorted.begin(), sorted.end());
        std::string list;
        for (const auto& k : sorted) {
            if (!k.empty()) list += (list.empty() ? "" : ", ") + k;
        }
        throw UsageError(std::string(option) + ": no entity has the " + what + " '" + value +
                         "' (there are: " + list + ")");
    }
    return ids;
}

int start_key(const Graph& graph, RelationIndex r) {
    const auto start = graph.start(r);
    return start ? start->packed() : 0;
}

}  // namespace

std::vector<Link> partners(const Graph& graph, VertexId entity, const PartnerQuery& query) {
    const auto countries = known_ids(query.countries, graph.countries(), "country", "--country");
    const auto kinds = known_ids(query.kinds, graph.kinds(), "kind", "--kind");
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
        if (a.partner != b.partner) return a.partner < b.partner;
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
    return out;
}

}  // namespace kizuna
