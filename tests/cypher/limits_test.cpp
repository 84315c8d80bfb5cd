// Every limit of a query holds (issue 27): the inputs that once crashed the engine or ran past their
// limits, on a generated graph of 100,000 relations, each ending within its limit plus a small margin
// with LimitReached naming the limit, or answering; writes past their time commit nothing.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "generated_graph.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/cypher/engine.h"
#include "kizuna/cypher/memory_graph.h"
#include "kizuna/cypher/parameter.h"
#include "kizuna/cypher/query_answer.h"
#include "temp_dir.h"

using namespace kizuna;
using cypher::LimitReached;
using cypher::Value;

namespace {

using Clock = std::chrono::steady_clock;
// What a limit may be overrun by on a loaded machine: the clock is read every few thousand steps.
constexpr auto kMargin = std::chrono::milliseconds(1500);

// One database of 20,000 entities and 100,000 relations, made once for the file's tests.
struct BigGraph {
    test::TempDir dir;
    Store store;
    BigGraph() : store(Store::open(dir / "big.db", Store::Mode::Create)) {
        test::write_to_store(store, test::generate(20'000, 100'000, 27, test::Shape::PowerLaw));
    }
    static BigGraph& get() {
        static BigGraph graph;
        return graph;
    }
};

cypher::Limits limits(int timeout_ms, std::size_t max_memory = cypher::Limits::kDefaultMaxMemory) {
    cypher::Limits l;
    l.timeout = std::chrono::milliseconds(timeout_ms);
    l.max_memory = max_memory;
    return l;
}

// Runs a reading query on the big graph; returns the limit that stopped it, or nothing if it answered.
std::optional<LimitReached::Limit> read_big(const std::string& text, const cypher::Limits& l,
                                            std::chrono::milliseconds& took) {
    auto& big = BigGraph::get();
    const auto snapshot = Snapshot::take(big.store);
    const auto start = Clock::now();
    try {
        (void)cypher::answer_reading_query(snapshot, {text, {}, l, "en"});
    } catch (const LimitReached& e) {
        took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
        INFO(e.what());
        return e.limit();
    }
    took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    return std::nullopt;
}

cypher::QueryResult run_small(const std::string& text, const cypher::Limits& l = {}) {
    cypher::MemoryGraph graph;
    return cypher::run_query(graph, text, {}, l);
}

std::string message_of(const std::string& text, const cypher::Limits& l) {
    try {
        (void)run_small(text, l);
    } catch (const LimitReached& e) {
        return e.what();
    }
    return "answered";
}

}  // namespace

TEST_CASE("unbounded variable-length matching on 100k relations ends at its time limit, no stack overflow",
          "[cypher][limits]") {
    std::chrono::milliseconds took{};
    const auto stopped = read_big("MATCH (a {id: 'e000001'})-[*]-(b) RETURN count(*)", limits(3000), took);
    REQUIRE(stopped == LimitReached::Limit::Time);
    CHECK(took < std::chrono::milliseconds(3000) + kMargin);
}

TEST_CASE("shortestPath and allShortestPaths over all pairs end at their time limit", "[cypher][limits]") {
    for (const std::string f : {"shortestPath", "allShortestPaths"}) {
        INFO(f);
        std::chrono::milliseconds took{};
        const auto stopped = read_big("MATCH p = " + f + "((a)-[*]-(b)) RETURN count(p)", limits(1000), took);
        REQUIRE(stopped == LimitReached::Limit::Time);
        CHECK(took < std::chrono::milliseconds(1000) + kMargin);
    }
}

TEST_CASE("UNWIND, aggregation and sorting of ten million values end at their time limit",
          "[cypher][limits]") {
    for (const std::string q : {"UNWIND range(1,10000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*)",
                                "UNWIND range(1,3000000) AS x RETURN x ORDER BY x DESC LIMIT 3",
                                "RETURN size([x IN range(1,10000000) WHERE x % 3 = 0 | x * 2])"}) {
        INFO(q);
        std::chrono::milliseconds took{};
        const auto stopped = read_big(q, limits(100), took);
        REQUIRE(stopped == LimitReached::Limit::Time);
        CHECK(took < std::chrono::milliseconds(100) + kMargin);
    }
}

TEST_CASE("regular expressions run in linear time: no recursion, no catastrophic backtracking",
          "[cypher][limits]") {
    const auto start = Clock::now();
    auto r = run_small("RETURN reduce(s='', x IN range(1,20000) | s+'a') =~ '(a|b)*' AS m");
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][0].as_bool());
    r = run_small("RETURN reduce(s='', x IN range(1,30) | s+'a') + 'b' =~ '(a+)+$' AS m");
    CHECK_FALSE(r.rows[0][0].as_bool());
    CHECK(Clock::now() - start < std::chrono::seconds(5));
    // Cypher's =~ matches the whole string; RE2 refuses what it cannot run in linear time.
    CHECK_FALSE(run_small("RETURN 'xaby' =~ 'ab' AS m").rows[0][0].as_bool());
    CHECK(run_small("RETURN 'AB' =~ '(?i)ab' AS m").rows[0][0].as_bool());
    CHECK_THROWS_AS(run_small("RETURN 'aa' =~ '(a)\\\\1' AS m"), cypher::CypherError);
}

TEST_CASE("range() sizes are computed without overflow", "[cypher][limits]") {
    auto r = run_small("RETURN range(0, 9223372036854775807, 4611686018427387904) AS r");
    REQUIRE(r.rows[0][0].as_list().size() == 2);
    CHECK(r.rows[0][0].as_list()[1].as_int() == 4611686018427387904);
    r = run_small("UNWIND range(9223372036854775800, 9223372036854775807, 5) AS x RETURN x");
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1][0].as_int() == 9223372036854775805);
    r = run_small("RETURN range(-9223372036854775807 - 1, -9223372036854775807, 1) AS r");
    CHECK(r.rows[0][0].as_list().size() == 2);
    CHECK(message_of("RETURN size(range(0, 9223372036854775807))", {}) ==
          "the query needs more than the memory limit of 1 GiB; narrow it or raise the limit");
}

TEST_CASE("the memory budget stops string doubling, huge lists, collect and sorting, naming the limit",
          "[cypher][limits]") {
    const auto small = limits(30'000, std::size_t{64} << 20);
    const std::string expected =
        "the query needs more than the memory limit of 64 MiB; narrow it or raise the limit";
    for (const std::string q :
         {"RETURN size(reduce(s='a', x IN range(1,40) | s+s))", "RETURN size(range(1, 100000000))",
          "UNWIND range(1, 1000000) AS x RETURN size(collect(toString(x) + 'abcdefgh'))",
          "UNWIND range(1, 1000000) AS x WITH toString(x) + 'abcdefgh' AS s RETURN s "
          "ORDER BY s",
          "UNWIND range(1, 1000000) AS x RETURN DISTINCT toString(x) + 'abcdefgh'",
          "RETURN size(reduce(l=[], x IN range(1, 40) | l + l + [x]))"}) {
        INFO(q);
        CHECK(message_of(q, small) == expected);
    }
}

TEST_CASE("values nest at most a thousand levels; parameters at most 64", "[cypher][limits]") {
    CHECK(message_of("RETURN reduce(l=[], x IN range(1,5000) | [l]) AS l", {}) ==
          "lists and maps nested more than 1000 levels deep (the nesting limit)");
    CHECK(run_small("RETURN size(reduce(l=[], x IN range(1,500) | [l])) AS n").rows[0][0].as_int() == 1);
    CHECK_THROWS_AS(cypher::parameter_value(std::string(50'000, '[')), std::invalid_argument);
    CHECK_THROWS_AS(cypher::parameter_value(std::string(65, '[') + std::string(65, ']')),
                    std::invalid_argument);
    const auto v = cypher::parameter_value(std::string(60, '[') + std::string(60, ']'));
    CHECK(v.nesting() == 60);
    CHECK(cypher::parameter_value("[[[").as_string() == "[[[");  // not JSON: the text
    CHECK(cypher::parameter_value("{\"a\": [1, 2.5, \"x\"]}").as_map().at("a").as_list().size() == 3);
}

TEST_CASE("a write past its time limit commits nothing", "[cypher][limits]") {
    auto& big = BigGraph::get();
    auto l = limits(1);
    const auto start = Clock::now();
    const auto entities = Snapshot::take(big.store).graph().vertex_count();  // (its read ends here)
    // (A write reads only what it looks at: this one looks at every relation before it creates.)
    REQUIRE_THROWS_AS(
        cypher::answer_writing_query(big.store, {"MATCH ()-[r]->() WITH count(r) AS seen "
                                                 "CREATE (:company {id: 'late-co', name: 'Late'})",
                                                 {},
                                                 l,
                                                 "en"}),
        LimitReached);
    CHECK(Clock::now() - start < std::chrono::seconds(30));
    {
        const auto after = Snapshot::take(big.store);
        CHECK(after.graph().vertex_count() == entities);
        CHECK_FALSE(after.graph().find("late-co").has_value());
    }
    // With time enough, the same write lands.
    (void)cypher::answer_writing_query(
        big.store, {"CREATE (:company {id: 'late-co', name: 'Late'})", {}, limits(60'000), "en"});
    CHECK(Snapshot::take(big.store).graph().find("late-co").has_value());
}

TEST_CASE("a label or relationship type in no vocabulary is warned with the closest name", "[cypher]") {
    auto& big = BigGraph::get();
    const auto snapshot = Snapshot::take(big.store);
    auto answer =
        cypher::answer_reading_query(snapshot, {"MATCH (n:Company)-[:MOU]-() RETURN count(n)", {}, {}, "en"});
    REQUIRE(answer.warnings.size() == 2);
    CHECK(
        answer.warnings[0] ==
        "the label :Company is in no vocabulary of the data, so it matches nothing (did you mean :company?)");
    CHECK(answer.warnings[1] ==
          "the relationship type :MOU is in no vocabulary of the data, so it matches "
          "nothing (did you mean :mou?)");
    answer = cypher::answer_reading_query(snapshot, {"MATCH (n:company) RETURN count(n)", {}, {}, "en"});
    CHECK(answer.warnings.empty());
}
