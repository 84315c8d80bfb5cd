// ego ENTITY --radius N: the neighbourhood within N hops.
#include "../fields.h"

namespace kizuna::app {

const Description<EgoRequest>& EgoRequest::description() {
    using R = EgoRequest;
    static const Description<R> description = [] {
        Description<R> d{
            "ego",
            "the neighbourhood of an entity within N hops",
            fields::filter_notes({.directed = true, .evidence = true},
                                 "Draw it with: kizuna render --ego ENTITY --radius N -o ego.svg"),
            {fields::entity<R>("entity", "ENTITY", &R::entity),
             fields::count<R>({.name = "radius",
                               .help = "hops from the entity (default 1, at most 50)",
                               .placeholder = "N",
                               .short_name = "r",
                               .least = 0,
                               .most = kLargestRadius,
                               .default_value = "1"},
                              &R::radius)}};
        fields::add_filter(d.fields, &R::filter, {.directed = true, .evidence = true});
        return d;
    }();
    return description;
}

void EgoRequest::validate() const {
    fields::check_count(description().find("radius")->param, radius);
    (void)filter.filter();
}

}  // namespace kizuna::app
