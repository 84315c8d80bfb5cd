// The query language's three benchmark shapes on a database, through the same engine `kizuna query`
// uses, with their answers (bench/run.py checks them against Kùzu's before printing any timing):
//   two_hop      MATCH (a {id: $id})-[*1..2]-(b) WHERE b <> a RETURN count(DISTINCT b)   per start entity
//   typed_dated  MATCH ()-[r:partnership]->() WHERE r.start >= '2015' RETURN count(*)      over every
//   relation shortest     MATCH p = shortestPath((a {id: $a})-[*..10]-(b {id: $b})) RETURN length(p)  per
//   pair
#include "cypher_queries.h"

#include "kizuna/core/snapshot.h"
#include "kizuna/cypher/engine.h"
#include "kizuna/cypher/kizuna_graph.h"
#include "measure.h"

namespace kizuna::bench {
namespace {

using cypher::Value;

nlohmann::json timings(const std::vector<double>& seconds) {
    return {{"count", seconds.size()},
            {"p50_ms", percentile(seconds, 0.5) * 1e3},
            {"p99_ms", percentile(seconds, 0.99) * 1e3}};
}

}  // namespace

nlohmann::json measure_cypher(const std::filesystem::path& db, const Pairs& pairs, std::size_t starts,
                              std::size_t repeats) {
    const Store store = Store::open(db, Store::Mode::ReadOnly);
    const auto snapshot = Snapshot::take(store);
    cypher::KizunaGraph graph(snapshot, "en");
    nlohmann::json out;

    std::vector<double> seconds;
    std::vector<std::int64_t> answers;
    const std::string two_hop = "MATCH (a {id: $id})-[*1..2]-(b) WHERE b <> a RETURN count(DISTINCT b)";
    for (std::size_t i = 0; i < pairs.size() && i < starts; ++i) {
        const Stopwatch watch;
        const auto result = cypher::run_query(graph, two_hop, {{"id", Value(pairs[i].first)}});
        seconds.push_back(watch.seconds());
        answers.push_back(result.rows.at(0).at(0).as_int());
    }
    out["two_hop"] = timings(seconds);
    out["two_hop"]["answers"] = answers;

    seconds.clear();
    std::int64_t count = 0;
    const std::string typed = "MATCH ()-[r:partnership]->() WHERE r.start >= '2015' RETURN count(*)";
    for (std::size_t i = 0; i < repeats; ++i) {
        const Stopwatch watch;
        const auto result = cypher::run_query(graph, typed, {});
        seconds.push_back(watch.seconds());
        count = result.rows.at(0).at(0).as_int();
    }
    out["typed_dated"] = timings(seconds);
    out["typed_dated"]["answers"] = {count};

    seconds.clear();
    answers.clear();
    const std::string shortest = "MATCH p = shortestPath((a {id: $a})-[*..10]-(b {id: $b})) RETURN length(p)";
    for (std::size_t i = 0; i < pairs.size() && i < starts; ++i) {
        const auto& [a, b] = pairs[i];
        const Stopwatch watch;
        std::int64_t length = 0;
        if (a != b) {
            const auto result = cypher::run_query(graph, shortest, {{"a", Value(a)}, {"b", Value(b)}});
            length = result.rows.empty() ? -1 : result.rows[0][0].as_int();
        }
        seconds.push_back(watch.seconds());
        answers.push_back(length);
    }
    out["shortest"] = timings(seconds);
    out["shortest"]["answers"] = answers;
    out["peak_rss_bytes"] = peak_rss_bytes();
    return out;
}

}  // namespace kizuna::bench
