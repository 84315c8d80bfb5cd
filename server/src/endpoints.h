#pragma once
// Private to server: the read endpoints of the API, GET /api/<name>[/<argument>…]?<parameter>=<value>,
// one per request type of the application layer. Each fills its request from the path's segments (the
// positional parameters, in order) and the query parameters (named as the request's description names
// them: as_of; as-of is taken too), through the description's setters, and answers it with the
// session: JSON, or the diagram's SVG. Parameter tables and the OpenAPI document come from the same
// descriptions.
#include <functional>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

#include "kizuna/app/parameter.h"
#include "kizuna/app/session.h"

namespace kizuna::server {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

struct Reply {
    std::string body;
    std::string content_type;
};

struct Endpoint {
    std::string name;
    std::string summary;
    std::vector<app::Param> params;              // what it takes (besides lang)
    std::map<std::string, std::string> aliases;  // another name of a parameter (q for search's text)
    std::string content_type;                    // of its answers
    // Fills the request and answers it. Throws app::AppError.
    std::function<Reply(app::Session& session, const std::vector<std::string>& segments,
                        const QueryParams& params, const std::string& lang)>
        answer;
};

// The read endpoints by name: search, list, show, partners, path, common, ego, timeline, stats, render,
// query, and the history's log and diff.
[[nodiscard]] const std::map<std::string, Endpoint>& read_endpoints();

// The request of a write whose query parameters are its request's fields (undo, merge, not-duplicates:
// POST /api/undo?change=N), filled as the read endpoints fill theirs (dry-run taken for dry_run, an
// unknown or repeated parameter and a missing required one refused). Throws app::AppError (Usage).
// Defined for app::UndoRequest, app::MergeRequest and app::NotDuplicatesRequest.
template <typename Request>
[[nodiscard]] Request described_request(const QueryParams& params);

// The OpenAPI 3 document of the API: the read endpoints, the writes, and the error body.
[[nodiscard]] nlohmann::json openapi_document();

// An error's HTTP status: usage, unknown and ambiguous entities and limits 400, invalid data 422, the
// database 503, anything else 500.
[[nodiscard]] int http_status(app::ErrorKind kind);
// The command line's exit code of the same error (the body's "exit").
[[nodiscard]] int exit_code(app::ErrorKind kind);
// The error body: {"error", "exit", "kind"} and "candidates" or "problems" where they apply; settings
// spelled as the API names its parameters (max_rows); the message and problems in lang (message_words.h).
[[nodiscard]] nlohmann::json error_body(const app::AppError& error, const std::string& lang = "en");

}  // namespace kizuna::server
