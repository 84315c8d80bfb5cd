// kizuna timeline: an entity's relations in date order, or what changed across the whole graph. The request
// (app/) describes the options; the session answers it.
#include "commands.h"
#include "request_options.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_timeline(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::TimelineRequest>(root);
    return {command, [&context, options = options] {
                print_answer(context, context.session().answer(options->request()));
            }};
}

}  // namespace kizuna::cli
