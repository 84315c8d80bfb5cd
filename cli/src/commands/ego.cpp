// kizuna ego ENTITY --radius N: the neighbourhood within N hops.
#include <CLI/CLI.hpp>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/queries/answers/ego_answer.h"
#include "option_limits.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_ego(CLI::App& app, Context& context) {
    struct Options {
        std::string entity;
        std::size_t radius = 1;
        FilterOptions filter;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("ego", "the neighbourhood of an entity within N hops");
    command->add_option("entity", options->entity, "id or any name or alias")
        ->required()
        ->type_name("ENTITY");
    command->add_option("--radius,-r", options->radius, "hops from the entity (default 1, at most 50)")
        ->check(count_between(0, kLargestRadius))
        ->type_name("N");
    options->filter.add_to(*command, {.directed = true, .evidence = true},
                           "Draw it with: kizuna render --ego ENTITY --radius N -o ego.svg");
    return {command, [&context, options] {
                const Loaded data(context);
                print_answer(context, answer_ego(data.snapshot, data.vertex(options->entity), options->radius,
                                                 options->filter.filter()));
            }};
}

}  // namespace kizuna::cli
