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
        std::string encoding;
    };
    auto options = std::make_shared<Options>();
    auto* command =
        app.add_subcommand("import", "load entities and relations from CSV, JSON Lines, GraphML or xlsx");
    command->add_option("files", options->files, "files or folders (a folder: its *.csv files)")
        ->required()
        ->type_name("FILE");
    command->add_flag("--dry-run", options->dry_run, "validate only; write nothing");
    command->add_flag("--quiet,-q", options->quiet, "no progress indicator");
    command
        ->add_option("--encoding", options->encoding,
                     "the CSV files' encoding: UTF-8, CP932 (Shift_JIS), UTF-16LE/BE or UTF-32LE/BE "
                     "(default: told by each file)")
        ->type_name("ENC");
    command->footer(
        "Formats by extension: .csv (entities.csv, relations.csv, relation_types.csv: the kind is told by "
        "the "
        "header; also tab-separated .txt/.tsv as Excel's Unicode text), .jsonl/.ndjson, .graphml/.xml, .xlsx "
        "(the sheets export --format xlsx writes). CSV in CP932 (Japanese Excel) or UTF-16 is detected and "
        "converted; a note says so. Everything is checked before anything is committed; any "
        "problem is reported as file:line: message, exit 3, and nothing is written. Re-importing the same "
        "rows "
        "changes nothing; a changed row updates in place (upsert by id).");
    return {command, [&context, options] {
                Store store = context.open_for_writing();
                ImportOptions import_options;
                import_options.dry_run = options->dry_run;
                import_options.encoding = options->encoding;
                const bool show_progress = !options->quiet && isatty(STDERR_FILENO) == 1;
                if (show_progress) import_options.progress = ProgressLine(context.e());
                std::vector<std::filesystem::path> paths(options->files.begin(), options->files.end());
                const ImportReport report = import_files(store, paths, import_options);
                for (const auto& [file, encoding] : report.encodings)
                    context.e() << "note: " << file << " was read as " << encoding << " text\n";
                print_answer(context, report);
            }};
}

}  // namespace kizuna::cli
