#pragma once
// The history of a database, kept in the database file itself: every write that changed something is
// one change (a sequence number, the time in UTC, the author, the command, the files it read with their
// SHA-256, its counts) with the rows it changed, recorded by SQLite's session extension. A load into an
// empty database of thousands of rows is a bulk load: only its vocabulary's rows are recorded (the rest
// is "everything"), so that it costs nothing measurable, and undoing it empties the data again.
// Changes are read (log, diff), undone (as a new change) and replayed backwards (restore).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kizuna/core/store.h"

namespace kizuna {

struct ChangeFile {
    std::string path, sha256;
};

// Who writes, and why; a Store applies it to each of its writes (Store::note_changes).
struct ChangeNote {
    std::string author;   // empty: the system user ($USER, else the account's name)
    std::string command;  // what was run ("kizuna import data/"); empty: "write"
    // The files a write reads, asked when the change is recorded (a caller may hash them meanwhile).
    std::function<std::vector<ChangeFile>()> files;
};

struct RecordedChange {
    std::int64_t seq = 0;
    std::string at;  // UTC, ISO 8601 to the second: 2026-12-02T15:52:31Z
    std::string author, command;
    std::string kind;                       // "edit", "bulk load" or "undo"
    std::optional<std::int64_t> undoes;     // an undo: the change it undid
    std::optional<std::int64_t> undone_by;  // the undo that undid this change, if any
    std::vector<ChangeFile> files;
    Store::WriteSummary counts;
    std::int64_t record_bytes = 0;  // the size of its row record
};

struct ChangeFilter {
    std::string entity;  // an entity's id: changes to it or to its relations
    std::string since;   // an ISO date or time: changes at or after it
    std::string author;
};

// One field of a row, before and after a change (absent: the row did not exist).
struct FieldChange {
    std::string field;
    std::optional<std::string> before, after;
};

// What a change did to one entity, relation, relation type or entity kind.
struct RowChange {
    std::int64_t seq = 0;
    std::string what;  // entity, relation, type or kind
    std::string op;    // added, changed or removed
    std::string id;
    std::string name;  // an entity's name; a relation's ends, "from name -> to name"
    std::vector<FieldChange> fields;
};

// Rows of changes as an answer lists them: the first `limit`, and how many there are in all (a large
// import's undo changes a million rows; listing each would take minutes and gigabytes).
struct RowChanges {
    std::vector<RowChange> listed;
    std::size_t total = 0;
};

// Rows listed by default: a screenful of a large change, every row of a usual one.
inline constexpr std::size_t kListedRows = 1000;

// The history's operations. All throw StorageError for a database problem and UsageError for a change
// that does not exist or cannot be undone.
class History {
  public:
    // Changes, oldest first.
    [[nodiscard]] static std::vector<RecordedChange> changes(const Store& store, const ChangeFilter& filter);
    [[nodiscard]] static RecordedChange change(const Store& store, std::int64_t seq);
    [[nodiscard]] static std::int64_t latest(const Store& store);  // 0: no change yet
    // What changes first..last did, row by row, field by field, in order: the first `limit` rows.
    [[nodiscard]] static RowChanges diff(const Store& store, std::int64_t first, std::int64_t last,
                                         std::size_t limit = kListedRows);

    // Undoes a change as a new change (noted as the store's writes are). Refuses, naming them, when
    // later changes touched the same rows; dry_run writes nothing. Returns the new change (seq 0 on a
    // dry run) and what it does (the first `limit` rows).
    struct Undone {
        RecordedChange change;
        RowChanges rows;
    };
    [[nodiscard]] static Undone undo(Store& store, std::int64_t seq, bool dry_run,
                                     std::size_t limit = kListedRows);

    // Writes to out the database as it was after change seq (0: before the first), its history ending
    // there. REQUIRES: out does not exist.
    static void restore(const Store& store, std::int64_t seq, const std::filesystem::path& out);
};

}  // namespace kizuna
