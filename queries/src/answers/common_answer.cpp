#include "kizuna/queries/answers/common_answer.h"

#include <nlohmann/json.hpp>

#include "answer_builder.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/json.h"
#include "kizuna/queries/partners.h"

namespace kizuna {

CommonAnswer answer_common(const Snapshot& snapshot, const std::string& a_name, const std::string& b_name,
                           const RelationFilter& filter) {
    const Graph& graph = snapshot.graph();
    const VertexId a = snapshot.vertex(a_name), b = snapshot.vertex(b_name);
    if (a == b) {
        const std::string id(graph.entity_id(a));
        throw UsageError("'" + a_name + "' and '" + b_name + "' are the same entity (" + id +
                         "): its partners are `kizuna partners " + id + "`");
    }
    CommonAnswer answer;
    queries::AnswerBuilder builder(snapshot, answer.book);
    answer.book.window = filter.window();
    answer.left_out = left_out(graph, filter);
    answer.a = builder.entity(a).id;
    answer.b = builder.entity(b).id;
    for (const auto& shared : common_partners(graph, a, b, filter)) {
        CommonRow row{builder.entity(shared.partner).id, {}, {}};
        for (auto r : shared.with_a) row.with_a.push_back(builder.relation(r));
        for (auto r : shared.with_b) row.with_b.push_back(builder.relation(r));
        answer.rows.push_back(std::move(row));
    }
    return answer;
}

void to_json(nlohmann::json& out, const CommonAnswer& answer) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& row : answer.rows) {
        list.push_back({{"entity", *answer.book.entity(row.entity)},
                        {"with_a", relations_json(answer.book, row.with_a)},
                        {"with_b", relations_json(answer.book, row.with_b)}});
    }
    out = {{"a", answer.a}, {"b", answer.b}, {"common", list}, {"left_out", answer.left_out}};
}

}  // namespace kizuna
