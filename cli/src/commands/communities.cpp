// kizuna communities: groups of organisations that work more with one another than with the rest. The
// request (app/) describes the options; the session answers it.
#include "commands.h"
#include "request_options.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_communities(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::CommunitiesRequest>(root);
    return {command, [&context, options = options] {
                print_answer(context, context.session().answer(options->request()));
            }};
}

}  // namespace kizuna::cli
