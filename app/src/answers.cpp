#include "kizuna/app/answers.h"

namespace kizuna {

void to_json(nlohmann::json& out, const ListAnswer& answer) {
    std::visit([&out](const auto& held) { out = held; }, answer);
}

}  // namespace kizuna

namespace kizuna::app {

void to_json(nlohmann::json& out, const SheetAnswer& answer) { out = answer.brief; }

void to_json(nlohmann::json& out, const ExportAnswer& answer) {
    out = {{"path", answer.path}, {"entities", answer.entities}, {"relations", answer.relations}};
    if (answer.redirects_left_out + answer.relation_redirects_left_out + answer.judgements_left_out > 0) {
        out["left_out"] = {{"redirects", answer.redirects_left_out},
                           {"relation_redirects", answer.relation_redirects_left_out},
                           {"not_duplicates", answer.judgements_left_out}};
    }
}

}  // namespace kizuna::app
