// A graph cache of an earlier state plus the small writes made since (graph_delta.h) is the graph a build
// from the database gives, read the same way: the same vertices, relations, fields and out-edge orders.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <boost/graph/graph_traits.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "generated_graph.h"
#include "kizuna/core/graph.h"
#include "kizuna/core/graph_internals.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/core/store.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

bool has_delta(const Graph& graph) { return GraphInternals::half_edges(graph).csr().delta != nullptr; }

std::string date_text(const std::optional<PartialDate>& date) { return date ? date->to_string() : "-"; }

// Everything a traversal or an answer reads of a graph, by entity id and relation key (a delta numbers
// the vertices and relations it adds after the cache's, a build in id order).
std::vector<std::string> described(const Graph& graph) {
    const HalfEdgeGraph& walk = GraphInternals::half_edges(graph);
    std::size_t live = 0;  // relations a loop over the numbers visits
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) live += graph.removed(r) ? 0 : 1;
    std::vector<std::string> out{"vertices " + std::to_string(graph.live_vertex_count()) + ", relations " +
                                 std::to_string(graph.live_relation_count()) + " " + std::to_string(live)};
    std::map<std::string, VertexId> by_id;
    for (VertexId v = 0; v < graph.vertex_count(); ++v) {
        if (graph.vertex_removed(v)) {
            CHECK_FALSE(graph.find(graph.entity_id(v)).has_value());
            CHECK(out_degree(v, walk) == 0);
        } else {
            by_id[std::string(graph.entity_id(v))] = v;
        }
    }
    for (const auto& [id, v] : by_id) {
        std::string line = id + " " + graph.kind(v) + " " + graph.country(v) + " key " +
                           std::to_string(static_cast<std::int64_t>(graph.entity_key(v))) + " found " +
                           (graph.find(id) == v ? "yes" : "no") + " degree " +
                           std::to_string(out_degree(v, walk)) + ":";
        auto [edge, last] = out_edges(v, walk);
        for (; edge != last; ++edge) {
            const auto r = edge->half.relation();
            line += ' ';
            line += graph.entity_id(edge->target);
            line += '/';
            line += std::to_string(static_cast<std::int64_t>(graph.relation_key(r)));
            line += edge->half.reversed() ? '<' : '>';
        }
        out.push_back(line);
    }
    std::map<std::int64_t, std::string> relations;
    auto [edge, last] = edges(walk);
    for (; edge != last; ++edge) {
        const auto r = edge->half.relation();
        relations[static_cast<std::int64_t>(graph.relation_key(r))] =
            std::string(graph.entity_id(graph.from(r))) + "->" + std::string(graph.entity_id(graph.to(r))) +
            " edge " + std::string(graph.entity_id(edge->source)) + "->" +
            std::string(graph.entity_id(edge->target)) + " " + graph.type(r).id + " " +
            std::to_string(graph.type_index(r)) + " " + date_text(graph.start(r)) + ".." +
            date_text(graph.end(r));
    }
    for (const auto& [key, line] : relations) out.push_back(std::to_string(key) + " " + line);
    for (std::size_t t = 0; t < graph.relation_types().size(); ++t)
        out.push_back(graph.relation_types()[t].id + " " + std::to_string(graph.type_relation_count(t)));
    // Ranks give a build's order of vertices and relations.
    std::vector<VertexId> vertices;
    for (VertexId v = 0; v < graph.vertex_count(); ++v) {
        if (!graph.vertex_removed(v)) vertices.push_back(v);
    }
    std::sort(vertices.begin(), vertices.end(),
              [&](VertexId a, VertexId b) { return graph.vertex_rank(a) < graph.vertex_rank(b); });
    std::string line = "vertex order";
    for (const auto v : vertices) line += " " + std::string(graph.entity_id(v));
    out.push_back(line);
    // Graph::vertices_in_order and relations_in_order walk that order, and start anywhere in it.
    const auto walked = graph.vertices_in_order();
    CHECK(std::vector<VertexId>(walked.begin(), walked.end()) == vertices);
    CHECK(walked.size() == vertices.size());
    for (std::size_t i = 0; graph.live_vertex_count() == graph.vertex_count() && i <= vertices.size(); ++i) {
        const auto at = walked.at(i);
        CHECK(std::vector<VertexId>(at, walked.end()) ==
              std::vector<VertexId>(vertices.begin() + static_cast<long>(i), vertices.end()));
    }
    std::vector<RelationIndex> ranked;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (!graph.removed(r)) ranked.push_back(r);
    }
    std::sort(ranked.begin(), ranked.end(), [&](RelationIndex a, RelationIndex b) {
        return graph.relation_rank(a) < graph.relation_rank(b);
    });
    line = "relation order";
    for (const auto r : ranked)
        line += " " + std::to_string(static_cast<std::int64_t>(graph.relation_key(r)));
    out.push_back(line);
    const auto relations_walked = graph.relations_in_order();
    CHECK(std::vector<RelationIndex>(relations_walked.begin(), relations_walked.end()) == ranked);
    // A scan stopped anywhere resumes where it stopped, removed relations or not (Cypher's batches).
    for (auto it = relations_walked.begin(); it != relations_walked.end(); ++it) {
        auto next = it;
        CHECK(relations_walked.at(it.position()) == it);
        CHECK(relations_walked.at(it.position() + 1) == ++next);
    }
    for (auto it = walked.begin(); it != walked.end(); ++it) CHECK(walked.at(it.position()) == it);
    for (std::size_t i = 0; graph.live_relation_count() == graph.relation_count() && i <= ranked.size();
         i += 7) {
        CHECK(std::vector<RelationIndex>(relations_walked.at(i), relations_walked.end()) ==
              std::vector<RelationIndex>(ranked.begin() + static_cast<long>(i), ranked.end()));
    }
    std::string kinds = "kinds", countries = "countries";
    for (const auto& kind : graph.kinds()) kinds += " " + kind;
    for (const auto& country : graph.countries()) countries += " " + country;
    out.push_back(kinds);
    out.push_back(countries);
    return out;
}

struct Loaded {
    bool built = false;  // rebuilt from the database, not the cache (with or without a delta)
    bool delta = false;
    bool same = false;  // as a build from the database describes it
};

Loaded load(const Store& store) {
    const Store::ReadTransaction read(store);
    Loaded out;
    const Graph graph = Graph::load(store, [&] { out.built = true; });
    out.delta = has_delta(graph);
    const auto expected = described(Graph::build(store));
    const auto found = described(graph);
    CHECK(found == expected);
    out.same = found == expected;
    return out;
}

Relation relation(const std::string& id, const std::string& type, const std::string& from,
                  const std::string& to, const char* start) {
    Relation r;
    r.id = id;
    r.type = type;
    r.from = from;
    r.to = to;
    r.start = PartialDate::parse(start);
    r.sources = {Source{"a registry", "", ""}};
    return r;
}

Entity entity(const std::string& id, const std::string& kind, const std::string& country) {
    Entity e;
    e.id = id;
    e.kind = kind;
    e.country = country;
    e.names.en = "Entity " + id;
    return e;
}

}  // namespace

TEST_CASE("small writes after the cache: the cache plus a delta is the graph a build gives",
          "[core][graph][delta]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    const auto generated = test::generate(60, 200, 3, test::Shape::PowerLaw);
    test::write_to_store(store, generated);
    REQUIRE(Graph::save_cache(store, Graph::build(store)));
    const auto& first = generated.edges.front();
    char from[16], to[16];
    std::snprintf(from, sizeof from, "e%06u", first.from);
    std::snprintf(to, sizeof to, "e%06u", first.to);

    // A relation between two entities there, parallel to the first one and ordered before it by id.
    (void)store.write([&](Store::Writer& w) { w.put(relation("r", "mou", from, to, "2024-05")); });
    auto loaded = load(store);
    CHECK(loaded.delta);
    CHECK_FALSE(loaded.built);

    // New entities (ids before, among and after the others') and relations to and from them; one of
    // them the highest-degree vertex's.
    (void)store.write([&](Store::Writer& w) {
        w.put(entity("a-first", "company", "JP"));
        w.put(entity("e000030x", "ministry", "VN"));
        w.put(entity("z-last", "company", "VN"));
        w.put(relation("r900", "joint_venture", "a-first", from, "2020"));
        w.put(relation("r901", "mou", to, "z-last", "2021"));
        w.put(relation("r902", "mou", "e000030x", "a-first", "2022"));
        w.put(relation("r903", "mou", "e000000", "e000030x", "2023"));
    });
    loaded = load(store);
    CHECK(loaded.delta);
    CHECK_FALSE(loaded.built);
    // An entity alone, with an id among the others'; then a relation to an entity the delta added.
    (void)store.write([&](Store::Writer& w) { w.put(entity("e000010a", "company", "JP")); });
    loaded = load(store);
    CHECK(loaded.delta);
    CHECK_FALSE(loaded.built);
    (void)store.write(
        [&](Store::Writer& w) { w.put(relation("r905", "mou", "e000010a", "z-last", "2024")); });
    loaded = load(store);
    CHECK(loaded.delta);
    CHECK_FALSE(loaded.built);

    // The dates and type of a relation of the cache, and of one of the delta; a new name for an entity.
    (void)store.write([&](Store::Writer& w) {
        auto changed = relation("r000003", "acquisition", "", "", "1999-01-02");
        char end[16];
        std::snprintf(end, sizeof end, "e%06u", generated.edges[3].from);
        changed.from = end;
        std::snprintf(end, sizeof end, "e%06u", generated.edges[3].to);
        changed.to = end;
        changed.end = PartialDate::parse("2001");
        w.put(changed);
        w.put(relation("r900", "mou", "a-first", from, "2019"));
        auto renamed = entity("e000001", "ministry", "VN");
        renamed.names.en = "Renamed";
        w.put(renamed);
    });
    loaded = load(store);
    CHECK(loaded.delta);
    CHECK_FALSE(loaded.built);

    // A removal is a delta's too.
    (void)store.write([&](Store::Writer& w) { w.remove_relation("r000005"); });
    loaded = load(store);
    CHECK(loaded.delta);
    CHECK_FALSE(loaded.built);
    (void)store.write([&](Store::Writer& w) { w.put(relation("r904", "mou", "z-last", "a-first", "2024")); });
    loaded = load(store);
    CHECK(loaded.delta);
    CHECK_FALSE(loaded.built);
}

TEST_CASE("what a delta does not cover is rebuilt", "[core][graph][delta]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_to_store(store, test::generate(30, 60, 5, test::Shape::Uniform));
    auto rebuilt_after = [&](const std::function<void(Store::Writer&)>& write) {
        REQUIRE(Graph::save_cache(store, Graph::build(store)));
        (void)store.write(write);
        const auto loaded = load(store);
        CHECK(loaded.same);
        return loaded.built && !loaded.delta;
    };
    // A relation type added to the vocabulary, and a kind's names (the graph's vocabularies change).
    CHECK(rebuilt_after([](Store::Writer& w) {
        RelationType type;
        type.id = "advises";
        type.label_en = "advises";
        w.put(type);
    }));
    CHECK(rebuilt_after([](Store::Writer& w) { w.put(EntityKind{"company", "firm", "", "", ""}); }));
    // More changed rows than a delta holds, over several changes.
    REQUIRE(Graph::save_cache(store, Graph::build(store)));
    for (int batch = 0; batch < 3; ++batch) {
        (void)store.write([&](Store::Writer& w) {
            for (int i = 0; i < 4000; ++i)
                w.put(entity("many" + std::to_string(batch * 4000 + i), "company", "JP"));
        });
    }
    const auto loaded = load(store);
    CHECK(loaded.built);
    CHECK_FALSE(loaded.delta);
}

TEST_CASE("an entity without relations removed is a delta's, the last of its country too",
          "[core][graph][delta]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_to_store(store, test::generate(30, 60, 5, test::Shape::Uniform));
    (void)store.write([](Store::Writer& w) {
        w.put(entity("e000004a", "company", "JP"));  // between e000004 and e000005, no relations
        w.put(entity("e000020a", "company", "VN"));
        w.put(entity("zz-lone", "company", "TH"));  // the only one in Thailand
    });
    REQUIRE(Graph::save_cache(store, Graph::build(store)));
    // Removed from the cache's vertices; then one added and removed again within the delta, one added.
    (void)store.write([](Store::Writer& w) { w.remove_entity("e000004a"); });
    auto loaded = load(store);
    CHECK(loaded.delta);
    CHECK_FALSE(loaded.built);
    (void)store.write([](Store::Writer& w) {
        w.put(entity("e000010b", "company", "JP"));
        w.put(entity("e000011b", "company", "VN"));
    });
    (void)store.write([](Store::Writer& w) {
        w.remove_entity("e000010b");
        w.remove_entity("e000020a");
    });
    loaded = load(store);
    CHECK(loaded.delta);
    CHECK_FALSE(loaded.built);
    {
        const Store::ReadTransaction read(store);
        const Graph graph = Graph::load(store);
        CHECK(graph.live_vertex_count() == Graph::build(store).vertex_count());
        CHECK_FALSE(graph.find("e000004a"));
        CHECK(graph.find("e000011b"));
    }
    // The last entity of a country: no entity has it any more.
    (void)store.write([](Store::Writer& w) { w.remove_entity("zz-lone"); });
    loaded = load(store);
    CHECK(loaded.delta);
    CHECK_FALSE(loaded.built);
    CHECK(loaded.same);
    const Store::ReadTransaction read(store);
    const auto countries = Graph::load(store).countries();
    CHECK(std::find(countries.begin(), countries.end(), "TH") == countries.end());
}

TEST_CASE("kinds and countries no entity had, changed and emptied are a delta's", "[core][graph][delta]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_to_store(store, test::generate(30, 60, 5, test::Shape::Uniform));
    REQUIRE(Graph::save_cache(store, Graph::build(store)));
    auto delta_after = [&](const std::function<void(Store::Writer&)>& write) {
        (void)store.write(write);
        const auto loaded = load(store);
        CHECK(loaded.same);
        return loaded.delta && !loaded.built;
    };
    auto values = [&] {
        const Store::ReadTransaction read(store);
        const Graph graph = Graph::load(store);
        return std::make_pair(graph.kinds(), graph.countries());
    };
    const auto [kinds_before, countries_before] = values();
    // New ones, each after the cache's values in the tables, listed in order among them ("" sorts first).
    CHECK(delta_after([](Store::Writer& w) {
        w.put(entity("aaa-new", "foundation", "TH"));
        w.put(entity("e000003x", "agency", ""));
        w.put(relation("r-new", "mou", "aaa-new", "e000003x", "2024"));
    }));
    CHECK(values().first.size() == kinds_before.size() + 2);
    CHECK(values().second.front().empty());
    // An entity of the cache changed to a kind and country no entity had, one to a kind the delta added.
    CHECK(delta_after([](Store::Writer& w) {
        w.put(entity("e000002", "consortium", "SG"));
        w.put(entity("e000007", "foundation", "JP"));
    }));
    // Back as they were; the added ones' last entities removed: the values are the cache's again.
    CHECK(delta_after([](Store::Writer& w) {
        w.put(entity("e000002", "ministry", "JP"));
        w.remove_relation("r-new");
        w.remove_entity("aaa-new");
        w.remove_entity("e000003x");
    }));
    CHECK(values().second == countries_before);
    {
        const Store::ReadTransaction read(store);
        const Graph graph = Graph::load(store);
        CHECK(graph.kind(*graph.find("e000007")) == "foundation");
        CHECK(graph.kind(*graph.find("e000002")) == "ministry");
    }
    CHECK(delta_after([](Store::Writer& w) { w.put(entity("e000007", "ministry", "VN")); }));
    CHECK(values() == std::make_pair(kinds_before, countries_before));
}

TEST_CASE("a snapshot with a delta answers with the rows of its own state", "[core][graph][delta]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_to_store(store, test::generate(20, 40, 7, test::Shape::Uniform));
    REQUIRE(Graph::save_cache(store, Graph::build(store)));
    (void)store.write([](Store::Writer& w) { w.put(relation("rn", "mou", "e000001", "e000003", "2024")); });
    const Snapshot snapshot = Snapshot::take(store);
    REQUIRE(has_delta(snapshot.graph()));
    const VertexId v = snapshot.vertex("e000001");
    CHECK(snapshot.entity(v).names.en == "Entity 1");
    const auto r = static_cast<RelationIndex>(snapshot.graph().relation_count() - 1);
    CHECK(snapshot.relation(r).id == "rn");
    CHECK(snapshot.graph().from(r) == v);
    CHECK(snapshot.graph().to(r) == snapshot.vertex("e000003"));
}

TEST_CASE("a change whose record cannot be read means a rebuild, never a failed answer",
          "[core][graph][delta]") {
    test::TempDir dir;
    {
        Store store = Store::open(dir / "k.db", Store::Mode::Create);
        test::write_to_store(store, test::generate(30, 60, 5, test::Shape::Uniform));
        REQUIRE(Graph::save_cache(store, Graph::build(store)));
        (void)store.write(
            [](Store::Writer& w) { w.put(relation("r-after", "mou", "e000001", "e000003", "2021")); });
    }
    {
        // The last change's record cut short (a damaged file, or a layout this Kizuna does not read).
        SQLite::Database raw((dir / "k.db").string(), SQLite::OPEN_READWRITE);
        raw.exec(
            "UPDATE changes SET record = substr(record, 1, length(record) - 3) "
            "WHERE seq = (SELECT max(seq) FROM changes)");
    }
    const Store store = Store::open(dir / "k.db", Store::Mode::ReadOnly);
    const auto loaded = load(store);
    CHECK(loaded.built);
    CHECK_FALSE(loaded.delta);
    CHECK(loaded.same);
}

TEST_CASE("relations removed and moved: the cache plus a delta is the graph a build gives",
          "[core][graph][delta]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    const auto generated = test::generate(40, 150, 11, test::Shape::PowerLaw);
    test::write_to_store(store, generated);
    REQUIRE(Graph::save_cache(store, Graph::build(store)));
    auto delta_after = [&](const std::function<void(Store::Writer&)>& write) {
        (void)store.write(write);
        const auto loaded = load(store);
        CHECK(loaded.same);
        return loaded.delta && !loaded.built;
    };
    char hub[16];
    std::snprintf(hub, sizeof hub, "e%06u", generated.edges.front().from);
    // Relations of the cache removed, one of them the hub's.
    CHECK(delta_after([](Store::Writer& w) {
        w.remove_relation("r000000");
        w.remove_relation("r000007");
    }));
    // A relation's ends changed: to new ends, and its from end to one ordered before the other's.
    CHECK(delta_after(
        [](Store::Writer& w) { w.put(relation("r000001", "mou", "e000001", "e000002", "2020")); }));
    CHECK(delta_after(
        [&](Store::Writer& w) { w.put(relation("r000002", "joint_venture", "e000000", hub, "2011")); }));
    // A relation added by the delta, then removed: gone from the added ones.
    CHECK(delta_after([&](Store::Writer& w) { w.put(relation("r-brief", "mou", hub, "e000003", "2024")); }));
    CHECK(delta_after([](Store::Writer& w) { w.remove_relation("r-brief"); }));
    // A removed relation's id added again, at other ends; and moved back where it was.
    CHECK(delta_after(
        [](Store::Writer& w) { w.put(relation("r000000", "mou", "e000004", "e000005", "2022")); }));
    CHECK(delta_after([&](Store::Writer& w) {
        char end[16];
        std::snprintf(end, sizeof end, "e%06u", generated.edges[1].from);
        auto back = relation("r000001", "mou", end, "", "2020");
        std::snprintf(end, sizeof end, "e%06u", generated.edges[1].to);
        back.to = end;
        w.put(back);
    }));
    // Every relation of one vertex removed.
    std::vector<std::string> ids;
    {
        const Graph graph = Graph::build(store);
        const auto v = graph.find("e000006");
        REQUIRE(v);
        auto [edge, last] = out_edges(*v, GraphInternals::half_edges(graph));
        for (; edge != last; ++edge)
            ids.push_back(store.relation_at(graph.relation_key(edge->half.relation())).id);
    }
    REQUIRE_FALSE(ids.empty());
    CHECK(delta_after([&](Store::Writer& w) {
        for (const auto& id : ids) w.remove_relation(id);
    }));
}
