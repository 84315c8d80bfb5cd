#pragma once
// Synthetic collaboration graphs for tests: deterministic by seed, uniform random or power-law.
#include <cstdint>
#include <vector>

#include "kizuna/core/store.h"

namespace kizuna::test {

struct GeneratedGraph {
    std::size_t entities = 0;
    // Each relation as (from, to, type index) over entity numbers 0..entities-1.
    struct Edge {
        std::uint32_t from, to, type;
    };
    std::vector<Edge> edges;
};

enum class Shape { Uniform, PowerLaw };

// n entities, m relations without self-loops; parallel relations allowed. Types cycle through a small set.
[[nodiscard]] GeneratedGraph generate(std::size_t n, std::size_t m, std::uint32_t seed, Shape shape);

// Writes the graph into the store: entities "e00042", relations "r00007" with types mou, acquisition,
// joint_venture, part_of and years 2000-2024.
void write_to_store(Store& store, const GeneratedGraph& graph);

// The type ids write_to_store uses, by type index.
[[nodiscard]] const std::vector<std::string>& generated_types();

}  // namespace kizuna::test
