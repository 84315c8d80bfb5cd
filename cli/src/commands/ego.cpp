// kizuna ego: the neighbourhood within N hops. The request (app/) describes the options; the session answers
// it.
#include "commands.h"
#include "request_options.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_ego(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::EgoRequest>(root);
    return {command, [&context, options = options] {
                print_answer(context, context.session().answer(options->request()));
            }};
}

}  // namespace kizuna::cli
