#pragma once
// The kizuna commands. Each adds its subcommand to the app and returns what runs it once parsed.
#include <functional>

#include "context.h"

namespace CLI {
class App;
}

namespace kizuna::cli {

struct Command {
    CLI::App* app;
    std::function<void()> run;  // throws kizuna errors; main maps them to exit codes
};

Command add_init(CLI::App& root, Context& context);
Command add_import(CLI::App& root, Context& context);
Command add_export(CLI::App& root, Context& context);
Command add_search(CLI::App& root, Context& context);
Command add_list(CLI::App& root, Context& context);
Command add_show(CLI::App& root, Context& context);
Command add_partners(CLI::App& root, Context& context);
Command add_path(CLI::App& root, Context& context);
Command add_common(CLI::App& root, Context& context);
Command add_ego(CLI::App& root, Context& context);
Command add_timeline(CLI::App& root, Context& context);
Command add_stats(CLI::App& root, Context& context);
Command add_communities(CLI::App& root, Context& context);
Command add_changes(CLI::App& root, Context& context);
Command add_render(CLI::App& root, Context& context);
Command add_brief(CLI::App& root, Context& context);
Command add_demo(CLI::App& root, Context& context);
Command add_serve(CLI::App& root, Context& context);
Command add_query(CLI::App& root, Context& context);
Command add_log(CLI::App& root, Context& context);
Command add_diff(CLI::App& root, Context& context);
Command add_undo(CLI::App& root, Context& context);
Command add_restore(CLI::App& root, Context& context);
Command add_duplicates(CLI::App& root, Context& context);
Command add_merge(CLI::App& root, Context& context);
Command add_not_duplicates(CLI::App& root, Context& context);

}  // namespace kizuna::cli
