#include "kizuna/queries/answers/ego_answer.h"

#include <nlohmann/json.hpp>

#include "answer_builder.h"
#include "kizuna/core/json.h"
#include "kizuna/queries/ego.h"

namespace kizuna {

EgoAnswer answer_ego(const Snapshot& snapshot, VertexId centre, std::size_t radius,
                     const RelationFilter& filter) {
    EgoAnswer answer;
    queries::AnswerBuilder builder(snapshot, answer.book);
    answer.book.window = filter.window();
    answer.left_out = left_out(snapshot.graph(), filter);
    answer.centre = builder.entity(centre).id;
    answer.radius = radius;
    const Subgraph sub = ego_network(snapshot.graph(), centre, radius, filter);
    for (std::size_t i = 0; i < sub.vertices.size(); ++i) {
        answer.entities.push_back({builder.entity(sub.vertices[i]).id, sub.distance[i]});
    }
    for (auto r : sub.relations) answer.relations.push_back(builder.relation(r));
    return answer;
}

void to_json(nlohmann::json& out, const EgoAnswer& answer) {
    nlohmann::json entities = nlohmann::json::array();
    for (const auto& member : answer.entities) {
        nlohmann::json entity = *answer.book.entity(member.entity);
        entity["distance"] = member.distance;
        entities.push_back(std::move(entity));
    }
    out = {{"centre", answer.centre},
           {"radius", answer.radius},
           {"entities", entities},
           {"relations", relations_json(answer.book, answer.relations)},
           {"left_out", answer.left_out}};
}

}  // namespace kizuna
