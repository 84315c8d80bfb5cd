#pragma once
// Synthetic collaboration graphs in Kizuna's CSV format, for benchmarks: a power-law degree
// distribution (a few hubs such as ministries, a long tail of small firms), several relation types,
// partial dates at every precision, a source on every relation. Deterministic by seed.
#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace kizuna::bench {

struct SyntheticSpec {
    std::size_t relations = 10000;
    std::size_t entities = 0;  // 0: relations / 10
    std::uint64_t seed = 1;
    std::size_t pairs = 1000;  // random entity pairs for path queries (pairs.csv)
};

struct SyntheticFiles {
    std::filesystem::path entities, relations, pairs;
    std::size_t entity_count = 0, relation_count = 0;
};

// Writes data/entities.csv and data/relations.csv (the folder to import) and pairs.csv (from,to entity
// ids) into dir, created if missing.
SyntheticFiles write_synthetic_graph(const SyntheticSpec& spec, const std::filesystem::path& dir);

}  // namespace kizuna::bench
