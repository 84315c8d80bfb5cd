#include "kizuna/queries/answers/list_answer.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "../named_values.h"
#include "answer_builder.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/json.h"
#include "kizuna/core/text.h"
#include "kizuna/core/vocabulary.h"
#include "kizuna/queries/traversal.h"

namespace kizuna {

namespace {

bool listed(const std::vector<std::string>& allowed, const std::string& value) {
    return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// The entity's attributes the condition matches (names and values compared by search_key).
Attributes matching(const AttributeCondition& condition, const Entity& entity) {
    const std::string wanted = search_key(condition.value);
    auto matches = [&](const std::string& value) {
        const std::string key = search_key(value);
        return condition.contains ? key.find(wanted) != std::string::npos : key == wanted;
    };
    const std::string name = search_key(condition.name);
    Attributes found;
    for (const auto& [attribute, value] : entity.attributes) {
        if ((name.empty() || search_key(attribute) == name) && matches(value))
            found.emplace(attribute, value);
    }
    return found;
}

// The attributes that satisfy every condition (one or more each), or nullopt when one is not met.
std::optional<Attributes> matching_all(const std::vector<AttributeCondition>& conditions,
                                       const Entity& entity) {
    Attributes all;
    for (const auto& condition : conditions) {
        Attributes found = matching(condition, entity);
        if (found.empty()) return std::nullopt;
        all.merge(found);
    }
    return all;
}

// Entity conditions resolved to ids once.
struct Resolved {
    std::vector<std::string> kinds, countries;
    std::vector<AttributeCondition> where;
    [[nodiscard]] bool on_graph(const Graph& graph, VertexId v) const {
        return listed(kinds, graph.kind(v)) && listed(countries, graph.country(v));
    }
};

Resolved resolve(const Graph& graph, const EntityConditions& conditions, const char* side) {
    const std::string kind_option = std::string("--kind") + side,
                      country_option = std::string("--country") + side;
    return {queries::named_values(graph, conditions.kinds, queries::Vocabulary::Kind, kind_option),
            queries::named_values(graph, conditions.countries, queries::Vocabulary::Country, country_option),
            conditions.where};
}

}  // namespace

AttributeCondition AttributeCondition::parse(const std::string& text) {
    const std::size_t at = text.find_first_of("=~");
    if (at == std::string::npos || at + 1 >= text.size()) {
        throw UsageError("--where '" + text +
                         "': write attribute=value, attribute~text or ~text (any attribute)");
    }
    return {text.substr(0, at), text.substr(at + 1), text[at] == '~'};
}

EntityListAnswer answer_entity_list(const Snapshot& snapshot, const EntityConditions& conditions) {
    const Graph& graph = snapshot.graph();
    const Resolved wanted = resolve(graph, conditions, "");
    EntityListAnswer answer;
    answer.where = conditions.where;
    queries::AnswerBuilder builder(snapshot, answer.book);
    for (const VertexId v : graph.vertices_in_order()) {  // in entity-id order
        if (!wanted.on_graph(graph, v)) continue;
        if (!wanted.where.empty()) {
            auto matched = matching_all(wanted.where, snapshot.entity(v));
            if (!matched) continue;
            answer.matched.emplace(builder.entity(v).id, std::move(*matched));
        }
        answer.entities.push_back(builder.entity(v).id);
    }
    return answer;
}

RelationListAnswer answer_relation_list(const Snapshot& snapshot, const RelationListRequest& request) {
    const Graph& graph = snapshot.graph();
    const Resolved from = resolve(graph, request.from, "-from"), to = resolve(graph, request.to, "-to");
    for (const auto& category : request.categories) {
        if (!is_relation_category(category)) {
            std::string known;
            for (const auto& c : relation_categories())
                known += (known.empty() ? "" : ", ") + std::string(c.id);
            throw UsageError("--category: unknown category '" + category + "' (categories: " + known + ")");
        }
    }
    RelationListAnswer answer;
    answer.book.window = request.filter.window();
    RelationFilter listing = request.filter;
    listing.include_evidence = true;           // listed, marked as evidence
    listing.undated = UndatedPolicy::Include;  // split below
    const queries::CompiledFilter filter(graph, listing);
    queries::AnswerBuilder builder(snapshot, answer.book);
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (graph.removed(r)) continue;  // by a delta: no more in the data
        if (!filter.relation_ok(r)) continue;
        if (!listed(request.categories, graph.type(r).category)) continue;
        if (!from.on_graph(graph, graph.from(r)) || !to.on_graph(graph, graph.to(r))) continue;
        const auto all_hold = [](const Resolved& side, const Entity& entity) {
            return std::all_of(side.where.begin(), side.where.end(),
                               [&](const AttributeCondition& c) { return !matching(c, entity).empty(); });
        };
        if (!from.where.empty() && !all_hold(from, snapshot.entity(graph.from(r)))) continue;
        if (!to.where.empty() && !all_hold(to, snapshot.entity(graph.to(r)))) continue;
        Relation relation = builder.relation(r);
        queries::place_by_date(answer.book, request.filter.undated, relation, relation, answer.relations,
                               answer.date_unknown, answer.left_out);
    }
    auto by_id = [](const Relation& a, const Relation& b) { return a.id < b.id; };
    std::sort(answer.relations.begin(), answer.relations.end(), by_id);
    std::sort(answer.date_unknown.begin(), answer.date_unknown.end(), by_id);
    return answer;
}

void to_json(nlohmann::json& out, const EntityListAnswer& answer) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& id : answer.entities) {
        nlohmann::json entity = *answer.book.entity(id);
        if (const auto found = answer.matched.find(id); found != answer.matched.end())
            entity["matched"] = found->second;
        list.push_back(std::move(entity));
    }
    out = {{"entities", list}};
}

void to_json(nlohmann::json& out, const RelationListAnswer& answer) {
    out = {{"relations", relations_json(answer.book, answer.relations)},
           {"date_unknown", relations_json(answer.book, answer.date_unknown)},
           {"left_out", answer.left_out}};
}

}  // namespace kizuna
