#include "kizuna/core/store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "batched_insert.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/json.h"
#include "kizuna/core/text.h"
#include "schema.h"
#include "store_impl.h"

namespace kizuna {

const char* const kEntityColumns =
    "e.id, e.kind, e.name_en, e.name_ja, e.name_vi, e.aliases, e.country, e.attributes, e.sources";
const char* const kRelationColumns =
    "r.id, r.type, f.id, t.id, r.start, r.\"end\", r.attributes, r.sources";
const char* const kRelationJoins = " FROM relations r JOIN entities f ON f.eid = r.src JOIN entities t ON t.eid = r.dst";

Entity read_entity(SQLite::Statement& row) {
    Entity entity;
    entity.id = row.getColumn(0).getString();
    entity.kind = row.getColumn(1).getString();
    entity.names = {row.getColumn(2).getString(), row.getColumn(3).getString(), row.getColumn(4).getString()};
    entity.aliases = strings_from_json_text(row.getColumn(5).getString());
    entity.country = row.getColumn(6).getString();
    entity.attributes = attributes_from_json_text(row.getColumn(7).getString());
    entity.sources = sources_from_json_text(row.getColumn(8).getString());
    return entity;
}

std::optional<PartialDate> read_date(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return PartialDate::parse(column.getString());
}

Relation read_relation(SQLite::Statement& row) {
    Relation relation;
    relation.id = row.getColumn(0).getString();
    relation.type = row.getColumn(1).getString();
    relation.from = row.getColumn(2).getString();
    relation.to = row.getColumn(3).getString();
    relation.start = read_date(row.getColumn(4));
    relation.end = read_date(row.getColumn(5));
    relation.attributes = attributes_from_json_text(row.getColumn(6).getString());
    relation.sources = sources_from_json_text(row.getColumn(7).getString());
    return relation;
}

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr std::size_t kSuggestionCount = 5;

// Quotes user text for FTS5 MATCH so that C++, AT&T and (株) are searched literally.
std::string fts_phrase(const std::string& text) {
    std::string quoted = "\"";
    for (char c : text) {
        quoted += c;
        if (c == '"') quoted += '"';
    }
    return quoted + "\"";
}

std::size_t codepoint_count(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The trigrams of a key, each quoted, joined by OR: "closest names" by shared trigrams.
std::string fts_any_trigram(const std::string& key) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if ((static_cast<unsigned char>(key[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(key.size());
    std::string query;
    for (std::size_t i = 0; i + 3 < starts.size(); ++i) {
        if (!query.empty()) query += " OR ";
        query += fts_phrase(key.substr(starts[i], starts[i + 3] - starts[i]));
    }
    return query;
}

std::string describe(const Entity& entity) {
    const std::string& name = display_name(entity, "en");
    return name == entity.id ? entity.id : entity.id + " (" + name + ")";
}

class SqlWriter final : public Store::Writer {
public:
    SqlWriter(SQLite::Database& db, Store::WriteSummary& summary)
        : db_(db),
          summary_(summary),
          put_type_(db,
                    "INSERT INTO relation_types(id, label_en, label_ja, directed, description) VALUES (?,?,?,?,?) "
                    "ON CONFLICT(id) DO UPDATE SET label_en = excluded.label_en, label_ja = excluded.label_ja, "
                    "directed = excluded.directed, description = excluded.description "
                    "WHERE (label_en, label_ja, directed, description) IS NOT "
                    "(excluded.label_en, excluded.label_ja, excluded.directed, excluded.description) "
                    "RETURNING id"),
          put_entity_(db,
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
          put_relations_(db, "INSERT INTO relations(id, type, src, dst, start, \"end\", attributes, sources) VALUES ",
                         " ON CONFLICT(id) DO UPDATE SET type = excluded.type, src = excluded.src, "
                         "dst = excluded.dst, start = excluded.start, \"end\" = excluded.\"end\", "
                         "attributes = excluded.attributes, sources = excluded.sources WHERE (type, src, dst, "
                         "start, \"end\", attributes, sources) IS NOT (excluded.type, excluded.src, excluded.dst, "
                         "excluded.start, excluded.\"end\", excluded.attributes, excluded.sources)",
                         bind_relation),
          remove_relation_(db, "DELETE FROM relations WHERE id = ?"),
          find_eid_(db, "SELECT eid FROM entities WHERE id = ?"),
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
        if (step_changed(put_type_)) ++summary_.types_changed;
        types_.insert(type.id);
    }

    void put(const Entity& entity, const Store::EncodedEntity& encoded) override {
        put_entity_.bindNoCopy(1, entity.id);
        put_entity_.bindNoCopy(2, entity.kind);
        put_entity_.bindNoCopy(3, encoded.name_en);
        put_entity_.bindNoCopy(4, encoded.name_ja);
        put_entity_.bindNoCopy(5, encoded.name_vi);
        put_entity_.bindNoCopy(6, encoded.aliases);
        put_entity_.bindNoCopy(7, entity.country);
        put_entity_.bindNoCopy(8, encoded.attributes);
        put_entity_.bindNoCopy(9, encoded.sources);
        const std::int64_t last_insert = db_.getLastInsertRowid();
        const bool changed = put_entity_.exec() > 0;
        put_entity_.reset();
        if (!changed) return;
        // A new row moved the last insert row id; an update did not, and its row is looked up. (No
        // RETURNING: it costs more than the lookup, and most rows of a large import are new.)
        const std::int64_t eid = db_.getLastInsertRowid() != last_insert ? db_.getLastInsertRowid() : lookup_eid(entity.id);
        if (!eids_.empty()) eids_.erase(entity.id);  // a "no such entity" cached by row_of is stale now
        ++summary_.entities_changed;
        // The names changed or are new: rewrite the search rows of this entity (a new row has none yet).
        if (eid <= last_eid_before_) {
            (void)insert_names_.flush();  // this entity's names may be among them
            delete_names_.bind(1, eid);
            delete_names_.exec();
            delete_names_.reset();
        }
        for (const auto& name : encoded.search_names) (void)insert_names_.add({eid, name.lang, name.name, name.key});
    }

    using Store::Writer::put;

    void put(const Relation& relation, const Store::EncodedRelation& encoded) override {
        if (types_.count(relation.type) == 0) {
            throw StorageError("relation " + relation.id + " has unknown type '" + relation.type + "'");
        }
        summary_.relations_changed += put_relations_.add(
            {relation.id, relation.type, encoded.start, encoded.end, encoded.attributes, encoded.sources,
             row_of(relation.from, encoded.from_row), row_of(relation.to, encoded.to_row)});
    }

    void remove_relation(const std::string& id) override {
        summary_.relations_changed += put_relations_.flush();  // in the order they were asked for
        remove_relation_.bind(1, id);
        if (remove_relation_.exec() > 0) ++summary_.relations_changed;
        remove_relation_.reset();
    }

    // Writes what is still queued. Store::write calls it when the body returns.
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
        const char* lang = "";
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
    SQLite::Statement put_type_, put_entity_, delete_names_;
    BatchedInsert<PendingName, 4> insert_names_;
    BatchedInsert<PendingRelation, 8> put_relations_;
    SQLite::Statement remove_relation_, find_eid_;
    std::unordered_map<std::string, std::int64_t> eids_;  // looked up by row_of
    // The relation types, checked here for every relation (bulk writes turn SQLite's foreign keys off).
    std::unordered_set<std::string> types_;
    // Rows above this were inserted by this write (INTEGER PRIMARY KEY rows grow past the largest).
    std::int64_t last_eid_before_;
};

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

}  // namespace

Store::EncodedEntity Store::encode(const Entity& entity) {
    EncodedEntity encoded;
    encoded.name_en = to_nfc(entity.names.en);
    encoded.name_ja = to_nfc(entity.names.ja);
    encoded.name_vi = to_nfc(entity.names.vi);
    std::vector<std::string> aliases;
    for (const auto& alias : entity.aliases) aliases.push_back(to_nfc(alias));
    encoded.aliases = strings_to_json_text(aliases);
    encoded.attributes = attributes_to_json_text(entity.attributes);
    encoded.sources = sources_to_json_text(entity.sources);
    // Every name and alias that has a key, once per language and key.
    std::set<std::pair<std::string, std::string>> seen;
    auto add = [&](const char* lang, const std::string& name) {
        if (name.empty()) return;
        std::string key = search_key(name);
        if (key.empty() || !seen.emplace(lang, key).second) return;
        encoded.search_names.push_back({lang, name, std::move(key)});
    };
    add("id", entity.id);
    add("en", encoded.name_en);
    add("ja", encoded.name_ja);
    add("vi", encoded.name_vi);
    for (const auto& alias : aliases) add("alias", alias);
    return encoded;
}

Store::EncodedRelation Store::encode(const Relation& relation) {
    EncodedRelation encoded;
    if (relation.start) encoded.start = relation.start->to_string();
    if (relation.end) encoded.end = relation.end->to_string();
    encoded.attributes = attributes_to_json_text(relation.attributes);
    encoded.sources = sources_to_json_text(relation.sources);
    return encoded;
}

Store::EntityRows Store::entity_rows() const {
    EntityRows rows;
    rows.reserve(static_cast<std::size_t>(entity_count()));
    SQLite::Statement query(impl_->db, "SELECT id, eid FROM entities");
    while (query.executeStep()) rows.emplace(query.getColumn(0).getString(), query.getColumn(1).getInt64());
    return rows;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

Store Store::open(const std::filesystem::path& path, Mode mode) {
    const std::string shown = path.string();
    std::error_code ignored;
    if (mode != Mode::Create && !std::filesystem::exists(path, ignored)) {
        throw StorageError(shown + ": no database here; create one with 'kizuna init' (or set --db)");
    }
    if (const auto folder = path.parent_path(); !folder.empty() && !std::filesystem::is_directory(folder, ignored)) {
        throw StorageError(shown + ": the folder " + folder.string() + " does not exist");
    }
    try {
        // A Store is used by one thread at a time (store.h), so SQLite's per-connection mutex is only cost.
        int flags = SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX;
        if (mode == Mode::ReadOnly) {
            flags |= SQLite::OPEN_READONLY;
        } else {
            flags |= SQLite::OPEN_READWRITE | (mode == Mode::Create ? SQLite::OPEN_CREATE : 0);
        }
        auto impl = std::make_unique<Impl>(path, flags, mode == Mode::ReadOnly);
        auto& db = impl->db;
        db.setBusyTimeout(kBusyTimeoutMs);
        db.exec("PRAGMA foreign_keys = ON");
        if (mode == Mode::ReadOnly) {
            const int version = db.execAndGet("PRAGMA user_version").getInt();
            if (version > schema::latest_version()) schema::migrate(db, shown);  // throws: newer schema
            if (version == 0) throw StorageError(shown + ": not a Kizuna database (run 'kizuna init')");
            if (version != schema::latest_version()) {
                throw OutdatedSchemaError(shown + ": database needs an upgrade (schema v" + std::to_string(version) +
                                          ", this Kizuna reads v" + std::to_string(schema::latest_version()) +
                                          "); open it once for writing, e.g. `kizuna --db " + shown + " init`");
            }
        } else {
            db.exec("PRAGMA journal_mode = WAL");
            db.exec("PRAGMA synchronous = FULL");
            // A large import touches every index page; a page cache this size (at most 256 MiB, used only
            // as needed) keeps them in memory instead of spilling them to the write-ahead log mid-write.
            db.exec("PRAGMA cache_size = -262144");
            db.exec("PRAGMA threads = 2");
            schema::migrate(db, shown);
        }
        return Store(std::move(impl));
    } catch (const SQLite::Exception& e) {
        throw StorageError(shown + ": " + e.getErrorStr());
    }
}

int Store::latest_schema_version() { return schema::latest_version(); }

int Store::schema_version() const { return impl_->db.execAndGet("PRAGMA user_version").getInt(); }

std::int64_t Store::generation() const {
    return impl_->db.execAndGet("SELECT value FROM meta WHERE key = 'generation'").getInt64();
}

const std::filesystem::path& Store::path() const { return impl_->path; }

std::optional<Entity> Store::entity(const std::string& id) const {
    SQLite::Statement query(impl_->db, std::string("SELECT ") + kEntityColumns + " FROM entities e WHERE e.id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_entity(query);
}

std::optional<Relation> Store::relation(const std::string& id) const {
    SQLite::Statement query(impl_->db, std::string("SELECT ") + kRelationColumns + kRelationJoins + " WHERE r.id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_relation(query);
}

std::vector<RelationType> Store::relation_types() const {
    SQLite::Statement query(impl_->db,
                            "SELECT id, label_en, label_ja, directed, description FROM relation_types ORDER BY id");
    std::vector<RelationType> out;
    while (query.executeStep()) {
        out.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(), query.getColumn(2).getString(),
                       query.getColumn(3).getInt() != 0, query.getColumn(4).getString()});
    }
    return out;
}

std::optional<RelationType> Store::relation_type(const std::string& id) const {
    for (auto& type : relation_types()) {
        if (type.id == id) return type;
    }
    return std::nullopt;
}

bool Store::has_entity(const std::string& id) const {
    SQLite::Statement query(impl_->db, "SELECT 1 FROM entities WHERE id = ?");
    query.bind(1, id);
    return query.executeStep();
}

std::int64_t Store::entity_count() const { return impl_->db.execAndGet("SELECT count(*) FROM entities").getInt64(); }

std::int64_t Store::relation_count() const {
    return impl_->db.execAndGet("SELECT count(*) FROM relations").getInt64();
}

void Store::for_each_entity(const std::function<void(const Entity&)>& visit) const {
    SQLite::Statement query(impl_->db, std::string("SELECT ") + kEntityColumns + " FROM entities e ORDER BY e.id");
    while (query.executeStep()) visit(read_entity(query));
}

void Store::for_each_relation(const std::function<void(const Relation&)>& visit) const {
    SQLite::Statement query(impl_->db, std::string("SELECT ") + kRelationColumns + kRelationJoins + " ORDER BY r.id");
    while (query.executeStep()) visit(read_relation(query));
}

std::vector<Entity> Store::search(const std::string& text, std::size_t limit) const {
    const std::string key = search_key(text);
    if (key.empty() || limit == 0) return {};
    // Rank 0: the whole key; 1: a prefix; 2: elsewhere in a name. Substrings through the trigram index
    // when the key is long enough for trigrams, else through LIKE on the (short) key column.
    const bool use_fts = codepoint_count(key) >= 3;
    std::string sql = std::string("SELECT ") + kEntityColumns +
                      ", min(CASE WHEN n.key = ?1 THEN 0 WHEN substr(n.key, 1, length(?1)) = ?1 THEN 1 ELSE 2 END) "
                      "AS rank FROM entity_names n JOIN entities e ON e.eid = n.eid WHERE ";
    sql += use_fts ? "n.nid IN (SELECT rowid FROM name_search WHERE name_search MATCH ?2) OR n.key = ?1"
                   : "instr(n.key, ?1) > 0";
    sql += " GROUP BY e.eid ORDER BY rank, e.id LIMIT ?3";
    SQLite::Statement query(impl_->db, sql);
    query.bind(1, key);
    if (use_fts) query.bind(2, fts_phrase(key));
    query.bind(3, static_cast<std::int64_t>(limit));
    std::vector<Entity> out;
    while (query.executeStep()) out.push_back(read_entity(query));
    return out;
}

Entity Store::resolve(const std::string& name) const {
    if (auto by_id = entity(name)) return *by_id;
    const std::string key = search_key(name);
    SQLite::Statement exact(impl_->db, std::string("SELECT DISTINCT ") + kEntityColumns +
                                           " FROM entity_names n JOIN entities e ON e.eid = n.eid "
                                           "WHERE n.key = ? ORDER BY e.id");
    exact.bind(1, key);
    std::vector<Entity> found;
    while (exact.executeStep()) found.push_back(read_entity(exact));
    if (found.size() == 1) return found.front();
    std::vector<std::string> candidates;
    if (!found.empty()) {
        std::string message = "'" + name + "' names " + std::to_string(found.size()) + " entities:";
        for (const auto& entity : found) {
            message += "\n  " + describe(entity);
            candidates.push_back(entity.id);
        }
        throw EntityLookupError(message + "\nuse an id to choose one", candidates);
    }
    // Not a full name: a name that only one entity's names contain still names it (保健省 → ベトナム保健省).
    std::vector<Entity> closest = search(name, kSuggestionCount);
    if (closest.size() == 1) return closest.front();
    if (closest.size() > 1) {
        std::string message = "'" + name + "' is part of the names of several entities:";
        for (const auto& entity : closest) {
            message += "\n  " + describe(entity);
            candidates.push_back(entity.id);
        }
        throw EntityLookupError(message + "\nuse an id or a fuller name to choose one", candidates);
    }
    if (codepoint_count(key) >= 3) {
        // Best first: each entity by its best-ranked name (FTS5's bm25 over the shared trigrams, so rare
        // trigrams such as those of "taisho" count for more than common ones such as those of "vietnam").
        SQLite::Statement fuzzy(impl_->db, std::string("SELECT ") + kEntityColumns +
                                               " FROM (SELECT n.eid, min(s.rank) AS best FROM name_search s "
                                               "JOIN entity_names n ON n.nid = s.rowid WHERE s.name_search MATCH ? "
                                               "GROUP BY n.eid ORDER BY best, n.eid LIMIT ?) b "
                                               "JOIN entities e ON e.eid = b.eid ORDER BY b.best, e.id");
        fuzzy.bind(1, fts_any_trigram(key));
        fuzzy.bind(2, static_cast<std::int64_t>(kSuggestionCount));
        while (fuzzy.executeStep()) closest.push_back(read_entity(fuzzy));
    }
    std::string message = "unknown entity '" + name + "'";
    if (!closest.empty()) {
        message += "; closest:";
        for (const auto& entity : closest) {
            message += "\n  " + describe(entity);
            candidates.push_back(entity.id);
        }
    }
    throw EntityLookupError(message, candidates);
}

bool Store::empty() const {
    return impl_->db.execAndGet("SELECT NOT EXISTS (SELECT 1 FROM entities) AND NOT EXISTS (SELECT 1 FROM relations)")
               .getInt() != 0;
}

Store::WriteSummary Store::write(const std::function<void(Writer&)>& body) { return write(body, WriteSize{}); }

Store::WriteSummary Store::write(const std::function<void(Writer&)>& body, WriteSize expected) {
    if (impl_->read_only) throw StorageError(impl_->path.string() + ": database is open read-only; cannot write");
    // Measured: SQLite's per-row foreign key lookups cost a quarter of a large relation write; building
    // the name indexes once pays from a few thousand entities (each has several names, and names go in
    // at random places).
    const bool bulk_relations = expected.relations >= 50000, bulk_names = expected.entities >= 2000;
    WriteSummary summary;
    try {
        // Bulk relation writes go without foreign key enforcement: the writer binds endpoints by rows it
        // found (a missing one binds NULL, which NOT NULL refuses) and checks every type itself.
        const ForeignKeysOff unchecked(impl_->db, bulk_relations);
        const RollbackJournal journal(impl_->db, bulk_relations && empty());
        SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
        const std::int64_t names_before = bulk_names ? schema::begin_bulk_names(impl_->db) : 0;
        {
            SqlWriter writer(impl_->db, summary);
            body(writer);
            writer.finish();
        }
        if (bulk_names) schema::finish_bulk_names(impl_->db, names_before);
        if (summary.total() > 0) impl_->db.exec("UPDATE meta SET value = value + 1 WHERE key = 'generation'");
        transaction.commit();
    } catch (const SQLite::Exception& e) {
        throw StorageError(impl_->path.string() + ": write failed, nothing was changed: " + e.getErrorStr());
    }
    return summary;
}

}  // namespace kizuna
