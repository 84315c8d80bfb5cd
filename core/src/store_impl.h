#pragma once
// Private to core's store files: the SQLite connection behind a Store, and the row mapping they share.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <optional>

#include "kizuna/core/store.h"

namespace kizuna {

struct Store::Impl {
    Impl(const std::filesystem::path& p, int flags, bool ro) : db(p, flags), path(p), read_only(ro) {}
    SQLite::Database db;
    std::filesystem::path path;
    bool read_only;
    int read_depth = 0;  // open ReadTransactions
};

// Columns in the order read_entity / read_relation expect; relation queries select FROM kRelationJoins
// (aliases r, f, t).
extern const char* const kEntityColumns;
extern const char* const kRelationColumns;
extern const char* const kRelationJoins;
Entity read_entity(SQLite::Statement& row);
std::optional<PartialDate> read_date(const SQLite::Column& column);
Relation read_relation(SQLite::Statement& row);

}  // namespace kizuna
