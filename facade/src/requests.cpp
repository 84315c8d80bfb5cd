// The API's requests as the application layer's. Each setting goes through the request's description
// (the setter the command line and the HTTP API use), so that it is parsed, checked and named in errors
// exactly as theirs are; app::Session checks the whole request when it answers it.
#include <cstdio>
#include <string>

#include "facade_internal.h"
#include "kizuna/app/errors.h"

namespace kizuna::api {

namespace {

// Gives the described request the setting name = value; a setting the request does not take is refused.
template <typename R>
void put(R& request, const std::string& name, const std::string& value) {
    const auto* field = R::description().find(name);
    if (field == nullptr) {
        throw app::AppError(app::ErrorKind::Usage,
                            {app::Setting{name}, " does not apply to " + R::description().name});
    }
    field->set(request, value);
}

// A number given as the text that reads back as the same double.
template <typename R>
void put_number(R& request, const std::string& name, double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    put(request, name, text);
}

template <typename R>
void put_each(R& request, const std::string& name, const std::vector<std::string>& values) {
    for (const auto& value : values) put(request, name, value);
}

template <typename R>
void put_flag(R& request, const std::string& name, bool given) {
    if (given) put(request, name, "true");
}

template <typename R>
void put_filter(R& request, const Filter& filter) {
    put_each(request, "type", filter.types);
    put_each(request, "exclude_type", filter.exclude_types);
    for (const auto& [name, date] : {std::pair<const char*, const std::string&>{"as_of", filter.as_of},
                                     {"since", filter.since},
                                     {"until", filter.until}}) {
        if (!date.empty()) put(request, name, date);
    }
    if (filter.undated) {
        put(request, "undated",
            *filter.undated == Undated::Include   ? "include"
            : *filter.undated == Undated::Exclude ? "exclude"
                                                  : "separate");
    }
    put_flag(request, "directed", filter.directed);
    put_flag(request, "include_evidence", filter.include_evidence);
}

// A parameter as the query engine holds it.
cypher::Value engine_value(const Value& value) {
    if (value.is_bool()) return cypher::Value(value.as_bool());
    if (value.is_int()) return cypher::Value(value.as_int());
    if (value.is_double()) return cypher::Value(value.as_double());
    if (value.is_string()) return cypher::Value(value.as_string());
    if (value.is_list()) {
        cypher::List list;
        for (const auto& item : value.as_list()) list.push_back(engine_value(item));
        return cypher::Value(std::move(list));
    }
    if (value.is_map()) {
        cypher::Map map;
        for (const auto& [key, item] : value.as_map()) map.emplace(key, engine_value(item));
        return cypher::Value(std::move(map));
    }
    return {};
}

}  // namespace

app::SearchRequest app_search(const std::string& text, std::size_t limit) {
    app::SearchRequest out;
    put(out, "text", text);
    put(out, "limit", std::to_string(limit));
    return out;
}

app::PartnersRequest app_partners(const std::string& entity, const PartnersRequest& request) {
    app::PartnersRequest out;
    put(out, "entity", entity);
    put_filter(out, request.filter);
    put_each(out, "country", request.countries);
    put_each(out, "kind", request.kinds);
    put_flag(out, "incoming", request.incoming);
    return out;
}

app::PathRequest app_path(const std::string& from, const std::string& to, const PathRequest& request) {
    app::PathRequest out;
    put(out, "from", from);
    put(out, "to", to);
    put_filter(out, request.filter);
    switch (request.mode) {
        case PathRequest::Mode::AllShortest:
            put(out, "all", "true");
            break;
        case PathRequest::Mode::KShortest:
            put(out, "k", std::to_string(request.k));
            break;
        case PathRequest::Mode::Simple:
            put(out, "simple", "true");
            break;
        case PathRequest::Mode::Shortest:
            break;
    }
    if (request.max_hops) put(out, "max_hops", std::to_string(*request.max_hops));
    // The cap counts the paths of the modes that list many; the others take none.
    if (request.mode == PathRequest::Mode::AllShortest || request.mode == PathRequest::Mode::Simple)
        put(out, "cap", std::to_string(request.cap));
    return out;
}

app::CommonRequest app_common(const std::string& a, const std::string& b, const Filter& filter) {
    app::CommonRequest out;
    put(out, "a", a);
    put(out, "b", b);
    put_filter(out, filter);
    return out;
}

app::EgoRequest app_ego(const std::string& entity, const EgoRequest& request) {
    app::EgoRequest out;
    put(out, "entity", entity);
    put(out, "radius", std::to_string(request.radius));
    put_filter(out, request.filter);
    return out;
}

app::TimelineRequest app_timeline(const std::string& entity, const Filter& filter) {
    app::TimelineRequest out;
    if (!entity.empty()) put(out, "entity", entity);
    put_filter(out, filter);
    return out;
}

app::StatsRequest app_stats(const StatsRequest& request) {
    app::StatsRequest out;
    put_filter(out, request.filter);
    put(out, "top", std::to_string(request.top));
    put_flag(out, "betweenness", request.betweenness);
    if (request.sources > 0) put(out, "sources", std::to_string(request.sources));
    return out;
}

app::CommunitiesRequest app_communities(const CommunitiesRequest& request) {
    app::CommunitiesRequest out;
    put_filter(out, request.filter);
    put(out, "algorithm", request.algorithm);
    put_number(out, "resolution", request.resolution);
    put(out, "seed", std::to_string(request.seed));
    if (!request.by_year.empty()) put(out, "by_year", request.by_year);
    return out;
}

app::DuplicatesRequest app_duplicates(const DuplicatesRequest& request) {
    app::DuplicatesRequest out;
    if (!request.kind.empty()) put(out, "kind", request.kind);
    if (!request.entity.empty()) put(out, "entity", request.entity);
    put_number(out, "min_score", request.min_score);
    put(out, "limit", std::to_string(request.limit));
    return out;
}

app::ListRequest app_list(const ListRequest& request) {
    app::ListRequest out;
    put_flag(out, "relations", request.relations);
    for (const auto& [ends, suffix] : {std::pair<const ListRequest::Ends&, std::string>{request.entities, ""},
                                       {request.from, "_from"},
                                       {request.to, "_to"}}) {
        put_each(out, "kind" + suffix, ends.kinds);
        put_each(out, "country" + suffix, ends.countries);
        put_each(out, "where" + suffix, ends.where);
    }
    put_each(out, "category", request.categories);
    put_filter(out, request.filter);
    return out;
}

app::QueryRequest app_query(const std::string& text, const std::map<std::string, Value>& params,
                            const QueryOptions& options) {
    app::QueryRequest out;
    put(out, "query", text);
    put(out, "timeout", std::to_string(options.timeout_ms));
    put(out, "max_rows", std::to_string(options.max_rows));
    put(out, "max_memory", std::to_string(options.max_memory_mib));
    out.lang = options.lang;
    for (const auto& [name, value] : params) out.parameters.emplace(name, engine_value(value));
    return out;
}

}  // namespace kizuna::api
