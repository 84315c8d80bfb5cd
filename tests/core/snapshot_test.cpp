// One state of the data per answer, and a graph cache that cannot stand for another state.
#include "kizuna/core/snapshot.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "generated_graph.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/store.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

Entity company(const std::string& id, const std::string& name) {
    Entity e;
    e.id = id;
    e.kind = "company";
    e.names.en = name;
    return e;
}

Relation mou(const std::string& id, const std::string& from, const std::string& to) {
    Relation r;
    r.id = id;
    r.type = "mou";
    r.from = from;
    r.to = to;
    r.sources = {Source{"a registry", "", ""}};
    return r;
}

// Two companies and an MOU between them, in a new database.
Store seeded(const std::filesystem::path& db) {
    Store store = Store::open(db, Store::Mode::Create);
    (void)store.write([](Store::Writer& w) {
        w.put(company("a", "Alpha"));
        w.put(company("b", "Beta"));
        w.put(mou("ab", "a", "b"));
    });
    return store;
}

}  // namespace

TEST_CASE("a snapshot answers from one state while another connection writes", "[core][snapshot]") {
    test::TempDir dir;
    Store writer = seeded(dir / "k.db");
    (void)writer.write([](Store::Writer& w) { w.put(company("c", "Gamma")); });
    const Store reader = Store::open(dir / "k.db", Store::Mode::ReadOnly);
    const Snapshot before = Snapshot::take(reader);
    // The relation moves to other ends and the entity is renamed, in another connection's commit.
    (void)writer.write([](Store::Writer& w) {
        w.put(company("a", "Alpha renamed"));
        w.put(mou("ab", "b", "c"));
    });
    const VertexId a = before.vertex("a");
    REQUIRE(before.graph().relation_count() == 1);
    CHECK(before.entity(a).names.en == "Alpha");
    CHECK(before.relation(0).from == "a");  // the graph's relation, read as the graph saw it
    CHECK(before.store().entity("a")->names.en == "Alpha");
    CHECK(before.vertex("Alpha") == a);
    CHECK_THROWS_AS(before.vertex("Alpha renamed"), EntityLookupError);
}

TEST_CASE("after the snapshot, the next one sees the new state", "[core][snapshot]") {
    test::TempDir dir;
    Store writer = seeded(dir / "k.db");
    const Store reader = Store::open(dir / "k.db", Store::Mode::ReadOnly);
    { const Snapshot first = Snapshot::take(reader); }
    (void)writer.write([](Store::Writer& w) { w.put(company("a", "Alpha renamed")); });
    const Snapshot second = Snapshot::take(reader);
    CHECK(second.entity(second.vertex("a")).names.en == "Alpha renamed");
}

TEST_CASE("a restored backup written to since never takes the cache of the data it replaced",
          "[core][graph][cache]") {
    test::TempDir dir;
    const auto db = dir / "k.db";
    {
        Store store = Store::open(db, Store::Mode::Create);
        test::write_to_store(store, test::generate(100, 300, 1, test::Shape::Uniform));
    }
    std::filesystem::copy_file(db, dir / "backup.db");
    Store::DataStamp first_stamp;
    {
        Store store = Store::open(db, Store::Mode::ReadWrite);
        (void)store.write([](Store::Writer& w) { w.remove_relation("r000001"); });
        first_stamp = store.data_stamp();
        (void)Graph::save_cache(store, Graph::build(store));  // the cache of that state
    }
    // The backup comes back and gets a different write: the same generation as the cached state.
    std::filesystem::copy_file(dir / "backup.db", db, std::filesystem::copy_options::overwrite_existing);
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
    Store store = Store::open(db, Store::Mode::ReadWrite);
    (void)store.write([](Store::Writer& w) { w.remove_relation("r000002"); });
    REQUIRE(store.data_stamp().generation == first_stamp.generation);
    CHECK(store.data_stamp().version != first_stamp.version);
    int builds = 0;
    const Graph graph = Graph::load(store, [&] { ++builds; });
    CHECK(builds == 1);  // not taken from the cache
    CHECK(graph.relation_count() == 299);
    const Snapshot snapshot = Snapshot::take(store);
    bool has_r2 = false, has_r1 = false;
    for (RelationIndex r = 0; r < snapshot.graph().relation_count(); ++r) {
        has_r1 = has_r1 || snapshot.relation(r).id == "r000001";
        has_r2 = has_r2 || snapshot.relation(r).id == "r000002";
    }
    CHECK(has_r1);
    CHECK_FALSE(has_r2);
}

TEST_CASE("a killed cache writer's temporary file is removed by the next writer", "[core][graph][cache]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_to_store(store, test::generate(50, 100, 2, test::Shape::Uniform));
    const auto cache = Graph::cache_path(store.path());
    const std::filesystem::path abandoned = cache.string() + ".tmp999999999";  // no such process
    const std::filesystem::path unrelated = cache.string() + ".tmpnotes";
    std::ofstream(abandoned) << "half a cache";
    std::ofstream(unrelated) << "not ours";
    CHECK(Graph::save_cache(store, Graph::build(store)));
    CHECK_FALSE(std::filesystem::exists(abandoned));
    CHECK(std::filesystem::exists(unrelated));
    CHECK(std::filesystem::exists(cache));
}
