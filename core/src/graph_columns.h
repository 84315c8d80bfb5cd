#pragma once
// Private to core: the arrays of a Graph::Impl. Each holds its values either itself (a graph just built
// from the store) or as a view into the mapped graph cache file (graph_cache.h), so that a command that
// opens a cached graph of millions of relations reads only the pages its traversal touches. Every element
// read of a view first has its block checked (cache_blocks.h); data(), begin() and end() do not.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "kizuna/core/cache_blocks.h"

namespace kizuna {

// A fixed-size array of T, owned or viewed.
template <typename T>
class Column {
  public:
    Column() = default;
    explicit Column(std::vector<T> values)
        : owned_(std::move(values)), data_(owned_.data()), size_(owned_.size()) {}
    // Values that live elsewhere (the mapped cache file) for as long as this column; when blocks is
    // given, each read is first checked there as the bytes of its `array`.
    static Column view(const T* data, std::size_t size, const CacheBlocks* blocks = nullptr,
                       std::uint32_t array = 0) {
        Column column;
        column.data_ = data;
        column.size_ = size;
        column.blocks_ = blocks;
        column.array_ = array;
        return column;
    }
    Column(Column&& other) noexcept { *this = std::move(other); }
    Column& operator=(Column&& other) noexcept {
        owned_ = std::move(other.owned_);  // a moved vector keeps its buffer: data_ stays valid
        data_ = other.data_;
        size_ = other.size_;
        blocks_ = other.blocks_;
        array_ = other.array_;
        other.data_ = nullptr;
        other.size_ = 0;
        other.blocks_ = nullptr;
        return *this;
    }
    Column(const Column&) = delete;
    Column& operator=(const Column&) = delete;

    [[nodiscard]] const T* data() const { return data_; }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] const T& operator[](std::size_t i) const {
        require(i * sizeof(T), (i + 1) * sizeof(T));
        return data_[i];
    }
    // Bytes [begin, end) made safe to read (see view()).
    void require(std::size_t begin, std::size_t end) const {
        if (blocks_ != nullptr) blocks_->require(array_, begin, end);
    }
    [[nodiscard]] const CacheBlocks* blocks() const { return blocks_; }
    [[nodiscard]] const T* begin() const { return data_; }
    [[nodiscard]] const T* end() const { return data_ + size_; }
    [[nodiscard]] const T& back() const { return (*this)[size_ - 1]; }
    [[nodiscard]] std::size_t bytes() const { return size_ * sizeof(T); }

  private:
    std::vector<T> owned_;
    const T* data_ = nullptr;
    std::size_t size_ = 0;
    const CacheBlocks* blocks_ = nullptr;
    std::uint32_t array_ = 0;
};

// Unsigned codes stored in the fewest bytes (1, 2, 4 or 8) that hold the largest: a relation's type is
// one byte for up to 256 types, a date code two for up to 65,536 distinct dates, and data beyond that
// still fits, a little wider. The width branch is the same for every element, so it predicts perfectly.
class CodeColumn {
  public:
    CodeColumn() = default;
    template <typename Unsigned>
    static CodeColumn narrowest(const std::vector<Unsigned>& values) {
        std::uint64_t largest = 0;
        for (const auto value : values) largest = value > largest ? value : largest;
        const std::uint32_t width = largest <= 0xFF          ? 1
                                    : largest <= 0xFFFF      ? 2
                                    : largest <= 0xFFFFFFFFU ? 4
                                                             : 8;
        std::vector<unsigned char> bytes(values.size() * width);
        for (std::size_t i = 0; i < values.size(); ++i) {
            const std::uint64_t value = values[i];
            switch (width) {
                case 1:
                    bytes[i] = static_cast<std::uint8_t>(value);
                    break;
                case 2:
                    store(bytes, i, static_cast<std::uint16_t>(value));
                    break;
                case 4:
                    store(bytes, i, static_cast<std::uint32_t>(value));
                    break;
                default:
                    store(bytes, i, value);
                    break;
            }
        }
        return CodeColumn(width, values.size(), Column<unsigned char>(std::move(bytes)));
    }
    // Codes in the mapped cache file: `width` bytes each, aligned to it.
    static CodeColumn view(std::uint32_t width, const unsigned char* data, std::size_t count,
                           const CacheBlocks* blocks = nullptr, std::uint32_t array = 0) {
        return CodeColumn(width, count, Column<unsigned char>::view(data, count * width, blocks, array));
    }

    [[nodiscard]] std::uint64_t operator[](std::size_t i) const {
        switch (width_) {
            case 1:
                return bytes_[i];
            case 2:
                return load<std::uint16_t>(i);
            case 4:
                return load<std::uint32_t>(i);
            default:
                return load<std::uint64_t>(i);
        }
    }
    [[nodiscard]] std::size_t size() const { return count_; }
    [[nodiscard]] std::uint32_t width() const { return width_; }
    [[nodiscard]] const unsigned char* data() const { return bytes_.data(); }
    [[nodiscard]] std::size_t bytes() const { return bytes_.size(); }

  private:
    CodeColumn(std::uint32_t width, std::size_t count, Column<unsigned char> bytes)
        : width_(width), count_(count), bytes_(std::move(bytes)) {}
    template <typename U>
    [[nodiscard]] U load(std::size_t i) const {  // memcpy: one aligned load, without type punning
        U value;
        bytes_.require(i * sizeof(U), (i + 1) * sizeof(U));
        std::memcpy(&value, bytes_.data() + i * sizeof(U), sizeof(U));
        return value;
    }
    template <typename U>
    static void store(std::vector<unsigned char>& bytes, std::size_t i, U value) {
        std::memcpy(bytes.data() + i * sizeof(U), &value, sizeof(U));
    }
    std::uint32_t width_ = 1;
    std::size_t count_ = 0;
    Column<unsigned char> bytes_;
};

// Store keys (SQLite row ids) as offsets from the smallest: four bytes each while they span less than
// 2^32, which they do unless rows were numbered by hand.
class KeyColumn {
  public:
    KeyColumn() = default;
    static KeyColumn of(const std::vector<std::int64_t>& keys) {
        KeyColumn column;
        column.base_ = keys.empty() ? 0 : keys.front();
        for (const auto key : keys) column.base_ = key < column.base_ ? key : column.base_;
        std::vector<std::uint64_t> offsets;
        offsets.reserve(keys.size());
        for (const auto key : keys)
            offsets.push_back(static_cast<std::uint64_t>(key) - static_cast<std::uint64_t>(column.base_));
        column.offsets_ = CodeColumn::narrowest(offsets);
        return column;
    }
    static KeyColumn view(std::int64_t base, CodeColumn offsets) {
        KeyColumn column;
        column.base_ = base;
        column.offsets_ = std::move(offsets);
        return column;
    }
    [[nodiscard]] std::int64_t operator[](std::size_t i) const {
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(base_) + offsets_[i]);
    }
    [[nodiscard]] std::size_t size() const { return offsets_.size(); }
    [[nodiscard]] std::int64_t base() const { return base_; }
    [[nodiscard]] const CodeColumn& offsets() const { return offsets_; }

  private:
    std::int64_t base_ = 0;
    CodeColumn offsets_;
};

}  // namespace kizuna
