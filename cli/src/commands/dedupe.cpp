// kizuna duplicates, merge, not-duplicates: entities that may be one, found, merged or judged apart. The
// requests (app/) describe the options; the session answers them.
#include "commands.h"
#include "request_options.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_duplicates(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::DuplicatesRequest>(root);
    return {command, [&context, options = options] {
                auto request = options->request();
                request.lang = context.lang;
                print_answer(context, context.session().answer(request));
            }};
}

Command add_merge(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::MergeRequest>(root);
    return {command, [&context, options = options] {
                print_answer(context, context.session().answer(options->request()));
            }};
}

Command add_not_duplicates(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::NotDuplicatesRequest>(root);
    return {command, [&context, options = options] {
                print_answer(context, context.session().answer(options->request()));
            }};
}

}  // namespace kizuna::cli
