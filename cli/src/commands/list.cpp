// kizuna list: entities by kind, country and attribute, or relations by type, category and ends. The request
// (app/) describes the options; the session answers it.
#include "commands.h"
#include "request_options.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_list(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::ListRequest>(root);
    return {command, [&context, options = options] {
                print_answer(context, context.session().answer(options->request()));
            }};
}

}  // namespace kizuna::cli
