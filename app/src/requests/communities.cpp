// communities: groups of organisations that work more with one another than with the rest.
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
                              &R::seed)}};
        fields::add_filter(d.fields, &R::filter, {.directed = false, .evidence = true});
        return d;
    }();
    return description;
}

void CommunitiesRequest::validate() const {
    fields::check_choice(description().find("algorithm")->param, algorithm);
    fields::check_number("resolution", resolution, kLeastResolution, kMostResolution);
    fields::check_count(description().find("seed")->param, seed);
    (void)filter.filter();
}

}  // namespace kizuna::app
