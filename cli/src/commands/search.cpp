// kizuna search TEXT: entities by any name or alias, in any language.
#include <CLI/CLI.hpp>

#include "commands.h"
#include "kizuna/queries/answers/search_answer.h"
#include "option_limits.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_search(CLI::App& app, Context& context) {
    struct Options {
        std::string text;
        std::size_t limit = 20;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("search", "find entities by any name or alias in any language");
    command->add_option("text", options->text, "part of a name, alias or id: MOH, 保健省, Bo Y te, Alcopha")
        ->required()
        ->type_name("TEXT");
    command->add_option("--limit,-n", options->limit, "most results to show (default 20, at most 1000)")
        ->check(count_between(1, kMostSearchResults))
        ->type_name("N");
    return {command, [&context, options] {
                const ReadingStore reading(context);
                print_answer(context, answer_search(reading.store(), options->text, options->limit));
            }};
}

}  // namespace kizuna::cli
