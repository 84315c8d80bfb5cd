// The graph cache file cannot lie or crash (issue 27): every block of its arrays is checked against its
// checksum and its array's rules before a read uses it, whatever the file's times say; a damaged block is
// replaced by the graph rebuilt from the database, and the file rewritten.
#include <sys/mman.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "generated_graph.h"
#include "kizuna/core/cache_blocks.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/graph.h"
#include "kizuna/core/graph_internals.h"
#include "kizuna/core/store.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

// Everything an answer can read from a graph, through the API the queries use: each vertex with its id,
// kind, country and half-edges, each relation with its ends, type, dates and store key.
std::string describe(const Graph& graph) {
    std::ostringstream out;
    const auto& half_edges = GraphInternals::half_edges(graph);
    for (VertexId v = 0; v < graph.vertex_count(); ++v) {
        out << graph.entity_id(v) << ' ' << graph.kind(v) << ' ' << graph.country(v) << ' '
            << static_cast<std::int64_t>(graph.entity_key(v)) << ':';
        for (auto [e, end] = out_edges(v, half_edges); e != end; ++e)
            out << ' ' << e->target << '/' << e->half.packed;
        out << " degree " << out_degree(v, half_edges) << '\n';
    }
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        out << graph.from(r) << '>' << graph.to(r) << ' ' << graph.type(r).id << ' '
            << (graph.start(r) ? graph.start(r)->packed() : 0) << ' '
            << (graph.end(r) ? graph.end(r)->packed() : 0) << ' '
            << static_cast<std::int64_t>(graph.relation_key(r)) << '\n';
    }
    for (auto [e, end] = edges(half_edges); e != end; ++e) out << e->source << '-' << e->target << ' ';
    const auto found = graph.find(graph.vertex_count() > 0 ? graph.entity_id(0) : "");
    out << (found ? *found : 9999U);
    return out.str();
}

std::string bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void put_bytes(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// Read-only pages, as a mapped cache file is; unmapped at the end.
class Pages {
  public:
    explicit Pages(const std::vector<unsigned char>& bytes) : size_(bytes.size()) {
        void* at = ::mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        REQUIRE(at != MAP_FAILED);
        std::memcpy(at, bytes.data(), size_);
        ::mprotect(at, size_, PROT_READ);
        data_ = static_cast<unsigned char*>(at);
    }
    ~Pages() { ::munmap(data_, size_); }
    Pages(const Pages&) = delete;
    Pages& operator=(const Pages&) = delete;
    [[nodiscard]] const unsigned char* data() const { return data_; }

  private:
    std::size_t size_;
    unsigned char* data_ = nullptr;
};

std::vector<unsigned char> as_bytes(const std::vector<std::uint32_t>& values) {
    std::vector<unsigned char> bytes(values.size() * 4);
    std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

// Checksums of an array's blocks, as the file's writer computes them.
std::vector<std::uint64_t> sums_of(const std::vector<unsigned char>& bytes) {
    std::vector<std::uint64_t> sums;
    for (std::size_t at = 0; at < bytes.size(); at += CacheBlocks::kBlockSize)
        sums.push_back(
            CacheBlocks::checksum(bytes.data() + at, std::min(CacheBlocks::kBlockSize, bytes.size() - at)));
    return sums;
}

}  // namespace

TEST_CASE("a flipped bit anywhere in the graph cache, its time put back, never changes an answer",
          "[core][graph][cache]") {
    test::TempDir dir;
    Store store = Store::open(dir / "flip.db", Store::Mode::Create);
    test::write_to_store(store, test::generate(300, 1500, 5, test::Shape::PowerLaw));
    const std::string expected = describe(Graph::build(store));
    const auto cache = Graph::cache_path(store.path());
    REQUIRE(Graph::save_cache(store, Graph::build(store)));
    const std::string sound = bytes_of(cache);
    const auto time = std::filesystem::last_write_time(cache);
    int builds = 0, repaired = 0;
    // Every 29th byte (and the first and last few): the header, vocabularies, every array and the table.
    std::vector<std::size_t> offsets;
    for (std::size_t at = 0; at < sound.size(); at += 29) offsets.push_back(at);
    for (std::size_t back = 1; back <= 16; ++back) offsets.push_back(sound.size() - back);
    for (const std::size_t at : offsets) {
        std::string damaged = sound;
        damaged[at] = static_cast<char>(damaged[at] ^ (1 << (at % 8)));
        put_bytes(cache, damaged);
        std::filesystem::last_write_time(cache, time);
        {
            const Graph graph = Graph::load(store, [&] { ++builds; });
            INFO("byte " << at << " of " << sound.size());
            REQUIRE(describe(graph) == expected);
            const CacheBlocks* blocks = GraphInternals::half_edges(graph).csr().blocks;
            if (blocks != nullptr) repaired += static_cast<int>(blocks->repaired_count());
        }
        // Either way the file is sound again: rewritten by the rebuild (the same data, the same bytes).
        INFO("byte " << at);
        CHECK(bytes_of(cache) == sound);
    }
    // Damage in the checked-whole part means a build at load; in an array, a repaired block.
    CHECK(builds > 0);
    CHECK(repaired > 0);
    CHECK(static_cast<std::size_t>(builds + repaired) == offsets.size());
}

TEST_CASE("a mapped graph checks only the blocks its answer reads", "[core][graph][cache]") {
    test::TempDir dir;
    Store store = Store::open(dir / "lazy.db", Store::Mode::Create);
    test::write_to_store(store, test::generate(20000, 100000, 9, test::Shape::PowerLaw));
    REQUIRE(Graph::save_cache(store, Graph::build(store)));
    int builds = 0;
    const Graph graph = Graph::load(store, [&] { ++builds; });
    CHECK(builds == 0);
    const CacheBlocks* blocks = GraphInternals::half_edges(graph).csr().blocks;
    REQUIRE(blocks != nullptr);
    CHECK(blocks->checked_count() == 0);
    const auto v = graph.find(std::string(graph.entity_id(123)));
    REQUIRE(v == VertexId{123});
    const auto& half_edges = GraphInternals::half_edges(graph);
    for (auto [e, end] = out_edges(*v, half_edges); e != end; ++e) (void)graph.type(e->half.relation());
    CHECK(blocks->checked_count() > 0);
    CHECK(blocks->checked_count() < blocks->block_count() / 4);
    CHECK(blocks->repaired_count() == 0);
}

TEST_CASE("values that match their checksum but break their array's rules are never read",
          "[core][graph][cache]") {
    // Two arrays as a checksum collision would leave them: vertices (below 10) and row starts (0 to 6).
    const std::vector<std::uint32_t> good_targets(5000, 3);
    std::vector<std::uint32_t> bad_targets = good_targets;
    bad_targets[4500] = 0xFFFFFFF0U;  // far out of range: a read would leave the array
    std::vector<std::uint32_t> good_starts(5000, 6), bad_starts(5000, 6);
    good_starts[0] = bad_starts[0] = 0;
    bad_starts[4095] =
        6;  // the last of the first block above the first of the second: a row "ends" before it starts
    bad_starts[4096] = 2;
    for (std::size_t i = 1; i < 4096; ++i) good_starts[i] = bad_starts[i] = i < 4095 ? 2 : 6;
    good_starts[4096] = 6;
    const auto targets = as_bytes(bad_targets), starts = as_bytes(bad_starts);
    std::vector<std::uint64_t> sums = sums_of(targets);  // the damaged bytes' own checksums
    for (const auto sum : sums_of(starts)) sums.push_back(sum);
    const Pages target_pages(targets), start_pages(starts);
    std::vector<CacheBlocks::Array> arrays(2);
    arrays[0] = {target_pages.data(), targets.size(), 4, CacheBlocks::Rule::Below, 10};
    arrays[1] = {start_pages.data(), starts.size(), 4, CacheBlocks::Rule::RowStarts, 6};
    const auto right_targets = as_bytes(good_targets), right_starts = as_bytes(good_starts);
    int rebuilds = 0;
    SECTION("replaced by the rebuilt graph's values before they are read") {
        // The rebuilt bytes' checksums must match the table: give the table the sound bytes' sums.
        sums = sums_of(right_targets);
        for (const auto sum : sums_of(right_starts)) sums.push_back(sum);
        // ... and damage that the checksums do not see: block 1 of the targets and both of the starts.
        CacheBlocks blocks(arrays, sums, [&] {
            ++rebuilds;
            return CacheBlocks::Rebuilt{nullptr,
                                        {right_targets.data(), right_starts.data()},
                                        {right_targets.size(), right_starts.size()}};
        });
        blocks.require(0, 4500 * 4, 4501 * 4);
        std::uint32_t value = 0;
        std::memcpy(&value, target_pages.data() + 4500 * 4, 4);
        CHECK(value == 3);
        CHECK(rebuilds == 1);
        blocks.require_row(1, 4095);  // reads starts[4095] and starts[4096], across two blocks
        std::memcpy(&value, start_pages.data() + 4096 * 4, 4);
        CHECK(value == 6);
        CHECK(rebuilds == 1);                 // once
        CHECK(blocks.repaired_count() == 2);  // a block of each; the sound ones kept
    }
    SECTION("a value out of range with a matching checksum still fails its rule") {
        CacheBlocks blocks(arrays, sums, [&]() -> CacheBlocks::Rebuilt {
            ++rebuilds;
            throw StorageError("the database changed");
        });
        blocks.require(0, 0, 4);  // block 0 is sound
        CHECK(rebuilds == 0);
        CHECK_THROWS_AS(blocks.require(0, 4500 * 4, 4501 * 4), StorageError);
        CHECK(rebuilds == 1);
        // Row starts that pass block by block but disagree across the boundary.
        blocks.require(1, 0, 4096 * 4);
        blocks.require(1, 4096 * 4, 4097 * 4);
        CHECK_THROWS_AS(blocks.require_row(1, 4095), StorageError);
    }
    SECTION("a rebuilt graph of other sizes is refused") {
        CacheBlocks blocks(arrays, sums, [&] {
            ++rebuilds;
            return CacheBlocks::Rebuilt{nullptr, {right_targets.data()}, {right_targets.size()}};
        });
        CHECK_THROWS_AS(blocks.require(0, 4500 * 4, 4501 * 4), StorageError);
    }
}

TEST_CASE("a graph cache whose time moved but whose bytes did not is used as it is", "[core][graph][cache]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_to_store(store, test::generate(200, 800, 3, test::Shape::PowerLaw));
    const auto cache = Graph::cache_path(store.path());
    REQUIRE(Graph::save_cache(store, Graph::build(store)));
    // As by `touch` or a copy: times play no part in the checks.
    std::filesystem::last_write_time(cache,
                                     std::filesystem::last_write_time(cache) + std::chrono::seconds(1));
    int builds = 0;
    const Graph graph = Graph::load(store, [&] { ++builds; });
    CHECK(builds == 0);
    CHECK(describe(graph) == describe(Graph::build(store)));
    CHECK(GraphInternals::half_edges(graph).csr().blocks->repaired_count() == 0);
}
