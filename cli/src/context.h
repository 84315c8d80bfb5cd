#pragma once
// What every command shares: the global options (--db, --format, --lang), where answers go, and the
// session (app/) that answers the command's request.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "kizuna/app/session.h"
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
    // What the history records of this command's writes: --author (else $KIZUNA_AUTHOR, else the system
    // user) and the command line as given.
    std::string author;
    std::string command_line;

    [[nodiscard]] std::ostream& o() const { return *out; }
    [[nodiscard]] std::ostream& e() const { return *err; }

    // The session on the database (made on first use): the shared connection and graph when serving.
    [[nodiscard]] app::Session& session(app::SessionOptions options = {}) const;

  private:
    mutable std::unique_ptr<app::Session> session_;
};

// The language when --lang is not given: $KIZUNA_LANG, else the language of $LANG, else en.
[[nodiscard]] std::string default_lang();

// The default database path when --db is not given.
[[nodiscard]] std::filesystem::path default_db_path();

}  // namespace kizuna::cli
