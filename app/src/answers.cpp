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
}

}  // namespace kizuna::app
