#include "kizuna/core/store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <set>
#include <sstream>

#include "kizuna/core/bulk_write.h"
#include "kizuna/core/errors.h"
#include "temp_dir.h"

using namespace kizuna;
using kizuna::test::TempDir;

namespace {

Entity full_entity() {
    Entity e;
    e.id = "vn-moh";
    e.kind = "ministry";
    e.names = {"Ministry of Health of Vietnam", "ベトナム保健省", "Bộ Y tế"};
    e.aliases = {"MOH", "Vietnam MOH", "保健省"};
    e.country = "VN";
    e.attributes = {{"website", "https://moh.gov.vn/home"}, {"note", "line one\nline \"two\", with comma"}};
    e.sources = {Source{"Seed", "https://example.org/a", "(1)"}, Source{"Other", "", ""}};
    return e;
}

Entity named(const std::string& id, const std::string& en, const std::string& ja = "",
             const std::string& vi = "") {
    Entity e;
    e.id = id;
    e.kind = "company";
    e.names = {en, ja, vi};
    e.country = "JP";
    return e;
}

Relation mou() {
    Relation r;
    r.id = "kanagawa-vn-moh-mou-2024";
    r.type = "mou";
    r.from = "kanagawa";
    r.to = "vn-moh";
    r.start = PartialDate::parse("2024-11-15");
    r.end = PartialDate::parse("2029");
    r.attributes = {{"area_1", "Biotechnology"}};
    r.sources = {Source{"Seed", "https://www.pref.kanagawa.jp/", "MOU概要"}};
    return r;
}

Store seeded(const std::filesystem::path& path) {
    Store store = Store::open(path, Store::Mode::Create);
    (void)store.write([](Store::Writer& w) {
        w.put(full_entity());
        w.put(named("kanagawa", "Kanagawa Prefecture", "神奈川県"));
        w.put(mou());
    });
    return store;
}

}  // namespace

TEST_CASE("every field survives a store round trip", "[core][store]") {
    TempDir dir;
    {
        Store store = seeded(dir / "k.db");
        CHECK(store.entity_count() == 2);
        CHECK(store.relation_count() == 1);
    }
    Store store = Store::open(dir / "k.db", Store::Mode::ReadOnly);
    CHECK(store.entity("vn-moh") == full_entity());
    CHECK(store.relation("kanagawa-vn-moh-mou-2024") == mou());
    CHECK(store.relation_type("mou")->directed == false);
    CHECK(store.relation_type("acquisition")->directed == true);
    CHECK_FALSE(store.entity("nobody").has_value());
}

TEST_CASE("upserting the same values changes nothing, and a changed value updates in place",
          "[core][store]") {
    TempDir dir;
    Store store = seeded(dir / "k.db");
    const auto generation = store.generation();
    auto same = store.write([](Store::Writer& w) { w.put(full_entity()); });
    CHECK(same.total() == 0);
    CHECK(store.generation() == generation);
    auto changed_entity = full_entity();
    changed_entity.names.en = "Ministry of Health";
    auto changed = store.write([&](Store::Writer& w) { w.put(changed_entity); });
    CHECK(changed.entities_changed == 1);
    CHECK(store.generation() > generation);
    CHECK(store.entity("vn-moh")->names.en == "Ministry of Health");
    CHECK(store.entity_count() == 2);
}

TEST_CASE("kinds are a vocabulary with names in three languages: built-in, added and renamed by upsert",
          "[core][store]") {
    TempDir dir;
    Store store = seeded(dir / "k.db");
    CHECK(store.entity_kinds() == default_entity_kinds());
    const EntityKind ngo{"ngo", "NGO", "非政府組織", "tổ chức phi chính phủ",
                         "non-governmental organisation"};
    CHECK(store.write([&](Store::Writer& w) { w.put(ngo); }).kinds_changed == 1);
    CHECK(store.write([&](Store::Writer& w) { w.put(ngo); }).total() == 0);
    EntityKind renamed = default_entity_kinds().front();
    renamed.label_vi = "cơ quan nhà nước";
    CHECK(store.write([&](Store::Writer& w) { w.put(renamed); }).kinds_changed == 1);
    const auto kinds = store.entity_kinds();
    CHECK(kinds.size() == default_entity_kinds().size() + 1);
    CHECK(std::find(kinds.begin(), kinds.end(), ngo) != kinds.end());
    CHECK(std::find(kinds.begin(), kinds.end(), renamed) != kinds.end());
    CHECK(std::is_sorted(kinds.begin(), kinds.end(),
                         [](const EntityKind& a, const EntityKind& b) { return a.id < b.id; }));
}

TEST_CASE("a new or empty file is migrated to the current schema", "[core][store]") {
    TempDir dir;
    test::write_file(dir / "empty.db", "");
    Store store = Store::open(dir / "empty.db", Store::Mode::ReadWrite);
    CHECK(store.schema_version() == Store::latest_schema_version());
    CHECK(store.entity_count() == 0);
    CHECK(store.relation_types().size() >= 20);
}

TEST_CASE("a database from a newer Kizuna is refused and left untouched", "[core][store]") {
    TempDir dir;
    { (void)seeded(dir / "k.db"); }
    {
        SQLite::Database db((dir / "k.db").string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
    }
    const std::string before = test::read_file(dir / "k.db");
    for (auto mode : {Store::Mode::ReadOnly, Store::Mode::ReadWrite}) {
        CHECK_THROWS_AS(Store::open(dir / "k.db", mode), StorageError);
        CHECK_THROWS_WITH(Store::open(dir / "k.db", mode),
                          Catch::Contains("schema version 99 is newer than this Kizuna understands"));
    }
    CHECK(test::read_file(dir / "k.db") == before);
}

TEST_CASE("missing files and non-databases are storage errors", "[core][store]") {
    CHECK_THROWS_WITH(Store::open("/no/such/folder/k.db", Store::Mode::Create),
                      "/no/such/folder/k.db: the folder /no/such/folder does not exist");
    TempDir dir;
    CHECK_THROWS_AS(Store::open(dir / "absent.db", Store::Mode::ReadOnly), StorageError);
    test::write_file(dir / "text.db",
                     "this is not a database, just some text that is long enough to be a header....");
    CHECK_THROWS_AS(Store::open(dir / "text.db", Store::Mode::ReadWrite), StorageError);
}

TEST_CASE("a failing write rolls back: nothing is half-written", "[core][store]") {
    TempDir dir;
    Store store = seeded(dir / "k.db");
    const auto before = test::database_dump(dir / "k.db");
    CHECK_THROWS_AS(store.write([](Store::Writer& w) {
        w.put(named("asuka-pharma", "Asuka Pharmaceutical"));
        auto r = mou();
        r.attributes["changed"] = "yes";
        w.put(r);
        throw InvalidDataError("stop halfway");
    }),
                    InvalidDataError);
    CHECK(test::database_dump(dir / "k.db") == before);
    CHECK_FALSE(store.entity("asuka-pharma").has_value());

    // A database-level failure (a relation to an entity that does not exist) also rolls back.
    CHECK_THROWS_AS(store.write([](Store::Writer& w) {
        w.put(named("taisho", "Taisho Pharmaceutical"));
        auto r = mou();
        r.id = "dangling";
        r.to = "nobody";
        w.put(r);
    }),
                    Error);
    CHECK(test::database_dump(dir / "k.db") == before);
}

TEST_CASE("a read-only store answers queries and refuses writes", "[core][store]") {
    TempDir dir;
    { (void)seeded(dir / "k.db"); }
    Store store = Store::open(dir / "k.db", Store::Mode::ReadOnly);
    CHECK(store.entity_count() == 2);
    CHECK_THROWS_AS(store.write([](Store::Writer& w) { w.put(named("x", "X")); }), StorageError);
    CHECK_THROWS_WITH(store.write([](Store::Writer& w) { w.put(named("x", "X")); }),
                      Catch::Contains("read-only"));
}

TEST_CASE("names resolve in every language, width and diacritics", "[core][store][names]") {
    TempDir dir;
    Store store = seeded(dir / "k.db");
    for (const char* name : {"vn-moh", "MOH", "moh", "ＭＯＨ", "Bộ Y tế", "Bo Y te", "bo y te", "BỘ Y TẾ",
                             "ベトナム保健省", "保健省", "Ministry of Health of Vietnam", "vietnam moh"}) {
        INFO(name);
        CHECK(store.resolve(name).id == "vn-moh");
    }
    CHECK(store.resolve("神奈川県").id == "kanagawa");
    CHECK(store.resolve("神奈川").id == "kanagawa");  // contained in one entity's names only
    // FTS5 syntax in user text is searched literally: names that contain it are found, the rest is no match.
    (void)store.write([](Store::Writer& w) {
        w.put(named("cpp-foundation", "C++ Foundation"));
        w.put(named("att", "AT&T Inc."));
        w.put(named("asuka-kk", "Asuka", "(株)あすか製薬"));
    });
    const std::vector<std::pair<std::string, std::string>> literal = {
        {"C++", "cpp-foundation"}, {"c++ foundation", "cpp-foundation"}, {"AT&T", "att"}, {"at&t", "att"},
        {"(株)", "asuka-kk"},      {"(株)あすか製薬", "asuka-kk"}};
    for (const auto& [text, id] : literal) {
        INFO(text);
        const auto found = store.search(text, 10);
        REQUIRE(found.size() == 1);
        CHECK(found.front().id == id);
        CHECK(store.resolve(text).id == id);
    }
    for (const char* text : {"\"", "NEAR(", "a OR b", "*", "vn-moh AND", "^moh"}) {
        INFO(text);
        CHECK(store.search(text, 10).empty());
    }
}

TEST_CASE("the closest names among many that share common trigrams are those sharing the most",
          "[core][store][names]") {
    // 12,000 names "Organisation N" (and their ids): every common trigram is in thousands of names, more than
    // "closest names" lets FTS5 rank (name_lookup.cpp): it ranks the names sharing the rarest ones.
    TempDir dir;
    Store store = seeded(dir / "k.db");
    (void)store.write([](Store::Writer& w) {
        for (int i = 0; i < 12000; ++i) {
            char id[16];
            std::snprintf(id, sizeof id, "org-%05d", i);
            w.put(named(id, "Organisation " + std::to_string(i)));
        }
    });
    for (const auto& [typed, first] :
         std::vector<std::pair<std::string, std::string>>{{"Organisaton 4350x", "org-04350"},
                                                          {"Orgnization 77", "org-00077"},
                                                          {"organisation 1234z", "org-01234"}}) {
        try {
            (void)store.resolve(typed);
            FAIL("expected an unknown name");
        } catch (const EntityLookupError& e) {
            CHECK(e.kind() == EntityLookupError::Kind::Unknown);
            REQUIRE(e.candidates().size() == 5);
            CHECK(e.candidates().front() == first);
        }
    }
}

TEST_CASE("ambiguous and unknown names list candidates", "[core][store][names]") {
    TempDir dir;
    Store store = seeded(dir / "k.db");
    (void)store.write([](Store::Writer& w) {
        w.put(named("asuka-pharma", "Asuka Pharmaceutical", "あすか製薬"));
        w.put(named("taisho", "Taisho Pharmaceutical", "大正製薬"));
        auto twin = named("taisho-holdings", "Taisho Holdings");
        twin.aliases = {"Taisho"};
        auto other = named("taisho-group", "Taisho Group");
        other.aliases = {"Taisho"};
        w.put(twin);
        w.put(other);
    });
    try {
        (void)store.resolve("Taisho");
        FAIL("expected an ambiguity");
    } catch (const EntityLookupError& e) {
        // The id "taisho" matches too, case-insensitively.
        CHECK(e.kind() == EntityLookupError::Kind::Ambiguous);
        CHECK(e.candidates() == std::vector<std::string>{"taisho", "taisho-group", "taisho-holdings"});
        CHECK_THAT(e.what(), Catch::Contains("'Taisho' names 3 entities"));
    }
    try {
        (void)store.resolve("Pharmaceutical");
        FAIL("expected an ambiguity");
    } catch (const EntityLookupError& e) {
        CHECK(e.kind() == EntityLookupError::Kind::Ambiguous);
        CHECK(e.candidates().size() == 2);
    }
    try {
        (void)store.resolve("Asuka Pharmaceuticals Vietnam");
        FAIL("expected an unknown name");
    } catch (const EntityLookupError& e) {
        CHECK(e.kind() == EntityLookupError::Kind::Unknown);
        CHECK_THAT(e.what(), Catch::StartsWith("unknown entity 'Asuka Pharmaceuticals Vietnam'"));
        CHECK(std::find(e.candidates().begin(), e.candidates().end(), "asuka-pharma") !=
              e.candidates().end());
    }
}

TEST_CASE("the closest names to an unknown one come best first", "[core][store][names]") {
    TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    (void)store.write([](Store::Writer& w) {
        // Written first (lower rows) and sharing the common word: they must not crowd out the best match.
        for (const char* place : {"Hanoi", "Hue", "Da Nang", "Can Tho", "Hai Phong", "Nha Trang"}) {
            std::string id = std::string("vn-") + place;
            std::transform(id.begin(), id.end(), id.begin(),
                           [](char c) { return c == ' ' ? '-' : char(std::tolower(c)); });
            w.put(named(id, std::string("Vietnam ") + place + " Department of Health"));
        }
        w.put(named("taisho", "Taisho Pharmaceutical", "大正製薬"));
    });
    try {
        (void)store.resolve("Taisho Pharma Vietnam");
        FAIL("expected an unknown name");
    } catch (const EntityLookupError& e) {
        CHECK_THAT(e.what(),
                   Catch::StartsWith("unknown entity 'Taisho Pharma Vietnam'; closest:\n  taisho ("));
        REQUIRE(e.candidates().size() == 5);
        CHECK(e.candidates().front() == "taisho");
    }
}

namespace {

std::set<std::string> schema_objects(const std::filesystem::path& db) {
    SQLite::Database sqlite(db.string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(sqlite, "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')");
    std::set<std::string> names;
    while (query.executeStep()) names.insert(query.getColumn(0).getString());
    return names;
}

}  // namespace

TEST_CASE("a bulk write builds its indexes once and leaves the same database as a plain write",
          "[core][store]") {
    TempDir dir;
    Store plain = seeded(dir / "plain.db");
    Store bulk = Store::open(dir / "bulk.db", Store::Mode::Create);
    const auto objects = schema_objects(dir / "plain.db");
    REQUIRE(objects.count("entity_names_ai") == 1);
    REQUIRE(objects.count("entity_names_key") == 1);
    // Sizes past both bulk thresholds: every index and trigger that bulk writes set aside.
    const BulkWrite::Size kBulk{1'000'000, 1'000'000};
    // The same rows as seeded(), written in bulk.
    auto put_all = [](Store::Writer& w) {
        w.put(full_entity());
        w.put(named("kanagawa", "Kanagawa Prefecture", "神奈川県"));
        w.put(mou());
    };
    CHECK(BulkWrite::run(bulk, put_all, kBulk).total() == 3);
    CHECK(schema_objects(dir / "bulk.db") == objects);
    CHECK(test::database_dump(dir / "bulk.db") == test::database_dump(dir / "plain.db"));
    // Names written in bulk are searchable, and so are names written afterwards (the trigger is back).
    CHECK(bulk.resolve("Bo Y te").id == "vn-moh");
    CHECK(bulk.resolve("神奈川").id == "kanagawa");
    (void)bulk.write([](Store::Writer& w) { w.put(named("asuka-pharma", "Asuka Pharmaceutical")); });
    CHECK(bulk.resolve("Asuka").id == "asuka-pharma");

    // A failing bulk write rolls back everything, the dropped indexes and trigger included.
    const auto before = test::database_dump(dir / "bulk.db");
    CHECK_THROWS_AS(BulkWrite::run(
                        bulk,
                        [](Store::Writer& w) {
                            w.put(named("taisho", "Taisho Pharmaceutical"));
                            throw InvalidDataError("stop halfway");
                        },
                        kBulk),
                    InvalidDataError);
    CHECK(schema_objects(dir / "bulk.db") == objects);
    CHECK(test::database_dump(dir / "bulk.db") == before);
    CHECK_THROWS_AS(bulk.resolve("Taisho"), EntityLookupError);

    // Bulk writes leave foreign keys to their own checks: a relation to an unknown type or entity is still
    // refused, and afterwards SQLite enforces them again for plain writes.
    auto odd = mou();
    odd.id = "odd";
    odd.type = "no_such_type";
    CHECK_THROWS_WITH(BulkWrite::run(
                          bulk, [&](Store::Writer& w) { w.put(odd); }, kBulk),
                      Catch::Contains("unknown type"));
    odd.type = "mou";
    odd.to = "nobody";
    CHECK_THROWS_AS(BulkWrite::run(
                        bulk, [&](Store::Writer& w) { w.put(odd); }, kBulk),
                    StorageError);
    CHECK(test::database_dump(dir / "bulk.db") == before);
    odd.to = "vn-moh";
    odd.type = "no_such_type";  // and a plain write
    CHECK_THROWS_WITH(bulk.write([&](Store::Writer& w) { w.put(odd); }), Catch::Contains("unknown type"));
    CHECK_FALSE(bulk.relation("odd").has_value());
}

TEST_CASE("a version 1 database gains an instance number on upgrade", "[core][store]") {
    TempDir dir;
    { (void)seeded(dir / "k.db"); }
    {
        SQLite::Database db((dir / "k.db").string(), SQLite::OPEN_READWRITE);
        db.exec("DELETE FROM meta WHERE key = 'instance'; PRAGMA user_version = 1");
    }
    CHECK_THROWS_WITH(Store::open(dir / "k.db", Store::Mode::ReadOnly), Catch::Contains("needs an upgrade"));
    { (void)Store::open(dir / "k.db", Store::Mode::ReadWrite); }
    Store store = Store::open(dir / "k.db", Store::Mode::ReadOnly);
    CHECK(store.schema_version() == Store::latest_schema_version());
    SQLite::Database db((dir / "k.db").string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM meta WHERE key = 'instance'").getInt() == 1);
    CHECK(store.entity("vn-moh").has_value());
}

namespace {

// A seeded database turned back into an older one (old_sql restores what that version had), then opened
// for writing: the schema objects after the upgrade.
std::set<std::string> upgrade(const std::filesystem::path& db, const std::string& old_sql, int old_version) {
    { (void)seeded(db); }
    {
        SQLite::Database sqlite(db.string(), SQLite::OPEN_READWRITE);
        sqlite.exec(old_sql + "; PRAGMA user_version = " + std::to_string(old_version));
    }
    { (void)Store::open(db, Store::Mode::ReadWrite); }
    CHECK(Store::open(db, Store::Mode::ReadOnly).schema_version() == Store::latest_schema_version());
    return schema_objects(db);
}

}  // namespace

TEST_CASE("a version 3 database loses its unused kind and country indexes on upgrade", "[core][store]") {
    TempDir dir;
    const auto objects = upgrade(dir / "k.db",
                                 "CREATE INDEX entities_kind ON entities(kind); "
                                 "CREATE INDEX entities_country ON entities(country)",
                                 3);
    CHECK(objects.count("entities_kind") == 0);
    CHECK(objects.count("entities_country") == 0);
    CHECK(objects.count("entity_names_key") == 1);
    CHECK(Store::open(dir / "k.db", Store::Mode::ReadOnly).resolve("MOH").id == "vn-moh");
}

TEST_CASE("a version 15 database gains relation endpoint indexes on upgrade", "[core][store]") {
    TempDir dir;
    const auto objects = upgrade(dir / "k.db", "DROP INDEX relations_src; DROP INDEX relations_dst", 15);
    CHECK(objects.count("relations_src") == 1);
    CHECK(objects.count("relations_dst") == 1);
    Store store = Store::open(dir / "k.db", Store::Mode::ReadWrite);
    CHECK(store.relation("kanagawa-vn-moh-mou-2024") == mou());
    // Deleting an entity checks the relations' foreign keys to it through them.
    SQLite::Database db((dir / "k.db").string(), SQLite::OPEN_READONLY);
    SQLite::Statement plan(db, "EXPLAIN QUERY PLAN SELECT 1 FROM relations WHERE dst = 1");
    REQUIRE(plan.executeStep());
    CHECK_THAT(plan.getColumn(3).getString(), Catch::Contains("relations_dst"));
}

TEST_CASE("a version 5 database's name search gathers more in memory after the upgrade", "[core][store]") {
    TempDir dir;
    (void)upgrade(dir / "k.db", "DELETE FROM name_search_config WHERE k = 'hashsize'", 5);
    SQLite::Database db((dir / "k.db").string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT v FROM name_search_config WHERE k = 'hashsize'").getInt64() == 64 << 20);
    CHECK(Store::open(dir / "k.db", Store::Mode::ReadOnly).resolve("Bo Y te").id == "vn-moh");
}

namespace {

// The entity ids a name search finds.
std::vector<std::string> found_ids(const Store& store, const std::string& text) {
    std::vector<std::string> ids;
    for (const auto& e : store.search(text, 10)) ids.push_back(e.id);
    return ids;
}

// The row numbers of the bulk name search index that match a text (stale ones included).
std::int64_t bulk_index_hits(const std::filesystem::path& path, const std::string& text) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    SQLite::Statement count(db, "SELECT count(*) FROM name_search WHERE name_search MATCH ?");
    count.bind(1, "\"" + text + "\"");
    count.executeStep();
    return count.getColumn(0).getInt64();
}

std::int64_t rows_counted(const std::filesystem::path& path, const std::string& sql) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
}

}  // namespace

TEST_CASE(
    "a version 16 database's names stay searchable after the upgrade; small writes go to the recent "
    "index and a bulk write folds it into the bulk one",
    "[core][store]") {
    TempDir dir;
    const auto path = dir / "k.db";
    // Version 16: one name search index kept by two triggers.
    const auto objects = upgrade(
        path,
        "DROP TRIGGER entity_names_ai; DROP TRIGGER entity_names_ai_folded; DROP TRIGGER entity_names_ad; "
        "DROP TRIGGER entity_names_ad_folded; DROP TABLE name_recent; DROP TABLE name_tombstones; "
        "DELETE FROM meta WHERE key = 'names_folded'; "
        "CREATE TRIGGER entity_names_ai AFTER INSERT ON entity_names BEGIN "
        "INSERT INTO name_search(rowid, key) VALUES (new.nid, new.key); END; "
        "CREATE TRIGGER entity_names_ad AFTER DELETE ON entity_names BEGIN "
        "INSERT INTO name_search(name_search, rowid, key) VALUES ('delete', old.nid, old.key); END; "
        "INSERT INTO name_search(name_search) VALUES ('rebuild')",
        16);
    CHECK(objects.count("entity_names_ai_folded") == 1);
    CHECK(objects.count("entity_names_ad_folded") == 1);
    CHECK(rows_counted(path, "SELECT value FROM meta WHERE key = 'names_folded'") ==
          rows_counted(path, "SELECT max(nid) FROM entity_names"));
    Store store = Store::open(path, Store::Mode::ReadWrite);
    CHECK(found_ids(store, "nagawa Pref") == std::vector<std::string>{"kanagawa"});
    CHECK(store.resolve("Bo Y te").id == "vn-moh");

    // A small write renames a folded entity (not the last one: its names take new numbers) and adds one:
    // the old name is gone from the answers at once (noted, still in the bulk index), the new names are
    // found (in the recent index).
    (void)store.write([](Store::Writer& w) {
        w.put(named("vn-moh", "Health Ministry Hanoi", "保健省ハノイ"));
        w.put(named("xylo", "Xylophone Works", "木琴工房"));
    });
    CHECK(found_ids(store, "Bo Y te").empty());
    CHECK(found_ids(store, "Ministry Hanoi") == std::vector<std::string>{"vn-moh"});
    CHECK(found_ids(store, "木琴工") == std::vector<std::string>{"xylo"});
    CHECK(bulk_index_hits(path, "bo y te") == 1);
    CHECK(rows_counted(path, "SELECT count(*) FROM name_tombstones") > 0);
    CHECK(bulk_index_hits(path, "Xylophone") == 0);

    // A bulk write folds: every name in the bulk index, none stale, the recent index empty.
    (void)BulkWrite::run(
        store, [](Store::Writer& w) { w.put(named("zither", "Zither Hall", "ツィター館")); },
        BulkWrite::Size{1'000'000, 0});
    CHECK(bulk_index_hits(path, "bo y te") == 0);
    CHECK(bulk_index_hits(path, "Ministry Hanoi") == 1);
    CHECK(bulk_index_hits(path, "Xylophone") == 1);
    CHECK(bulk_index_hits(path, "Zither") > 0);
    CHECK(rows_counted(path, "SELECT count(*) FROM name_tombstones") == 0);
    CHECK(rows_counted(path, "SELECT count(*) FROM name_recent WHERE name_recent MATCH 'ith'") == 0);
    CHECK(found_ids(store, "Zither") == std::vector<std::string>{"zither"});
    CHECK(found_ids(store, "木琴工") == std::vector<std::string>{"xylo"});

    // A bulk write rewriting the last entity's names writes them under the row numbers they had.
    (void)BulkWrite::run(
        store, [](Store::Writer& w) { w.put(named("zither", "Zither Palace", "ツィター館")); },
        BulkWrite::Size{1'000'000, 0});
    CHECK(found_ids(store, "Zither Palace") == std::vector<std::string>{"zither"});
    CHECK(found_ids(store, "Zither Hall").empty());
    CHECK(bulk_index_hits(path, "Zither Palace") == 1);
    CHECK(bulk_index_hits(path, "Zither Hall") == 0);

    // The last entity's names removed, a new entity's names take their row numbers (at most the folded
    // one): the bulk index's entries of those numbers are put right then.
    (void)store.write([](Store::Writer& w) { w.remove_entity("zither"); });
    (void)store.write([](Store::Writer& w) { w.put(named("yam", "Yamabuki Foods", "山吹食品")); });
    CHECK(rows_counted(path,
                       "SELECT min(n.nid) FROM entity_names n JOIN entities e ON e.eid = n.eid "
                       "WHERE e.id = 'yam'") <=
          rows_counted(path, "SELECT value FROM meta WHERE key = 'names_folded'"));
    CHECK(found_ids(store, "Zither").empty());
    CHECK(bulk_index_hits(path, "Zither") == 0);
    CHECK(found_ids(store, "Yamabuki") == std::vector<std::string>{"yam"});
    CHECK(found_ids(store, "山吹食") == std::vector<std::string>{"yam"});
}

TEST_CASE("a version 10 database gains the kind vocabulary on upgrade, its data unchanged", "[core][store]") {
    TempDir dir;
    (void)upgrade(dir / "k.db", "DROP TABLE entity_kinds", 10);
    Store store = Store::open(dir / "k.db", Store::Mode::ReadOnly);
    CHECK(store.entity_kinds() == default_entity_kinds());
    CHECK(store.relation("kanagawa-vn-moh-mou-2024") == mou());
}

TEST_CASE("a version 11 database's sources are stored once per document on upgrade", "[core][store]") {
    TempDir dir;
    // Back to version 11: every source a JSON object in its row, no documents table.
    const std::string to_objects =
        " SET sources = (SELECT json_group_array(json_object('locator', s.value ->> 1, 'title', d.title, "
        "'url', nullif(d.url, ''))) FROM json_each(sources) s JOIN documents d ON d.did = s.value ->> 0)";
    (void)upgrade(
        dir / "k.db",
        "UPDATE entities" + to_objects + "; UPDATE relations" + to_objects + "; DROP TABLE documents", 11);
    {
        SQLite::Database db((dir / "k.db").string(), SQLite::OPEN_READONLY);
        // "Seed" at two addresses and "Other" without one: three documents.
        CHECK(db.execAndGet("SELECT count(*) FROM documents").getInt() == 3);
        CHECK(db.execAndGet("SELECT count(*) FROM relations WHERE sources LIKE '%title%'").getInt() == 0);
    }
    Store store = Store::open(dir / "k.db", Store::Mode::ReadWrite);
    CHECK(store.relation("kanagawa-vn-moh-mou-2024") == mou());
    CHECK(store.entity(full_entity().id) == full_entity());
    // The upgrade wrote what a write writes: the same rows again change nothing.
    CHECK(store
              .write([](Store::Writer& w) {
                  w.put(full_entity());
                  w.put(mou());
              })
              .total() == 0);
}

TEST_CASE("a document cited by many rows is stored once, each row keeping its own locator", "[core][store]") {
    TempDir dir;
    Store store = seeded(dir / "k.db");
    std::vector<Relation> relations;
    for (int i = 0; i < 60; ++i) {
        Relation r = mou();
        r.id = "cited-" + std::to_string(i);
        r.sources = {Source{"Registry", "https://example.org/registry", "row " + std::to_string(i)}};
        if (i % 3 == 0) r.sources.push_back(Source{"Seed", "https://www.pref.kanagawa.jp/", ""});
        relations.push_back(r);
    }
    // Both ways in: a small write and the bulk path.
    (void)store.write([&](Store::Writer& w) {
        for (int i = 0; i < 30; ++i) w.put(relations[i]);
    });
    (void)BulkWrite::run(
        store,
        [&](Store::Writer& w) {
            for (int i = 30; i < 60; ++i) w.put(relations[i]);
        },
        BulkWrite::Size{0, 1'000'000});
    for (const auto& r : relations) CHECK(store.relation(r.id) == r);
    SQLite::Database db((dir / "k.db").string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM documents WHERE title = 'Registry'").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM documents WHERE title = 'Seed'").getInt() == 2);
}

TEST_CASE("a bulk write into an empty database is atomic and leaves it in WAL mode", "[core][store]") {
    TempDir dir;
    const BulkWrite::Size kBulk{1'000'000, 1'000'000};
    auto journal_mode = [&] {
        SQLite::Database db((dir / "k.db").string(), SQLite::OPEN_READONLY);
        return db.execAndGet("PRAGMA journal_mode").getString();
    };
    auto put_all = [](Store::Writer& w) {
        w.put(full_entity());
        w.put(named("kanagawa", "Kanagawa Prefecture", "神奈川県"));
        w.put(mou());
    };
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    REQUIRE(store.empty());
    // Written with a rollback journal (nothing to keep readers from): a failure still leaves nothing.
    CHECK_THROWS_AS(BulkWrite::run(
                        store,
                        [&](Store::Writer& w) {
                            put_all(w);
                            throw InvalidDataError("stop halfway");
                        },
                        kBulk),
                    InvalidDataError);
    CHECK(store.empty());
    CHECK(journal_mode() == "wal");
    SECTION("alone") { CHECK(BulkWrite::run(store, put_all, kBulk).total() == 3); }
    SECTION("while another connection has the database open (the log stays)") {
        SQLite::Database reader((dir / "k.db").string(), SQLite::OPEN_READONLY);
        CHECK(reader.execAndGet("SELECT count(*) FROM entities").getInt() == 0);
        CHECK(BulkWrite::run(store, put_all, kBulk).total() == 3);
        CHECK(reader.execAndGet("SELECT count(*) FROM relations").getInt() == 1);
    }
    CHECK_FALSE(store.empty());
    CHECK(journal_mode() == "wal");
    CHECK(store.relation("kanagawa-vn-moh-mou-2024") == mou());
    CHECK(store.resolve("神奈川").id == "kanagawa");
}

TEST_CASE("relations written several to a statement keep their order with removals and count their changes",
          "[core][store]") {
    TempDir dir;
    Store store = seeded(dir / "k.db");
    auto numbered = [](int i) {
        Relation r = mou();
        std::ostringstream id;  // (not "r" + std::to_string(i): g++ 12 warns falsely about that)
        id << 'r' << i;
        r.id = id.str();
        return r;
    };
    const auto summary = store.write([&](Store::Writer& w) {
        for (int i = 0; i < 70; ++i) w.put(numbered(i));  // two full statements and a rest
        w.remove_relation("r5");                          // r5 is written before it is removed
        w.put(mou());                                     // unchanged: no change
        w.remove_relation("r69");
        w.put(numbered(69));  // and back
    });
    CHECK(summary.relations_changed == 70 + 1 + 0 + 1 + 1);
    CHECK(store.relation_count() == 1 + 70 - 1);
    CHECK_FALSE(store.relation("r5").has_value());
    CHECK(store.relation("r69") == numbered(69));
    CHECK(store.relation("r4") == numbered(4));
}

TEST_CASE("an entity is encoded with NFC names and each search name once per language and key",
          "[core][store]") {
    Entity e = named("vn-moh", "Ministry of Health", "",
                     "Bo\xCC\xA3\xCC\x82 Y te\xCC\x82\xCC\x81");  // Bộ Y tế, decomposed
    e.aliases = {"MOH", "\xEF\xBC\xAD\xEF\xBC\xAF\xEF\xBC\xA8", "ministry of health"};  // MOH, ＭＯＨ
    const auto encoded = encode(e);
    CHECK(encoded.name_vi == "Bộ Y tế");
    CHECK(encoded.name_ja.empty());
    CHECK(encoded.aliases == R"(["MOH","ＭＯＨ","ministry of health"])");
    std::vector<std::pair<std::string, std::string>> names;
    for (const auto& n : encoded.search_names) names.emplace_back(n.lang, n.name);
    // ＭＯＨ has MOH's key; "ministry of health" has the English name's key, but as an alias.
    CHECK(names == std::vector<std::pair<std::string, std::string>>{{"id", "vn-moh"},
                                                                    {"en", "Ministry of Health"},
                                                                    {"vi", "Bộ Y tế"},
                                                                    {"alias", "MOH"},
                                                                    {"alias", "ministry of health"}});
    CHECK(encoded.search_names[2].key == "bo y te");
}

TEST_CASE("a version 14 database's latest change gets the data's stamp on upgrade, the others none",
          "[core][store]") {
    TempDir dir;
    {
        Store store = seeded(dir / "k.db");
        (void)store.write([](Store::Writer& w) { w.remove_relation("kanagawa-vn-moh-mou-2024"); });
    }
    (void)upgrade(dir / "k.db",
                  "DROP INDEX changes_generation; ALTER TABLE changes DROP COLUMN generation; "
                  "ALTER TABLE changes DROP COLUMN data_version",
                  14);
    SQLite::Database db((dir / "k.db").string(), SQLite::OPEN_READONLY);
    REQUIRE(db.execAndGet("SELECT count(*) FROM changes").getInt() >= 2);
    const auto stamped = db.execAndGet(
                               "SELECT count(*) FROM changes WHERE seq = (SELECT max(seq) FROM changes) AND "
                               "generation = (SELECT value FROM meta WHERE key = 'generation') AND "
                               "data_version = (SELECT value FROM meta WHERE key = 'data_version')")
                             .getInt();
    CHECK(stamped == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM changes WHERE generation IS NULL").getInt() ==
          db.execAndGet("SELECT count(*) FROM changes").getInt() - 1);
}

TEST_CASE("every write's change carries the data stamp it produced", "[core][store]") {
    TempDir dir;
    Store store = seeded(dir / "k.db");
    (void)store.write([](Store::Writer& w) { w.remove_relation("kanagawa-vn-moh-mou-2024"); });
    const auto stamp = store.data_stamp();
    SQLite::Database db((dir / "k.db").string(), SQLite::OPEN_READONLY);
    SQLite::Statement latest(db, "SELECT generation, data_version FROM changes ORDER BY seq DESC LIMIT 1");
    REQUIRE(latest.executeStep());
    CHECK(latest.getColumn(0).getInt64() == stamp.generation);
    CHECK(latest.getColumn(1).getInt64() == stamp.version);
}
