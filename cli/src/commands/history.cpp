// kizuna log, diff, undo, restore: the history of changes (core/history.h). The requests (app/) describe
// the options; the session answers them.
#include "commands.h"
#include "request_options.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_log(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::LogRequest>(root);
    return {command, [&context, options = options] {
                print_answer(context, context.session().answer(options->request()));
            }};
}

Command add_diff(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::DiffRequest>(root);
    return {command, [&context, options = options] {
                print_answer(context, context.session().answer(options->request()));
            }};
}

Command add_undo(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::UndoRequest>(root);
    return {command, [&context, options = options] {
                print_answer(context, context.session().answer(options->request()));
            }};
}

// -o after the command names the new database (the request's output, as export's).
Command add_restore(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::RestoreRequest>(root);
    return {command, [&context, options = options] {
                print_answer(context, context.session().answer(options->request()));
            }};
}

}  // namespace kizuna::cli
