#pragma once
// What every command shares: the global options (--db, --format, --lang) and the ways to reach the data.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include "kizuna/core/snapshot.h"
#include "kizuna/core/store.h"

namespace kizuna::cli {

enum class OutputFormat { Table, Json, Csv };

// Data a long-running process keeps between commands (`kizuna serve`): a store connection of the
// calling thread and the graph all threads share. Without it, each command opens the database itself.
struct SharedData {
    std::function<const Store&()> store;  // the calling thread's connection, read-only
    SharedGraph* graph = nullptr;
    std::function<bool()> cancelled;  // a query stops when it says so (the server's client has gone)
};

struct Context {
    std::filesystem::path db;  // --db, else $KIZUNA_DB, else ./kizuna.db
    OutputFormat format = OutputFormat::Table;
    std::string lang = "en";      // --lang, else $KIZUNA_LANG, else $LANG (ja_JP.UTF-8: ja), else en
    std::string output;           // -o FILE: the answer goes there instead of standard output
    bool bom = true;              // CSV written to a file starts with a UTF-8 byte order mark (for Excel)
    std::ostream* out = nullptr;  // answers
    std::ostream* err = nullptr;  // progress and notes
    const SharedData* shared = nullptr;

    [[nodiscard]] std::ostream& o() const { return *out; }
    [[nodiscard]] std::ostream& e() const { return *err; }

    // The database for reading; a missing file is a StorageError that suggests `kizuna init`.
    [[nodiscard]] Store open_for_reading() const;
    [[nodiscard]] Store open_for_writing() const;
};

// The database for reading and one snapshot of it (its graph and every row an answer reads), for the
// query commands. Built in place: the snapshot refers to the store beside it.
class Loaded {
  public:
    explicit Loaded(const Context& context);
    Loaded(const Loaded&) = delete;
    Loaded& operator=(const Loaded&) = delete;

  private:
    std::optional<Store> own_store_;  // when the context has no shared data

  public:
    const Store& store;
    Snapshot snapshot;
    // The vertex an argument names (id or any name); throws EntityLookupError (exit 2).
    [[nodiscard]] VertexId vertex(const std::string& name) const { return snapshot.vertex(name); }
    [[nodiscard]] const Graph& graph() const { return snapshot.graph(); }
};

// The store alone, for commands that need no graph (search): the shared connection when serving, else
// one of its own.
class ReadingStore {
  public:
    explicit ReadingStore(const Context& context);
    ReadingStore(const ReadingStore&) = delete;
    ReadingStore& operator=(const ReadingStore&) = delete;
    [[nodiscard]] const Store& store() const { return *store_; }

  private:
    std::optional<Store> own_;
    const Store* store_;
};

// The language when --lang is not given: $KIZUNA_LANG, else the language of $LANG, else en.
[[nodiscard]] std::string default_lang();

// The default database path when --db is not given.
[[nodiscard]] std::filesystem::path default_db_path();

// A date given on the command line; a bad one is a UsageError naming the option.
[[nodiscard]] std::optional<PartialDate> date_option(const std::string& option, const std::string& text);

}  // namespace kizuna::cli
