#include "schema.h"

#include <SQLiteCpp/Transaction.h>

#include <functional>
#include <vector>

#include "kizuna/core/bulk_write.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/json.h"
#include "kizuna/core/model.h"

namespace kizuna::schema {

namespace {

// Name lookups by normalised key (resolve).
const char* const kCreateNameKeyIndex = "CREATE INDEX entity_names_key ON entity_names(key);";
// Versions 1-16: keeps the name search index in step with entity_names (its delete twin is created with
// the table). Version 17 replaces both (kCreateNameInsertTriggers).
const char* const kCreateNameTrigger =
    "CREATE TRIGGER entity_names_ai AFTER INSERT ON entity_names BEGIN "
    "INSERT INTO name_search(rowid, key) VALUES (new.nid, new.key); END;";

// Since version 17 the name search is two FTS5 indexes (see fold_names): name_search holds the names up
// to meta's names_folded (those of bulk writes: large segments), name_recent the names written since (one
// small segment per write, merged among themselves). A small write never merges name_search's large
// segments, which cost seconds at millions of names. A name of name_search deleted by a small write is
// only noted (name_tombstones) and taken out of name_search at the next fold; until then its entry finds a
// row number no name has any more (every search joins entity_names), or, when a new name takes that number
// (nid ≤ names_folded), the entry is put right then.
const std::string kNamesFolded = "(SELECT value FROM meta WHERE key = 'names_folded')";
const std::string kCreateNameInsertTriggers =
    "CREATE TRIGGER entity_names_ai AFTER INSERT ON entity_names WHEN new.nid > " + kNamesFolded +
    " BEGIN INSERT INTO name_recent(rowid, key) VALUES (new.nid, new.key); END; "
    "CREATE TRIGGER entity_names_ai_folded AFTER INSERT ON entity_names WHEN new.nid <= " +
    kNamesFolded +
    " BEGIN "
    "INSERT INTO name_search(name_search, rowid, key) "
    "SELECT 'delete', nid, key FROM name_tombstones WHERE nid = new.nid AND key <> new.key; "
    "INSERT INTO name_search(rowid, key) SELECT new.nid, new.key "
    "WHERE NOT EXISTS (SELECT 1 FROM name_tombstones WHERE nid = new.nid AND key = new.key); "
    "DELETE FROM name_tombstones WHERE nid = new.nid; END;";
const std::string kCreateNameDeleteTriggers =
    "CREATE TRIGGER entity_names_ad AFTER DELETE ON entity_names WHEN old.nid > " + kNamesFolded +
    " BEGIN INSERT INTO name_recent(name_recent, rowid, key) VALUES ('delete', old.nid, old.key); END; "
    "CREATE TRIGGER entity_names_ad_folded AFTER DELETE ON entity_names WHEN old.nid <= " +
    kNamesFolded + " BEGIN INSERT INTO name_tombstones(nid, key) VALUES (old.nid, old.key); END;";
const char* const kDropNameInsertTriggers =
    "DROP TRIGGER IF EXISTS entity_names_ai; DROP TRIGGER IF EXISTS entity_names_ai_folded;";
const char* const kDropNameDeleteTriggers =
    "DROP TRIGGER IF EXISTS entity_names_ad; DROP TRIGGER IF EXISTS entity_names_ad_folded;";

// Relations by either end: deleting an entity checks the relations' foreign keys to it, which without
// these read every relation (seconds at 10M relations).
const char* const kCreateEndpointIndexes =
    "CREATE INDEX IF NOT EXISTS relations_src ON relations(src); "
    "CREATE INDEX IF NOT EXISTS relations_dst ON relations(dst);";

// Creates indexes after a bulk write with SQLite's default page cache of 2 MB instead of the store's
// 256 MiB: SQLite sorts the keys in memory as large as the cache, and the large sort was the slower one
// (one endpoint index of 10M relations: 14.7 s with 256 MiB, 6.0 s with 2 MB, sorted in runs and merged;
// sqlite3 shell on the generated 10M database).
void create_indexes_after_bulk(SQLite::Database& db, const std::string& sql) {
    const std::string cache = db.execAndGet("PRAGMA cache_size").getString();
    db.exec("PRAGMA cache_size = -2000");
    try {
        db.exec(sql);
    } catch (...) {
        db.exec("PRAGMA cache_size = " + cache);
        throw;
    }
    db.exec("PRAGMA cache_size = " + cache);
}

// Moves the names of name_recent into name_search (and takes the deleted ones out of it): all of
// entity_names is then in name_search. A bulk write sets the insert triggers aside, so a name it wrote
// under a folded row number that a deleted name had (rewriting the last entity's names) is indexed here.
void fold_names(SQLite::Database& db) {
    db.exec(
        "INSERT INTO name_search(name_search, rowid, key) SELECT 'delete', nid, key FROM name_tombstones; "
        "INSERT INTO name_search(rowid, key) SELECT n.nid, n.key FROM name_tombstones t "
        "JOIN entity_names n ON n.nid = t.nid ORDER BY n.nid; "
        "DELETE FROM name_tombstones; "
        "INSERT INTO name_recent(name_recent) VALUES ('delete-all'); "
        "INSERT INTO name_search(rowid, key) SELECT nid, key FROM entity_names "
        "WHERE nid > (SELECT value FROM meta WHERE key = 'names_folded') ORDER BY nid; "
        "UPDATE meta SET value = max(value, (SELECT coalesce(max(nid), 0) FROM entity_names)) "
        "WHERE key = 'names_folded';");
}

// Adds a column to a table unless it is there. (The tests of older upgrades set an older user_version on a
// current database, so a migration may meet its own column.)
void add_column_once(SQLite::Database& db, const std::string& table, const std::string& column,
                     const std::string& definition) {
    SQLite::Statement has(db, "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?");
    has.bind(1, table);
    has.bind(2, column);
    if (has.executeStep() && has.getColumn(0).getInt() > 0) return;
    db.exec("ALTER TABLE " + table + " ADD COLUMN " + column + " " + definition);
}

// Runs `statement` once per built-in relation type, with its fields bound by `bind`.
void for_each_builtin_type(SQLite::Database& db, const char* statement,
                           const std::function<void(SQLite::Statement&, const RelationType&)>& bind) {
    SQLite::Statement step(db, statement);
    for (const auto& type : default_relation_types()) {
        bind(step, type);
        step.exec();
        step.reset();
    }
}

// Adds the built-in relation types with the columns of version 1 (`verb`: "INSERT" or "INSERT OR IGNORE").
void insert_builtin_types(SQLite::Database& db, const std::string& verb) {
    const std::string statement =
        verb + " INTO relation_types(id, label_en, label_ja, directed, description) VALUES (?, ?, ?, ?, ?)";
    for_each_builtin_type(db, statement.c_str(), [](SQLite::Statement& insert, const RelationType& type) {
        insert.bind(1, type.id);
        insert.bind(2, type.label_en);
        insert.bind(3, type.label_ja);
        insert.bind(4, type.directed ? 1 : 0);
        insert.bind(5, type.description);
    });
}

void create_version_1(SQLite::Database& db) {
    db.exec(R"sql(
        CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO meta(key, value) VALUES ('generation', 0);

        CREATE TABLE relation_types(
            id TEXT PRIMARY KEY,
            label_en TEXT NOT NULL DEFAULT '',
            label_ja TEXT NOT NULL DEFAULT '',
            directed INTEGER NOT NULL CHECK (directed IN (0, 1)),
            description TEXT NOT NULL DEFAULT '');

        CREATE TABLE entities(
            eid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            name_en TEXT NOT NULL DEFAULT '',
            name_ja TEXT NOT NULL DEFAULT '',
            name_vi TEXT NOT NULL DEFAULT '',
            aliases TEXT NOT NULL DEFAULT '[]',
            country TEXT NOT NULL DEFAULT '',
            attributes TEXT NOT NULL DEFAULT '{}',
            sources TEXT NOT NULL DEFAULT '[]');
        CREATE INDEX entities_kind ON entities(kind);
        CREATE INDEX entities_country ON entities(country);

        CREATE TABLE relations(
            rid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL REFERENCES relation_types(id),
            src INTEGER NOT NULL REFERENCES entities(eid),
            dst INTEGER NOT NULL REFERENCES entities(eid),
            start TEXT,
            "end" TEXT,
            attributes TEXT NOT NULL DEFAULT '{}',
            sources TEXT NOT NULL DEFAULT '[]',
            CHECK (src <> dst));

        -- Every name and alias of an entity with its normalised search key (see text.h).
        CREATE TABLE entity_names(
            nid INTEGER PRIMARY KEY,
            eid INTEGER NOT NULL REFERENCES entities(eid) ON DELETE CASCADE,
            lang TEXT NOT NULL,
            name TEXT NOT NULL,
            key TEXT NOT NULL);
        CREATE INDEX entity_names_eid ON entity_names(eid);

        -- Substring search over the keys in any script (trigrams work for Japanese too).
        CREATE VIRTUAL TABLE name_search USING fts5(
            key, content='entity_names', content_rowid='nid', tokenize='trigram');
        CREATE TRIGGER entity_names_ad AFTER DELETE ON entity_names BEGIN
            INSERT INTO name_search(name_search, rowid, key) VALUES ('delete', old.nid, old.key);
        END;
    )sql");
    db.exec(kCreateNameKeyIndex);
    db.exec("CREATE INDEX relations_src ON relations(src); CREATE INDEX relations_dst ON relations(dst);");
    db.exec(kCreateNameTrigger);
    insert_builtin_types(db, "INSERT");
}

// Version 2: a random number naming this database, so that a graph cache beside the file (graph_cache.h)
// is never taken for the cache of another database that happens to be at the same generation.
void add_instance_id(SQLite::Database& db) {
    db.exec("INSERT INTO meta(key, value) VALUES ('instance', abs(random()))");
}

void drop_type_index(SQLite::Database& db) { db.exec("DROP INDEX IF EXISTS relations_type"); }

// Version 4: no indexes by entity kind or country either. Kind and country filters run on the
// in-memory graph; no query of the store looks entities up by them, and every import paid for them.
void drop_kind_and_country_indexes(SQLite::Database& db) {
    db.exec("DROP INDEX IF EXISTS entities_kind; DROP INDEX IF EXISTS entities_country;");
}

// Version 5: no indexes by relation endpoint. Every query that starts from an entity (show, partners,
// paths, timeline) finds its relations in the graph, which keeps each entity's relations in a row of
// its own; no statement looked relations up by src or dst, entities are never deleted (the foreign keys
// need no child index), and an import spent a fifth of its time building these two.
void drop_endpoint_indexes(SQLite::Database& db) {
    db.exec("DROP INDEX IF EXISTS relations_src; DROP INDEX IF EXISTS relations_dst;");
}

// Version 6: the name-search index gathers up to 64 MiB of new entries in memory before it writes a
// segment (FTS5's default is 1 MiB): fewer, larger segments to merge. Indexing the 5 million names of
// a 1M-entity import took 7.8 s, now 4.8 s; small writes flush at commit as before.
void enlarge_name_search_buffer(SQLite::Database& db) {
    db.exec("INSERT INTO name_search(name_search, rank) VALUES ('hashsize', 67108864)");
}

// Version 7: a random data version, drawn anew by every write that changes something (Store::DataStamp):
// a generation counter alone repeats when a backup copy is restored and written to.
void add_data_version(SQLite::Database& db) {
    db.exec("INSERT OR REPLACE INTO meta(key, value) VALUES ('data_version', random())");
}

// Version 8: every relation type has a category (model.h); connection queries leave evidence out. The
// built-in types get theirs; a type a file added before categories existed gets "other". Built-in types
// added since the database was made (announced) are added.
void add_relation_categories(SQLite::Database& db) {
    add_column_once(db, "relation_types", "category", "TEXT NOT NULL DEFAULT 'other'");
    insert_builtin_types(db, "INSERT OR IGNORE");
    for_each_builtin_type(db, "UPDATE relation_types SET category = ? WHERE id = ?",
                          [](SQLite::Statement& update, const RelationType& type) {
                              update.bind(1, type.category);
                              update.bind(2, type.id);
                          });
}

// Version 9: relation types have Vietnamese labels; the built-in types get theirs.
void add_vietnamese_labels(SQLite::Database& db) {
    add_column_once(db, "relation_types", "label_vi", "TEXT NOT NULL DEFAULT ''");
    for_each_builtin_type(db, "UPDATE relation_types SET label_vi = ? WHERE id = ? AND label_vi = ''",
                          [](SQLite::Statement& update, const RelationType& type) {
                              update.bind(1, type.label_vi);
                              update.bind(2, type.id);
                          });
}

// Version 10: attribute values are searchable (`search Hanoi`): every entity's values join its search
// rows under "attribute:NAME", keyed as encode() keys them.
void index_attribute_values(SQLite::Database& db) {
    SQLite::Statement entities(db, "SELECT eid, id, kind, attributes FROM entities");
    SQLite::Statement clear(db, "DELETE FROM entity_names WHERE eid = ? AND lang LIKE 'attribute:%'");
    SQLite::Statement insert(db, "INSERT INTO entity_names(eid, lang, name, key) VALUES (?, ?, ?, ?)");
    while (entities.executeStep()) {
        Entity entity;
        entity.id = entities.getColumn(1).getString();
        entity.kind = entities.getColumn(2).getString();
        entity.attributes = attributes_from_json_text(entities.getColumn(3).getString());
        const auto eid = entities.getColumn(0).getInt64();
        clear.bind(1, eid);
        clear.exec();
        clear.reset();
        for (const auto& name : encode(entity).search_names) {
            if (name.lang.rfind("attribute:", 0) != 0) continue;
            insert.bind(1, eid);
            insert.bind(2, name.lang);
            insert.bind(3, name.name);
            insert.bind(4, name.key);
            insert.exec();
            insert.reset();
        }
    }
}

// Version 11: the entity kind vocabulary with names in three languages, stored and importable like
// relation types; it starts with the built-in kinds. Kinds entities use stay open: a kind the table does
// not list shows its id.
void add_entity_kinds(SQLite::Database& db) {
    db.exec(R"sql(
        CREATE TABLE IF NOT EXISTS entity_kinds(
            id TEXT PRIMARY KEY,
            label_en TEXT NOT NULL DEFAULT '',
            label_ja TEXT NOT NULL DEFAULT '',
            label_vi TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '');
    )sql");
    SQLite::Statement insert(
        db,
        "INSERT OR IGNORE INTO entity_kinds(id, label_en, label_ja, label_vi, description) "
        "VALUES (?, ?, ?, ?, ?)");
    for (const auto& kind : default_entity_kinds()) {
        insert.bind(1, kind.id);
        insert.bind(2, kind.label_en);
        insert.bind(3, kind.label_ja);
        insert.bind(4, kind.label_vi);
        insert.bind(5, kind.description);
        insert.exec();
        insert.reset();
    }
}

// Version 12: every source document (title and URL) is stored once, in documents; an entity's or a
// relation's sources name it by row, each with its own locator: [[did, "locator"], ...]. A registry
// cites the same document for thousands of rows, and the JSON objects were a third of the database.
void store_documents_once(SQLite::Database& db) {
    db.exec(R"sql(
        CREATE TABLE IF NOT EXISTS documents(
            did INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            UNIQUE(title, url));
    )sql");
    for (const std::string table : {"entities", "relations"}) {
        db.exec(
            "INSERT OR IGNORE INTO documents(title, url) SELECT s.value ->> 'title', "
            "coalesce(s.value ->> 'url', '') FROM " +
            table + " x, json_each(x.sources) s WHERE s.type = 'object'");
        // Rows already in the new form (a migration run again) start with an array, not an object.
        db.exec("UPDATE " + table +
                " SET sources = (SELECT json_group_array(json_array((SELECT did FROM documents d WHERE "
                "d.title = s.value ->> 'title' AND d.url = coalesce(s.value ->> 'url', '')), "
                "coalesce(s.value ->> 'locator', ''))) FROM json_each(" +
                table + ".sources) s) WHERE json_type(sources, '$[0]') = 'object'");
    }
}

// Version 13: the history (history.h). Each change that changed something: when, who, what command,
// the files it read (JSON [[path, sha256], ...]), its counts, and its rows as SQLite's session extension
// records them (a changeset; a bulk load's holds only its vocabulary rows).
void add_history(SQLite::Database& db) {
    db.exec(R"sql(
        CREATE TABLE IF NOT EXISTS changes(
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            author TEXT NOT NULL,
            command TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('edit', 'bulk load', 'undo')),
            undoes INTEGER,
            types INTEGER NOT NULL DEFAULT 0,
            kinds INTEGER NOT NULL DEFAULT 0,
            entities INTEGER NOT NULL DEFAULT 0,
            relations INTEGER NOT NULL DEFAULT 0,
            files TEXT NOT NULL DEFAULT '[]',
            record BLOB NOT NULL DEFAULT x'');
    )sql");
}

// Version 14: duplicates and merges. A merged-away entity's id stays as a redirect to the entity it was
// merged into, so that commands and later imports naming it reach that one; so does the id of a relation
// a merge folded into another (target: that one) or removed (target ''), so that importing its file
// again does not bring it back; a judgement that two
// entities are not duplicates keeps the pair from being proposed again. Both are recorded by the history
// like any row (a merge is one change, undone as one).
void add_redirects_and_judgements(SQLite::Database& db) {
    db.exec(R"sql(
        CREATE TABLE IF NOT EXISTS redirects(
            id TEXT PRIMARY KEY,
            target TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS relation_redirects(
            id TEXT PRIMARY KEY,
            target TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS not_duplicates(
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            PRIMARY KEY(a, b),
            CHECK (a < b));
    )sql");
    // How many redirects and judgements a change wrote (log shows them beside its other counts).
    add_column_once(db, "changes", "links", "INTEGER NOT NULL DEFAULT 0");
}

// Version 15: each change carries the data stamp it produced (the generation and the random data version
// of meta after it), so that a reader holding the graph of an earlier state can tell exactly which changes
// lie between that state and now, and apply them to its graph (graph_delta.h) instead of rebuilding it.
// Of the changes recorded before this version, the latest gets the stamp of the data as it is: since
// version 13 every write is a change, so the data is the state that change left (a restore's copy too:
// its history ends at the change it restored). The others have none: a graph of their states is rebuilt.
void stamp_changes(SQLite::Database& db) {
    add_column_once(db, "changes", "generation", "INTEGER");
    add_column_once(db, "changes", "data_version", "INTEGER");
    db.exec("CREATE INDEX IF NOT EXISTS changes_generation ON changes(generation)");
    db.exec(
        "UPDATE changes SET generation = (SELECT value FROM meta WHERE key = 'generation'), "
        "data_version = (SELECT value FROM meta WHERE key = 'data_version') "
        "WHERE seq = (SELECT max(seq) FROM changes) AND generation IS NULL");
}

// Version 16: relations by either end again (version 5 dropped them, when no entity was ever deleted):
// a Cypher DETACH DELETE, a merge and an undo delete entities, and each check of the relations' foreign
// keys read every relation (2.4-3.3 s at 10M relations; bench/README.md). A bulk load into an empty
// database builds them once after its rows (begin_bulk_relations).
void restore_endpoint_indexes(SQLite::Database& db) { create_indexes_after_bulk(db, kCreateEndpointIndexes); }

// Version 17: the recent names' search index beside the bulk one (kCreateNameInsertTriggers). Every name
// there is now is in name_search.
void split_name_search(SQLite::Database& db) {
    db.exec(R"sql(
        CREATE VIRTUAL TABLE IF NOT EXISTS name_recent USING fts5(
            key, content='entity_names', content_rowid='nid', tokenize='trigram');
        CREATE TABLE IF NOT EXISTS name_tombstones(nid INTEGER PRIMARY KEY, key TEXT NOT NULL);
        INSERT OR REPLACE INTO meta(key, value)
            VALUES ('names_folded', (SELECT coalesce(max(nid), 0) FROM entity_names));
    )sql");
    db.exec(kDropNameInsertTriggers);
    db.exec(kDropNameDeleteTriggers);
    db.exec(kCreateNameInsertTriggers);
    db.exec(kCreateNameDeleteTriggers);
}

const std::vector<std::function<void(SQLite::Database&)>>& migrations() {
    static const std::vector<std::function<void(SQLite::Database&)>> kMigrations = {
        create_version_1,      add_instance_id,
        drop_type_index,       drop_kind_and_country_indexes,
        drop_endpoint_indexes, enlarge_name_search_buffer,
        add_data_version,      add_relation_categories,
        add_vietnamese_labels, index_attribute_values,
        add_entity_kinds,      store_documents_once,
        add_history,           add_redirects_and_judgements,
        stamp_changes,         restore_endpoint_indexes,
        split_name_search};
    return kMigrations;
}

}  // namespace

void begin_bulk_names(SQLite::Database& db) {
    // Names by key go in at random places of their index; the index on eid is kept (rows append to it,
    // and rewriting an existing entity's names looks them up by it).
    db.exec("DROP INDEX entity_names_key;");
    db.exec(kDropNameInsertTriggers);
}

void finish_bulk_names(SQLite::Database& db) {
    create_indexes_after_bulk(db, kCreateNameKeyIndex);
    fold_names(db);
    db.exec(kCreateNameInsertTriggers);
}

void begin_bulk_relations(SQLite::Database& db) {
    db.exec("DROP INDEX IF EXISTS relations_src; DROP INDEX IF EXISTS relations_dst;");
}

void finish_bulk_relations(SQLite::Database& db) { create_indexes_after_bulk(db, kCreateEndpointIndexes); }

void empty_data(SQLite::Database& db) {
    db.exec(kDropNameDeleteTriggers);
    db.exec(
        "DELETE FROM relations; DELETE FROM entity_names; DELETE FROM entities; DELETE FROM redirects; "
        "DELETE FROM relation_redirects; "
        "DELETE FROM not_duplicates; DELETE FROM name_tombstones;");
    db.exec(
        "INSERT INTO name_search(name_search) VALUES ('delete-all'); "
        "INSERT INTO name_recent(name_recent) VALUES ('delete-all'); "
        "UPDATE meta SET value = 0 WHERE key = 'names_folded';");
    db.exec(kCreateNameDeleteTriggers);
}

namespace {

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace

int latest_version() { return static_cast<int>(migrations().size()); }

void migrate(SQLite::Database& db, const std::string& path) {
    const int found = user_version(db);
    if (found > latest_version()) {
        throw StorageError(path + ": database schema version " + std::to_string(found) +
                           " is newer than this Kizuna understands (" + std::to_string(latest_version()) +
                           "); upgrade Kizuna");
    }
    if (found == latest_version()) return;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Re-read inside the lock: another process may have migrated meanwhile.
    for (int version = user_version(db); version < latest_version(); ++version) {
        migrations()[static_cast<std::size_t>(version)](db);
        db.exec("PRAGMA user_version = " + std::to_string(version + 1));
    }
    transaction.commit();
}

}  // namespace kizuna::schema
