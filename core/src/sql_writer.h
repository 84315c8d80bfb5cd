#pragma once
// Private to core: the one writer behind Store::write and BulkWrite::run. Upserts by id with change
// detection (an unchanged row counts as no change), relations in batched statements.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "batched_insert.h"
#include "graph_builder.h"
#include "kizuna/core/bulk_write.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/model.h"

namespace kizuna {

class SqlWriter final : public BulkWriter {
  public:
    // gather, when given, receives every row written, for the graph of a write that fills an empty
    // database (store_write.cpp); it is told nothing once a row is updated or removed (gathering()).
    SqlWriter(SQLite::Database& db, Store::WriteSummary& summary, GraphBuilder* gather = nullptr)
        : db_(db),
          summary_(summary),
          gather_(gather),
          put_type_(
              db,
              "INSERT INTO relation_types(id, label_en, label_ja, directed, description, category, label_vi) "
              "VALUES (?,?,?,?,?,?,?) "
              "ON CONFLICT(id) DO UPDATE SET label_en = excluded.label_en, label_ja = excluded.label_ja, "
              "directed = excluded.directed, description = excluded.description, category = "
              "excluded.category, label_vi = excluded.label_vi "
              "WHERE (label_en, label_ja, directed, description, category, label_vi) IS NOT "
              "(excluded.label_en, excluded.label_ja, excluded.directed, excluded.description, "
              "excluded.category, excluded.label_vi) "
              "RETURNING id"),
          put_kind_(
              db,
              "INSERT INTO entity_kinds(id, label_en, label_ja, label_vi, description) VALUES (?,?,?,?,?) "
              "ON CONFLICT(id) DO UPDATE SET label_en = excluded.label_en, label_ja = excluded.label_ja, "
              "label_vi = excluded.label_vi, description = excluded.description "
              "WHERE (label_en, label_ja, label_vi, description) IS NOT "
              "(excluded.label_en, excluded.label_ja, excluded.label_vi, excluded.description) "
              "RETURNING id"),
          put_entity_(
              db,
              "INSERT INTO entities(id, kind, name_en, name_ja, name_vi, aliases, country, attributes, "
              "sources) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, "
              "name_en = excluded.name_en, name_ja = excluded.name_ja, name_vi = excluded.name_vi, "
              "aliases = excluded.aliases, country = excluded.country, attributes = excluded.attributes, "
              "sources = excluded.sources WHERE (kind, name_en, name_ja, name_vi, aliases, country, "
              "attributes, sources) IS NOT (excluded.kind, excluded.name_en, excluded.name_ja, "
              "excluded.name_vi, excluded.aliases, excluded.country, excluded.attributes, "
              "excluded.sources)"),
          delete_names_(db, "DELETE FROM entity_names WHERE eid = ?"),
          insert_names_(db, "INSERT INTO entity_names(eid, lang, name, key) VALUES ", "", bind_name),
          put_relations_(
              db, "INSERT INTO relations(id, type, src, dst, start, \"end\", attributes, sources) VALUES ",
              " ON CONFLICT(id) DO UPDATE SET type = excluded.type, src = excluded.src, "
              "dst = excluded.dst, start = excluded.start, \"end\" = excluded.\"end\", "
              "attributes = excluded.attributes, sources = excluded.sources WHERE (type, src, dst, "
              "start, \"end\", attributes, sources) IS NOT (excluded.type, excluded.src, excluded.dst, "
              "excluded.start, excluded.\"end\", excluded.attributes, excluded.sources)",
              bind_relation),
          remove_relation_(db, "DELETE FROM relations WHERE id = ?"),
          remove_entity_(db, "DELETE FROM entities WHERE id = ?"),
          find_eid_(db, "SELECT eid FROM entities WHERE id = ?"),
          put_redirect_(db,
                        "INSERT INTO redirects(id, target) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET "
                        "target = excluded.target WHERE target IS NOT excluded.target"),
          follow_redirects_(db, "UPDATE redirects SET target = ? WHERE target = ?"),
          put_relation_redirect_(
              db,
              "INSERT INTO relation_redirects(id, target) VALUES (?, ?) ON CONFLICT(id) DO "
              "UPDATE SET target = excluded.target WHERE target IS NOT excluded.target"),
          follow_relation_redirects_(db, "UPDATE relation_redirects SET target = ? WHERE target = ?"),
          put_judgement_(db, "INSERT OR IGNORE INTO not_duplicates(a, b) VALUES (?, ?)"),
          remove_judgement_(db, "DELETE FROM not_duplicates WHERE a = ? AND b = ?"),
          add_document_(db, "INSERT INTO documents(title, url) VALUES (?, ?) ON CONFLICT DO NOTHING"),
          find_document_(db, "SELECT did FROM documents WHERE title = ? AND url = ?"),
          last_eid_before_(db.execAndGet("SELECT coalesce(max(eid), 0) FROM entities").getInt64()) {
        SQLite::Statement types(db, "SELECT id FROM relation_types");
        while (types.executeStep()) types_.insert(types.getColumn(0).getString());
    }

    void put(const RelationType& type) override {
        put_type_.bind(1, type.id);
        put_type_.bind(2, type.label_en);
        put_type_.bind(3, type.label_ja);
        put_type_.bind(4, type.directed ? 1 : 0);
        put_type_.bind(5, type.description);
        put_type_.bind(6, type.category);
        put_type_.bind(7, type.label_vi);
        if (step_changed(put_type_)) ++summary_.types_changed;
        types_.insert(type.id);
    }

    void put(const EntityKind& kind) override {
        put_kind_.bind(1, kind.id);
        put_kind_.bind(2, kind.label_en);
        put_kind_.bind(3, kind.label_ja);
        put_kind_.bind(4, kind.label_vi);
        put_kind_.bind(5, kind.description);
        if (step_changed(put_kind_)) ++summary_.kinds_changed;
    }

    void put(const Entity& entity, const EncodedEntity& encoded) override {
        put_entity_.bindNoCopy(1, entity.id);
        put_entity_.bindNoCopy(2, entity.kind);
        put_entity_.bindNoCopy(3, encoded.name_en);
        put_entity_.bindNoCopy(4, encoded.name_ja);
        put_entity_.bindNoCopy(5, encoded.name_vi);
        put_entity_.bindNoCopy(6, encoded.aliases);
        put_entity_.bindNoCopy(7, entity.country);
        put_entity_.bindNoCopy(8, encoded.attributes);
        const std::string sources = stored_sources(entity.sources);
        put_entity_.bindNoCopy(9, sources);
        const std::int64_t last_insert = db_.getLastInsertRowid();
        const bool changed = put_entity_.exec() > 0;
        put_entity_.reset();
        if (!changed) return;
        // A new row moved the last insert row id; an update did not, and its row is looked up. (No
        // RETURNING: it costs more than the lookup, and most rows of a large import are new.)
        const bool inserted = db_.getLastInsertRowid() != last_insert;
        const std::int64_t eid = inserted ? db_.getLastInsertRowid() : lookup_eid(entity.id);
        if (gather_ != nullptr) {
            if (inserted) {
                gather_->add_entity(eid, entity.id, entity.kind, entity.country);
            } else {
                gather_ = nullptr;  // an entity written twice: the store's rows are the truth
            }
        }
        if (!eids_.empty()) eids_.erase(entity.id);  // a "no such entity" cached by row_of is stale now
        ++summary_.entities_changed;
        // The names changed or are new: rewrite the search rows of this entity (a new row has none yet).
        if (eid <= last_eid_before_) {
            (void)insert_names_.flush();  // this entity's names may be among them
            delete_names_.bind(1, eid);
            delete_names_.exec();
            delete_names_.reset();
        }
        for (const auto& name : encoded.search_names)
            (void)insert_names_.add({eid, name.lang, name.name, name.key});
    }

    void put(const Entity& entity) override { put(entity, encode(entity)); }
    void put(const Relation& relation) override { put(relation, encode(relation)); }

    EntityKeys entity_keys() override {
        EntityKeys keys;
        keys.reserve(static_cast<std::size_t>(db_.execAndGet("SELECT count(*) FROM entities").getInt64()));
        SQLite::Statement query(db_, "SELECT id, eid FROM entities");
        while (query.executeStep())
            keys.emplace(query.getColumn(0).getString(), EntityKey{query.getColumn(1).getInt64()});
        return keys;
    }

    EntityKeys entity_keys(const std::vector<std::string>& ids) override {
        EntityKeys keys;
        for (const auto& id : ids) {
            if (keys.count(id) > 0) continue;
            find_eid_.bind(1, id);
            if (find_eid_.executeStep()) keys.emplace(id, EntityKey{find_eid_.getColumn(0).getInt64()});
            find_eid_.reset();
        }
        return keys;
    }

    void put(const Relation& relation, const EncodedRelation& encoded) override {
        if (types_.count(relation.type) == 0) {
            throw StorageError("relation " + relation.id + " has unknown type '" + relation.type + "'");
        }
        const std::int64_t from_row = row_of(relation.from, static_cast<std::int64_t>(encoded.from));
        const std::int64_t to_row = row_of(relation.to, static_cast<std::int64_t>(encoded.to));
        if (gather_ != nullptr) {
            // Rows of a table that was empty are numbered 1, 2, ... in the order they are inserted; the
            // caller checks afterwards that every put inserted one.
            gather_->add_relation(static_cast<std::int64_t>(gather_->relation_count()) + 1, relation.id,
                                  relation.type, from_row, to_row,
                                  relation.start ? relation.start->packed() : 0,
                                  relation.end ? relation.end->packed() : 0);
        }
        summary_.relations_changed +=
            put_relations_.add({relation.id, relation.type, encoded.start, encoded.end, encoded.attributes,
                                stored_sources(relation.sources), from_row, to_row});
    }

    void remove_relation(const std::string& id) override {
        gather_ = nullptr;
        summary_.relations_changed += put_relations_.flush();  // in the order they were asked for
        remove_relation_.bind(1, id);
        if (remove_relation_.exec() > 0) ++summary_.relations_changed;
        remove_relation_.reset();
    }

    void remove_entity(const std::string& id) override {
        gather_ = nullptr;
        summary_.relations_changed += put_relations_.flush();
        (void)insert_names_.flush();
        // Its names go with it (entity_names: ON DELETE CASCADE); relations still naming it make the
        // foreign key refuse the delete.
        remove_entity_.bind(1, id);
        if (remove_entity_.exec() > 0) ++summary_.entities_changed;
        remove_entity_.reset();
        eids_.erase(id);
    }

    void put_redirect(const std::string& from, const std::string& to) override {
        put_redirect_.bind(1, from);
        put_redirect_.bind(2, to);
        summary_.links_changed += static_cast<std::size_t>(put_redirect_.exec());
        put_redirect_.reset();
        // Ids merged into `from` earlier now lead to `to` directly: a redirect is never a chain.
        follow_redirects_.bind(1, to);
        follow_redirects_.bind(2, from);
        summary_.links_changed += static_cast<std::size_t>(follow_redirects_.exec());
        follow_redirects_.reset();
    }

    void put_relation_redirect(const std::string& from, const std::string& to) override {
        put_relation_redirect_.bind(1, from);
        put_relation_redirect_.bind(2, to);
        summary_.links_changed += static_cast<std::size_t>(put_relation_redirect_.exec());
        put_relation_redirect_.reset();
        follow_relation_redirects_.bind(1, to);
        follow_relation_redirects_.bind(2, from);
        summary_.links_changed += static_cast<std::size_t>(follow_relation_redirects_.exec());
        follow_relation_redirects_.reset();
    }

    void put_judgement(const std::string& a, const std::string& b, bool present) override {
        SQLite::Statement& statement = present ? put_judgement_ : remove_judgement_;
        statement.bind(1, std::min(a, b));
        statement.bind(2, std::max(a, b));
        summary_.links_changed += static_cast<std::size_t>(statement.exec());
        statement.reset();
    }

    // Whether every row written so far went to the GraphBuilder given.
    [[nodiscard]] bool gathering() const { return gather_ != nullptr; }

    // Writes what is still queued; called when the body returns.
    void finish() {
        summary_.relations_changed += put_relations_.flush();
        (void)insert_names_.flush();
    }

  private:
    struct PendingRelation {
        std::string id, type, start, end, attributes, sources;
        std::int64_t from_row = 0, to_row = 0;  // 0: no such entity
    };
    struct PendingName {
        std::int64_t eid = 0;
        std::string lang;
        std::string name, key;
    };

    static void bind_name(SQLite::Statement& statement, int first, const PendingName& n) {
        statement.bind(first + 1, n.eid);
        statement.bindNoCopy(first + 2, n.lang);
        statement.bindNoCopy(first + 3, n.name);
        statement.bindNoCopy(first + 4, n.key);
    }

    static void bind_relation(SQLite::Statement& statement, int first, const PendingRelation& r) {
        auto text_or_null = [&](int index, const std::string& text) {
            if (text.empty()) {
                statement.bind(first + index);
            } else {
                statement.bindNoCopy(first + index, text);
            }
        };
        auto row_or_null = [&](int index, std::int64_t row) {
            if (row == 0) {
                statement.bind(first + index);  // NULL, which NOT NULL refuses
            } else {
                statement.bind(first + index, row);
            }
        };
        statement.bindNoCopy(first + 1, r.id);
        statement.bindNoCopy(first + 2, r.type);
        row_or_null(3, r.from_row);
        row_or_null(4, r.to_row);
        text_or_null(5, r.start);
        text_or_null(6, r.end);
        statement.bindNoCopy(first + 7, r.attributes);
        statement.bindNoCopy(first + 8, r.sources);
    }

    // Relation endpoints by row: as encoded, else looked up once (the transaction sees the entities it
    // wrote); 0 when there is no such entity. (Entity puts do not fill the cache: a large import encodes
    // every row, and a million map inserts cost more than the lookups a small write makes.)
    std::int64_t row_of(const std::string& id, std::int64_t row) {
        if (row != 0) return row;
        const auto found = eids_.find(id);
        return found != eids_.end() ? found->second : (eids_[id] = lookup_eid(id));
    }

    // Sources as the store keeps them: each document (title, URL) once in documents, named by its row
    // with the locator: [[did,"locator"],...], the text SQLite's json_array gives (schema.cpp's migration
    // writes the same), so that an unchanged row compares equal.
    std::string stored_sources(const std::vector<Source>& sources) {
        std::string out = "[";
        for (const auto& source : sources) {
            if (out.size() > 1) out += ',';
            out += '[';
            out += std::to_string(document_row(source));
            out += ',';
            append_json_string(out, source.locator);
            out += ']';
        }
        out += ']';
        return out;
    }

    // A JSON string as SQLite's json_quote writes it: plain text is only quoted (the common case, and a
    // million rows of an import), anything to escape goes through nlohmann's serializer.
    static void append_json_string(std::string& out, const std::string& text) {
        const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
            return static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\';
        });
        if (!plain) {
            out += nlohmann::json(text).dump();
            return;
        }
        out += '"';
        out += text;
        out += '"';
    }

    std::int64_t document_row(const Source& source) {
        // Rows of a file mostly cite the document the row before cited.
        if (last_document_ != 0 && source.title == last_title_ && source.url == last_url_)
            return last_document_;
        last_title_ = source.title;
        last_url_ = source.url;
        last_document_ = document_key(source);
        return last_document_;
    }

    std::int64_t document_key(const Source& source) {
        std::string key = source.title;
        key += '\0';
        key += source.url;
        if (const auto found = documents_.find(key); found != documents_.end()) return found->second;
        for (auto* statement : {&add_document_, &find_document_}) {
            statement->bind(1, source.title);
            statement->bind(2, source.url);
        }
        add_document_.exec();
        add_document_.reset();
        if (!find_document_.executeStep())
            throw StorageError("cannot store the document '" + source.title + "'");
        const std::int64_t did = find_document_.getColumn(0).getInt64();
        find_document_.reset();
        documents_.emplace(std::move(key), did);
        return did;
    }

    // The row of an entity, 0 when there is none.
    std::int64_t lookup_eid(const std::string& id) {
        find_eid_.bind(1, id);
        const std::int64_t eid = find_eid_.executeStep() ? find_eid_.getColumn(0).getInt64() : 0;
        find_eid_.reset();
        return eid;
    }

    static bool step_changed(SQLite::Statement& statement) {
        const bool changed = statement.executeStep();
        statement.reset();
        return changed;
    }

    SQLite::Database& db_;
    Store::WriteSummary& summary_;
    GraphBuilder* gather_;
    SQLite::Statement put_type_, put_kind_, put_entity_, delete_names_;
    BatchedInsert<PendingName, 4> insert_names_;
    BatchedInsert<PendingRelation, 8> put_relations_;
    SQLite::Statement remove_relation_, remove_entity_, find_eid_, put_redirect_, follow_redirects_,
        put_relation_redirect_, follow_relation_redirects_, put_judgement_, remove_judgement_, add_document_,
        find_document_;
    std::unordered_map<std::string, std::int64_t> documents_;  // "title\0url" -> did, as written or found
    std::string last_title_, last_url_;
    std::int64_t last_document_ = 0;
    std::unordered_map<std::string, std::int64_t> eids_;  // looked up by row_of
    // The relation types, checked here for every relation (bulk writes turn SQLite's foreign keys off).
    std::unordered_set<std::string> types_;
    // Rows above this were inserted by this write (INTEGER PRIMARY KEY rows grow past the largest).
    std::int64_t last_eid_before_;
};

}  // namespace kizuna
