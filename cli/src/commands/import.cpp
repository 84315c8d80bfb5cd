// kizuna import FILE…: check and load files in one transaction (all of them, or nothing at all).
#include <unistd.h>

#include "commands.h"
#include "request_options.h"
#include "views/print_answer.h"
#include "views/progress_line.h"

namespace kizuna::cli {

Command add_import(CLI::App& root, Context& context) {
    auto [command, options] = add_request_command<app::ImportRequest>(root);
    auto quiet = std::make_shared<bool>(false);
    command->add_flag("--quiet,-q", *quiet, "no progress indicator");
    return {command, [&context, options = options, quiet] {
                app::SessionOptions session;
                if (!*quiet && isatty(STDERR_FILENO) == 1)
                    session.import_progress = ProgressLine(context.e());
                const ImportReport report = context.session(session).answer(options->request());
                for (const auto& [file, encoding] : report.encodings)
                    context.e() << "note: " << file << " was read as " << encoding << " text\n";
                print_answer(context, report);
            }};
}

}  // namespace kizuna::cli
