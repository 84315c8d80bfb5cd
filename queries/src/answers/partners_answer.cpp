#include "kizuna/queries/answers/partners_answer.h"

#include <nlohmann/json.hpp>

#include "answer_builder.h"
#include "kizuna/core/json.h"

namespace kizuna {

PartnersAnswer answer_partners(const Snapshot& snapshot, VertexId entity, const PartnerQuery& query) {
    PartnersAnswer answer;
    queries::AnswerBuilder builder(snapshot, answer.book);
    const auto links = partners(snapshot.graph(), entity, query);
    answer.entity = builder.entity(entity);
    for (const auto& link : links) {
        Relation relation = builder.relation(link.relation);
        const std::string partner = builder.entity(link.partner).id;
        std::string direction = answer.book.direction(relation, answer.entity.id);
        answer.rows.push_back({partner, std::move(direction), std::move(relation)});
    }
    return answer;
}

void to_json(nlohmann::json& out, const PartnersAnswer& answer) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& row : answer.rows) {
        list.push_back({{"partner", *answer.book.entity(row.partner)},
                        {"direction", row.direction},
                        {"relation", row.relation}});
    }
    out = {{"entity", answer.entity}, {"partners", list}};
}

}  // namespace kizuna
