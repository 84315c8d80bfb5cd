#include "kizuna/queries/answers/stats_answer.h"

#include <nlohmann/json.hpp>

#include "answer_builder.h"
#include "kizuna/core/json.h"
#include "kizuna/core/vocabulary.h"

namespace kizuna {

StatsAnswer answer_stats(const Snapshot& snapshot, const StatsQuery& query) {
    const GraphStats stats = graph_stats(snapshot.graph(), query);
    StatsAnswer answer;
    answer.entities = stats.entities;
    answer.relations = stats.relations;
    answer.by_kind = stats.by_kind;
    answer.by_country = stats.by_country;
    answer.by_type = stats.by_type;
    answer.components = stats.components;
    answer.largest_components = stats.largest_components;
    answer.betweenness = query.betweenness;
    answer.betweenness_sources = stats.betweenness_sources;
    answer.left_out = left_out(snapshot.graph(), query.filter);
    queries::AnswerBuilder builder(snapshot, answer.book);
    for (const auto& type : snapshot.graph().relation_types()) answer.book.types.emplace(type.id, type);
    for (const auto& [kind, count] : answer.by_kind)
        answer.book.keep_kind(kind, snapshot.graph().entity_kinds());
    auto ranked = [&](const std::vector<Ranked>& list) {
        std::vector<RankedEntity> out;
        for (const auto& r : list) out.push_back({builder.entity(r.vertex).id, r.score});
        return out;
    };
    answer.by_degree = ranked(stats.by_degree);
    answer.by_betweenness = ranked(stats.by_betweenness);
    return answer;
}

void to_json(nlohmann::json& out, const StatsAnswer& answer) {
    auto ranked = [](const std::vector<RankedEntity>& list) {
        nlohmann::json json = nlohmann::json::array();
        for (const auto& r : list) json.push_back({{"id", r.entity}, {"score", r.score}});
        return json;
    };
    out = {{"entities", answer.entities},
           {"relations", answer.relations},
           {"by_kind", answer.by_kind},
           {"by_country", answer.by_country},
           {"by_type", answer.by_type},
           {"components", answer.components},
           {"largest_components", answer.largest_components},
           {"by_degree", ranked(answer.by_degree)},
           {"left_out", answer.left_out}};
    // The vocabularies the counts are in, with their names in three languages (for a page's legend).
    out["relation_types"] = nlohmann::json::array();
    for (const auto& [id, type] : answer.book.types) out["relation_types"].push_back(type);
    out["entity_kinds"] = nlohmann::json::array();
    for (const auto& [id, kind] : answer.book.kinds) out["entity_kinds"].push_back(kind);
    out["relation_categories"] = nlohmann::json::array();
    for (const auto& category : relation_categories()) {
        out["relation_categories"].push_back({{"id", category.id},
                                              {"names",
                                               {{"en", category_name(category.id, "en")},
                                                {"ja", category_name(category.id, "ja")},
                                                {"vi", category_name(category.id, "vi")}}},
                                              {"meaning", category.meaning}});
    }
    if (answer.betweenness) {
        out["by_betweenness"] = ranked(answer.by_betweenness);
        out["betweenness_sources"] = answer.betweenness_sources;
        out["betweenness_exact"] = answer.betweenness_exact();
    }
}

}  // namespace kizuna
