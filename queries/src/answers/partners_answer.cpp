#include "kizuna/queries/answers/partners_answer.h"

#include <nlohmann/json.hpp>

#include "answer_builder.h"
#include "kizuna/core/json.h"

namespace kizuna {

PartnersAnswer answer_partners(const Snapshot& snapshot, VertexId entity, const PartnerQuery& query) {
    PartnersAnswer answer;
    queries::AnswerBuilder builder(snapshot, answer.book);
    answer.book.window = query.filter.window();
    PartnerQuery listing = query;
    listing.filter.include_evidence = true;           // listed, marked as evidence
    listing.filter.undated = UndatedPolicy::Include;  // split below
    const auto links = partners(snapshot.graph(), entity, listing);
    answer.entity = builder.entity(entity);
    for (const auto& link : links) {
        Relation relation = builder.relation(link.relation);
        const std::string partner = builder.entity(link.partner).id;
        std::string direction = answer.book.direction(relation, answer.entity.id);
        PartnerRow row{partner, std::move(direction), relation};
        queries::place_by_date(answer.book, query.filter.undated, relation, std::move(row), answer.rows,
                               answer.date_unknown, answer.left_out);
    }
    return answer;
}

void to_json(nlohmann::json& out, const PartnersAnswer& answer) {
    auto rows = [&](const std::vector<PartnerRow>& list) {
        nlohmann::json json = nlohmann::json::array();
        for (const auto& row : list) {
            json.push_back({{"partner", *answer.book.entity(row.partner)},
                            {"direction", row.direction},
                            {"relation", relation_json(answer.book, row.relation)}});
        }
        return json;
    };
    out = {{"entity", answer.entity},
           {"partners", rows(answer.rows)},
           {"date_unknown", rows(answer.date_unknown)},
           {"left_out", answer.left_out}};
}

}  // namespace kizuna
