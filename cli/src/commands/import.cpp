// kizuna import FILE…: check and load files in one transaction (all of them, or nothing at all).
#include "kizuna/importers/import.h"

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "views/print_answer.h"
#include "views/progress_line.h"

namespace kizuna::cli {

Command add_import(CLI::App& app, Context& context) {
    struct Options {
        std::vector<std::string> files;
        bool dry_run = false;
        bool quiet = false;
    };
    auto options = std::make_shared<Options>();
    auto* command =
        app.add_subcommand("import", "load entities and relations from CSV, JSON Lines or GraphML");
    command->add_option("files", options->files, "files or folders (a folder: its *.csv files)")
        ->required()
        ->type_name("FILE");
    command->add_flag("--dry-run", options->dry_run, "validate only; write nothing");
    command->add_flag("--quiet,-q", options->quiet, "no progress indicator");
    command->footer(
        "Formats by extension: .csv (entities.csv, relations.csv, relation_types.csv: the kind is told by "
        "the "
        "header), .jsonl/.ndjson, .graphml/.xml. Everything is checked before anything is committed; any "
        "problem is reported as file:line: message, exit 3, and nothing is written. Re-importing the same "
        "rows "
        "changes nothing; a changed row updates in place (upsert by id).");
    return {command, [&context, options] {
                Store store = context.open_for_writing();
                ImportOptions import_options;
                import_options.dry_run = options->dry_run;
                const bool show_progress = !options->quiet && isatty(STDERR_FILENO) == 1;
                if (show_progress) import_options.progress = ProgressLine(context.e());
                std::vector<std::filesystem::path> paths(options->files.begin(), options->files.end());
                print_answer(context, import_files(store, paths, import_options));
            }};
}

}  // namespace kizuna::cli
