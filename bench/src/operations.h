#pragma once
// The measured operations, each returning its figures as JSON for bench/run.py.
#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kizuna {
class Graph;
}

namespace kizuna::bench {

using Pairs = std::vector<std::pair<std::string, std::string>>;
// The from,to rows of a pairs.csv written by the generator.
Pairs read_pairs(const std::filesystem::path& file);

// CSV import of dir into a new database at db.
nlohmann::json measure_import(const std::filesystem::path& db, const std::filesystem::path& dir);

// Opening db and building the in-memory graph (from SQLite and from the graph cache), then the queries:
// shortest path for every pair (lengths reported, -1 for none), partners with a type and date filter,
// 2-hop ego networks, all simple paths of at most 4 hops (capped); memory.
nlohmann::json measure_queries(const std::filesystem::path& db, const Pairs& pairs, std::size_t sample);

// path --in-time-order (time_respecting_paths) for the first n pairs: p50/p99, how many were in time order
// and how many connected at all. time_ordered_latency runs on a graph already loaded; measure_time_paths
// loads db's graph (from its cache, read only) first.
nlohmann::json time_ordered_latency(const Graph& graph, const Pairs& pairs, std::size_t n,
                                    const std::optional<std::string>& from_date);
nlohmann::json measure_time_paths(const std::filesystem::path& db, const Pairs& pairs, std::size_t n,
                                  const std::optional<std::string>& from_date);

// The SQLite peer: shortest connection lengths by a recursive CTE over Kizuna's own relations table, for
// the first `limit` pairs.
nlohmann::json measure_sqlite_cte(const std::filesystem::path& db, const Pairs& pairs, std::size_t limit);

}  // namespace kizuna::bench
