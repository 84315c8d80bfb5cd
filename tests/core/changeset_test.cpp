// The session-extension wrapper (changeset.h) on a plain SQLite table, and the history (history.h) on a
// store: records read back row by row, inverted, applied, and refused on conflict.
#include "kizuna/core/changeset.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "kizuna/core/errors.h"
#include "kizuna/core/history.h"
#include "kizuna/core/store.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

int count_of(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt(); }

}  // namespace

TEST_CASE("a recorder notes inserts, updates and deletes of the tables it watches", "[core][history]") {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(
        "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, note TEXT); CREATE TABLE other(id PRIMARY KEY);");
    db.exec("INSERT INTO t VALUES (1, 'one', 'a'), (2, 'two', 'b')");
    std::string record;
    {
        changeset::Recorder recorder(db.getHandle(), {"t"});
        db.exec("INSERT INTO t VALUES (3, 'three', NULL)");
        db.exec("UPDATE t SET name = 'uno' WHERE id = 1");
        db.exec("DELETE FROM t WHERE id = 2");
        db.exec("INSERT INTO other VALUES (9)");  // not watched
        record = recorder.changes();
    }
    std::vector<changeset::Row> rows;
    changeset::for_each_row(record, [&](const changeset::Row& row) { rows.push_back(row); });
    REQUIRE(rows.size() == 3);
    for (const auto& row : rows) CHECK(row.table == "t");
    const auto find = [&](const std::string& id) {
        for (const auto& row : rows) {
            if (row.latest(0).text == id) return row;
        }
        FAIL("no row " << id);
        return changeset::Row{};
    };
    const auto inserted = find("3");
    CHECK(inserted.op == changeset::Row::Op::Insert);
    CHECK(inserted.after[1].text == "three");
    CHECK(inserted.after[2].null);
    CHECK(inserted.key == std::vector<bool>{true, false, false});
    const auto updated = find("1");
    CHECK(updated.op == changeset::Row::Op::Update);
    CHECK(updated.before[1].text == "one");
    CHECK(updated.after[1].text == "uno");
    CHECK_FALSE(updated.after[2].present);  // unchanged columns are left out
    CHECK(find("2").op == changeset::Row::Op::Delete);

    SECTION("the inverse takes it all back") {
        CHECK(changeset::apply(db.getHandle(), changeset::invert(record)).empty());
        CHECK(count_of(db, "SELECT count(*) FROM t") == 2);
        CHECK(db.execAndGet("SELECT name FROM t WHERE id = 1").getString() == "one");
        CHECK(db.execAndGet("SELECT note FROM t WHERE id = 2").getString() == "b");
    }
    SECTION("a row changed since is a conflict, named by table and key, and is not applied") {
        db.exec("UPDATE t SET name = 'ichi' WHERE id = 1");
        const auto conflicts = changeset::apply(db.getHandle(), changeset::invert(record));
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts[0].table == "t");
        CHECK(conflicts[0].key == "1");
        CHECK(conflicts[0].what == "changed since");
        CHECK(db.execAndGet("SELECT name FROM t WHERE id = 1").getString() == "ichi");
    }
    SECTION("a damaged record ends in a StorageError or reads to its end: never a hang, never a crash") {
        std::size_t refused = 0;
        const auto read = [&](const std::string& damaged) {
            try {
                std::size_t seen = 0;
                changeset::for_each_row(damaged, [&](const changeset::Row&) { ++seen; });
                CHECK(seen <= damaged.size());
                (void)changeset::invert(damaged);
            } catch (const StorageError&) {
                ++refused;
            }
        };
        for (std::size_t cut = 1; cut < record.size(); ++cut) read(record.substr(0, cut));
        for (std::size_t at = 0; at < record.size(); ++at) {
            for (const int byte : {0x00, 0x01, 0x7f, 0x80, 0xff}) {
                std::string damaged = record;
                damaged[at] = static_cast<char>(byte);
                read(damaged);
            }
        }
        CHECK(refused > 0);
    }
}

TEST_CASE("every write of a store is a change; undo and restore go back", "[core][history]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    store.note_changes({"ana", "test", {}});
    Entity a;
    a.id = "a";
    a.kind = "company";
    a.names.en = "Alpha";
    Entity b;
    b.id = std::string(1, 'b');
    b.kind = a.kind;
    b.names.en = std::string("Beta");
    (void)store.write([&](Store::Writer& w) {
        w.put(a);
        w.put(b);
    });
    Relation r;
    r.id = std::string("r1");
    r.type = std::string("mou");
    r.from = a.id;
    r.to = b.id;
    r.sources.push_back(Source{std::string("Press"), {}, {}});
    (void)store.write([&](Store::Writer& w) { w.put(r); });
    (void)store.write([&](Store::Writer& w) { w.put(a); });  // unchanged: no change recorded
    REQUIRE(History::latest(store) == 2);
    const auto changes = History::changes(store, {});
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].author == "ana");
    CHECK(changes[0].counts.entities_changed == 2);
    CHECK(changes[1].counts.relations_changed == 1);
    CHECK(History::changes(store, {"a", "", ""}).size() == 2);
    CHECK(History::changes(store, {"", "", "bob"}).empty());
    const auto rows = History::diff(store, 2, 2).listed;
    REQUIRE(rows.size() == 1);
    const auto counted = History::diff(store, 1, 2, 1);  // listed up to the limit, all counted
    CHECK(counted.listed.size() == 1);
    CHECK(counted.total == 3);
    CHECK(History::diff(store, 1, 2, 0).listed.empty());
    CHECK(rows[0].what == "relation");
    CHECK(rows[0].name == "a (Alpha) -> b (Beta)");

    // Change 2 touched no row of change 1, but its relation names change 1's entities.
    CHECK_THROWS_WITH(History::undo(store, 1, false), Catch::Contains("later change 2"));
    const auto dry = History::undo(store, 2, true);
    CHECK(dry.change.seq == 0);
    CHECK(store.relation("r1").has_value());
    const auto undone = History::undo(store, 2, false);
    CHECK(undone.change.seq == 3);
    CHECK_FALSE(store.relation("r1").has_value());
    CHECK(History::change(store, 2).undone_by == 3);
    {
        // A relation row number freed by the undo is given again to a relation of other entities: the
        // history of b is not the new relation's.
        Store other = Store::open(dir / "k.db", Store::Mode::ReadWrite);
        Entity c = a;
        c.id = std::string(1, 'c');  // (a literal here trips g++ 12's false -Wrestrict, as above)
        c.names.en = std::string("Gamma");
        Relation r2 = r;
        r2.id = std::string("r2");
        r2.to = c.id;
        (void)other.write([&](Store::Writer& w) {
            w.put(c);
            w.put(r2);
        });
        std::vector<std::int64_t> of_b;
        for (const auto& change : History::changes(other, {"b", "", ""})) of_b.push_back(change.seq);
        CHECK(of_b == std::vector<std::int64_t>{1, 2, 3});
        CHECK(History::changes(other, {"c", "", ""}).size() == 1);
        (void)History::undo(other, 4, false);  // as it was, for what follows
    }

    History::restore(store, 2, dir / "then.db");
    const Store then = Store::open(dir / "then.db", Store::Mode::ReadOnly);
    CHECK(then.relation("r1").has_value());
    CHECK(History::latest(then) == 2);
    CHECK_THROWS_AS(History::restore(store, 2, dir / "then.db"), UsageError);  // never overwrites

    // An undo that would put the relation back to an entity removed since (rows of their own): refused
    // by the check of the relations it puts back.
    (void)store.write([&](Store::Writer& w) { w.remove_entity("b"); });
    CHECK_THROWS_WITH(History::undo(store, 3, false), Catch::Contains("rows written later still refer"));
    CHECK_FALSE(store.relation("r1").has_value());
}
