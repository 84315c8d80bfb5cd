#include <sys/mman.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>

#include "kizuna/core/cache_blocks.h"
#include "kizuna/core/errors.h"

namespace kizuna {

namespace {

template <typename U>
U load(const unsigned char* at) {
    U value;
    std::memcpy(&value, at, sizeof value);
    return value;
}

std::uint64_t value_at(const unsigned char* at, std::uint32_t width) {
    switch (width) {
        case 1:
            return *at;
        case 2:
            return load<std::uint16_t>(at);
        case 4:
            return load<std::uint32_t>(at);
        default:
            return load<std::uint64_t>(at);
    }
}

// PartialDate::packed(): year * 10000 + month * 100 + day, a day only with a month; 0 for none.
bool packed_date(std::uint32_t value) {
    if (value == 0) return true;
    const std::uint32_t year = value / 10000, month = value / 100 % 100, day = value % 100;
    return year >= 1 && year <= 9999 && month <= 12 && day <= 31 && (day == 0 || month > 0);
}

}  // namespace

CacheBlocks::CacheBlocks(std::vector<Array> arrays, std::vector<std::uint64_t> sums,
                         std::function<Rebuilt()> rebuild)
    : arrays_(std::move(arrays)), sums_(std::move(sums)), rebuild_(std::move(rebuild)) {
    std::size_t blocks = 0;
    for (const auto& a : arrays_) {
        first_block_.push_back(blocks);
        blocks += blocks_of(a.bytes);
    }
    if (blocks != sums_.size()) throw StorageError("graph cache: a block table of the wrong size");
    const std::size_t words = (blocks + 63) / 64;
    verified_ = std::make_unique<std::atomic<std::uint64_t>[]>(words);
    for (std::size_t w = 0; w < words; ++w) verified_[w].store(0, std::memory_order_relaxed);
}

std::uint64_t CacheBlocks::checksum(const void* data, std::size_t bytes) { return XXH3_64bits(data, bytes); }

std::size_t CacheBlocks::checked_count() const {
    std::size_t count = 0;
    for (std::size_t w = 0; w < (sums_.size() + 63) / 64; ++w)
        count += static_cast<std::size_t>(__builtin_popcountll(verified_[w].load()));
    return count;
}

std::pair<std::size_t, std::size_t> CacheBlocks::range(std::uint32_t array, std::size_t block) const {
    const std::size_t begin = (block - first_block_[array]) << kBlockShift;
    return {begin, std::min(arrays_[array].bytes, begin + kBlockSize)};
}

void CacheBlocks::mark(std::size_t block) const {
    verified_[block >> 6].fetch_or(std::uint64_t{1} << (block & 63), std::memory_order_release);
}

bool CacheBlocks::follows_rule(const Array& a, std::size_t begin, std::size_t end) const {
    switch (a.rule) {
        case Rule::Any:
            return true;
        case Rule::Below:
            for (std::size_t at = begin; at < end; at += a.width) {
                if (value_at(a.data + at, a.width) >= a.limit) return false;
            }
            return true;
        case Rule::RowStarts: {
            std::uint32_t previous = 0;
            for (std::size_t at = begin; at < end; at += 4) {
                const auto value = load<std::uint32_t>(a.data + at);
                if (value > a.limit || (at > begin && value < previous)) return false;
                previous = value;
            }
            if (begin == 0 && load<std::uint32_t>(a.data) != 0) return false;
            return end != a.bytes || load<std::uint32_t>(a.data + end - 4) == a.limit;
        }
        case Rule::Dates:
            for (std::size_t at = begin; at < end; at += 4) {
                if (!packed_date(load<std::uint32_t>(a.data + at))) return false;
            }
            return true;
    }
    return false;
}

void CacheBlocks::verify(std::uint32_t array, std::size_t block) const {
    const Array& a = arrays_[array];
    const auto [begin, end] = range(array, block);
    if (checksum(a.data + begin, end - begin) == sums_[block] && follows_rule(a, begin, end)) {
        mark(block);
        return;
    }
    const std::lock_guard lock(mutex_);
    if ((verified_[block >> 6].load() >> (block & 63) & 1U) == 0) replace(array, block);
}

void CacheBlocks::repair_row(std::uint32_t array, std::size_t v) const {
    const std::lock_guard lock(mutex_);
    const std::size_t first = first_block_[array];
    for (std::size_t b = first + ((v * 4) >> kBlockShift); b <= first + ((v * 4 + 7) >> kBlockShift); ++b)
        replace(array, b);
    const std::uint32_t* starts = reinterpret_cast<const std::uint32_t*>(arrays_[array].data);
    if (starts[v] > starts[v + 1] || starts[v + 1] > arrays_[array].limit)
        throw StorageError("the graph cache is damaged and could not be repaired; delete it and run again");
}

// The mapping is private: the pages written here are this process's copies, never the file's. The pages
// are writable only while the bytes are copied; no other thread reads this block until it is marked.
void CacheBlocks::replace(std::uint32_t array, std::size_t block) const {
    const Array& a = arrays_[array];
    const auto [begin, end] = range(array, block);
    if (!rebuilt_) {
        Rebuilt rebuilt = rebuild_();
        if (rebuilt.arrays.size() != arrays_.size() || rebuilt.sizes.size() != arrays_.size())
            throw StorageError(
                "the graph cache is damaged and the graph rebuilt differs; run the command again");
        for (std::size_t i = 0; i < arrays_.size(); ++i) {
            if (rebuilt.sizes[i] != arrays_[i].bytes)
                throw StorageError(
                    "the graph cache is damaged and the database changed since this answer began; run the "
                    "command again");
        }
        rebuilt_ = std::move(rebuilt);
    }
    const unsigned char* right = rebuilt_->arrays[array] + begin;
    if (std::memcmp(a.data + begin, right, end - begin) != 0) {
        const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
        const auto low = reinterpret_cast<std::uintptr_t>(a.data + begin) / page * page;
        const auto high = (reinterpret_cast<std::uintptr_t>(a.data + end) + page - 1) / page * page;
        void* pages = reinterpret_cast<void*>(low);
        if (::mprotect(pages, high - low, PROT_READ | PROT_WRITE) != 0)
            throw StorageError("the graph cache is damaged and its mapping cannot be repaired");
        std::memcpy(const_cast<unsigned char*>(a.data) + begin, right, end - begin);
        ::mprotect(pages, high - low, PROT_READ);
        repaired_.fetch_add(1);
    }
    if (checksum(a.data + begin, end - begin) != sums_[block] || !follows_rule(a, begin, end))
        throw StorageError(
            "the graph cache is damaged and the database changed since this answer began; run "
            "the command again");
    mark(block);
}

}  // namespace kizuna
