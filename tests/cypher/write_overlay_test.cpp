// The write overlay against the in-memory graph: the same writing queries run on a copy of a graph and
// on an overlay over it must answer alike, fail alike and leave the same graph, while the base itself is
// never changed.
#include "kizuna/cypher/write_overlay.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "kizuna/cypher/engine.h"
#include "kizuna/cypher/errors.h"
#include "kizuna/cypher/memory_graph.h"

using namespace kizuna;
using cypher::Map;
using cypher::Value;

namespace {

// (Appended, not "a" + text: GCC 12 warns of a false overlap in that operator.)
std::string numbered(const char* prefix, std::size_t i) {
    std::string out = prefix;
    out += std::to_string(i);
    return out;
}

// Six organisations in a line a1 - a2 - ... - a6 (mou), a1 -> a3 (part_of), a loop at a4.
cypher::MemoryGraph line_graph() {
    cypher::MemoryGraph g;
    std::vector<cypher::NodeId> n;
    for (std::size_t i = 1; i <= 6; ++i) {
        n.push_back(
            g.create_node({i % 2 ? "company" : "ministry"},
                          {{"id", Value(numbered("a", i))}, {"rank", Value(static_cast<std::int64_t>(i))}}));
    }
    for (std::size_t i = 0; i + 1 < n.size(); ++i) {
        (void)g.create_rel("mou", n[i], n[i + 1], {{"id", Value(numbered("m", i + 1))}});
    }
    (void)g.create_rel("part_of", n[0], n[2], {{"id", Value("p1")}});
    (void)g.create_rel("part_of", n[3], n[3], {{"id", Value("loop")}});
    return g;
}

// Values in one order (a query without ORDER BY may give its rows in any).
cypher::List sorted(cypher::List values) {
    std::sort(values.begin(), values.end(),
              [](const Value& a, const Value& b) { return cypher::order(a, b) < 0; });
    return values;
}

// What a graph holds, in one comparable value: every node with its labels and properties, every
// relationship with its type, ends and properties, and the count of each label.
Value contents(const cypher::PropertyGraph& g) {
    cypher::List nodes, rels;
    g.for_each_node([&](cypher::NodeId n) {
        cypher::List labels;
        for (const auto& l : g.labels(n)) labels.push_back(Value(l));
        nodes.push_back(Value(
            cypher::List{Value(static_cast<std::int64_t>(n)), Value(labels), Value(g.node_properties(n))}));
        return true;
    });
    (void)g.for_each_rel({}, 0, [&](cypher::RelId r, cypher::NodeId from, cypher::NodeId to) {
        rels.push_back(Value(cypher::List{Value(static_cast<std::int64_t>(r)), Value(g.rel_type(r)),
                                          Value(static_cast<std::int64_t>(from)),
                                          Value(static_cast<std::int64_t>(to)), Value(g.rel_properties(r))}));
        return true;
    });
    rels = sorted(std::move(rels));
    Map counts;
    for (const auto* label : {"", "company", "ministry", "hospital"})
        counts[label] = Value(static_cast<std::int64_t>(g.count_nodes(label)));
    return Value(Map{{"nodes", Value(nodes)}, {"rels", Value(rels)}, {"counts", Value(counts)}});
}

// A value as text, for the failure message.
std::string show(const Value& v) {
    std::string out;
    switch (v.type()) {
        case Value::Type::Null:
            return "null";
        case Value::Type::Bool:
            return v.as_bool() ? "true" : "false";
        case Value::Type::Int:
            return std::to_string(v.as_int());
        case Value::Type::String:
            out = "'";
            out += v.as_string();
            return out += "'";
        case Value::Type::Node:
            out = "(";
            out += std::to_string(v.as_node());
            return out += ")";
        case Value::Type::Rel:
            out = "[";
            out += std::to_string(v.as_rel());
            return out += "]";
        case Value::Type::List:
            out = "[";
            for (const auto& x : v.as_list()) out += show(x) += ", ";
            return out += "]";
        case Value::Type::Map:
            out = "{";
            for (const auto& [k, x] : v.as_map()) {
                out += k;
                out += ": ";
                out += show(x) += ", ";
            }
            return out += "}";
        default:
            return cypher::type_name(v.type());
    }
}

// The answer's rows (in one order), or the kind of error it ended with.
Value outcome(cypher::PropertyGraph& g, const std::string& query) {
    try {
        const auto result = cypher::run_query(g, query, {});
        cypher::List rows;
        for (const auto& row : result.rows) rows.push_back(Value(cypher::List(row.begin(), row.end())));
        return Value(sorted(std::move(rows)));
    } catch (const cypher::CypherError& e) {
        return Value(e.kind());
    }
}

void same_on_overlay(const std::string& query) {
    INFO(query);
    const cypher::MemoryGraph base = line_graph();
    const auto before = contents(base);
    cypher::MemoryGraph copy = base;
    cypher::WriteOverlay overlay(base, base.nodes().size(), base.relationships().size());
    const auto expected = outcome(copy, query);
    const auto got = outcome(overlay, query);
    INFO("memory graph: " << show(expected) << "\noverlay: " << show(got));
    CHECK(cypher::equivalent(got, expected));
    if (expected.type() != Value::Type::String) CHECK(cypher::equivalent(contents(overlay), contents(copy)));
    CHECK(cypher::equivalent(contents(base), before));
}

}  // namespace

TEST_CASE("a query on the write overlay reads its own writes as on the in-memory graph", "[cypher]") {
    const std::vector<std::string> queries = {
        "MATCH (a {id: 'a1'}) SET a.note = 'x', a.rank = null RETURN a.note, a.rank, keys(a)",
        "MATCH (a {id: 'a1'}) SET a.note = 'x' WITH a MATCH (b {note: 'x'}) RETURN b.id",
        "CREATE (:company {id: 'new'}) WITH 1 AS one MATCH (n {id: 'new'}) RETURN n.id, labels(n)",
        "CREATE (:company {id: 'm'}) MERGE (n:company {id: 'm'}) RETURN n.id",
        "MERGE (n:company {id: 'a1'}) ON MATCH SET n.seen = true RETURN n.seen",
        "MERGE (n:hospital {id: 'h'}) WITH n MERGE (m:hospital {id: 'h'}) RETURN count(*)",
        "MATCH (n {id: 'a2'}) DETACH DELETE n RETURN n.id",
        "MATCH (n {id: 'a2'}) DETACH DELETE n WITH 1 AS one MATCH (m) RETURN m.id",
        "MATCH (n {id: 'a2'}) DELETE n",
        "MATCH (n {id: 'a2'}) DETACH DELETE n WITH 1 AS one MATCH (a)-[r]-(b) RETURN r.id, a.id, b.id",
        "CREATE (n:company {id: 't'}) DELETE n RETURN n.id",
        "CREATE (n:company {id: 't'}) DELETE n WITH 1 AS one MATCH (m:company) RETURN m.id",
        "MATCH (n {id: 'a1'}) SET n:hospital REMOVE n:company WITH 1 AS one MATCH (h:hospital) RETURN h.id",
        "MATCH (n {id: 'a2'}) REMOVE n:ministry WITH 1 AS one MATCH (m:ministry) RETURN m.id",
        "MATCH (n {id: 'a2'}) SET n:hospital WITH 1 AS one MATCH (c:company) RETURN count(c)",
        "MATCH (a {id: 'a1'}), (b {id: 'a6'}) CREATE (a)-[:mou {id: 'new'}]->(b) WITH a "
        "MATCH (a)-[r:mou]-(x) RETURN r.id, x.id",
        "MATCH (a {id: 'a1'}), (b {id: 'a6'}) CREATE (b)-[:mou {id: 'new'}]->(a) WITH 1 AS one "
        "MATCH ()-[r:mou]->() RETURN r.id, count(*)",
        "MATCH (a {id: 'a1'}), (b {id: 'a6'}) CREATE (a)-[:mou]->(b) WITH a, b "
        "MATCH p = shortestPath((a)-[*]-(b)) RETURN length(p)",
        "MATCH (a {id: 'a3'})-[r:mou]->() DELETE r WITH 1 AS one "
        "MATCH (a {id: 'a1'}), (b {id: 'a6'}) OPTIONAL MATCH p = shortestPath((a)-[:mou*]-(b)) RETURN p",
        "MATCH ()-[r:mou {id: 'm1'}]->() DELETE r RETURN type(r)",
        "MATCH ()-[r:mou {id: 'm1'}]->() DELETE r RETURN r.id",
        "MATCH (a {id: 'a4'}) CREATE (a)-[:part_of {id: 'loop2'}]->(a) WITH a MATCH (a)-[r]-() RETURN r.id",
        "MATCH (a {id: 'a4'}) DETACH DELETE a WITH 1 AS one MATCH ()-[r]->() RETURN count(r)",
        "MATCH ()-[r {id: 'm2'}]->() SET r.start = '2020' WITH 1 AS one MATCH ()-[s]->() WHERE s.start = "
        "'2020' RETURN s.id",
        "CREATE (a:company {id: 'x'})-[:mou {id: 'xy'}]->(b:company {id: 'y'}) WITH a "
        "MATCH (a)-->(b) RETURN b.id",
        "CREATE (a:company {id: 'x'})-[:mou {id: 'xy'}]->(b:company {id: 'y'}) DELETE a",
        "UNWIND range(1, 3) AS i CREATE (:ministry {id: 'n' + toString(i)}) WITH 1 AS one "
        "MATCH (m:ministry) RETURN count(m)",
        "MATCH (n) SET n.all = true RETURN count(n)",
        "MATCH (n) DETACH DELETE n RETURN count(*)",
    };
    for (const auto& q : queries) same_on_overlay(q);
}

TEST_CASE(
    "the relationship scan of the write overlay stops and goes on where it stopped, across the base's "
    "relationships and the query's own",
    "[cypher]") {
    const cypher::MemoryGraph base = line_graph();
    cypher::WriteOverlay overlay(base, base.nodes().size(), base.relationships().size());
    (void)overlay.create_rel("mou", 1, 5, {{"id", Value("new-1")}});
    (void)overlay.create_rel("part_of", 2, 4, {{"id", Value("new-2")}});
    overlay.delete_rel(1);
    const auto scan = [&](std::size_t stop_every) {
        std::vector<cypher::RelId> seen;
        std::size_t from = 0;
        do {
            std::size_t taken = 0;
            from = overlay.for_each_rel({}, from, [&](cypher::RelId r, cypher::NodeId, cypher::NodeId) {
                seen.push_back(r);
                return ++taken < stop_every;
            });
        } while (from != cypher::PropertyGraph::npos);
        return seen;
    };
    const auto whole = scan(1000);
    CHECK(whole.size() == base.relationships().size() - 1 + 2);  // one deleted, two created
    CHECK(std::count(whole.begin(), whole.end(), cypher::RelId{1}) == 0);
    for (const std::size_t every : {1, 2, 3}) CHECK(scan(every) == whole);
}
