#include "kizuna/core/graph.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "generated_graph.h"
#include "kizuna/core/bulk_write.h"
#include "kizuna/core/graph_internals.h"
#include "kizuna/core/store.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

// Each relation of the store, by id: (from, to, type, start).
using Facts = std::map<std::string, std::tuple<std::string, std::string, std::string, std::string>>;

Facts from_store(const Store& store) {
    Facts facts;
    store.for_each_relation([&](const Relation& r) {
        facts[r.id] = {r.from, r.to, r.type, r.start ? r.start->to_string() : ""};
    });
    return facts;
}

Facts from_graph(const Store& store, const Graph& graph) {
    Facts facts;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (graph.removed(r)) continue;  // by a delta
        const Relation relation = store.relation_at(graph.relation_key(r));
        facts[relation.id] = {std::string(graph.entity_id(graph.from(r))),
                              std::string(graph.entity_id(graph.to(r))), graph.type(r).id,
                              graph.start(r) ? graph.start(r)->to_string() : ""};
    }
    return facts;
}

// Each vertex's half-edges as the traversals see them: (neighbour id, relation id, type, start, end).
using Adjacency =
    std::map<std::string, std::multiset<std::tuple<std::string, std::string, std::string, int, int>>>;

Adjacency adjacency(const Store& store, const Graph& graph) {
    Adjacency out;
    const auto& half_edges = GraphInternals::half_edges(graph);
    for (VertexId v = 0; v < graph.vertex_count(); ++v) {
        auto& row = out[std::string(graph.entity_id(v))];
        // Outgoing relations by target, then incoming ones by source.
        std::pair<bool, VertexId> previous{false, 0};
        for (auto [e, end] = out_edges(v, half_edges); e != end; ++e) {
            const std::pair<bool, VertexId> key{e->half.reversed(), e->target};
            CHECK(key >= previous);
            previous = key;
            const HalfEdge half = e->half;
            const RelationIndex r = half.relation();
            // The half-edge leaves v and reaches the relation's other end.
            CHECK(e->source == v);
            CHECK((half.reversed() ? graph.to(r) : graph.from(r)) == v);
            CHECK(e->target == (half.reversed() ? graph.from(r) : graph.to(r)));
            row.emplace(std::string(graph.entity_id(e->target)), store.relation_at(graph.relation_key(r)).id,
                        graph.type(r).id, graph.start(r) ? graph.start(r)->packed() : 0,
                        graph.end(r) ? graph.end(r)->packed() : 0);
        }
        CHECK(out_degree(v, half_edges) == row.size());
    }
    // Relations are ordered by their from entity (a relation's index is its place in the CSR; with a
    // delta, its rank is).
    std::vector<RelationIndex> ranked;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (!graph.removed(r)) ranked.push_back(r);
    }
    std::sort(ranked.begin(), ranked.end(), [&](RelationIndex a, RelationIndex b) {
        return graph.relation_rank(a) < graph.relation_rank(b);
    });
    for (std::size_t i = 1; i < ranked.size(); ++i)
        CHECK(graph.entity_id(graph.from(ranked[i - 1])) <= graph.entity_id(graph.from(ranked[i])));
    return out;
}

// The neighbours of every entity according to the store itself.
Adjacency adjacency(const Store& store) {
    Adjacency out;
    store.for_each_entity([&](const Entity& e) { out[e.id]; });
    store.for_each_relation([&](const Relation& r) {
        const int start = r.start ? r.start->packed() : 0, end = r.end ? r.end->packed() : 0;
        out[r.from].emplace(r.to, r.id, r.type, start, end);
        out[r.to].emplace(r.from, r.id, r.type, start, end);
    });
    return out;
}

void check_consistent(const Store& store) {
    // From SQLite, then from the cache that load() finds or writes: both are the store's graph.
    const Graph built = Graph::build(store);
    CHECK(adjacency(store, built) == adjacency(store));
    const Graph cached = Graph::load(store);
    CHECK(cached.data_stamp().generation == store.generation());
    CHECK(adjacency(store, cached) == adjacency(store));
    const Graph graph = Graph::load(store);
    CHECK(graph.vertex_count() == static_cast<std::size_t>(store.entity_count()));
    CHECK(graph.live_relation_count() == static_cast<std::size_t>(store.relation_count()));
    CHECK(from_graph(store, graph) == from_store(store));
    // Vertices are in id order and find() inverts entity_id().
    for (VertexId v = 0; v + 1 < graph.vertex_count(); ++v)
        CHECK(graph.entity_id(v) < graph.entity_id(v + 1));
    for (VertexId v = 0; v < graph.vertex_count(); ++v) CHECK(graph.find(graph.entity_id(v)) == v);
    CHECK_FALSE(graph.find("no-such-entity").has_value());
}

}  // namespace

TEST_CASE("the compact graph matches the store after inserts, updates, deletes and reopen", "[core][graph]") {
    test::TempDir dir;
    const auto generated = test::generate(300, 1500, 7, test::Shape::PowerLaw);
    {
        Store store = Store::open(dir / "g.db", Store::Mode::Create);
        test::write_to_store(store, generated);
        check_consistent(store);

        // Update: move some relations to other endpoints and change their type; delete others.
        (void)store.write([&](Store::Writer& w) {
            for (int i = 0; i < 50; ++i) {
                char id[16];
                std::snprintf(id, sizeof id, "r%06d", i);
                auto relation = *store.relation(id);
                relation.to = "e000299";
                if (relation.from == relation.to) relation.from = "e000298";
                relation.type = "acquisition";
                w.put(relation);
            }
            for (int i = 100; i < 130; ++i) w.remove_relation("r000" + std::to_string(i));
        });
        CHECK(store.relation_count() == 1470);
        check_consistent(store);
    }
    Store reopened = Store::open(dir / "g.db", Store::Mode::ReadOnly);
    check_consistent(reopened);
    CHECK(std::get<1>(from_store(reopened).at("r000000")) == "e000299");
    CHECK_FALSE(reopened.relation("r000100").has_value());
}

TEST_CASE("the graph cache is used only for its own database at its own generation", "[core][graph]") {
    test::TempDir dir;
    const auto generated = test::generate(200, 800, 11, test::Shape::PowerLaw);
    Store store = Store::open(dir / "a.db", Store::Mode::Create);
    test::write_to_store(store, generated);
    const auto cache = Graph::cache_path(store.path());
    CHECK(cache == std::filesystem::path((dir / "a.db").string() + "-graph"));
    CHECK_FALSE(std::filesystem::exists(cache));
    const auto expected = adjacency(store);
    int builds = 0;  // told before each build from the store (the CLI says why the user waits)
    const auto count_build = [&builds] { ++builds; };
    CHECK(adjacency(store, Graph::load(store, count_build)) == expected);  // built, and the cache written
    CHECK(builds == 1);
    REQUIRE(std::filesystem::exists(cache));
    const auto written = std::filesystem::last_write_time(cache);
    CHECK(adjacency(store, Graph::load(store, count_build)) == expected);  // read from the cache
    CHECK(builds == 1);
    CHECK(std::filesystem::last_write_time(cache) == written);

    SECTION("a write makes the cache stale") {
        // A removal: the cache plus a delta of it (graph_delta.h), no build.
        (void)store.write([&](Store::Writer& w) { w.remove_relation("r000001"); });
        const Graph graph = Graph::load(store, count_build);
        CHECK(builds == 1);
        CHECK(graph.has_delta());
        CHECK(graph.live_relation_count() == 799);
        CHECK(adjacency(store, graph) == adjacency(store));
        // A relation type added to the vocabulary: built anew.
        (void)store.write([&](Store::Writer& w) {
            RelationType type;
            type.id = "advises";
            type.label_en = "advises";
            w.put(type);
        });
        const Graph rebuilt = Graph::load(store, count_build);
        CHECK(builds == 2);
        CHECK_FALSE(rebuilt.has_delta());
        CHECK(rebuilt.relation_count() == 799);
        CHECK(adjacency(store, rebuilt) == adjacency(store));
    }
    SECTION("a damaged cache is ignored and rewritten") {
        const auto size = std::filesystem::file_size(cache);
        for (const auto cut : {std::uintmax_t{10}, size / 2, size - 1}) {
            std::filesystem::resize_file(cache, cut);
            CHECK(adjacency(store, Graph::load(store)) == expected);
            CHECK(std::filesystem::file_size(cache) == size);
        }
        // Same size, a vertex number out of range in the endpoint arrays: rejected, not followed.
        {
            std::fstream file(cache, std::ios::in | std::ios::out | std::ios::binary);
            file.seekp(-4, std::ios::end);
            const std::uint32_t huge = 0xFFFFFFF0U;
            file.write(reinterpret_cast<const char*>(&huge), sizeof huge);
        }
        CHECK(adjacency(store, Graph::load(store)) == expected);
        // Trailing bytes are damage too.
        std::ofstream(cache, std::ios::app | std::ios::binary) << "x";
        CHECK(adjacency(store, Graph::load(store)) == expected);
        CHECK(std::filesystem::file_size(cache) == size);
    }
    SECTION("another database's cache is not taken, even at the same generation") {
        Store other = Store::open(dir / "b.db", Store::Mode::Create);
        test::write_to_store(other, test::generate(200, 800, 12, test::Shape::Uniform));
        REQUIRE(other.generation() == store.generation());
        std::filesystem::copy_file(cache, Graph::cache_path(other.path()));
        CHECK(adjacency(other, Graph::load(other)) == adjacency(other));
    }
    SECTION("a folder that cannot be written still answers") {
        std::filesystem::remove(cache);
        std::filesystem::create_directory(cache);  // a directory where the file would go: writing fails
        CHECK_FALSE(Graph::save_cache(store, Graph::build(store)));
        CHECK(adjacency(store, Graph::load(store)) == expected);
        CHECK(std::filesystem::is_directory(cache));
    }
}

TEST_CASE("graph memory is counted", "[core][graph]") {
    test::TempDir dir;
    Store store = Store::open(dir / "m.db", Store::Mode::Create);
    test::write_to_store(store, test::generate(1000, 10000, 3, test::Shape::PowerLaw));
    const Graph graph = Graph::load(store);
    const auto use = graph.memory_use();
    // The adjacency: two 4-byte row starts per vertex (forwards, backwards); per relation a 4-byte target
    // forwards (its index is its position) and a 4-byte source and index backwards, exactly.
    CHECK(use.adjacency == 8 * (graph.vertex_count() + 1) + 12 * graph.relation_count());
    // Per relation a type code and two date codes into the distinct dates (4 bytes each), every code in
    // the fewest bytes that hold it: one for 7 types, one for up to 256 distinct dates (here 26), else two.
    std::set<std::int32_t> dates{0};
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        for (const auto& date : {graph.start(r), graph.end(r)}) {
            if (date) dates.insert(date->packed());
        }
    }
    const std::size_t date_width = dates.size() <= 256 ? 1 : 2;
    CHECK(use.relations == (1 + 2 * date_width) * graph.relation_count() + 4 * dates.size());
    // Store keys as offsets from the smallest: 10,000 relation keys and 1,000 entity keys, two bytes each.
    CHECK(use.row_ids == 2 * (graph.relation_count() + graph.vertex_count()));
    CHECK(use.total() == use.adjacency + use.relations + use.row_ids + use.entities);
    // The same from the cache.
    CHECK(Graph::load(store).memory_use().total() == use.total());
}

TEST_CASE("a relation whose entity row is missing is a storage error, not a crash", "[core][graph]") {
    // Small, and large enough that the first relation's rows are mapped on the build's second thread.
    const std::size_t relations = GENERATE(40, 70000);
    test::TempDir dir;
    {
        Store store = Store::open(dir / "d.db", Store::Mode::Create);
        test::write_to_store(store, test::generate(relations / 2, relations, 5, test::Shape::Uniform));
    }
    {
        // Only a damaged or hand-edited file can hold this: SQLite's foreign keys refuse it otherwise.
        SQLite::Database db((dir / "d.db").string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA foreign_keys = OFF");
        db.exec("UPDATE relations SET dst = 1000000 WHERE rid = (SELECT min(rid) FROM relations)");
    }
    const Store store = Store::open(dir / "d.db", Store::Mode::ReadOnly);
    CHECK_THROWS_WITH(Graph::build(store), Catch::Contains("missing entity row 1000000"));
}

TEST_CASE("entity rows far apart (a hand-edited file) still map to their vertices", "[core][graph]") {
    test::TempDir dir;
    {
        Store store = Store::open(dir / "s.db", Store::Mode::Create);
        test::write_to_store(store, test::generate(30, 80, 9, test::Shape::Uniform));
    }
    const auto before = [&] {
        const Store store = Store::open(dir / "s.db", Store::Mode::ReadOnly);
        return adjacency(store, Graph::build(store));
    }();
    {
        // Move one entity's row far out (and its relations with it): rows are no longer dense.
        SQLite::Database db((dir / "s.db").string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA foreign_keys = OFF");
        db.exec(
            "UPDATE relations SET src = 9000000000 WHERE src = 3; UPDATE relations SET dst = 9000000000 "
            "WHERE dst = 3; "
            "UPDATE entity_names SET eid = 9000000000 WHERE eid = 3; UPDATE entities SET eid = 9000000000 "
            "WHERE eid = 3");
    }
    const Store store = Store::open(dir / "s.db", Store::Mode::ReadOnly);
    CHECK(adjacency(store, Graph::build(store)) == before);
}

namespace {

// Every column of a graph, as the public interface shows them.
struct Columns {
    std::vector<std::tuple<std::string, std::string, std::string, std::int64_t>> vertices;
    std::vector<std::tuple<VertexId, VertexId, std::string, std::optional<PartialDate>,
                           std::optional<PartialDate>, std::int64_t>>
        relations;
    friend bool operator==(const Columns&, const Columns&) = default;
};

Columns columns(const Graph& graph) {
    Columns out;
    for (VertexId v = 0; v < graph.vertex_count(); ++v) {
        out.vertices.emplace_back(std::string(graph.entity_id(v)), graph.kind(v), graph.country(v),
                                  static_cast<std::int64_t>(graph.entity_key(v)));
    }
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        out.relations.emplace_back(graph.from(r), graph.to(r), graph.type(r).id, graph.start(r), graph.end(r),
                                   static_cast<std::int64_t>(graph.relation_key(r)));
    }
    return out;
}

}  // namespace

TEST_CASE("a large write leaves the cache of the graph the store's rows make", "[core][graph][cache]") {
    test::TempDir dir;
    // Parallel relations (their order is by relation id), entities written out of id order.
    const auto generated = test::generate(300, 3000, 17, test::Shape::PowerLaw);
    auto entity = [](std::size_t i) {
        Entity e;
        e.id = "e";  // (+= : gcc 12 warns, wrongly, of overlap for "literal" + std::string)
        e.id += std::to_string(100000 + (i * 7919) % 300);  // a permutation of 0..299
        e.kind = i % 3 == 0 ? "company" : "hospital";
        e.names.en = e.id;
        e.country = i % 4 == 0 ? "" : "VN";
        return e;
    };
    auto relation = [&](std::size_t i, std::size_t number) {
        Relation r;
        r.id = "r";
        r.id += std::to_string(100000 + number);
        r.type = test::generated_types()[generated.edges[i].type];
        r.from = entity(generated.edges[i].from).id;
        r.to = entity(generated.edges[i].to).id;
        if (i % 5 != 0) r.start = PartialDate::parse(std::to_string(1990 + i % 30) + (i % 2 ? "-03" : ""));
        if (i % 7 == 0) r.end = PartialDate::parse("2030");
        return r;
    };
    const BulkWrite::Size bulk{300, 1'000'000};
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    const auto cache = Graph::cache_path(store.path());
    // Relations in id order into an empty database (an import of a sorted file): the rows written make
    // the graph. Out of id order, or into a database that has rows: the store's rows make it.
    const std::string order = GENERATE("in id order", "out of id order", "into data");
    CAPTURE(order);
    if (order == "into data") {
        (void)store.write([&](Store::Writer& w) {
            for (std::size_t i = 0; i < 300; ++i) w.put(entity(i));
            w.put(relation(0, 0));
        });
    }
    (void)BulkWrite::run(
        store,
        [&](Store::Writer& w) {
            if (order != "into data") {
                for (std::size_t i = 0; i < 300; ++i) w.put(entity(i));
            }
            for (std::size_t i = 0; i < generated.edges.size(); ++i) {
                w.put(relation(i, order == "out of id order" ? generated.edges.size() - i : i));
            }
        },
        bulk);
    REQUIRE(std::filesystem::exists(cache));
    int builds = 0;
    const Graph cached = Graph::load(store, [&] { ++builds; });
    CHECK(builds == 0);
    CHECK(cached.data_stamp() == store.data_stamp());
    CHECK(columns(cached) == columns(Graph::build(store)));
    CHECK(cached.type_relation_count(0) == Graph::build(store).type_relation_count(0));
}
