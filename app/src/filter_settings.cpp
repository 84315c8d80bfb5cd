// The relation filter's settings, shared by every request that reads relations.
#include "fields.h"
#include "kizuna/core/errors.h"

namespace kizuna::app {

namespace fields {

namespace {

constexpr const char* kWalkRule =
    "Connections walk ties, not evidence: relations of the category evidence (a document mentions, "
    "authored, publishes: where a fact was read) are left out unless --include-evidence or --type names "
    "them (--type restricts to the types named, so --type mou --include-evidence walks mou alone: name "
    "the evidence types too, --type mou --type mentions). The answer counts what it left out in the whole "
    "data, not only near this answer: evidence relations of the allowed types that the dates let through "
    "(undated evidence counts as evidence) and, under a date filter, undated ties. When only evidence "
    "links two entities, path says so.";
constexpr const char* kListRule =
    "Evidence relations (a document mentions, authored, publishes) are listed too, marked (evidence).";
constexpr const char* kDateRule =
    "Dates: a partial date is every day it may be (2014 = 2014-01-01..2014-12-31). A relation's sure life "
    "runs from the last day its start may be to the first day its end may be; its possible life from the "
    "first day its start may be to the last day its end may be. Under --as-of, --since or --until it is "
    "active when its sure life overlaps the period, possibly active when only its possible life does "
    "(start 2014, end 2014, --as-of 2014: possibly active); one without dates is 'date unknown' and kept "
    "apart (--undated).";

}  // namespace

std::vector<Param> filter_params(FilterTakes takes) {
    std::vector<Param> params = {
        {.name = "type",
         .type = ParamType::List,
         .help = "only relations of this type (repeatable; see `kizuna stats`)",
         .placeholder = "TYPE",
         .short_name = "t"},
        {.name = "exclude_type",
         .type = ParamType::List,
         .help = "leave out relations of this type (repeatable)",
         .placeholder = "TYPE"},
        {.name = "as_of",
         .type = ParamType::Date,
         .help = "relations active or possibly active at this date (YYYY, YYYY-MM or YYYY-MM-DD); a partial "
                 "date is every day it may be: see the README, 'Dates are intervals'",
         .placeholder = "DATE"},
        {.name = "since",
         .type = ParamType::Date,
         .help = "relations active or possibly active on some day from this date on",
         .placeholder = "DATE"},
        {.name = "until",
         .type = ParamType::Date,
         .help = "relations active or possibly active on some day up to this date",
         .placeholder = "DATE"},
        {.name = "undated",
         .type = ParamType::Choice,
         .help = "with a date filter, relations without dates: separate (default: apart, with a count), "
                 "include (with the dated ones, marked 'date unknown') or exclude",
         .placeholder = "HOW",
         .choices = {"include", "exclude", "separate"},
         .default_value = "separate"},
    };
    if (takes.directed) {
        params.push_back({.name = "directed",
                          .type = ParamType::Flag,
                          .help = "follow relations only in their own direction (acquirer -> target ...); "
                                  "symmetric types such as mou still go both ways"});
    }
    if (takes.evidence) {
        params.push_back({.name = "include_evidence",
                          .type = ParamType::Flag,
                          .help = "also walk evidence relations (a document mentions, authored, publishes): "
                                  "they record where a fact was read and are left out by default"});
    }
    return params;
}

void set_filter(FilterSettings& filter, const std::string& name, const std::string& text) {
    if (name == "type") {
        filter.types.push_back(text);
    } else if (name == "exclude_type") {
        filter.exclude_types.push_back(text);
    } else if (name == "as_of") {
        filter.as_of = parse_date(name, text);
    } else if (name == "since") {
        filter.since = parse_date(name, text);
    } else if (name == "until") {
        filter.until = parse_date(name, text);
    } else if (name == "undated") {
        const auto policy = parse_undated_policy(text);
        if (!policy) {
            throw AppError(ErrorKind::Usage,
                           {Setting{name}, ": '" + text + "' is not one of include, exclude, separate"});
        }
        filter.undated = policy;
    } else if (name == "directed") {
        filter.directed = flag_value(name, text);
    } else if (name == "include_evidence") {
        filter.include_evidence = flag_value(name, text);
    }
}

std::string filter_notes(FilterTakes takes, const std::string& footer) {
    return (footer.empty() ? "" : footer + "\n\n") + (takes.evidence ? kWalkRule : kListRule) + "\n" +
           kDateRule;
}

}  // namespace fields

RelationFilter FilterSettings::filter() const {
    RelationFilter filter;
    filter.types = types;
    filter.exclude_types = exclude_types;
    filter.as_of = as_of;
    filter.since = since;
    filter.until = until;
    filter.directed = directed;
    filter.include_evidence = include_evidence;
    if (as_of && (since || until)) {
        throw AppError(ErrorKind::Usage, {Setting{"as_of"}, " is one date; ", Setting{"since"}, "/",
                                          Setting{"until"}, " a period: give one or the other"});
    }
    std::optional<DaySpan> window;
    try {
        window = filter.window();  // refuses since after until
    } catch (const UsageError& e) {
        throw AppError(ErrorKind::Usage, settings_in(e.what(), {"as_of", "since", "until"}));
    }
    if (undated) {
        if (!window) {
            const char* word = *undated == UndatedPolicy::Include   ? "include"
                               : *undated == UndatedPolicy::Exclude ? "exclude"
                                                                    : "separate";
            throw AppError(ErrorKind::Usage,
                           {Setting{"undated"}, std::string(" ") + word + " applies with a date filter (",
                            Setting{"as_of"}, ", ", Setting{"since"}, ", ", Setting{"until"}, ")"});
        }
        filter.undated = *undated;
    }
    return filter;
}

}  // namespace kizuna::app
