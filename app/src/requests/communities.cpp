// communities: groups of organisations that work more with one another than with the rest.
#include "kizuna/queries/communities.h"

#include <limits>

#include "../fields.h"

namespace kizuna::app {

const Description<CommunitiesRequest>& CommunitiesRequest::description() {
    using R = CommunitiesRequest;
    static const Description<R> description = [] {
        Description<R> d{
            "communities",
            "groups of organisations that work more with one another than with the rest",
            fields::filter_notes(
                {.directed = false, .evidence = true},
                "Examples:\n  kizuna communities\n"
                "  kizuna communities --as-of 2020             the groups of the relations alive in 2020\n"
                "  kizuna communities --algorithm louvain --resolution 2 --seed 7\n"
                "  kizuna communities --by-year 2013..2024      how the groups formed, merged and split\n"
                "Groups maximise modularity (igraph's Leiden or Louvain); parallel relations between two "
                "organisations each count. Organisations with no relation the filter keeps are in no "
                "group. The same data, settings and seed give the same groups."),
            {fields::choice<R>({.name = "algorithm",
                                .help = "leiden (default: well-connected groups) or louvain (multilevel)",
                                .placeholder = "NAME",
                                .choices = {"leiden", "louvain"},
                                .default_value = "leiden"},
                               &R::algorithm),
             fields::number<R>({.name = "resolution",
                                .help = "above 1: more, smaller groups; below 1: fewer, larger ones (from "
                                        "0.001 to 1000, default 1)",
                                .placeholder = "R",
                                .default_value = "1"},
                               &R::resolution, kLeastResolution, kMostResolution),
             fields::count<R>({.name = "seed",
                               .help = "the random seed (default 1): another seed may find other groups "
                                       "of about the same modularity",
                               .placeholder = "N",
                               .least = 0,
                               .most = std::numeric_limits<std::uint32_t>::max(),
                               .default_value = "1"},
                              &R::seed),
             fields::text<R>({.name = "by_year",
                              .help = "each year's groups from FIRST to LAST (as --as-of YEAR), matched with "
                                      "the year before: births, deaths, merges and splits, each with the "
                                      "relations that began or ended to cause it",
                              .placeholder = "FIRST..LAST",
                              .excludes = {"as_of", "since", "until"}},
                             &R::by_year),
             fields::count<R>(
                 {.name = "timeout",
                  .help = "for a yearly history: stop when this many milliseconds have passed before "
                          "the next year's groups (default 600000; a year of 1M relations "
                          "takes about 12 s)",
                  .placeholder = "MS",
                  .least = 1,
                  .most = kLongestTimeoutMs,
                  .default_value = "600000"},
                 &R::timeout_ms)}};
        fields::add_filter(d.fields, &R::filter, {.directed = false, .evidence = true});
        return d;
    }();
    return description;
}

void CommunitiesRequest::validate() const {
    fields::check_choice(description().find("algorithm")->param, algorithm);
    fields::check_number("resolution", resolution, kLeastResolution, kMostResolution);
    fields::check_count(description().find("seed")->param, seed);
    fields::check_count(description().find("timeout")->param, timeout_ms);
    if (years() && (filter.as_of || filter.since || filter.until)) {
        throw AppError(ErrorKind::Usage, {Setting{"by_year"}, " sets the dates: give no ", Setting{"as_of"},
                                          ", ", Setting{"since"}, " or ", Setting{"until"}, " with it"});
    }
    (void)filter.filter();
}

std::optional<std::pair<int, int>> CommunitiesRequest::years() const {
    if (by_year.empty()) return std::nullopt;
    const auto dots = by_year.find("..");
    const auto year = [&](const std::string& text) {
        if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos) return -1;
        return std::stoi(text);
    };
    const int first = dots == std::string::npos ? -1 : year(by_year.substr(0, dots));
    const int last = dots == std::string::npos ? -1 : year(by_year.substr(dots + 2));
    if (first < 0 || last < 0 || last <= first || last - first >= kMostCommunityYears) {
        throw AppError(ErrorKind::Usage,
                       {Setting{"by_year"}, ": '" + by_year + "' is not FIRST..LAST, two years at most " +
                                                std::to_string(kMostCommunityYears - 1) +
                                                " apart, the first before the last (2013..2024)"});
    }
    return std::make_pair(first, last);
}

}  // namespace kizuna::app
