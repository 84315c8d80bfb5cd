// stats: counts by kind, country and type, components, the most connected entities.
#include "../fields.h"

namespace kizuna::app {

const Description<StatsRequest>& StatsRequest::description() {
    using R = StatsRequest;
    static const Description<R> description = [] {
        Description<R> d{"stats",
                         "counts by kind and type, components, most connected entities",
                         fields::filter_notes({.directed = false, .evidence = true}),
                         {}};
        fields::add_filter(d.fields, &R::filter, {.directed = false, .evidence = true});
        d.fields.push_back(fields::count<R>({.name = "top",
                                             .help = "how many entities to rank (default 10, at most 10000)",
                                             .placeholder = "N",
                                             .least = 1,
                                             .most = kMostRanked,
                                             .default_value = "10"},
                                            &R::top));
        d.fields.push_back(fields::flag<R>(
            {.name = "betweenness",
             .help = "also rank by betweenness centrality (Brandes): for each entity, the shortest "
                     "connections between other pairs that pass through it, each unordered pair once, "
                     "parallel relations counting as distinct paths, not normalised. Exact on graphs up to "
                     "about 250 million entities x relations, estimated from a sample of sources beyond "
                     "(seconds, not hours)"},
            &R::betweenness));
        d.fields.push_back(fields::count<R>(
            {.name = "sources",
             .help = "with --betweenness: estimate from N sources drawn at random (fixed seed); N >= the "
                     "entities: exact",
             .placeholder = "N",
             .least = 1,
             .most = kMostSources,
             .needs = {"betweenness"}},
            &R::sources));
        return d;
    }();
    return description;
}

void StatsRequest::validate() const {
    fields::check_count(description().find("top")->param, top);
    if (sources) {
        fields::check_count(description().find("sources")->param, *sources);
        if (!betweenness)
            throw AppError(ErrorKind::Usage, {Setting{"sources"}, " needs ", Setting{"betweenness"}});
    }
    (void)filter.filter();
}

}  // namespace kizuna::app
