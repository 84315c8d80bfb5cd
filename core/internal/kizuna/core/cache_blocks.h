#pragma once
// Internal to Kizuna's modules: what stands between a mapped graph cache file and every read of it. The
// file's arrays are cut into blocks of 16 KiB, each with its own checksum (XXH3) in the file. A block is
// checked the first time a read reaches it - its checksum, then the rules of its array (codes within their
// dictionary, vertices and relations within their counts, row starts ascending and within bounds), so
// that even a checksum collision cannot send a read out of bounds - and a command still reads only the
// pages its answer touches. A block that fails is replaced, in this process's private copy of the
// mapping, by the same bytes of a graph rebuilt from the database (which also rewrites the file): no
// damaged byte is ever used, whatever the file's times say.
//
// Thread-safety: const methods may be called concurrently (checks are idempotent; repairs are serialised).
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace kizuna {

// The arrays of the graph cache file, in file order.
enum CacheArray : std::uint32_t {
    kIdChars,
    kIdOffsets,
    kEntityKeys,
    kKindOf,
    kCountryOf,
    kTypeOf,
    kDates,
    kStart,
    kEnd,
    kRelationKeys,
    kForwardStart,
    kForwardTarget,
    kBackwardStart,
    kBackwardSource,
    kBackwardRelation,
    kCacheArrays,
};

class CacheBlocks {
  public:
    static constexpr unsigned kBlockShift = 14;
    static constexpr std::size_t kBlockSize = std::size_t{1} << kBlockShift;  // a multiple of every width

    // What every value of an array must satisfy.
    enum class Rule : std::uint8_t {
        Any,        // any value (entity id bytes, store keys)
        Below,      // value < limit (codes, vertices, relations)
        RowStarts,  // ascending, the first 0, the last == limit, every value <= limit (4 bytes each)
        Dates,      // 0 or a packed partial date (4 bytes each)
    };
    struct Array {
        const unsigned char* data = nullptr;  // in the mapping, 8-aligned
        std::size_t bytes = 0;
        std::uint32_t width = 1;  // bytes per value: 1, 2, 4 or 8
        Rule rule = Rule::Any;
        std::uint64_t limit = 0;
    };
    // The bytes every array should have (same order and sizes), from a graph rebuilt from the database;
    // `owner` keeps them alive.
    struct Rebuilt {
        std::shared_ptr<const void> owner;
        std::vector<const unsigned char*> arrays;
        std::vector<std::size_t> sizes;
    };

    // sums: the checksum of every block, array after array. rebuild: called at most once, on the first
    // damaged block; throws StorageError when it cannot give this data (the database changed).
    CacheBlocks(std::vector<Array> arrays, std::vector<std::uint64_t> sums, std::function<Rebuilt()> rebuild);
    CacheBlocks(const CacheBlocks&) = delete;
    CacheBlocks& operator=(const CacheBlocks&) = delete;

    [[nodiscard]] static std::size_t blocks_of(std::size_t bytes) {
        return (bytes + kBlockSize - 1) >> kBlockShift;
    }
    [[nodiscard]] static std::uint64_t checksum(const void* data, std::size_t bytes);

    // Makes bytes [begin, end) of an array safe to read: each block they reach checked (once) and, when
    // damaged, repaired. Throws StorageError when a damaged block cannot be repaired.
    void require(std::uint32_t array, std::size_t begin, std::size_t end) const {
        if (begin >= end) return;
        const std::size_t first = first_block_[array];
        const std::size_t last = first + ((end - 1) >> kBlockShift);
        for (std::size_t b = first + (begin >> kBlockShift); b <= last; ++b) {
            if ((verified_[b >> 6].load(std::memory_order_acquire) >> (b & 63) & 1U) == 0) verify(array, b);
        }
    }
    // Row v of a row-start array (4-byte values): starts[v] <= starts[v + 1] <= limit once this returns.
    // Values checked block by block can still disagree across a block boundary (only when a damaged
    // block matched its checksum): then both blocks are replaced by the rebuilt graph's.
    void require_row(std::uint32_t array, std::size_t v) const {
        require(array, v * 4, (v + 2) * 4);
        const std::uint32_t* starts = reinterpret_cast<const std::uint32_t*>(arrays_[array].data);
        if (starts[v] > starts[v + 1] || starts[v + 1] > arrays_[array].limit) repair_row(array, v);
    }

    // Every block checked now (what checking the whole file when it is mapped would cost: bench/README).
    void require_all() const {
        for (std::uint32_t a = 0; a < arrays_.size(); ++a) require(a, 0, arrays_[a].bytes);
    }
    // For tests and measurements: blocks in all, blocks checked so far, blocks replaced.
    [[nodiscard]] std::size_t block_count() const { return sums_.size(); }
    [[nodiscard]] std::size_t checked_count() const;
    [[nodiscard]] std::size_t repaired_count() const { return repaired_.load(); }

  private:
    void verify(std::uint32_t array, std::size_t block) const;
    void repair_row(std::uint32_t array, std::size_t v) const;
    // Under mutex_: the block's bytes made those of the rebuilt graph, checked against the rules.
    void replace(std::uint32_t array, std::size_t block) const;
    [[nodiscard]] bool follows_rule(const Array& a, std::size_t begin, std::size_t end) const;
    void mark(std::size_t block) const;
    [[nodiscard]] std::pair<std::size_t, std::size_t> range(std::uint32_t array, std::size_t block) const;

    std::vector<Array> arrays_;
    std::vector<std::size_t> first_block_;  // per array: its first block's index in sums_
    std::vector<std::uint64_t> sums_;
    std::unique_ptr<std::atomic<std::uint64_t>[]> verified_;  // a bit per block
    std::function<Rebuilt()> rebuild_;
    mutable std::mutex mutex_;                // repairs
    mutable std::optional<Rebuilt> rebuilt_;  // after the first repair
    mutable std::atomic<std::size_t> repaired_{0};
};

}  // namespace kizuna
