// kizuna timeline [ENTITY]: an entity's relations in date order, or what changed across the whole graph
// between --since and --until.
#include <CLI/CLI.hpp>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/queries/answers/timeline_answer.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_timeline(CLI::App& app, Context& context) {
    struct Options {
        std::string entity;
        FilterOptions filter;
    };
    auto options = std::make_shared<Options>();
    auto* command =
        app.add_subcommand("timeline", "an entity's relations in date order, or what changed when");
    command->add_option("entity", options->entity, "id or any name or alias; omit it for the whole graph")
        ->type_name("ENTITY");
    options->filter.add_to(
        *command, {.directed = false, .evidence = false},
        "Examples:\n  kizuna timeline vn-moh\n"
        "  kizuna timeline --since 2019            relations that started or ended in 2019 or later\n"
        "  kizuna timeline --since 2014 --until 2020 --type acquisition\n"
        "The whole graph's timeline lists what started or ended in a period (--since/--until; a date "
        "coarser than the period is marked *); --as-of needs an entity.");
    return {command, [&context, options] {
                const Loaded data(context);
                const RelationFilter filter = options->filter.filter();
                if (options->entity.empty()) {
                    print_answer(context, answer_changes(data.snapshot, filter));
                } else {
                    print_answer(context,
                                 answer_entity_timeline(data.snapshot, data.vertex(options->entity), filter));
                }
            }};
}

}  // namespace kizuna::cli
