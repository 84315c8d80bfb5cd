// The query language on Kizuna's data, checked against computations written here on generated graphs
// (breadth-first searches and counts over the generated edges), against the in-memory graph holding the
// same data, and for writes that must land whole or not at all.
#include "kizuna/cypher/kizuna_graph.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <deque>
#include <random>
#include <set>

#include "generated_graph.h"
#include "kizuna/core/date_rule.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/cypher/engine.h"
#include "kizuna/cypher/memory_graph.h"
#include "kizuna/cypher/query_answer.h"
#include "temp_dir.h"

using namespace kizuna;
using cypher::Value;

namespace {

// A request built field by field: GCC 12 warns of its std::function limit as maybe uninitialised when a
// request is brace-initialised in place.
cypher::QueryRequest request_of(std::string text, cypher::Map parameters = {}) {
    cypher::QueryRequest request;
    request.text = std::move(text);
    request.parameters = std::move(parameters);
    request.lang = "en";
    return request;
}

std::string entity(std::size_t i) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "e%06zu", i);
    return buffer;
}

// Hops from `from` to every entity over the generated edges: undirected, or following from → to.
std::vector<int> distances(const test::GeneratedGraph& g, std::size_t from, bool directed) {
    std::vector<std::vector<std::size_t>> next(g.entities);
    for (const auto& e : g.edges) {
        next[e.from].push_back(e.to);
        if (!directed) next[e.to].push_back(e.from);
    }
    std::vector<int> d(g.entities, -1);
    std::deque<std::size_t> queue{from};
    d[from] = 0;
    while (!queue.empty()) {
        const auto v = queue.front();
        queue.pop_front();
        for (auto w : next[v]) {
            if (d[w] < 0) {
                d[w] = d[v] + 1;
                queue.push_back(w);
            }
        }
    }
    return d;
}

struct Fixture {
    test::GeneratedGraph generated;
    test::TempDir dir;
    Store store;
    Fixture(std::size_t n, std::size_t m, std::uint32_t seed)
        : generated(test::generate(n, m, seed, test::Shape::PowerLaw)),
          store(Store::open(dir / "g.db", Store::Mode::Create)) {
        test::write_to_store(store, generated);
    }
    cypher::QueryAnswer read(const std::string& text, cypher::Map parameters = {}) {
        const auto snapshot = Snapshot::take(store);
        return cypher::answer_reading_query(snapshot, request_of(text, std::move(parameters)));
    }
    std::int64_t number(const std::string& text, cypher::Map parameters = {}) {
        const auto answer = read(text, std::move(parameters));
        REQUIRE(answer.rows.size() == 1);
        return answer.rows[0][0].as_int();
    }
};

}  // namespace

TEST_CASE("shortestPath on Kizuna's data has the length a breadth-first search finds, both ways and directed",
          "[cypher]") {
    Fixture f(300, 900, 7);
    std::mt19937 random(11);
    std::uniform_int_distribution<std::size_t> pick(0, 299);
    for (int round = 0; round < 40; ++round) {
        const auto a = pick(random);
        const auto b = pick(random);
        if (a == b) continue;
        for (const bool directed : {false, true}) {
            INFO(entity(a) << " → " << entity(b) << (directed ? " directed" : " undirected"));
            const auto expected = distances(f.generated, a, directed)[b];
            const std::string arrow = directed ? "->" : "-";
            const auto answer = f.read("MATCH p = shortestPath((a {id: $a})-[*]" + arrow +
                                           "(b {id: $b})) RETURN length(p), [n IN nodes(p) | n.id]",
                                       {{"a", Value(entity(a))}, {"b", Value(entity(b))}});
            if (expected < 0) {
                CHECK(answer.rows.empty());
                continue;
            }
            REQUIRE(answer.rows.size() == 1);
            CHECK(answer.rows[0][0].as_int() == expected);
            const auto& hops = answer.rows[0][1].as_list();
            CHECK(hops.front().as_string() == entity(a));
            CHECK(hops.back().as_string() == entity(b));
        }
    }
}

TEST_CASE("degrees, typed counts and two-hop neighbourhoods agree with the generated edges", "[cypher]") {
    Fixture f(200, 700, 3);
    for (std::size_t v = 0; v < 200; v += 13) {
        INFO(entity(v));
        std::int64_t out = 0, any = 0, mou = 0;
        for (const auto& e : f.generated.edges) {
            out += e.from == v;
            any += (e.from == v) + (e.to == v);
            mou += ((e.from == v) + (e.to == v)) * (test::generated_types()[e.type] == "mou");
        }
        const cypher::Map id{{"id", Value(entity(v))}};
        CHECK(f.number("MATCH (a {id: $id})-[r]->() RETURN count(r)", id) == out);
        CHECK(f.number("MATCH (a {id: $id})-[r]-() RETURN count(r)", id) == any);
        CHECK(f.number("MATCH (a)-[r:mou]-() WHERE a.id = $id RETURN count(*)", id) == mou);
        const auto d = distances(f.generated, v, false);
        const auto within_two = std::count_if(d.begin(), d.end(), [](int x) { return x == 1 || x == 2; });
        CHECK(f.number("MATCH (a {id: $id})-[*1..2]-(b) WHERE b <> a RETURN count(DISTINCT b)", id) ==
              within_two);
    }
}

TEST_CASE("active() and overlaps() agree with the date rule on every relation", "[cypher]") {
    Fixture f(100, 400, 5);
    for (const char* year : {"2003", "2010", "2024"}) {
        INFO(year);
        std::int64_t active = 0;
        f.store.for_each_relation([&](const Relation& r) {
            active +=
                kizuna::activity(r.start, r.end, days_of(*PartialDate::parse(year))) == Activity::Active;
        });
        CHECK(f.number("MATCH ()-[r]->() WHERE active(r, $y) RETURN count(*)", {{"y", Value(year)}}) ==
              active);
        // Generated relations have a start and no end: alive from their start on, never unsure.
        CHECK(f.number("MATCH ()-[r]->() WHERE active(r, $y) IS NULL RETURN count(*)",
                       {{"y", Value(year)}}) == 0);
    }
    CHECK(f.number("MATCH ()-[r]->() WHERE overlaps(r, null, '2004') RETURN count(*)") ==
          f.number("MATCH ()-[r]->() WHERE r.start <= '2004' RETURN count(*)"));
}

TEST_CASE("the same queries give the same answers on Kizuna's database and on the in-memory graph",
          "[cypher]") {
    Fixture f(150, 500, 9);
    const auto snapshot = Snapshot::take(f.store);
    cypher::KizunaGraph kizuna(snapshot, "en");
    cypher::MemoryGraph memory;
    std::vector<cypher::NodeId> nodes;
    for (std::size_t i = 0; i < f.generated.entities; ++i) {
        nodes.push_back(memory.create_node({kizuna.labels(*snapshot.graph().find(entity(i)))[0]},
                                           kizuna.node_properties(*snapshot.graph().find(entity(i)))));
    }
    for (std::size_t r = 0; r < snapshot.graph().relation_count(); ++r) {
        const auto from = std::stoul(
            std::string(snapshot.graph().entity_id(snapshot.graph().from(static_cast<RelationIndex>(r))))
                .substr(1));
        const auto to = std::stoul(
            std::string(snapshot.graph().entity_id(snapshot.graph().to(static_cast<RelationIndex>(r))))
                .substr(1));
        (void)memory.create_rel(kizuna.rel_type(r), nodes[from], nodes[to], kizuna.rel_properties(r));
    }
    const std::vector<std::string> queries = {
        "MATCH (n:company) RETURN count(*)",
        "MATCH (a:company)-[:acquisition]->(b:ministry) RETURN a.id, b.id ORDER BY a.id, b.id",
        "MATCH (a {country: 'JP'})-[r]-(b {country: 'VN'}) WHERE r.start >= '2020' RETURN type(r), count(*) "
        "ORDER BY type(r)",
        "MATCH (a)-[:mou]-(b)-[:mou]-(c) WHERE a.id < c.id RETURN count(*)",
        "MATCH (a) OPTIONAL MATCH (a)-[r:part_of]->(b) WITH a, count(b) AS parents RETURN parents, count(*) "
        "ORDER BY parents",
        "MATCH p = (a {id: 'e000001'})-[*1..3]->(b) RETURN length(p), count(*) ORDER BY length(p)",
        "MATCH (a) WHERE a.id STARTS WITH 'e00001' RETURN collect(a.name) AS names",
        "MATCH (a)-[r]->(b) RETURN r.category, min(r.start), max(r.start), count(DISTINCT a) ORDER BY "
        "r.category",
    };
    for (const auto& q : queries) {
        INFO(q);
        const auto on_kizuna = cypher::run_query(kizuna, q, {});
        const auto in_memory = cypher::run_query(memory, q, {});
        REQUIRE(on_kizuna.rows.size() == in_memory.rows.size());
        for (std::size_t i = 0; i < on_kizuna.rows.size(); ++i) {
            for (std::size_t c = 0; c < on_kizuna.rows[i].size(); ++c) {
                CHECK(cypher::equivalent(on_kizuna.rows[i][c], in_memory.rows[i][c]));
            }
        }
        CHECK(!on_kizuna.rows.empty());
    }
}

TEST_CASE("a writing query lands whole or not at all, and the next read sees exactly what landed",
          "[cypher]") {
    Fixture f(50, 120, 1);
    const auto before = f.number("MATCH (n) RETURN count(n)");
    const auto relations_before = f.number("MATCH ()-[r]->() RETURN count(r)");
    SECTION("an invalid entity after a hundred valid ones writes none of them") {
        const std::string text =
            "UNWIND range(1, 100) AS i CREATE (:company {id: 'new-' + toString(i), name_en: 'New ' + "
            "toString(i)}) "
            "WITH count(*) AS made CREATE (:company {id: 'Bad Id', name_en: 'Bad'})";
        CHECK_THROWS_AS(cypher::answer_writing_query(f.store, request_of(text)), InvalidDataError);
        CHECK(f.number("MATCH (n) RETURN count(n)") == before);
    }
    SECTION("a relation of an unknown type, after deleting others, deletes nothing") {
        CHECK_THROWS_AS(
            cypher::answer_writing_query(
                f.store,
                request_of("MATCH (a {id: 'e000001'})-[r]-() DELETE r WITH count(*) AS gone "
                           "MATCH (a {id: 'e000001'}), (b {id: 'e000002'}) CREATE (a)-[:no_such]->(b)")),
            InvalidDataError);
        CHECK(f.number("MATCH ()-[r]->() RETURN count(r)") == relations_before);
    }
    SECTION("a query stopped by its row limit writes nothing") {
        cypher::QueryRequest request =
            request_of("MATCH (a), (b) CREATE (:company {id: 'x' + a.id + b.id, name_en: 'x'})");
        request.limits.max_rows = 100;
        CHECK_THROWS_AS(cypher::answer_writing_query(f.store, request), cypher::LimitReached);
        CHECK(f.number("MATCH (n) RETURN count(n)") == before);
    }
    SECTION("a valid write is seen by the next snapshot, through the rebuilt graph") {
        const auto answer = cypher::answer_writing_query(
            f.store,
            request_of(
                "MATCH (a {id: 'e000001'}), (b {id: 'e000002'}) CREATE (a)-[r:mou {start: '2025'}]->(b) "
                "CREATE (:company {id: 'fresh', name_en: 'Fresh'}) RETURN r.id"));
        REQUIRE(answer.rows.size() == 1);
        CHECK(answer.rows[0][0].as_string() == "mou-e000001-e000002");
        CHECK(answer.written.entities_changed == 1);
        CHECK(answer.written.relations_changed == 1);
        CHECK(f.number("MATCH (n) RETURN count(n)") == before + 1);
        CHECK(
            f.number(
                "MATCH (:ministry {id: 'e000001'})-[r:mou {id: 'mou-e000001-e000002'}]->() RETURN count(r)") +
                f.number("MATCH (:company {id: 'e000001'})-[r:mou {id: 'mou-e000001-e000002'}]->() RETURN "
                         "count(r)") ==
            1);
    }
    SECTION("DETACH DELETE removes the entity and its relations from the database") {
        std::int64_t touching = 0;
        for (const auto& e : f.generated.edges) touching += e.from == 3 || e.to == 3;
        (void)cypher::answer_writing_query(f.store, request_of("MATCH (n {id: 'e000003'}) DETACH DELETE n"));
        CHECK(!f.store.has_entity("e000003"));
        CHECK(f.number("MATCH ()-[r]->() RETURN count(r)") == relations_before - touching);
    }
}

TEST_CASE("a relationship scan compares r.start and r.end with a date literal exactly as their texts compare",
          "[cypher]") {
    Fixture f(60, 0, 13);
    // Dates of every precision around the literals' edges, some relations without a start or an end.
    const std::vector<std::string> dates = {"2014",       "2014-12",    "2014-12-31", "2015",       "2015-01",
                                            "2015-01-01", "2015-03",    "2015-03-01", "2015-03-31", "2015-12",
                                            "2016",       "2016-02-29", "1999-01",    "2024-11-15"};
    (void)f.store.write([&](Store::Writer& writer) {
        for (std::size_t i = 0; i < 300; ++i) {
            Relation r;
            r.id = "d";  // appended, not "d" + ...: g++ 12 warns falsely (-Wrestrict, its bug 105651)
            r.id += std::to_string(i);
            r.type = test::generated_types()[i % 2];
            r.from = entity(i % 60);
            r.to = entity((i * 7 + 1) % 60);
            if (i % 11 != 0) r.start = PartialDate::parse(dates[i % dates.size()]);
            // An end never before the start (the store refuses that).
            const auto& end = dates[(i / 3) % dates.size()];
            if (i % 3 == 0)
                r.end =
                    PartialDate::parse(r.start && end < r.start->to_string() ? r.start->to_string() : end);
            r.sources = {Source{"generated", "", ""}};
            writer.put(r);
        }
    });
    std::vector<Relation> relations;
    f.store.for_each_relation([&](const Relation& r) { relations.push_back(r); });
    const auto holds = [](const std::string& a, const std::string& op, const std::string& b) {
        return op == "<"    ? a < b
               : op == "<=" ? a <= b
               : op == ">"  ? a > b
               : op == ">=" ? a >= b
               : op == "="  ? a == b
                            : a != b;
    };
    for (const char* key : {"start", "end"}) {
        for (const std::string literal : {"2015", "2015-03", "2014-12-31", "2015-01-01", "2016-02-29", "0999",
                                          "2015-3", "2015-02-30", "x"}) {
            for (const std::string op : {"<", "<=", ">", ">=", "=", "<>"}) {
                std::int64_t expected = 0;
                for (const auto& r : relations) {
                    const auto& date = std::string(key) == "start" ? r.start : r.end;
                    expected += date && holds(date->to_string(), op, literal);
                }
                const std::string where = std::string("r.") + key + " " + op + " '" + literal + "'";
                INFO(where);
                CHECK(f.number("MATCH ()-[r]->() WHERE " + where + " RETURN count(*)") == expected);
                // The literal on the left flips the comparison.
                const std::string flipped = op[0] == '<' && op != "<>" ? ">" + op.substr(1)
                                            : op[0] == '>'             ? "<" + op.substr(1)
                                                                       : op;
                CHECK(f.number("MATCH ()-[r]->() WHERE '" + literal + "' " + flipped + " r." + key +
                               " RETURN count(*)") == expected);
            }
        }
    }
    // The literal as the graph writes dates is compared on packed dates; any other text as text.
    const auto plan = f.read("EXPLAIN MATCH ()-[r:mou]->() WHERE r.start >= '2015-03' RETURN count(*)").plan;
    CHECK(plan.find("where r.start >= '2015-03' (on packed dates)") != std::string::npos);
    const auto text_plan =
        f.read("EXPLAIN MATCH ()-[r:mou]->() WHERE r.start >= '2015-3' RETURN count(*)").plan;
    CHECK(text_plan.find("packed") == std::string::npos);
    CHECK(text_plan.find("Filter r.start >= '2015-3'") != std::string::npos);
}

TEST_CASE("a relationship matched by its id is looked up, with the rows a scan of every relationship gives",
          "[cypher]") {
    Fixture f(60, 200, 5);
    // Each query beside the same condition written so that no index serves it (r.id + '' is no property).
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"MATCH (a)-[r {id: $id}]->(b) RETURN a.id, r.id, type(r), b.id",
         "MATCH (a)-[r]->(b) WHERE r.id + '' = $id RETURN a.id, r.id, type(r), b.id"},
        {"MATCH ()-[r:mou|part_of {id: $id}]->() RETURN r.id",
         "MATCH ()-[r:mou|part_of]->() WHERE r.id + '' = $id RETURN r.id"},
        {"MATCH ()-[r {id: $id, start: '2003'}]->() RETURN r.id",
         "MATCH ()-[r]->() WHERE r.id + '' = $id AND r.start = '2003' RETURN r.id"},
        {"MATCH ()-[r]->() WHERE r.id = $id AND r.start >= '2001' RETURN r.id, r.start",
         "MATCH ()-[r]->() WHERE r.id + '' = $id AND r.start >= '2001' RETURN r.id, r.start"},
        {"MATCH (a {id: 'e000001'}), ()-[r {id: $id}]->() RETURN a.id, r.id",
         "MATCH (a {id: 'e000001'}), ()-[r]->() WHERE r.id + '' = $id RETURN a.id, r.id"},
    };
    std::size_t found = 0;
    for (const std::string id : {"r000003", "r000028", "r000199", "r000000", "no-such", ""}) {
        for (const auto& [looked_up, scanned] : pairs) {
            INFO(looked_up << " with id " << id);
            const auto by_index = f.read(looked_up, {{"id", Value(id)}});
            const auto by_scan = f.read(scanned, {{"id", Value(id)}});
            REQUIRE(by_index.rows.size() == by_scan.rows.size());
            found += by_index.rows.size();
            for (std::size_t i = 0; i < by_index.rows.size(); ++i) {
                for (std::size_t c = 0; c < by_index.rows[i].size(); ++c)
                    CHECK(cypher::equivalent(by_index.rows[i][c], by_scan.rows[i][c]));
            }
        }
    }
    CHECK(found > 6);  // most ids exist: the comparison is not of empty answers only
    CHECK_THAT(f.read("EXPLAIN MATCH ()-[r {id: 'r000003'}]->() RETURN r").plan,
               Catch::Contains("by index lookup r.id"));
    CHECK_THAT(f.read("EXPLAIN MATCH ()-[r]->() WHERE r.id = 'r000003' RETURN r").plan,
               Catch::Contains("by index lookup r.id"));
    CHECK_THAT(f.read("EXPLAIN MATCH ()-[r]->() WHERE r.id + '' = 'r000003' RETURN r").plan,
               Catch::Contains("from the graph's relation columns"));

    // In a writing query: the overlay's own relationships and deletions count.
    const auto written = cypher::answer_writing_query(
        f.store, request_of("MATCH ()-[r {id: 'r000003'}]->() SET r.note = 'seen' WITH r "
                            "MATCH ()-[s {id: 'r000003'}]->() RETURN s.note"));
    REQUIRE(written.rows.size() == 1);
    CHECK(written.rows[0][0].as_string() == "seen");
    const auto gone = cypher::answer_writing_query(
        f.store, request_of("MATCH ()-[r {id: 'r000028'}]->() DELETE r WITH count(*) AS n "
                            "OPTIONAL MATCH ()-[s {id: 'r000028'}]->() RETURN n, s"));
    REQUIRE(gone.rows.size() == 1);
    CHECK(gone.rows[0][0].as_int() == 1);
    CHECK(gone.rows[0][1].is_null());
    CHECK(f.number("MATCH ()-[r {id: 'r000028'}]->() RETURN count(r)") == 0);
    CHECK(f.number("MATCH ()-[r {id: 'r000003', note: 'seen'}]->() RETURN count(r)") == 1);
    const auto made = cypher::answer_writing_query(
        f.store,
        request_of("MATCH (a {id: 'e000001'}), (b {id: 'e000002'}) CREATE (a)-[:mou {id: 'made'}]->(b) "
                   "WITH 1 AS one MATCH (x)-[r {id: 'made'}]->(y) RETURN x.id, y.id"));
    REQUIRE(made.rows.size() == 1);
    CHECK(made.rows[0][0].as_string() == "e000001");
    CHECK(made.rows[0][1].as_string() == "e000002");
}
