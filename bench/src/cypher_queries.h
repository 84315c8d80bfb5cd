#pragma once
// The query language's benchmark shapes (cypher_queries.cpp), for bench/run.py --cypher.
#include <nlohmann/json.hpp>

#include "operations.h"

namespace kizuna::bench {

// Runs two_hop and shortest for the first `starts` pairs, typed_dated `repeats` times; their timings and
// answers.
nlohmann::json measure_cypher(const std::filesystem::path& db, const Pairs& pairs, std::size_t starts,
                              std::size_t repeats);

}  // namespace kizuna::bench
