// timeline [ENTITY]: an entity's relations in date order, or what changed across the whole graph.
#include "../fields.h"

namespace kizuna::app {

const Description<TimelineRequest>& TimelineRequest::description() {
    using R = TimelineRequest;
    static const Description<R> description = [] {
        Description<R> d{
            "timeline",
            "an entity's relations in date order, or what changed when",
            fields::filter_notes(
                {.directed = false, .evidence = false},
                "Examples:\n  kizuna timeline vn-moh\n"
                "  kizuna timeline --since 2019            relations that started or ended in 2019 or later\n"
                "  kizuna timeline --since 2014 --until 2020 --type acquisition\n"
                "The whole graph's timeline lists what started or ended in a period (--since/--until; a date "
                "coarser than the period is marked *); --as-of needs an entity."),
            {fields::text<R>({.name = "entity",
                              .help = "id or any name or alias; omit it for the whole graph",
                              .placeholder = "ENTITY",
                              .positional = true},
                             &R::entity)}};
        fields::add_filter(d.fields, &R::filter, {.directed = false, .evidence = false});
        return d;
    }();
    return description;
}

void TimelineRequest::validate() const { (void)filter.filter(); }

}  // namespace kizuna::app
