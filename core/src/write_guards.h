#pragma once
// Private to core: connection settings that a bulk write changes for its duration and restores.
#include <SQLiteCpp/SQLiteCpp.h>

namespace kizuna {

// Turns foreign key enforcement off for its lifetime (it can only change outside a transaction).
class ForeignKeysOff {
  public:
    ForeignKeysOff(SQLite::Database& db, bool active) : db_(db), active_(active) {
        if (active_) db_.exec("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeysOff() {
        if (active_) db_.exec("PRAGMA foreign_keys = ON");
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

  private:
    SQLite::Database& db_;
    bool active_;
};

// For its lifetime, a rollback journal instead of the write-ahead log, if SQLite can switch (it cannot
// while another connection has the database open; then the log stays). Filling an empty database, the
// log only doubles the writing: every new page goes to the log and then again into the database, where
// a rollback journal records nothing but the few pages that existed. Either way the write is atomic.
class RollbackJournal {
  public:
    RollbackJournal(SQLite::Database& db, bool wanted) : db_(db) {
        if (!wanted) return;
        try {
            active_ = db_.execAndGet("PRAGMA journal_mode = DELETE").getString() == "delete";
        } catch (const SQLite::Exception&) {
            active_ = false;  // busy: keep the log
        }
    }
    ~RollbackJournal() {
        if (!active_) return;
        try {
            (void)db_.execAndGet("PRAGMA journal_mode = WAL");
        } catch (const SQLite::Exception&) {
            // Store::open sets WAL on every connection, so the next one restores it.
        }
    }
    RollbackJournal(const RollbackJournal&) = delete;
    RollbackJournal& operator=(const RollbackJournal&) = delete;

  private:
    SQLite::Database& db_;
    bool active_ = false;
};

}  // namespace kizuna
