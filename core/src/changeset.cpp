// SQLite's session extension behind changeset.h: recording, reading, inverting and applying records.
#include "kizuna/core/changeset.h"

#include <sqlite3.h>

#include <cstdint>
#include <memory>

#include "kizuna/core/errors.h"

namespace kizuna::changeset {

namespace {

[[noreturn]] void fail(sqlite3* db, int code, const std::string& doing) {
    std::string message = "history: cannot " + doing + ": " + sqlite3_errstr(code);
    if (db != nullptr && code != SQLITE_CORRUPT) message += " (" + std::string(sqlite3_errmsg(db)) + ")";
    throw StorageError(message);
}

// Reads a changeset's layout (the session extension's documented format) without SQLite: SQLite 3.40's
// iterator can go round forever inside sqlite3changeset_next on a damaged record, so a record is read
// here first and refused unless every table header, change and value lies whole within it.
class LayoutCheck {
  public:
    explicit LayoutCheck(const std::string& bytes) : bytes_(bytes) {}

    [[nodiscard]] bool whole() {
        std::size_t columns = 0;
        while (at_ < bytes_.size()) {
            const auto marker = byte();
            if (marker == 'T') {
                if (!table_header(columns)) return false;
            } else if (columns == 0 || !change(marker, columns)) {
                return false;
            }
        }
        return true;
    }

  private:
    unsigned byte() { return static_cast<unsigned char>(bytes_[at_++]); }
    bool left(std::size_t n) const { return n <= bytes_.size() - at_; }

    // SQLite's varint: up to nine bytes, seven bits each but the ninth, high bit set on all but the last.
    bool varint(std::uint64_t& value) {
        value = 0;
        for (int i = 0; i < 9; ++i) {
            if (!left(1)) return false;
            const auto b = byte();
            if (i == 8) {
                value = (value << 8) | b;
                return true;
            }
            value = (value << 7) | (b & 0x7fU);
            if ((b & 0x80U) == 0) return true;
        }
        return true;
    }

    bool table_header(std::size_t& columns) {
        std::uint64_t count = 0;
        constexpr std::uint64_t kMostColumns = 32767;  // SQLite's own ceiling
        if (!varint(count) || count == 0 || count > kMostColumns || !left(count)) return false;
        columns = static_cast<std::size_t>(count);
        for (std::size_t i = 0; i < columns; ++i) {
            // Primary-key flags: 0, or the column's place in the key (1, 2 ... for a key of several).
            if (byte() > columns) return false;
        }
        const auto end = bytes_.find('\0', at_);
        if (end == std::string::npos || end == at_) return false;
        at_ = end + 1;
        return true;
    }

    bool change(unsigned op, std::size_t columns) {
        if (!left(1) || byte() > 1) return false;  // the indirect flag
        switch (op) {
            case SQLITE_INSERT:
            case SQLITE_DELETE:
                return record(columns);
            case SQLITE_UPDATE:
                return record(columns) && record(columns);
            default:
                return false;
        }
    }

    bool record(std::size_t columns) {
        for (std::size_t i = 0; i < columns; ++i) {
            if (!left(1)) return false;
            switch (byte()) {
                case 0:  // not given (an update's unchanged column)
                case SQLITE_NULL:
                    break;
                case SQLITE_INTEGER:
                case SQLITE_FLOAT:
                    if (!left(8)) return false;
                    at_ += 8;
                    break;
                case SQLITE_TEXT:
                case SQLITE_BLOB: {
                    std::uint64_t size = 0;
                    if (!varint(size) || !left(size)) return false;
                    at_ += static_cast<std::size_t>(size);
                    break;
                }
                default:
                    return false;
            }
        }
        return true;
    }

    const std::string& bytes_;
    std::size_t at_ = 0;
};

void check_layout(const std::string& changes) {
    if (!LayoutCheck(changes).whole()) throw StorageError("history: a change's record of rows is damaged");
}

Cell cell_of(sqlite3_value* value) {
    Cell cell;
    if (value == nullptr) return cell;
    cell.present = true;
    if (sqlite3_value_type(value) == SQLITE_NULL) {
        cell.null = true;
        return cell;
    }
    const auto* text = sqlite3_value_text(value);
    cell.text.assign(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_value_bytes(value)));
    return cell;
}

// The row the iterator stands on. before: the old values (update, delete); after: the new (insert,
// update).
Row row_of(sqlite3_changeset_iter* iter) {
    const char* table = nullptr;
    int columns = 0, op = 0, indirect = 0;
    int rc = sqlite3changeset_op(iter, &table, &columns, &op, &indirect);
    if (rc != SQLITE_OK) fail(nullptr, rc, "read a change");
    Row row;
    row.table = table;
    row.op = op == SQLITE_INSERT ? Row::Op::Insert : op == SQLITE_UPDATE ? Row::Op::Update : Row::Op::Delete;
    unsigned char* key = nullptr;
    rc = sqlite3changeset_pk(iter, &key, &columns);
    if (rc != SQLITE_OK) fail(nullptr, rc, "read a change's key");
    for (int i = 0; i < columns; ++i) {
        row.key.push_back(key[i] != 0);
        sqlite3_value* value = nullptr;
        if (row.op != Row::Op::Insert) {
            if (sqlite3changeset_old(iter, i, &value) != SQLITE_OK) value = nullptr;
            row.before.push_back(cell_of(value));
        }
        if (row.op != Row::Op::Delete) {
            value = nullptr;
            if (sqlite3changeset_new(iter, i, &value) != SQLITE_OK) value = nullptr;
            row.after.push_back(cell_of(value));
        }
    }
    return row;
}

std::string key_text(const Row& row) {
    std::string key;
    for (std::size_t i = 0; i < row.key.size(); ++i) {
        if (!row.key[i]) continue;
        if (!key.empty()) key += ",";
        key += row.latest(i).text;
    }
    return key;
}

// What the conflict handler is given to collect into.
struct Collected {
    std::vector<Conflict> conflicts;
};

int on_conflict(void* context, int kind, sqlite3_changeset_iter* iter) noexcept try {
    auto& collected = *static_cast<Collected*>(context);
    Conflict conflict;
    if (kind == SQLITE_CHANGESET_FOREIGN_KEY) {
        conflict.what = "foreign key";
    } else {
        const Row row = row_of(iter);
        conflict.table = row.table;
        conflict.key = key_text(row);
        conflict.what = kind == SQLITE_CHANGESET_DATA       ? "changed since"
                        : kind == SQLITE_CHANGESET_NOTFOUND ? "missing"
                        : kind == SQLITE_CHANGESET_CONFLICT ? "already there"
                                                            : "constraint";
    }
    collected.conflicts.push_back(std::move(conflict));
    return SQLITE_CHANGESET_OMIT;
} catch (...) {
    return SQLITE_CHANGESET_ABORT;  // nothing may unwind through SQLite's frames
}

}  // namespace

const Cell& Row::latest(std::size_t column) const {
    if (column < after.size() && after[column].present) return after[column];
    return before.at(column);
}

Recorder::Recorder(sqlite3* db, const std::vector<std::string>& tables) : db_(db) {
    int rc = sqlite3session_create(db, "main", &session_);
    if (rc != SQLITE_OK) fail(db, rc, "start recording");
    for (const auto& table : tables) {
        rc = sqlite3session_attach(session_, table.c_str());
        if (rc != SQLITE_OK) {
            sqlite3session_delete(session_);
            fail(db, rc, "record the table " + table);
        }
    }
}

Recorder::~Recorder() { sqlite3session_delete(session_); }

void Recorder::add_difference(const std::string& schema, const std::string& table) {
    char* error = nullptr;
    const int rc = sqlite3session_diff(session_, schema.c_str(), table.c_str(), &error);
    const std::string said = error != nullptr ? error : "";
    sqlite3_free(error);
    if (rc != SQLITE_OK) throw StorageError("history: cannot compare " + table + ": " + said);
}

std::string Recorder::changes() const {
    int size = 0;
    void* bytes = nullptr;
    const int rc = sqlite3session_changeset(session_, &size, &bytes);
    if (rc != SQLITE_OK) fail(db_, rc, "gather the changed rows");
    std::string out(static_cast<const char*>(bytes), static_cast<std::size_t>(size));
    sqlite3_free(bytes);
    return out;
}

void for_each_row(const std::string& changes, const std::function<void(const Row&)>& visit) {
    if (changes.empty()) return;
    check_layout(changes);
    sqlite3_changeset_iter* iter = nullptr;
    int rc =
        sqlite3changeset_start(&iter, static_cast<int>(changes.size()), const_cast<char*>(changes.data()));
    if (rc != SQLITE_OK) fail(nullptr, rc, "read the changed rows");
    const std::unique_ptr<sqlite3_changeset_iter, int (*)(sqlite3_changeset_iter*)> owned(
        iter, sqlite3changeset_finalize);
    while ((rc = sqlite3changeset_next(iter)) == SQLITE_ROW) visit(row_of(iter));
    if (rc != SQLITE_DONE) fail(nullptr, rc, "read the changed rows");
}

std::string invert(const std::string& changes) {
    if (changes.empty()) return {};
    check_layout(changes);
    int size = 0;
    void* bytes = nullptr;
    const int rc = sqlite3changeset_invert(static_cast<int>(changes.size()), changes.data(), &size, &bytes);
    if (rc != SQLITE_OK) fail(nullptr, rc, "invert the changed rows");
    std::string out(static_cast<const char*>(bytes), static_cast<std::size_t>(size));
    sqlite3_free(bytes);
    return out;
}

std::vector<Conflict> apply(sqlite3* db, const std::string& changes) {
    Collected collected;
    if (changes.empty()) return {};
    check_layout(changes);
    const int rc =
        sqlite3changeset_apply(db, static_cast<int>(changes.size()), const_cast<char*>(changes.data()),
                               nullptr, on_conflict, &collected);
    if (rc != SQLITE_OK) fail(db, rc, "apply the changed rows");
    return collected.conflicts;
}

}  // namespace kizuna::changeset
