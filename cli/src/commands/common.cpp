// kizuna common: entities that both A and B are related to, with the relations on each side. The request
// (app/) describes the options; the session answers it.
#include "commands.h"
#include "request_options.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_common(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::CommonRequest>(root);
    return {command, [&context, options = options] {
                print_answer(context, context.session().answer(options->request()));
            }};
}

}  // namespace kizuna::cli
