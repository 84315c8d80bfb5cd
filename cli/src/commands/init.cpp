// kizuna init: create an empty database, or bring an existing one up to the current schema.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <ostream>

#include "commands.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_init(CLI::App& root, Context& context) {
    auto* command = root.add_subcommand("init", "create an empty database (or migrate an existing one)");
    command->footer(
        "The file is --db (default $KIZUNA_DB, else ./kizuna.db). It starts with the relation "
        "type vocabulary; load data with `kizuna import`.");
    return {command, [&context] {
                const bool existed = std::filesystem::exists(context.db);
                const Store store = Store::open(context.db, Store::Mode::Create);
                print_answer(context, DatabaseSummary{context.db.string(), !existed, store.schema_version(),
                                                      store.entity_count(), store.relation_count()});
            }};
}

}  // namespace kizuna::cli
