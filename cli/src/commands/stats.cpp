// kizuna stats: counts by kind, country and type, components, the most connected entities.
#include <CLI/CLI.hpp>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/queries/answers/stats_answer.h"
#include "option_limits.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_stats(CLI::App& app, Context& context) {
    struct Options {
        FilterOptions filter;
        std::size_t top = 10;
        bool betweenness = false;
        std::size_t sources = 0;
    };
    auto options = std::make_shared<Options>();
    auto* command =
        app.add_subcommand("stats", "counts by kind and type, components, most connected entities");
    options->filter.add_to(*command, {.directed = false, .evidence = true});
    command->add_option("--top", options->top, "how many entities to rank (default 10, at most 10000)")
        ->check(count_between(1, kMostRanked))
        ->type_name("N");
    command->add_flag(
        "--betweenness", options->betweenness,
        "also rank by betweenness centrality (Brandes): for each entity, the shortest connections between "
        "other pairs that pass through it, each unordered pair once, parallel relations counting as "
        "distinct paths, not normalised. Exact on graphs up to about 250 million entities x relations, "
        "estimated from a sample of sources beyond (seconds, not hours)");
    auto* betweenness = command->get_option("--betweenness");
    command
        ->add_option(
            "--sources", options->sources,
            "with --betweenness: estimate from N sources drawn at random (fixed seed); N >= the entities: "
            "exact")
        ->check(count_between(1, kMostSources))
        ->type_name("N")
        ->needs(betweenness);
    return {command, [&context, options] {
                const Loaded data(context);
                const StatsQuery query{options->filter.filter(), options->top, options->betweenness,
                                       options->sources};
                print_answer(context, answer_stats(data.snapshot, query));
            }};
}

}  // namespace kizuna::cli
