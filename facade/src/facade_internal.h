#pragma once
// What the facade's sources share: the translation of the engine's errors into the API's, and of the
// answers' JSON into the API's typed answers. Internal: never installed.
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "kizuna/kizuna.h"

namespace kizuna::api {

// The one door to an Answer's text.
struct AnswerAccess {
    static void set_json(Answer& answer, const nlohmann::json& json);
};

// Throws the API's exception for the exception being handled (call only inside a catch block).
[[noreturn]] void rethrow_translated(const std::string& query_text = {});

// The engine's messages name the command line's flags (--as-of, --max-rows); the API's settings are
// as_of, max_rows: the message with each flag as its setting.
[[nodiscard]] std::string settings_spelled(std::string message);

// Runs body, turning the engine's exceptions into the API's.
template <typename Body>
auto translated(Body&& body) -> decltype(body()) {
    try {
        return std::forward<Body>(body)();
    } catch (...) {
        rethrow_translated();
    }
}

// The typed answers from the JSON every front end shares (the answers' to_json in queries/, cypher/,
// importers/); each also keeps the JSON text.
[[nodiscard]] Entity entity_from(const nlohmann::json& json);
[[nodiscard]] Relation relation_from(const nlohmann::json& json);
[[nodiscard]] LeftOut left_out_from(const nlohmann::json& json);
[[nodiscard]] Value value_from(const nlohmann::json& json);
[[nodiscard]] nlohmann::json json_of(const Value& value);
[[nodiscard]] nlohmann::json json_of(const Entity& entity);
[[nodiscard]] nlohmann::json json_of(const Relation& relation);

[[nodiscard]] SearchAnswer search_answer_from(const nlohmann::json& json);
[[nodiscard]] ShowAnswer show_answer_from(const nlohmann::json& json);
[[nodiscard]] PartnersAnswer partners_answer_from(const nlohmann::json& json);
[[nodiscard]] PathAnswer path_answer_from(const nlohmann::json& json);
[[nodiscard]] CommonAnswer common_answer_from(const nlohmann::json& json);
[[nodiscard]] EgoAnswer ego_answer_from(const nlohmann::json& json);
[[nodiscard]] TimelineAnswer timeline_answer_from(const nlohmann::json& json);
[[nodiscard]] StatsAnswer stats_answer_from(const nlohmann::json& json);
[[nodiscard]] ListAnswer list_answer_from(const nlohmann::json& json);
[[nodiscard]] QueryAnswer query_answer_from(const nlohmann::json& json);
[[nodiscard]] ImportReport import_report_from(const nlohmann::json& json);

}  // namespace kizuna::api
