#pragma once
// What every command shares: the global options (--db, --format, --lang) and the ways to reach the data.
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "kizuna/core/graph.h"
#include "kizuna/core/store.h"

namespace kizuna::cli {

enum class OutputFormat { Table, Json, Csv };

struct Context {
    std::filesystem::path db;  // --db, else $KIZUNA_DB, else ./kizuna.db
    OutputFormat format = OutputFormat::Table;
    std::string lang = "en";
    std::ostream* out = nullptr;  // answers
    std::ostream* err = nullptr;  // progress and notes

    [[nodiscard]] std::ostream& o() const { return *out; }
    [[nodiscard]] std::ostream& e() const { return *err; }

    // The database for reading; a missing file is a StorageError that suggests `kizuna init`.
    [[nodiscard]] Store open_for_reading() const;
    [[nodiscard]] Store open_for_writing() const;
};

// A store and the in-memory graph built from it, for the query commands.
struct Loaded {
    Store store;
    Graph graph;
    // The vertex an argument names (id or any name); throws EntityLookupError (exit 2).
    [[nodiscard]] VertexId vertex(const std::string& name) const;
};
[[nodiscard]] Loaded load(const Context& context);

// The default database path when --db is not given.
[[nodiscard]] std::filesystem::path default_db_path();

// A date given on the command line; a bad one is a UsageError naming the option.
[[nodiscard]] std::optional<PartialDate> date_option(const std::string& option, const std::string& text);

}  // namespace kizuna::cli
