#pragma once
// Private to core's store files: the SQLite connection behind a Store, and the row mapping they share.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kizuna/core/errors.h"
#include "kizuna/core/history.h"
#include "kizuna/core/store.h"

namespace kizuna {

struct Store::Impl {
    Impl(const std::filesystem::path& p, int flags, bool ro) : db(p, flags), path(p), read_only(ro) {}
    SQLite::Database db;
    std::filesystem::path path;
    bool read_only;
    int read_depth = 0;  // open ReadTransactions
    // Prepared once for an answer's many reads by key (preparing costs more than the read itself).
    std::unique_ptr<SQLite::Statement> entity_at, relation_at;
    ChangeNote note;  // who and what each write is recorded as (history.h)
};

// Columns in the order read_entity / read_relation expect; relation queries select FROM kRelationJoins
// (aliases r, f, t).
extern const char* const kEntityColumns;
extern const char* const kRelationColumns;
extern const char* const kRelationJoins;
Entity read_entity(SQLite::Statement& row);
std::optional<PartialDate> read_date(const SQLite::Column& column);
Relation read_relation(SQLite::Statement& row);

// Runs a read of the store: SQLite's failures (a damaged file, an I/O error) become StorageError naming
// the file, so that every front end reports them as a database problem.
template <typename Read>
auto guarded_read(const Store::Impl& impl, Read&& read) -> decltype(read()) {
    try {
        return read();
    } catch (const SQLite::Exception& e) {
        // SQLite's JSON functions refuse a stored JSON text that does not parse (sources are read through
        // them): damage to a row, said as the row readers say it (rows.cpp).
        if (std::string_view(e.what()).find("malformed JSON") != std::string_view::npos)
            throw StorageError(impl.path.string() + ": a stored value is damaged: " + e.what());
        throw StorageError(impl.path.string() + ": cannot read the database: " + e.getErrorStr());
    }
}

}  // namespace kizuna
