#include "kizuna/queries/answers/brief_answer.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "answer_builder.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/json.h"
#include "kizuna/queries/partners.h"

namespace kizuna {

namespace {

// The most parts followed below the entity: a hub's thousands of subsidiaries would each add their rows.
constexpr std::size_t kMostBriefParts = 200;

// A relation placed in a section before its details are fetched (a hub has more than a sheet shows).
struct Placed {
    RelationIndex relation;
    VertexId subject, counterpart;
};

bool brief_is_part_type(const std::string& type) { return type == "part_of" || type == "subsidiary_of"; }

// The entity's parts: what is part_of or subsidiary_of it, and their parts, nearest first.
std::vector<VertexId> brief_parts(const Graph& graph, VertexId entity) {
    std::vector<VertexId> found;
    std::set<VertexId> seen = {entity};
    PartnerQuery incoming;
    incoming.incoming_only = true;
    for (std::size_t next = 0; next <= found.size(); ++next) {
        const VertexId whole = next == 0 ? entity : found[next - 1];
        for (const auto& link : partners(graph, whole, incoming)) {
            if (link.outgoing || !brief_is_part_type(graph.type(link.relation).id)) continue;
            if (found.size() < kMostBriefParts && seen.insert(link.partner).second)
                found.push_back(link.partner);
        }
    }
    return found;
}

// A section's order: newest first, undated last, then as the data holds them (by category first in 4a).
std::int32_t brief_start_day(const Graph& graph, RelationIndex r) {
    const auto start = graph.start(r);
    return start ? days_of(*start).first : -1;
}

// Categories in the order section (4a) groups them: agreements first, then programmes.
int brief_category_rank(const std::string& category) {
    static const std::vector<std::string> order = {"collaboration", "programme", "ownership", "governance"};
    const auto at = std::find(order.begin(), order.end(), category);
    return static_cast<int>(at - order.begin());
}

class BriefWriter {
  public:
    BriefWriter(const Snapshot& snapshot, BriefAnswer& answer)
        : builder_(snapshot, answer.book), answer_(answer) {}

    std::vector<std::size_t> notes(const std::vector<Source>& sources) {
        std::vector<std::size_t> out;
        for (const auto& source : sources) {
            const auto key = std::make_tuple(source.title, source.url, source.locator);
            auto [at, fresh] = numbers_.emplace(key, answer_.sources.size() + 1);
            if (fresh) answer_.sources.push_back(source);
            if (std::find(out.begin(), out.end(), at->second) == out.end()) out.push_back(at->second);
        }
        return out;
    }

    // Sorts, caps and fetches the placed relations as a section (footnotes numbered in sheet order).
    void section(const std::string& id, std::vector<Placed> placed, bool by_category, std::size_t most) {
        const Graph& graph = builder_.graph();
        // Each key computed once, and only the shown ones put in order (a hub's section holds 10^5).
        using Key = std::tuple<int, std::int32_t, RelationKey>;
        std::vector<std::pair<Key, std::size_t>> keyed;
        keyed.reserve(placed.size());
        for (std::size_t i = 0; i < placed.size(); ++i) {
            const RelationIndex r = placed[i].relation;
            keyed.push_back({{by_category ? brief_category_rank(graph.type(r).category) : 0,
                              -brief_start_day(graph, r), graph.relation_key(r)},
                             i});
        }
        const std::size_t shown = std::min(most, keyed.size());
        std::partial_sort(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(shown), keyed.end());
        BriefSection section{id, {}, placed.size()};
        for (std::size_t k = 0; k < shown; ++k) {
            const Placed& p = placed[keyed[k].second];
            BriefItem item;
            item.relation = builder_.relation(p.relation);
            item.index = p.relation;
            item.subject = std::string(graph.entity_id(p.subject));
            item.counterpart = std::string(graph.entity_id(p.counterpart));
            item.state = activity(item.relation.start, item.relation.end, answer_.window);
            item.notes = notes(item.relation.sources);
            for (const char* name : {"caveat", "note"}) {
                if (auto found = item.relation.attributes.find(name);
                    found != item.relation.attributes.end()) {
                    item.caveat = found->second;
                    break;
                }
            }
            builder_.entity(p.subject);
            builder_.entity(p.counterpart);
            section.items.push_back(std::move(item));
        }
        answer_.sections.push_back(std::move(section));
    }

    queries::AnswerBuilder& builder() { return builder_; }

  private:
    queries::AnswerBuilder builder_;
    BriefAnswer& answer_;
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> numbers_;
};

}  // namespace

bool is_government_kind(const std::string& kind) {
    static const std::set<std::string> kinds = {"government", "ministry",   "agency",
                                                "department", "prefecture", "municipality"};
    return kinds.count(kind) > 0;
}

bool is_thing_kind(const std::string& kind) {
    static const std::set<std::string> kinds = {"programme", "system", "policy", "document", "agreement"};
    return kinds.count(kind) > 0;
}

const BriefSection* BriefAnswer::section(const std::string& id) const {
    for (const auto& s : sections) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

BriefAnswer answer_brief(const Snapshot& snapshot, const BriefQuery& query) {
    const Graph& graph = snapshot.graph();
    if (!query.country.empty()) {
        const auto& countries = graph.countries();
        if (std::find(countries.begin(), countries.end(), query.country) == countries.end())
            throw UsageError("--country " + query.country + ": no entity has this country");
    }
    BriefAnswer answer;
    answer.as_of = query.as_of;
    answer.window = days_of(query.as_of);
    answer.book.window = answer.window;
    answer.country = query.country;
    answer.most_per_section = query.most_per_section;
    BriefWriter writer(snapshot, answer);
    answer.entity = writer.builder().entity(query.entity);
    answer.entity_notes = writer.notes(answer.entity.sources);
    if (query.about) answer.about = std::string(graph.entity_id(*query.about));

    const std::vector<VertexId> parts = brief_parts(graph, query.entity);
    std::set<VertexId> own(parts.begin(), parts.end());
    own.insert(query.entity);
    for (const VertexId p : parts) answer.parts.emplace_back(graph.entity_id(p));

    std::map<std::string, std::vector<Placed>> placed;
    std::set<RelationIndex> seen;
    PartnerQuery everything;
    everything.filter.include_evidence = true;
    std::vector<VertexId> subjects = {query.entity};
    subjects.insert(subjects.end(), parts.begin(), parts.end());
    for (const VertexId subject : subjects) {
        for (const auto& link : partners(graph, subject, everything)) {
            if (!seen.insert(link.relation).second) continue;
            const RelationType& type = graph.type(link.relation);
            const std::string& kind = graph.kind(link.partner);
            std::string id;
            if (own.count(link.partner) > 0) {
                id = "structure";
            } else if (query.about && link.partner == *query.about) {
                id = "about";
            } else if (is_evidence(type)) {
                id = "other";
            } else if (!query.country.empty() && graph.country(link.partner) == query.country) {
                id = "government";
            } else if (is_thing_kind(kind)) {
                id = "does";
            } else if (type.category == "governance" || type.category == "ownership") {
                id = "structure";
            } else {
                id = "other";
            }
            placed[id].push_back({link.relation, subject, link.partner});
        }
    }

    // (4b): the two countries' companies and institutions, the entity and its parts aside.
    const std::string& home = graph.country(query.entity);
    const bool business = !query.country.empty() && !home.empty() && home != query.country;
    if (business) {
        auto organisation = [&](VertexId v) {
            return own.count(v) == 0 && !is_government_kind(graph.kind(v)) && !is_thing_kind(graph.kind(v));
        };
        for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
            if (graph.removed(r)) continue;  // by a delta: no more in the data
            const VertexId a = graph.from(r), b = graph.to(r);
            const std::string &ca = graph.country(a), &cb = graph.country(b);
            const bool across = (ca == home && cb == query.country) || (ca == query.country && cb == home);
            if (!across || is_evidence(graph.type(r)) || !organisation(a) || !organisation(b)) continue;
            placed["business"].push_back({r, ca == home ? a : b, ca == home ? b : a});
        }
    }

    const std::size_t most = query.most_per_section;
    writer.section("structure", placed["structure"], false, most);
    if (query.about) writer.section("about", placed["about"], false, most);
    writer.section("does", placed["does"], false, most);
    if (!query.country.empty()) writer.section("government", placed["government"], true, most);
    if (business) writer.section("business", placed["business"], false, most);
    writer.section("other", placed["other"], false, most);
    return answer;
}

void to_json(nlohmann::json& out, const BriefAnswer& answer) {
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& section : answer.sections) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& item : section.items) {
            items.push_back({{"relation", relation_json(answer.book, item.relation)},
                             {"subject", item.subject},
                             {"counterpart", item.counterpart},
                             {"state", activity_key(item.state)},
                             {"notes", item.notes},
                             {"caveat", item.caveat}});
        }
        sections.push_back({{"id", section.id}, {"total", section.total}, {"items", std::move(items)}});
    }
    nlohmann::json sources = nlohmann::json::array();
    for (std::size_t i = 0; i < answer.sources.size(); ++i) {
        nlohmann::json source = answer.sources[i];
        source["number"] = i + 1;
        sources.push_back(std::move(source));
    }
    out = {{"entity", answer.entity},
           {"entity_notes", answer.entity_notes},
           {"about", answer.about},
           {"country", answer.country},
           {"as_of", answer.as_of ? answer.as_of->to_string() : ""},
           {"parts", answer.parts},
           {"sections", std::move(sections)},
           {"sources", std::move(sources)},
           {"most_per_section", answer.most_per_section}};
}

}  // namespace kizuna
