// The API's requests, checked and turned into the engine's queries.
#include "requests.h"

#include <algorithm>
#include <cctype>

#include "facade_internal.h"
#include "kizuna/core/errors.h"
#include "request_limits.h"

namespace kizuna::api {

namespace {

std::optional<PartialDate> date_setting(const char* setting, const std::string& text) {
    if (text.empty()) return std::nullopt;
    if (auto date = PartialDate::parse(text)) return date;
    throw UsageError(std::string(setting) + ": '" + text +
                     "' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024-11-15)");
}

}  // namespace

void check_count(const char* setting, std::size_t value, std::size_t most, bool zero_allowed) {
    if ((value == 0 && !zero_allowed) || value > most) {
        throw UsageError(std::string(setting) + ": " + std::to_string(value) + " is not in " +
                         (zero_allowed ? "0" : "1") + ".." + std::to_string(most));
    }
}

kizuna::RelationFilter relation_filter(const Filter& filter) {
    kizuna::RelationFilter out;
    out.types = filter.types;
    out.exclude_types = filter.exclude_types;
    out.as_of = date_setting("as_of", filter.as_of);
    out.since = date_setting("since", filter.since);
    out.until = date_setting("until", filter.until);
    out.directed = filter.directed;
    out.include_evidence = filter.include_evidence;
    std::optional<DaySpan> window;
    try {
        window = out.window();
    } catch (const kizuna::UsageError& e) {
        throw UsageError(settings_spelled(e.what()));
    }
    if (filter.undated) {
        if (!window) throw UsageError("undated applies with a date filter (as_of, since, until)");
        out.undated = *filter.undated == Undated::Include   ? UndatedPolicy::Include
                      : *filter.undated == Undated::Exclude ? UndatedPolicy::Exclude
                                                            : UndatedPolicy::Separate;
    }
    return out;
}

kizuna::PartnerQuery partner_query(const PartnersRequest& request) {
    kizuna::PartnerQuery query;
    query.filter = relation_filter(request.filter);
    query.incoming_only = request.incoming;
    query.countries = request.countries;
    for (auto& country : query.countries) {  // ISO codes are upper case; "jp" means JP
        std::transform(country.begin(), country.end(), country.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    }
    query.kinds = request.kinds;
    return query;
}

kizuna::PathRequest path_request(const PathRequest& request) {
    kizuna::PathRequest out;
    out.filter = relation_filter(request.filter);
    check_count("cap", request.cap, kMostPaths);
    if (request.mode == PathRequest::Mode::KShortest) check_count("k", request.k, kMostShortestPaths);
    if (request.max_hops) {
        const bool simple = request.mode == PathRequest::Mode::Simple;
        check_count("max_hops", *request.max_hops, simple ? kMostSimpleHops : kMostHops);
        out.max_hops = *request.max_hops;
    }
    out.cap = request.cap;
    out.k = request.mode == PathRequest::Mode::KShortest ? request.k : 0;
    out.mode = request.mode == PathRequest::Mode::Simple        ? kizuna::PathRequest::Mode::Simple
               : request.mode == PathRequest::Mode::AllShortest ? kizuna::PathRequest::Mode::AllShortest
               : request.mode == PathRequest::Mode::KShortest   ? kizuna::PathRequest::Mode::KShortest
                                                                : kizuna::PathRequest::Mode::Shortest;
    return out;
}

kizuna::StatsQuery stats_query(const StatsRequest& request) {
    check_count("top", request.top, kMostRanked);
    check_count("sources", request.sources, kMostSources, true);
    if (request.sources > 0 && !request.betweenness) throw UsageError("sources applies with betweenness");
    return {relation_filter(request.filter), request.top, request.betweenness, request.sources};
}

kizuna::EntityConditions entity_conditions(const ListRequest::Ends& ends) {
    kizuna::EntityConditions out{ends.kinds, ends.countries, {}};
    for (const auto& text : ends.where) out.where.push_back(kizuna::AttributeCondition::parse(text));
    return out;
}

}  // namespace kizuna::api
