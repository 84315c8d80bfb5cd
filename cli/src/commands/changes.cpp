// kizuna changes: what began, ended or changed state between two dates, and how the groups changed. The
// request (app/) describes the options; the session answers it.
#include "commands.h"
#include "request_options.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_changes(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::ChangesRequest>(root);
    return {command, [&context, options = options] {
                print_answer(context, context.session().answer(options->request()));
            }};
}

}  // namespace kizuna::cli
