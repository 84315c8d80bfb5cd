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

void to_json(nlohmann::json& out, const CommunitiesAnswer& answer) {
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
