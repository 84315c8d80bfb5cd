#include "endpoints.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "kizuna/app/message_words.h"

namespace kizuna::server {

namespace {

constexpr const char* kJsonType = "application/json; charset=utf-8";

// The request an endpoint's segments and parameters ask for. Throws app::AppError (Usage).
template <typename Request>
Request fill(const Endpoint& endpoint, const std::vector<std::string>& segments, const QueryParams& params) {
    const auto& description = Request::description();
    std::vector<const app::Field<Request>*> positionals;
    for (const auto& field : description.fields) {
        if (field.param.positional) positionals.push_back(&field);
    }
    if (segments.size() > positionals.size()) {
        throw app::AppError(app::ErrorKind::Usage, {"/api/" + endpoint.name + " takes at most " +
                                                    std::to_string(positionals.size()) + " path segments"});
    }
    Request request;
    std::vector<std::string> given;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        positionals[i]->set(request, segments[i]);
        given.push_back(positionals[i]->param.name);
    }
    for (const auto& [raw_name, value] : params) {
        std::string name = raw_name;
        std::replace(name.begin(), name.end(), '-', '_');  // as-of, as the command line writes it
        if (const auto alias = endpoint.aliases.find(name); alias != endpoint.aliases.end())
            name = alias->second;
        if (name == "lang") continue;
        const bool taken = std::any_of(endpoint.params.begin(), endpoint.params.end(),
                                       [&name](const app::Param& p) { return p.name == name; });
        const auto* field = taken ? description.find(name) : nullptr;
        if (field == nullptr) {
            std::string known;
            for (const auto& param : endpoint.params) known += (known.empty() ? "" : ", ") + param.name;
            throw app::AppError(app::ErrorKind::Usage,
                                {"/api/" + endpoint.name + " has no parameter '" + raw_name +
                                 "' (it takes: " + (known.empty() ? "none" : known) + ", lang)"});
        }
        const bool repeatable = field->param.type == app::ParamType::List;
        if (!repeatable && std::find(given.begin(), given.end(), name) != given.end())
            throw app::AppError(app::ErrorKind::Usage, {"'", app::Setting{name}, "' is given twice"});
        field->set(request, value);
        given.push_back(name);
    }
    for (const auto& field : description.fields) {
        if (field.param.required && std::find(given.begin(), given.end(), field.param.name) == given.end())
            throw app::AppError(app::ErrorKind::Usage, {app::Setting{field.param.name}, " is required"});
    }
    return request;
}

std::string json_text(const nlohmann::json& answer) {
    return answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// An endpoint of a request type whose answer is JSON. skip: parameters the server does not take.
template <typename Request>
Endpoint json_endpoint(std::map<std::string, std::string> aliases = {}) {
    const auto& description = Request::description();
    Endpoint endpoint{description.name, description.summary, {}, std::move(aliases), kJsonType, {}};
    for (const auto& field : description.fields) endpoint.params.push_back(field.param);
    endpoint.answer = [](app::Session& session, const std::vector<std::string>& segments,
                         const QueryParams& params, const std::string& lang) {
        const auto& self = read_endpoints().at(Request::description().name);
        Request request = fill<Request>(self, segments, params);
        if constexpr (requires { request.lang; }) request.lang = lang;
        return Reply{json_text(nlohmann::json(session.answer(request))), kJsonType};
    };
    return endpoint;
}

// render: always SVG (a page shows it); the format and its output file are the command line's.
Endpoint render_endpoint() {
    const auto& description = app::RenderRequest::description();
    Endpoint endpoint{description.name, description.summary, {}, {}, "image/svg+xml; charset=utf-8", {}};
    for (const auto& field : description.fields) {
        if (field.param.name != "format") endpoint.params.push_back(field.param);
    }
    endpoint.answer = [](app::Session& session, const std::vector<std::string>& segments,
                         const QueryParams& params, const std::string& lang) {
        app::RenderRequest request =
            fill<app::RenderRequest>(read_endpoints().at("render"), segments, params);
        request.lang = lang;
        request.format = "svg";
        app::RenderAnswer answer = session.answer(request);
        return Reply{std::move(answer.bytes), answer.content_type};
    };
    return endpoint;
}

// brief: the sheet as one HTML page (a browser prints it); PDF and JSON files are the command line's.
Endpoint brief_endpoint() {
    const auto& description = app::BriefRequest::description();
    Endpoint endpoint{description.name, description.summary, {}, {}, "text/html; charset=utf-8", {}};
    for (const auto& field : description.fields) endpoint.params.push_back(field.param);
    endpoint.answer = [](app::Session& session, const std::vector<std::string>& segments,
                         const QueryParams& params, const std::string& lang) {
        app::BriefRequest request = fill<app::BriefRequest>(read_endpoints().at("brief"), segments, params);
        request.lang = lang;
        request.format = "html";
        app::SheetAnswer answer = session.answer(request);
        return Reply{std::move(answer.bytes), answer.content_type};
    };
    return endpoint;
}

}  // namespace

template <typename Request>
Request described_request(const QueryParams& params) {
    const auto& description = Request::description();
    Endpoint endpoint{description.name, description.summary, {}, {}, kJsonType, {}};
    for (const auto& field : description.fields) endpoint.params.push_back(field.param);
    return fill<Request>(endpoint, {}, params);
}
template app::UndoRequest described_request<app::UndoRequest>(const QueryParams&);
template app::MergeRequest described_request<app::MergeRequest>(const QueryParams&);
template app::NotDuplicatesRequest described_request<app::NotDuplicatesRequest>(const QueryParams&);

const std::map<std::string, Endpoint>& read_endpoints() {
    static const std::map<std::string, Endpoint> endpoints = [] {
        std::map<std::string, Endpoint> out;
        for (Endpoint endpoint :
             {json_endpoint<app::SearchRequest>({{"q", "text"}}), json_endpoint<app::ListRequest>(),
              json_endpoint<app::ShowRequest>(), json_endpoint<app::PartnersRequest>(),
              json_endpoint<app::PathRequest>(), json_endpoint<app::CommonRequest>(),
              json_endpoint<app::EgoRequest>(), json_endpoint<app::TimelineRequest>(),
              json_endpoint<app::CommunitiesRequest>(), json_endpoint<app::ChangesRequest>(),
              json_endpoint<app::StatsRequest>(), render_endpoint(), brief_endpoint(),
              json_endpoint<app::QueryRequest>(), json_endpoint<app::LogRequest>(),
              json_endpoint<app::DiffRequest>(), json_endpoint<app::DuplicatesRequest>()}) {
            out.emplace(endpoint.name, std::move(endpoint));
        }
        return out;
    }();
    return endpoints;
}

int http_status(app::ErrorKind kind) {
    switch (kind) {
        case app::ErrorKind::Usage:
        case app::ErrorKind::UnknownEntity:
        case app::ErrorKind::AmbiguousEntity:
        case app::ErrorKind::Limit:
            return 400;
        case app::ErrorKind::InvalidData:
            return 422;
        case app::ErrorKind::Conflict:
            return 409;
        case app::ErrorKind::Database:
            return 503;
        case app::ErrorKind::Internal:
            break;
    }
    return 500;
}

int exit_code(app::ErrorKind kind) {
    switch (kind) {
        case app::ErrorKind::Usage:
        case app::ErrorKind::UnknownEntity:
        case app::ErrorKind::AmbiguousEntity:
        case app::ErrorKind::Limit:
        case app::ErrorKind::Conflict:
            return 2;
        case app::ErrorKind::InvalidData:
            return 3;
        case app::ErrorKind::Database:
            return 4;
        case app::ErrorKind::Internal:
            break;
    }
    return 1;
}

nlohmann::json error_body(const app::AppError& error, const std::string& lang) {
    std::string message;
    std::vector<std::string> problems;
    for (const auto& problem : error.problems) problems.push_back(app::message_in(problem, lang));
    // An import's problems, one a line, then what they mean (as the command line prints them).
    if (!(error.problems.size() == 1 && error.problems.front() == error.what())) {
        for (const auto& problem : problems) message += problem + "\n";
    }
    message += app::message_in(error.message([](const std::string& setting) { return setting; }), lang);
    nlohmann::json body = {
        {"error", message}, {"exit", exit_code(error.kind())}, {"kind", app::kind_name(error.kind())}};
    if (!error.candidates.empty()) body["candidates"] = error.candidates;
    if (!problems.empty()) body["problems"] = problems;
    if (error.kind() == app::ErrorKind::Limit) body["limit"] = error.setting();
    if (error.change != 0) body["change"] = error.change;
    return body;
}

}  // namespace kizuna::server
