#pragma once
// The measured operations, each returning its figures as JSON for bench/run.py.
#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

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

// The SQLite peer: shortest connection lengths by a recursive CTE over Kizuna's own relations table, for
// the first `limit` pairs.
nlohmann::json measure_sqlite_cte(const std::filesystem::path& db, const Pairs& pairs, std::size_t limit);

}  // namespace kizuna::bench
