#include "kizuna/queries/answers/communities_answer.h"

#include <nlohmann/json.hpp>

#include "answer_builder.h"
#include "kizuna/core/json.h"

namespace kizuna {

std::string algorithm_name(CommunityAlgorithm algorithm) {
    return algorithm == CommunityAlgorithm::Louvain ? "louvain" : "leiden";
}

CommunitiesAnswer answer_communities(const Snapshot& snapshot, const CommunityQuery& query) {
    const Communities found = find_communities(snapshot.graph(), query);
    CommunitiesAnswer answer;
    answer.algorithm = algorithm_name(query.algorithm);
    answer.resolution = query.resolution;
    answer.seed = query.seed;
    answer.modularity = found.modularity;
    answer.entities = found.entities;
    answer.relations = found.relations;
    answer.left_out = left_out(snapshot.graph(), query.filter);
    answer.book.window = query.filter.window();
    queries::AnswerBuilder builder(snapshot, answer.book);
    for (const auto& group : found.groups) {
        CommunityRow row{answer.communities.size() + 1, {}, group.relations};
        for (const VertexId v : group.members) row.members.push_back(builder.entity(v).id);
        answer.communities.push_back(std::move(row));
    }
    return answer;
}

CommunitiesAnswer answer_community_history(const Snapshot& snapshot, const CommunityQuery& query,
                                           int first_year, int last_year) {
    const CommunityHistory history = community_history(snapshot.graph(), query, first_year, last_year);
    CommunitiesAnswer answer;
    answer.algorithm = algorithm_name(query.algorithm);
    answer.resolution = query.resolution;
    answer.seed = query.seed;
    RelationFilter last = query.filter;
    last.as_of = PartialDate::parse_or_throw(std::to_string(last_year));
    answer.left_out = left_out(snapshot.graph(), last);
    const Graph& graph = snapshot.graph();
    queries::AnswerBuilder builder(snapshot, answer.book);
    for (const auto& year : history.years) {
        CommunityYearRow row{year.year, year.found.modularity, year.found.entities, year.found.relations, {}};
        for (std::size_t g = 0; g < year.found.groups.size(); ++g) {
            const Community& group = year.found.groups[g];
            CommunityRow out{year.numbers[g], {}, group.relations};
            for (std::size_t m = 0; m < group.members.size(); ++m) {
                const VertexId v = group.members[m];
                out.members.push_back(m < kNamedPerGroup ? builder.entity(v).id
                                                         : std::string(graph.entity_id(v)));
            }
            row.groups.push_back(std::move(out));
        }
        answer.years.push_back(std::move(row));
    }
    for (const auto& event : history.events) {
        CommunityEventRow row{event.year, event_name(event.kind), event.before, event.after, {}, 0};
        for (const RelationIndex r : event.relations) {
            if (row.relations.size() < kEventRelations) {
                row.relations.push_back(builder.relation(r));
            } else {
                ++row.more_relations;
            }
        }
        answer.events.push_back(std::move(row));
    }
    return answer;
}

namespace {

nlohmann::json history_json(const CommunitiesAnswer& answer) {
    nlohmann::json years = nlohmann::json::array();
    for (const auto& year : answer.years) {
        nlohmann::json groups = nlohmann::json::array();
        for (const auto& g : year.groups) {
            groups.push_back({{"community", g.number},
                              {"size", g.members.size()},
                              {"relations", g.relations},
                              {"members", g.members}});
        }
        years.push_back({{"year", year.year},
                         {"modularity", year.modularity},
                         {"entities", year.entities},
                         {"relations", year.relations},
                         {"communities", std::move(groups)}});
    }
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : answer.events) {
        events.push_back({{"year", e.year},
                          {"event", e.event},
                          {"before", e.before},
                          {"after", e.after},
                          {"relations", relations_json(answer.book, e.relations)},
                          {"more_relations", e.more_relations}});
    }
    nlohmann::json entities = nlohmann::json::array();
    for (const auto& [id, entity] : answer.book.entities) entities.push_back(entity);
    return {{"algorithm", answer.algorithm}, {"resolution", answer.resolution},
            {"seed", answer.seed},           {"years", std::move(years)},
            {"events", std::move(events)},   {"entities", std::move(entities)},
            {"left_out", answer.left_out}};
}

}  // namespace

void to_json(nlohmann::json& out, const CommunitiesAnswer& answer) {
    if (!answer.years.empty()) {
        out = history_json(answer);
        return;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& row : answer.communities) {
        nlohmann::json members = nlohmann::json::array();
        for (const auto& id : row.members) members.push_back(*answer.book.entity(id));
        list.push_back({{"community", row.number},
                        {"size", row.members.size()},
                        {"relations", row.relations},
                        {"members", std::move(members)}});
    }
    out = {
        {"algorithm", answer.algorithm},   {"resolution", answer.resolution}, {"seed", answer.seed},
        {"modularity", answer.modularity}, {"entities", answer.entities},     {"relations", answer.relations},
        {"communities", std::move(list)},  {"left_out", answer.left_out}};
}

}  // namespace kizuna
