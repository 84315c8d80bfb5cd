// kizuna common A B: entities that both A and B are related to, with the relations on each side.
#include <CLI/CLI.hpp>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/queries/answers/common_answer.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_common(CLI::App& app, Context& context) {
    struct Options {
        std::string a, b;
        FilterOptions filter;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("common", "entities that both A and B are related to");
    command->add_option("a", options->a, "id or any name or alias")->required()->type_name("A");
    command->add_option("b", options->b, "id or any name or alias")->required()->type_name("B");
    options->filter.add_to(*command, {.directed = false, .evidence = true});
    return {command, [&context, options] {
                const Loaded data(context);
                print_answer(context,
                             answer_common(data.snapshot, options->a, options->b, options->filter.filter()));
            }};
}

}  // namespace kizuna::cli
