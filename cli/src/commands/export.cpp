// kizuna export: write the whole database as CSV, JSON Lines or GraphML.
#include "kizuna/importers/export.h"

#include <CLI/CLI.hpp>
#include <ostream>

#include "commands.h"
#include "kizuna/core/errors.h"

namespace kizuna::cli {

Command add_export(CLI::App& app, Context& context) {
    struct Options {
        std::string format;
        std::string output;
    };
    auto options = std::make_shared<Options>();
    auto* command =
        app.add_subcommand("export", "write the whole database to CSV, JSON Lines, GraphML or xlsx");
    command
        ->add_option("--format", options->format,
                     "csv (a folder of three files), jsonl, graphml, or xlsx (an Excel workbook for people)")
        ->required()
        ->check(CLI::IsMember({"csv", "jsonl", "graphml", "xlsx"}))
        ->type_name("FORMAT");
    command->add_option("-o,--output", options->output, "output file (a folder for csv)")
        ->required()
        ->type_name("PATH");
    command->footer(
        "`kizuna import` reads csv, jsonl and graphml exports back into the same database. xlsx has sheets "
        "of "
        "entities (names in three languages), relations (with both ends' names), relation types and sources, "
        "header rows frozen and filtered; dates stay text in the data's precision.");
    return {command, [&context, options] {
                Store store = context.open_for_reading();
                const auto format = parse_export_format(options->format);
                if (!format) throw UsageError("--format: unknown export format '" + options->format + "'");
                export_database(store, *format, options->output);
                context.e() << "wrote " << options->output << " (" << store.entity_count() << " entities, "
                            << store.relation_count() << " relations)\n";
            }};
}

}  // namespace kizuna::cli
