// kizuna import FILE…: check and load files in one transaction (all of them, or nothing at all).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <unistd.h>

#include "commands.h"
#include "kizuna/importers/import.h"
#include "output.h"

namespace kizuna::cli {

namespace {

// 4200000 -> "4,200,000", for people.
std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// A one-line indicator on a terminal, refreshed at most 4 times a second:
// "written 4,200,000 rows  41%  190,000 rows/s  about 30 s left".
class Progress {
public:
    explicit Progress(std::ostream& err) : err_(err) {}
    void operator()(const ImportProgress& progress) {
        const auto now = std::chrono::steady_clock::now();
        if (!progress.finished && now - shown_ < std::chrono::milliseconds(250)) return;
        shown_ = now;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        std::string line = "written " + thousands(progress.written) + " rows";
        if (progress.finished) {
            err_ << "\r" << line << ", committing" << std::string(30, ' ') << "\n" << std::flush;
            return;
        }
        line += "  " + std::to_string(static_cast<int>(progress.fraction * 100)) + "%";
        if (seconds >= 1) {
            line += "  " + thousands(static_cast<std::size_t>(double(progress.written) / seconds)) + " rows/s";
            const auto left = static_cast<long>(seconds * (1 - progress.fraction) / std::max(progress.fraction, 0.01) + 0.5);
            if (progress.fraction > 0.02 && left >= 1) {
                line += "  about " + (left >= 120 ? std::to_string(left / 60) + " min" : std::to_string(left) + " s") + " left";
            }
        }
        err_ << "\r" << line << "   " << std::flush;  // trailing spaces cover a longer previous line's end
    }

private:
    std::ostream& err_;
    const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point shown_{};
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
                context.o() << (options->dry_run ? "valid: " : "read ") << thousands(report.entities_read)
                            << " entities, " << thousands(report.relations_read) << " relations, "
                            << thousands(report.types_read) << " relation types";
                if (options->dry_run) {
                    context.o() << " (dry run: nothing written)\n";
                } else {
                    context.o() << "; changed " << thousands(report.changed.entities_changed) << " entities, "
                                << thousands(report.changed.relations_changed) << " relations, "
                                << thousands(report.changed.types_changed) << " relation types\n";
                }
            }};
}

}  // namespace kizuna::cli
