// kizuna show NAME: an entity with every name, attribute and source and all its relations; or a relation.
#include <CLI/CLI.hpp>

#include "commands.h"
#include "kizuna/queries/answers/show_answer.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_show(CLI::App& app, Context& context) {
    auto name = std::make_shared<std::string>();
    auto* command =
        app.add_subcommand("show", "an entity with its names, attributes, sources and all relations");
    command
        ->add_option("entity", *name,
                     "id or any name or alias; or a relation id (its attributes and sources)")
        ->required()
        ->type_name("ENTITY");
    return {command, [&context, name] {
                const Loaded data(context);
                print_answer(context, answer_show(data.snapshot, *name));
            }};
}

}  // namespace kizuna::cli
