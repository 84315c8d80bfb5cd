// kizuna import FILE…: check and load files in one transaction (all of them, or nothing at all).
#include <CLI/CLI.hpp>

#include <chrono>
#include <ostream>
#include <unistd.h>

#include "commands.h"
#include "kizuna/importers/import.h"
#include "output.h"

namespace kizuna::cli {

namespace {

// A one-line "written 400000 rows" indicator on a terminal, refreshed at most 10 times a second; the
// importer tells the total only at the end (total 0 meanwhile).
class Progress {
public:
    explicit Progress(std::ostream& err) : err_(err) {}
    void operator()(std::size_t done, std::size_t total) {
        const auto now = std::chrono::steady_clock::now();
        const bool last = total != 0 && done >= total;
        if (!last && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        err_ << "\rwritten " << done << " rows" << (last ? ", committing\n" : "") << std::flush;
    }

private:
    std::ostream& err_;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace

Command add_import(CLI::App& app, Context& context) {
    struct Options {
        std::vector<std::string> files;
        bool dry_run = false;
        bool quiet = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("import", "load entities and relations from CSV, JSON Lines or GraphML");
    command->add_option("files", options->files, "files or folders (a folder: its *.csv files)")
        ->required()
        ->type_name("FILE");
    command->add_flag("--dry-run", options->dry_run, "validate only; write nothing");
    command->add_flag("--quiet,-q", options->quiet, "no progress indicator");
    command->footer(
        "Formats by extension: .csv (entities.csv, relations.csv, relation_types.csv: the kind is told by the "
        "header), .jsonl/.ndjson, .graphml/.xml. Everything is checked before anything is committed; any "
        "problem is reported as file:line: message, exit 3, and nothing is written. Re-importing the same rows "
        "changes nothing; a changed row updates in place (upsert by id).");
    return {command, [&context, options] {
                Store store = context.open_for_writing();
                ImportOptions import_options;
                import_options.dry_run = options->dry_run;
                const bool show_progress = !options->quiet && isatty(STDERR_FILENO) == 1;
                if (show_progress) import_options.progress = Progress(context.e());
                std::vector<std::filesystem::path> paths(options->files.begin(), options->files.end());
                const ImportReport report = import_files(store, paths, import_options);
                if (context.format == OutputFormat::Json) {
                    print_json(context, {{"dry_run", options->dry_run},
                                         {"read", {{"relation_types", report.types_read},
                                                   {"entities", report.entities_read},
                                                   {"relations", report.relations_read}}},
                                         {"changed", {{"relation_types", report.changed.types_changed},
                                                      {"entities", report.changed.entities_changed},
                                                      {"relations", report.changed.relations_changed}}}});
                    return;
                }
                context.o() << (options->dry_run ? "valid: " : "read ") << report.entities_read << " entities, "
                            << report.relations_read << " relations, " << report.types_read << " relation types";
                if (options->dry_run) {
                    context.o() << " (dry run: nothing written)\n";
                } else {
                    context.o() << "; changed " << report.changed.entities_changed << " entities, "
                                << report.changed.relations_changed << " relations, "
                                << report.changed.types_changed << " relation types\n";
                }
            }};
}

}  // namespace kizuna::cli
