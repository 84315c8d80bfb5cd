#pragma once
// Private to core's store files: the SQLite connection behind a Store, and the row mapping they share.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

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
    // The same for the statements every answer runs (its read transaction, the data stamp, a name's
    // lookup), by their text: see Reused.
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> prepared;
    ChangeNote note;  // who and what each write is recorded as (history.h)
};

// A statement of the connection's, prepared at its first use and kept (preparing costs more than a small
// read: a path answer over HTTP ran six of them each time), reset for each use and again when the use
// ends, since an active statement would hold its read open.
class Reused {
  public:
    Reused(Store::Impl& impl, const std::string& sql) {
        auto& slot = impl.prepared[sql];
        if (!slot) slot = std::make_unique<SQLite::Statement>(impl.db, sql);
        statement_ = slot.get();
        (void)statement_->tryReset();  // an error of its last use is not this use's
        statement_->clearBindings();
    }
    ~Reused() { (void)statement_->tryReset(); }
    Reused(const Reused&) = delete;
    Reused& operator=(const Reused&) = delete;
    SQLite::Statement& operator*() const { return *statement_; }
    SQLite::Statement* operator->() const { return statement_; }

  private:
    SQLite::Statement* statement_ = nullptr;
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
