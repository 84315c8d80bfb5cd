#pragma once
// What the facade's sources share: the API's requests as the application layer's (app/), its errors as
// the API's, and the typed answers read from the JSON the application layer's answers write (the one
// every front end prints). Internal: never installed.
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "kizuna/app/dedupe_requests.h"
#include "kizuna/app/requests.h"
#include "kizuna/kizuna.h"

namespace kizuna::api {

// The one door to an Answer's text.
struct AnswerAccess {
    static void set_json(Answer& answer, const nlohmann::json& json);
};

// Throws the API's exception for the exception being handled: an app::AppError by its kind (call only
// inside a catch block).
[[noreturn]] void rethrow_translated();

// Runs body, turning the application layer's exceptions into the API's.
template <typename Body>
auto translated(Body&& body) -> decltype(body()) {
    try {
        return std::forward<Body>(body)();
    } catch (...) {
        rethrow_translated();
    }
}

// The API's requests as the application layer's, each setting given through the request's own
// description (which parses and checks it, naming the setting); app::Session validates the whole.
// Throw app::AppError (Usage).
[[nodiscard]] app::SearchRequest app_search(const std::string& text, std::size_t limit);
[[nodiscard]] app::PartnersRequest app_partners(const std::string& entity, const PartnersRequest& request);
[[nodiscard]] app::PathRequest app_path(const std::string& from, const std::string& to,
                                        const PathRequest& request);
[[nodiscard]] app::CommonRequest app_common(const std::string& a, const std::string& b, const Filter& filter);
[[nodiscard]] app::EgoRequest app_ego(const std::string& entity, const EgoRequest& request);
[[nodiscard]] app::TimelineRequest app_timeline(const std::string& entity, const Filter& filter);
[[nodiscard]] app::StatsRequest app_stats(const StatsRequest& request);
[[nodiscard]] app::CommunitiesRequest app_communities(const CommunitiesRequest& request);
[[nodiscard]] app::ListRequest app_list(const ListRequest& request);
[[nodiscard]] app::DuplicatesRequest app_duplicates(const DuplicatesRequest& request);
[[nodiscard]] app::QueryRequest app_query(const std::string& text, const std::map<std::string, Value>& params,
                                          const QueryOptions& options);

// Entities, relations and values between the API's plain types and JSON.
[[nodiscard]] Entity entity_from(const nlohmann::json& json);
[[nodiscard]] Relation relation_from(const nlohmann::json& json);
[[nodiscard]] LeftOut left_out_from(const nlohmann::json& json);
[[nodiscard]] Value value_from(const nlohmann::json& json);
[[nodiscard]] nlohmann::json json_of(const Value& value);
[[nodiscard]] nlohmann::json json_of(const Entity& entity);
[[nodiscard]] nlohmann::json json_of(const Relation& relation);

// The typed answers, read from an application answer's JSON (its to_json); each keeps that JSON's text.
[[nodiscard]] SearchAnswer search_answer_from(const nlohmann::json& json);
[[nodiscard]] ShowAnswer show_answer_from(const nlohmann::json& json);
[[nodiscard]] PartnersAnswer partners_answer_from(const nlohmann::json& json);
[[nodiscard]] PathAnswer path_answer_from(const nlohmann::json& json);
[[nodiscard]] CommonAnswer common_answer_from(const nlohmann::json& json);
[[nodiscard]] EgoAnswer ego_answer_from(const nlohmann::json& json);
[[nodiscard]] TimelineAnswer timeline_answer_from(const nlohmann::json& json);
[[nodiscard]] StatsAnswer stats_answer_from(const nlohmann::json& json);
[[nodiscard]] CommunitiesAnswer communities_answer_from(const nlohmann::json& json);
[[nodiscard]] ListAnswer list_answer_from(const nlohmann::json& json);
[[nodiscard]] DuplicatesAnswer duplicates_answer_from(const nlohmann::json& json);
[[nodiscard]] MergeAnswer merge_answer_from(const nlohmann::json& json);
[[nodiscard]] NotDuplicatesAnswer not_duplicates_answer_from(const nlohmann::json& json);
[[nodiscard]] QueryAnswer query_answer_from(const nlohmann::json& json);
[[nodiscard]] ImportReport import_report_from(const nlohmann::json& json);

}  // namespace kizuna::api
