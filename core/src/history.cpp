// The history's reads (log, diff) and its two ways back: undo (a new change) and restore (a copy).
#include "kizuna/core/history.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "history_record.h"
#include "kizuna/core/bulk_write.h"
#include "kizuna/core/changeset.h"
#include "kizuna/core/errors.h"
#include "schema.h"
#include "store_impl.h"

namespace kizuna {

namespace {

// A row of a recorded table, as (table, primary key text).
using RowKey = std::pair<std::string, std::string>;

struct StoredChange {
    RecordedChange change;
    std::string record;
};

// Column 12 is unused (undone_by comes from undos_in_force).
const char* const kChangeColumns =
    "SELECT c.seq, c.at, c.author, c.command, c.kind, c.undoes, c.types, c.kinds, c.entities, c.relations, "
    "c.files, length(c.record), NULL, c.record, c.links "
    "FROM changes c";

// Which undo, if any, holds each undone change undone now: an undo is in force unless an undo in force
// undoes it (an undone undo is a redo; undoing that redo undoes again, to any depth). Undos always come
// after what they undo, so walking them latest first settles each before the change it undoes.
std::map<std::int64_t, std::int64_t> undos_in_force(SQLite::Database& db) {
    SQLite::Statement query(db, "SELECT seq, undoes FROM changes WHERE undoes IS NOT NULL ORDER BY seq DESC");
    std::map<std::int64_t, std::int64_t> undone_by;  // change -> the undo in force that undid it
    while (query.executeStep()) {
        const std::int64_t undo = query.getColumn(0).getInt64(), target = query.getColumn(1).getInt64();
        if (undone_by.contains(undo)) continue;  // undone itself: not in force
        undone_by.try_emplace(target, undo);     // latest first: the first in force met is the latest
    }
    return undone_by;
}

void mark_undone(std::vector<StoredChange>& changes, SQLite::Database& db) {
    const auto undone_by = undos_in_force(db);
    for (auto& stored : changes) {
        const auto it = undone_by.find(stored.change.seq);
        stored.change.undone_by = it == undone_by.end() ? std::nullopt : std::optional(it->second);
    }
}

StoredChange read_change(SQLite::Statement& row, bool with_record) {
    StoredChange out;
    RecordedChange& change = out.change;
    change.seq = row.getColumn(0).getInt64();
    change.at = row.getColumn(1).getString();
    change.author = row.getColumn(2).getString();
    change.command = row.getColumn(3).getString();
    change.kind = row.getColumn(4).getString();
    if (!row.getColumn(5).isNull()) change.undoes = row.getColumn(5).getInt64();
    change.counts.types_changed = static_cast<std::size_t>(row.getColumn(6).getInt64());
    change.counts.kinds_changed = static_cast<std::size_t>(row.getColumn(7).getInt64());
    change.counts.entities_changed = static_cast<std::size_t>(row.getColumn(8).getInt64());
    change.counts.relations_changed = static_cast<std::size_t>(row.getColumn(9).getInt64());
    const auto files = nlohmann::json::parse(row.getColumn(10).getString(), nullptr, false);
    if (files.is_array()) {
        for (const auto& file : files) {
            if (file.is_array() && file.size() == 2 && file[0].is_string() && file[1].is_string())
                change.files.push_back({file[0].get<std::string>(), file[1].get<std::string>()});
        }
    }
    change.record_bytes = row.getColumn(11).getInt64();
    change.counts.links_changed = static_cast<std::size_t>(row.getColumn(14).getInt64());
    if (with_record) {
        const SQLite::Column blob = row.getColumn(13);
        out.record.assign(static_cast<const char*>(blob.getBlob()),
                          static_cast<std::size_t>(blob.getBytes()));
    }
    return out;
}

std::vector<StoredChange> stored_changes(SQLite::Database& db, std::int64_t first, std::int64_t last,
                                         bool with_records) {
    SQLite::Statement query(db, std::string(kChangeColumns) + " WHERE c.seq BETWEEN ? AND ? ORDER BY c.seq");
    query.bind(1, first);
    query.bind(2, last);
    std::vector<StoredChange> out;
    while (query.executeStep()) out.push_back(read_change(query, with_records));
    mark_undone(out, db);
    return out;
}

std::int64_t latest_seq(SQLite::Database& db) {
    return db.execAndGet("SELECT coalesce(max(seq), 0) FROM changes").getInt64();
}

std::string key_of(const changeset::Row& row) {
    std::string key;
    for (std::size_t i = 0; i < row.key.size(); ++i) {
        if (row.key[i]) key += (key.empty() ? "" : ",") + row.latest(i).text;
    }
    return key;
}

std::set<RowKey> rows_of(const std::string& record) {
    std::set<RowKey> rows;
    changeset::for_each_row(record, [&](const changeset::Row& row) { rows.emplace(row.table, key_of(row)); });
    return rows;
}

// The table's column names in order (the record's columns are the table's).
std::vector<std::string> column_names(SQLite::Database& db, const std::string& table) {
    SQLite::Statement query(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    query.bind(1, table);
    std::vector<std::string> names;
    while (query.executeStep()) names.push_back(query.getColumn(0).getString());
    return names;
}

std::string what_of(const std::string& table) {
    if (table == "entities") return "entity";
    if (table == "relations") return "relation";
    if (table == "relation_types") return "type";
    if (table == "redirects") return "redirect";
    if (table == "relation_redirects") return "relation redirect";
    if (table == "not_duplicates") return "judgement";
    return "kind";
}

// Entity ids and names by row number, for showing relations' ends: the database as it is, else the
// records (an entity removed since).
class EntityLabels {
  public:
    EntityLabels(SQLite::Database& db)
        : db_(db), lookup_(db, "SELECT id, name_en, name_ja, name_vi FROM entities WHERE eid = ?") {}

    struct Label {
        std::string id, name;
    };
    Label of(const std::string& eid) {
        if (const auto found = labels_.find(eid); found != labels_.end()) return found->second;
        lookup_.bind(1, static_cast<std::int64_t>(std::stoll(eid)));
        Label label;
        if (lookup_.executeStep()) {
            label.id = lookup_.getColumn(0).getString();
            for (int i = 1; i <= 3 && label.name.empty(); ++i) label.name = lookup_.getColumn(i).getString();
        }
        lookup_.reset();
        if (label.id.empty()) label = from_records(eid);
        labels_[eid] = label;
        return label;
    }

  private:
    Label from_records(const std::string& eid) {
        if (!scanned_) {
            scanned_ = true;
            SQLite::Statement records(db_, "SELECT record FROM changes ORDER BY seq");
            while (records.executeStep()) {
                const SQLite::Column blob = records.getColumn(0);
                const std::string record(static_cast<const char*>(blob.getBlob()),
                                         static_cast<std::size_t>(blob.getBytes()));
                changeset::for_each_row(record, [&](const changeset::Row& row) {
                    if (row.table != "entities" || row.op == changeset::Row::Op::Update) return;
                    Label label{row.latest(1).text, {}};
                    for (std::size_t i = 3; i <= 5 && label.name.empty(); ++i)
                        label.name = row.latest(i).text;
                    recorded_[row.latest(0).text] = label;
                });
            }
        }
        if (const auto found = recorded_.find(eid); found != recorded_.end()) return found->second;
        return {"#" + eid, {}};
    }

    SQLite::Database& db_;
    SQLite::Statement lookup_;
    std::unordered_map<std::string, Label> labels_, recorded_;
    bool scanned_ = false;
};

// A stored sources column ([[did, "locator"], ...]) as the sources' JSON of PRODUCT.md.
std::string readable_sources(SQLite::Database& db, const std::string& stored) {
    const auto parsed = nlohmann::json::parse(stored, nullptr, false);
    if (!parsed.is_array()) return stored;
    nlohmann::json out = nlohmann::json::array();
    SQLite::Statement document(db, "SELECT title, url FROM documents WHERE did = ?");
    for (const auto& source : parsed) {
        if (!source.is_array() || source.size() != 2 || !source[0].is_number_integer()) return stored;
        document.bind(1, source[0].get<std::int64_t>());
        nlohmann::json item = nlohmann::json::object();
        if (document.executeStep()) {
            item["title"] = document.getColumn(0).getString();
            if (const std::string url = document.getColumn(1).getString(); !url.empty()) item["url"] = url;
        }
        document.reset();
        if (source[1].is_string() && !source[1].get<std::string>().empty()) item["locator"] = source[1];
        out.push_back(item);
    }
    return out.dump();
}

// Turns a record into what it did, row by row, in readable fields.
class RowReader {
  public:
    explicit RowReader(SQLite::Database& db) : db_(db), labels_(db) {
        for (const auto& table : kRecordedTables) columns_[table] = column_names(db, table);
    }

    RowChange read(std::int64_t seq, const changeset::Row& row) {
        const auto& names = columns_.at(row.table);
        RowChange out;
        out.seq = seq;
        out.what = what_of(row.table);
        out.op = row.op == changeset::Row::Op::Insert   ? "added"
                 : row.op == changeset::Row::Op::Update ? "changed"
                                                        : "removed";
        const bool numbered = row.table == "entities" || row.table == "relations";
        const std::size_t id_column = numbered ? 1 : 0;
        if (row.latest(id_column).present) {
            out.id = row.latest(id_column).text;
        } else if (row.table == "entities") {
            out.id = labels_.of(row.latest(0).text).id;
        } else {
            SQLite::Statement query(db_, "SELECT id FROM relations WHERE rid = ?");
            query.bind(1, static_cast<std::int64_t>(std::stoll(row.latest(0).text)));
            out.id = query.executeStep() ? query.getColumn(0).getString() : "#" + row.latest(0).text;
        }
        if (row.table == "entities") out.name = entity_name(row);
        if (row.table == "relations") out.name = relation_ends(row);
        for (std::size_t i = numbered ? 2 : 1; i < names.size() && i < row.key.size(); ++i) {
            const changeset::Cell none;
            const changeset::Cell& before = i < row.before.size() ? row.before[i] : none;
            const changeset::Cell& after = i < row.after.size() ? row.after[i] : none;
            if (!before.present && !after.present) continue;
            FieldChange field{field_name(row.table, names[i]), value(row.table, names[i], before),
                              value(row.table, names[i], after)};
            out.fields.push_back(std::move(field));
        }
        return out;
    }

  private:
    static std::string field_name(const std::string& table, const std::string& column) {
        if (table == "relations" && column == "src") return "from";
        if (table == "relations" && column == "dst") return "to";
        return column;
    }

    std::optional<std::string> value(const std::string& table, const std::string& column,
                                     const changeset::Cell& cell) {
        if (!cell.present || cell.null) return std::nullopt;
        if (table == "relations" && (column == "src" || column == "dst")) return labels_.of(cell.text).id;
        if (column == "sources") return readable_sources(db_, cell.text);
        return cell.text;
    }

    std::string entity_name(const changeset::Row& row) {
        for (std::size_t i = 3; i <= 5; ++i) {
            if (row.latest(i).present && !row.latest(i).text.empty()) return row.latest(i).text;
        }
        return labels_.of(row.latest(0).text).name;
    }

    std::string relation_ends(const changeset::Row& row) {
        // An update records only the columns it changed: a merge that re-points one end has the other
        // from the row as it is now.
        std::string from = row.latest(3).present ? row.latest(3).text : std::string();
        std::string to = row.latest(4).present ? row.latest(4).text : std::string();
        if (from.empty() || to.empty()) {
            SQLite::Statement query(db_, "SELECT src, dst FROM relations WHERE rid = ?");
            query.bind(1, static_cast<std::int64_t>(std::stoll(row.latest(0).text)));
            if (!query.executeStep()) return {};
            if (from.empty()) from = query.getColumn(0).getString();
            if (to.empty()) to = query.getColumn(1).getString();
        }
        return end_label(from) + " -> " + end_label(to);
    }

    std::string end_label(const std::string& eid) {
        const auto label = labels_.of(eid);
        return label.name.empty() ? label.id : label.id + " (" + label.name + ")";
    }

    SQLite::Database& db_;
    EntityLabels labels_;
    std::map<std::string, std::vector<std::string>> columns_;
};

// The rows of a record into out, read while out lists fewer than limit (the rest only counted).
void rows_of_record(SQLite::Database& db, std::int64_t seq, const std::string& record, std::size_t limit,
                    RowChanges& out) {
    RowReader reader(db);
    changeset::for_each_row(record, [&](const changeset::Row& row) {
        ++out.total;
        if (out.listed.size() < limit) out.listed.push_back(reader.read(seq, row));
    });
}

RowChange bulk_load_row(const RecordedChange& change) {
    RowChange row;
    row.seq = change.seq;
    row.what = "data";
    row.op = "added";
    row.name = std::to_string(change.counts.entities_changed) + " entities and " +
               std::to_string(change.counts.relations_changed) +
               " relations, loaded in bulk into the empty database (not recorded row by row)";
    return row;
}

// Writes the search names of the entities a record touched again from their rows (names are derived
// data, not recorded).
void rename_entities(SQLite::Database& db, const std::string& record) {
    std::set<std::int64_t> eids;
    changeset::for_each_row(record, [&](const changeset::Row& row) {
        if (row.table == "entities") eids.insert(std::stoll(row.latest(0).text));
    });
    if (eids.empty()) return;
    SQLite::Statement remove(db, "DELETE FROM entity_names WHERE eid = ?");
    SQLite::Statement read(db, std::string("SELECT ") + kEntityColumns + " FROM entities e WHERE e.eid = ?");
    SQLite::Statement insert(db, "INSERT INTO entity_names(eid, lang, name, key) VALUES (?, ?, ?, ?)");
    for (const std::int64_t eid : eids) {
        remove.bind(1, eid);
        remove.exec();
        remove.reset();
        read.bind(1, eid);
        if (read.executeStep()) {
            for (const auto& name : encode(read_entity(read)).search_names) {
                insert.bind(1, eid);
                insert.bind(2, name.lang);
                insert.bind(3, name.name);
                insert.bind(4, name.key);
                insert.exec();
                insert.reset();
            }
        }
        read.reset();
    }
}

Store::WriteSummary counts_of(const std::string& record) {
    Store::WriteSummary counts;
    changeset::for_each_row(record, [&](const changeset::Row& row) {
        if (row.table == "entities") ++counts.entities_changed;
        if (row.table == "relations") ++counts.relations_changed;
        if (row.table == "relation_types") ++counts.types_changed;
        if (row.table == "entity_kinds") ++counts.kinds_changed;
        if (row.table == "redirects" || row.table == "relation_redirects" || row.table == "not_duplicates")
            ++counts.links_changed;
    });
    return counts;
}

std::string describe(const RecordedChange& change) {
    return std::to_string(change.seq) + " (" + change.command + ", by " + change.author + " at " + change.at +
           ")";
}

// Takes a change back in the current transaction: its inverse applied (a bulk load: the data emptied and
// its vocabulary rows taken back), then the names of the entities it touched rewritten. Throws
// UsageError naming the rows that do not meet it.
void take_back(SQLite::Database& db, const StoredChange& stored) {
    if (stored.change.kind == "bulk load") schema::empty_data(db);
    const std::string inverse = changeset::invert(stored.record);
    const auto conflicts = changeset::apply(db.getHandle(), inverse);
    if (!conflicts.empty()) {
        std::string rows;
        for (const auto& conflict : conflicts) {
            if (!rows.empty()) rows += "; ";
            rows += conflict.table.empty()
                        ? "rows written later still refer to rows it would remove, e.g. relations added to "
                          "its entities: undo those first"
                        : what_of(conflict.table) + " row " + conflict.key + ": " + conflict.what;
        }
        throw UsageError("change " + std::to_string(stored.change.seq) +
                         " cannot be undone: its rows are not as it left them (" + rows + ")");
    }
    // Foreign keys are checked by SQLite as the rows go (the session defers them to the end of the apply
    // and reports a violation as a conflict above): since schema v16 a removed entity's check is a lookup
    // in the relation endpoint indexes. (Checking every relation at the end instead took 30-40 s at 10M.)
    rename_entities(db, stored.record);
}

StoredChange load(SQLite::Database& db, std::int64_t seq) {
    auto found = stored_changes(db, seq, seq, true);
    if (found.empty()) {
        const std::int64_t latest = latest_seq(db);
        throw UsageError("change " + std::to_string(seq) + " does not exist (" +
                         (latest == 0 ? std::string("the history is empty")
                                      : "the changes are numbered 1 to " + std::to_string(latest)) +
                         ")");
    }
    return std::move(found.front());
}

// The later changes that touched rows of this one (a bulk load: every later change), leaving out a
// later change together with the later undo of it (they cancel).
std::vector<RecordedChange> later_touching(SQLite::Database& db, const StoredChange& target) {
    auto later = stored_changes(db, target.change.seq + 1, latest_seq(db), true);
    std::set<std::int64_t> cancelled;
    for (const auto& change : later) {
        if (change.change.undoes && *change.change.undoes > target.change.seq) {
            cancelled.insert(change.change.seq);
            cancelled.insert(*change.change.undoes);
        }
    }
    const bool everything = target.change.kind == "bulk load";
    const std::set<RowKey> mine = rows_of(target.record);
    // The entities the change made: a relation to or from one of them that is there now must go before
    // they can; the later changes that wrote such relations are named.
    std::set<std::string> referring;  // relation rows, by key
    {
        SQLite::Statement relations(db, "SELECT rid FROM relations WHERE src = ?1 OR dst = ?1");
        changeset::for_each_row(target.record, [&](const changeset::Row& row) {
            if (row.table != "entities" || row.op != changeset::Row::Op::Insert) return;
            relations.bind(1, static_cast<std::int64_t>(std::stoll(key_of(row))));
            while (relations.executeStep()) referring.insert(relations.getColumn(0).getString());
            relations.reset();
        });
    }
    const auto refers_to_made = [&](const changeset::Row& row) {
        return row.table == "relations" && referring.count(key_of(row)) > 0;
    };
    std::vector<RecordedChange> out;
    for (const auto& change : later) {
        if (cancelled.count(change.change.seq) > 0) continue;
        bool touches = everything || change.change.kind == "bulk load";
        if (!touches) {
            changeset::for_each_row(change.record, [&](const changeset::Row& row) {
                touches = touches || mine.count({row.table, key_of(row)}) > 0 || refers_to_made(row);
            });
        }
        if (touches) out.push_back(change.change);
    }
    return out;
}

struct WriteLock {
    SQLite::Database& db;
    bool done = false;
    explicit WriteLock(SQLite::Database& d) : db(d) { db.exec("BEGIN IMMEDIATE"); }
    ~WriteLock() {
        if (done) return;
        try {
            db.exec("ROLLBACK");
        } catch (const SQLite::Exception&) {
            // Nothing left to roll back.
        }
    }
    void commit() {
        db.exec("COMMIT");
        done = true;
    }
};

template <typename Body>
auto guarded(const Store::Impl& impl, Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const SQLite::Exception& e) {
        throw StorageError(impl.path.string() + ": history: " + e.getErrorStr());
    }
}

}  // namespace

std::vector<RecordedChange> History::changes(const Store& store, const ChangeFilter& filter) {
    return guarded(*store.impl_, [&] {
        SQLite::Database& db = store.impl_->db;
        std::string sql = std::string(kChangeColumns) + " WHERE c.at >= ?";
        if (!filter.author.empty()) sql += " AND c.author = ?";
        SQLite::Statement query(db, sql + " ORDER BY c.seq");
        query.bind(1, filter.since);
        if (!filter.author.empty()) query.bind(2, filter.author);
        const bool records = !filter.entity.empty();
        std::vector<StoredChange> found;
        while (query.executeStep()) found.push_back(read_change(query, records));
        mark_undone(found, db);
        std::vector<RecordedChange> out;
        if (!records) {
            for (auto& change : found) out.push_back(std::move(change.change));
            return out;
        }
        // The changes that touched the entity's rows, found by walking the whole history in order: an
        // entity row or relation row is the entity's from the change that made it (or from before the
        // history, for rows a bulk load or an older version wrote) until the change that removed it - a
        // row number SQLite gives again later (after an undo) is then another row's.
        std::int64_t eid_now = 0;
        {
            SQLite::Statement now(db, "SELECT eid FROM entities WHERE id = ?");
            now.bind(1, filter.entity);
            if (now.executeStep()) eid_now = now.getColumn(0).getInt64();
        }
        const auto all = stored_changes(db, 1, latest_seq(db), true);
        // Entity rows that were the entity at some time (by its id in a record, or now).
        std::set<std::string> ever;
        if (eid_now != 0) ever.insert(std::to_string(eid_now));
        for (const auto& change : all) {
            changeset::for_each_row(change.record, [&](const changeset::Row& row) {
                if (row.table == "entities" && row.latest(1).present && row.latest(1).text == filter.entity)
                    ever.insert(row.latest(0).text);
            });
        }
        // An entity row whose first recorded row is no insert was there before the history (a bulk load's,
        // or an older version's), even if an undo inserted it again later.
        std::map<std::string, bool> first_inserted;
        for (const auto& change : all) {
            changeset::for_each_row(change.record, [&](const changeset::Row& row) {
                if (row.table == "entities")
                    first_inserted.try_emplace(row.latest(0).text, row.op == changeset::Row::Op::Insert);
            });
        }
        std::set<std::string> live;  // the entity's row(s) at this point of the walk
        for (const auto& eid : ever) {
            const auto first = first_inserted.find(eid);
            if (first == first_inserted.end() || !first->second) live.insert(eid);
        }
        std::map<std::string, bool> relation_of;  // relation row -> whether it is one of the entity's
        SQLite::Statement ends_now(db, "SELECT src, dst FROM relations WHERE rid = ?");
        const auto ends_are_its = [&](const changeset::Row& row, bool before) {
            const auto& cells = before ? row.before : row.after;
            for (const std::size_t column : {std::size_t{3}, std::size_t{4}}) {
                if (column < cells.size() && cells[column].present && live.count(cells[column].text))
                    return true;
            }
            return false;
        };
        std::set<std::int64_t> touching;
        for (const auto& change : all) {
            bool touches =
                change.change.kind == "bulk load" && eid_now != 0 && live.count(std::to_string(eid_now));
            // Entity rows first: a relation made with its entity in one change is the entity's.
            const auto walk = [&](const changeset::Row& row, bool entities) {
                if ((row.table == "entities") != entities) return;
                const std::string key = row.latest(0).text;
                if (row.table == "entities") {
                    const bool named = row.latest(1).present && row.latest(1).text == filter.entity;
                    if (row.op == changeset::Row::Op::Insert) {
                        if (named) live.insert(key);
                    }
                    if (live.count(key) || named) touches = true;
                    if (row.op == changeset::Row::Op::Delete) live.erase(key);
                    return;
                }
                if (row.table != "relations") return;
                bool before = false;
                if (const auto known = relation_of.find(key); known != relation_of.end()) {
                    before = known->second;
                } else if (row.op != changeset::Row::Op::Insert) {
                    // A row from before the history: its ends as the record shows them, else as they are now.
                    before = ends_are_its(row, true);
                    if (!before && row.op == changeset::Row::Op::Update) {
                        ends_now.bind(1, static_cast<std::int64_t>(std::stoll(key)));
                        if (ends_now.executeStep()) {
                            before = live.count(ends_now.getColumn(0).getString()) > 0 ||
                                     live.count(ends_now.getColumn(1).getString()) > 0;
                        }
                        ends_now.reset();
                    }
                }
                bool after = false;
                if (row.op == changeset::Row::Op::Insert) {
                    after = ends_are_its(row, false);
                } else if (row.op == changeset::Row::Op::Update) {
                    const bool moved = (row.after.size() > 3 && row.after[3].present) ||
                                       (row.after.size() > 4 && row.after[4].present);
                    after = moved ? ends_are_its(row, false) : before;
                }
                touches = touches || before || after;
                if (row.op == changeset::Row::Op::Delete) {
                    relation_of.erase(key);
                } else {
                    relation_of[key] = after;
                }
            };
            changeset::for_each_row(change.record, [&](const changeset::Row& row) { walk(row, true); });
            changeset::for_each_row(change.record, [&](const changeset::Row& row) { walk(row, false); });
            if (touches) touching.insert(change.change.seq);
        }
        for (auto& change : found) {
            if (touching.count(change.change.seq)) out.push_back(std::move(change.change));
        }
        return out;
    });
}

RecordedChange History::change(const Store& store, std::int64_t seq) {
    return guarded(*store.impl_, [&] { return load(store.impl_->db, seq).change; });
}

std::int64_t History::latest(const Store& store) {
    return guarded(*store.impl_, [&] { return latest_seq(store.impl_->db); });
}

RowChanges History::diff(const Store& store, std::int64_t first, std::int64_t last, std::size_t limit) {
    return guarded(*store.impl_, [&] {
        SQLite::Database& db = store.impl_->db;
        (void)load(db, first);
        (void)load(db, last);
        if (last < first)
            throw UsageError("changes " + std::to_string(first) + ".." + std::to_string(last) +
                             ": the first comes after the last");
        RowChanges out;
        for (const auto& stored : stored_changes(db, first, last, true)) {
            if (stored.change.kind == "bulk load") {
                ++out.total;
                if (out.listed.size() < limit) out.listed.push_back(bulk_load_row(stored.change));
            }
            rows_of_record(db, stored.change.seq, stored.record, limit, out);
        }
        return out;
    });
}

History::Undone History::undo(Store& store, std::int64_t seq, bool dry_run, std::size_t limit) {
    Store::Impl& impl = *store.impl_;
    if (impl.read_only) throw StorageError(impl.path.string() + ": database is open read-only; cannot write");
    if (impl.read_depth > 0)
        throw StorageError(impl.path.string() + ": cannot write inside a read transaction");
    return guarded(impl, [&] {
        SQLite::Database& db = impl.db;
        WriteLock lock(db);
        const StoredChange target = load(db, seq);
        if (target.change.undone_by) {
            throw UsageError("change " + std::to_string(seq) + " was undone already, by change " +
                             std::to_string(*target.change.undone_by));
        }
        if (target.change.undoes) {
            const StoredChange undone = load(db, *target.change.undoes);
            if (undone.change.kind == "bulk load") {
                throw UsageError("change " + std::to_string(seq) + " emptied the bulk load " +
                                 std::to_string(undone.change.seq) +
                                 ", whose rows were not recorded one by one: import its files again");
            }
        }
        const auto later = later_touching(db, target);
        if (!later.empty()) {
            std::string names;
            for (const auto& change : later) names += (names.empty() ? "" : ", ") + describe(change);
            throw UsageError("change " + std::to_string(seq) + " cannot be undone: later " +
                             (later.size() == 1 ? "change " : "changes ") + names +
                             " touched the same rows; undo " + (later.size() == 1 ? "it" : "them") +
                             " first (newest first), or edit the rows by hand");
        }
        Undone out;
        const bool bulk = target.change.kind == "bulk load";
        std::string record;
        {
            // The undo is recorded like any write (a bulk load's: only its vocabulary rows).
            changeset::Recorder recorder(
                db.getHandle(),
                bulk ? std::vector<std::string>{"relation_types", "entity_kinds"} : kRecordedTables);
            take_back(db, target);
            record = recorder.changes();
        }
        Store::WriteSummary counts = counts_of(record);
        if (bulk) {
            counts.entities_changed = target.change.counts.entities_changed;
            counts.relations_changed = target.change.counts.relations_changed;
        }
        if (bulk) {
            RowChange emptied = bulk_load_row(target.change);
            emptied.seq = 0;
            emptied.op = "removed";
            ++out.rows.total;
            if (limit > 0) out.rows.listed.push_back(std::move(emptied));
        }
        rows_of_record(db, 0, record, limit, out.rows);
        out.change.kind = "undo";
        out.change.undoes = seq;
        out.change.counts = counts;
        if (dry_run) return out;  // the lock rolls it all back
        if (counts.total() > 0) {
            const std::int64_t made = record_change(db, impl.note, "undo", seq, counts, record);
            bump_data_stamp(db, made);
            out.change = load(db, made).change;
            for (auto& row : out.rows.listed) row.seq = made;
        }
        lock.commit();
        return out;
    });
}

void History::restore(const Store& store, std::int64_t seq, const std::filesystem::path& out) {
    Store::Impl& impl = *store.impl_;
    std::error_code ignored;
    if (std::filesystem::exists(out, ignored))
        throw UsageError(out.string() + ": already exists; restore writes a new file");
    // The folder it goes in: named here, not left to SQLite's "unable to open database file" on ours.
    const auto folder = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(folder, ignored))
        throw UsageError(out.string() + ": no folder " + folder.string() + " to write it in");
    guarded(impl, [&] {
        SQLite::Database& db = impl.db;
        const std::int64_t latest = latest_seq(db);
        if (seq < 0 || seq > latest) {
            throw UsageError("change " + std::to_string(seq) +
                             " does not exist (the changes are numbered 1 to " + std::to_string(latest) +
                             "; 0 is before the first)");
        }
        const auto later = stored_changes(db, seq + 1, latest, true);
        for (const auto& stored : later) {
            if (!stored.change.undoes) continue;
            const auto undone = stored_changes(db, *stored.change.undoes, *stored.change.undoes, false);
            if (!undone.empty() && undone.front().change.kind == "bulk load") {
                throw UsageError("cannot go back past change " + std::to_string(stored.change.seq) +
                                 ": it emptied the bulk load " + std::to_string(undone.front().change.seq) +
                                 ", whose rows were not recorded one by one");
            }
        }
        SQLite::Statement copy(db, "VACUUM INTO ?");
        copy.bind(1, out.string());
        copy.exec();
    });
    try {
        Store copy = Store::open(out, Store::Mode::ReadWrite);
        SQLite::Database& db = copy.impl_->db;
        guarded(*copy.impl_, [&] {
            WriteLock lock(db);
            auto later = stored_changes(db, seq + 1, latest_seq(db), true);
            std::reverse(later.begin(), later.end());
            for (const auto& stored : later) take_back(db, stored);
            SQLite::Statement forget(db, "DELETE FROM changes WHERE seq > ?");
            forget.bind(1, seq);
            forget.exec();
            // A state no change of this file's history produced: a graph of it is rebuilt, not patched.
            bump_data_stamp(db, std::nullopt);
            lock.commit();
        });
        copy.impl_->db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (...) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(out.string() + suffix, ignored);
        throw;
    }
}

}  // namespace kizuna
