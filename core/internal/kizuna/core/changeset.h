#pragma once
// Internal to core (its tests use it too): the one place that speaks SQLite's session extension
// (sqlite3session_*, sqlite3changeset_*). A Recorder notes the rows a write changes in the tables it watches;
// a record (a changeset, bytes) is read row by row, inverted, and applied to a database, refusing on
// conflict.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

// SQLite's handles (sqlite3.h declares the session extension's only where it is asked to: changeset.cpp).
struct sqlite3;
struct sqlite3_session;

namespace kizuna::changeset {

// One column's value in a record: absent (an update leaves the columns it did not change out), NULL, or
// its text (numbers as SQLite writes them).
struct Cell {
    bool present = false;
    bool null = false;
    std::string text;
};

struct Row {
    enum class Op { Insert, Update, Delete };
    std::string table;
    Op op = Op::Insert;
    std::vector<Cell> before, after;  // one per column; before is empty for an insert, after for a delete
    std::vector<bool> key;            // whether each column is part of the primary key
    // The value of a column after the change when the record has it, else before it.
    [[nodiscard]] const Cell& latest(std::size_t column) const;
};

// Records the changes to the tables named, from its making to changes(). Throws StorageError.
class Recorder {
  public:
    Recorder(sqlite3* db, const std::vector<std::string>& tables);
    ~Recorder();
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    // Adds what turns table in the attached database `schema` into the main database's table (a bulk
    // load records its vocabulary this way, without watching its millions of rows go in).
    void add_difference(const std::string& schema, const std::string& table);
    // The record so far; empty when nothing changed.
    [[nodiscard]] std::string changes() const;

  private:
    sqlite3* db_;
    sqlite3_session* session_ = nullptr;
};

// Visits every row of a record, table by table. Throws StorageError for a damaged record.
void for_each_row(const std::string& changes, const std::function<void(const Row&)>& visit);

// The record that undoes changes.
[[nodiscard]] std::string invert(const std::string& changes);

// A row that could not be applied as the record expects: what was found instead.
struct Conflict {
    std::string table;
    std::string key;   // the row's primary key, as text
    std::string what;  // "changed since", "missing", "already there", "constraint", "foreign key"
};
// Applies a record inside the caller's transaction. A row that does not meet the record (the row was
// changed or removed since, or is in the way) is not applied but returned; the caller rolls back.
[[nodiscard]] std::vector<Conflict> apply(sqlite3* db, const std::string& changes);

}  // namespace kizuna::changeset
