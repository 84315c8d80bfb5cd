#include "filter_options.h"

#include <CLI/CLI.hpp>

#include "context.h"
#include "kizuna/core/errors.h"

namespace kizuna::cli {

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

void FilterOptions::add_to(CLI::App& command, Takes takes, const std::string& footer) {
    command.footer((footer.empty() ? "" : footer + "\n\n") + (takes.evidence ? kWalkRule : kListRule) + "\n" +
                   kDateRule);
    command.add_option("--type,-t", types, "only relations of this type (repeatable; see `kizuna stats`)")
        ->type_name("TYPE");
    command.add_option("--exclude-type", exclude_types, "leave out relations of this type (repeatable)")
        ->type_name("TYPE");
    command
        .add_option("--as-of", as_of,
                    "relations active or possibly active at this date (YYYY, YYYY-MM or YYYY-MM-DD); "
                    "a partial date is every day it may be: see the README, 'Dates are intervals'")
        ->type_name("DATE");
    command.add_option("--since", since, "relations active or possibly active on some day from this date on")
        ->type_name("DATE");
    command.add_option("--until", until, "relations active or possibly active on some day up to this date")
        ->type_name("DATE");
    command
        .add_option("--undated", undated,
                    "with a date filter, relations without dates: separate (default: apart, with a "
                    "count), include (with the dated ones, marked 'date unknown') or exclude")
        ->check(CLI::IsMember({"include", "exclude", "separate"}))
        ->type_name("HOW");
    if (takes.directed) {
        command.add_flag("--directed", directed,
                         "follow relations only in their own direction (acquirer -> target ...); "
                         "symmetric types such as mou still go both ways");
    }
    if (takes.evidence) {
        command.add_flag("--include-evidence", include_evidence,
                         "also walk evidence relations (a document mentions, authored, publishes): they "
                         "record where a fact was read and are left out by default");
    }
}

RelationFilter FilterOptions::filter() const {
    RelationFilter filter;
    filter.types = types;
    filter.exclude_types = exclude_types;
    filter.as_of = date_option("--as-of", as_of);
    filter.since = date_option("--since", since);
    filter.until = date_option("--until", until);
    filter.directed = directed;
    filter.include_evidence = include_evidence;
    const auto window = filter.window();  // refuses --since after --until, --as-of with a period
    if (!undated.empty()) {
        if (!window)
            throw UsageError("--undated " + undated +
                             " applies with a date filter (--as-of, --since, --until)");
        filter.undated = *parse_undated_policy(undated);
    }
    return filter;
}

}  // namespace kizuna::cli
