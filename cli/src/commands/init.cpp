// kizuna init: create an empty database, or bring an existing one up to the current schema.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <ostream>

#include "commands.h"
#include "output.h"

namespace kizuna::cli {

Command add_init(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("init", "create an empty database (or migrate an existing one)");
    command->footer("The file is --db (default $KIZUNA_DB, else ./kizuna.db). It starts with the relation "
                    "type vocabulary; load data with `kizuna import`.");
    return {command, [&context] {
                const bool existed = std::filesystem::exists(context.db);
                Store store = Store::open(context.db, Store::Mode::Create);
                if (context.format == OutputFormat::Json) {
                    print_json(context, {{"database", context.db.string()},
                                         {"created", !existed},
                                         {"schema_version", store.schema_version()},
                                         {"entities", store.entity_count()},
                                         {"relations", store.relation_count()}});
                    return;
                }
                context.o() << (existed ? "opened existing " : "created ") << context.db.string() << " (schema v"
                            << store.schema_version() << ", " << store.entity_count() << " entities, "
                            << store.relation_count() << " relations)\n";
            }};
}

}  // namespace kizuna::cli
