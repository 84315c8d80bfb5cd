#include "graph_cache.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <system_error>
#include <type_traits>
#include <vector>

namespace kizuna {

namespace {

constexpr std::array<char, 8> kMagic = {'K', 'Z', 'G', 'R', 'A', 'P', 'H', '\0'};
// 2: each relation once, in a bidirectional CSR; 3: a data version in the stamp, a checksum at the end;
// 4: relation type categories; 5: Vietnamese type labels; 6: the entity kind vocabulary; 7: arrays
// aligned for mapping, narrow codes, a date dictionary, type counts, the seal time; 8: a checksum per
// 16 KiB block of every array and one over everything else, no seal time.
constexpr std::uint32_t kFormat = 8;
// Native byte order and layout: the cache belongs to the machine that wrote it.
constexpr std::uint32_t kByteOrderMark = 0x01020304;
constexpr std::size_t kAlign = 8;

struct Header {
    std::array<char, 8> magic = kMagic;
    std::uint32_t format = kFormat;
    std::uint32_t byte_order = kByteOrderMark;
    std::int64_t schema_version = 0;
    std::int64_t instance = 0;
    std::int64_t generation = 0;
    std::int64_t version = 0;
    std::uint64_t vertices = 0;
    std::uint64_t relations = 0;
};

// What precedes each array: the width of its elements, their count and (key columns) the base.
struct ArrayHead {
    std::uint32_t width = 0;
    std::uint32_t reserved = 0;
    std::uint64_t count = 0;
    std::int64_t base = 0;
};

// One array of a graph as the file holds it.
struct ArrayBytes {
    const unsigned char* data = nullptr;
    std::uint32_t width = 1;
    std::uint64_t count = 0;
    std::int64_t base = 0;
    [[nodiscard]] std::size_t bytes() const { return width * count; }
};

template <typename T>
ArrayBytes bytes_of(const Column<T>& column) {
    return {reinterpret_cast<const unsigned char*>(column.data()), sizeof(T), column.size(), 0};
}
ArrayBytes bytes_of(const CodeColumn& codes, std::int64_t base = 0) {
    return {codes.data(), codes.width(), codes.size(), base};
}

// The arrays of a graph in file order (CacheArray): what the writer writes, and what a damaged block is
// replaced with.
std::array<ArrayBytes, kCacheArrays> arrays_of(const Graph::Impl& g) {
    return {bytes_of(g.id_chars),
            bytes_of(g.id_offsets),
            bytes_of(g.eids.offsets(), g.eids.base()),
            bytes_of(g.kind_of),
            bytes_of(g.country_of),
            bytes_of(g.type_of),
            bytes_of(g.dates),
            bytes_of(g.start),
            bytes_of(g.end),
            bytes_of(g.rids.offsets(), g.rids.base()),
            bytes_of(g.forward_start),
            bytes_of(g.forward_target),
            bytes_of(g.backward_start),
            bytes_of(g.backward_source),
            bytes_of(g.backward_relation)};
}

// A running checksum (XXH3, 64 bits).
class Checksum {
  public:
    Checksum() : state_(XXH3_createState()) {
        if (state_ == nullptr) throw std::bad_alloc();
        XXH3_64bits_reset(state_);
    }
    ~Checksum() { XXH3_freeState(state_); }
    Checksum(const Checksum&) = delete;
    Checksum& operator=(const Checksum&) = delete;
    void add(const void* data, std::size_t size) { XXH3_64bits_update(state_, data, size); }
    [[nodiscard]] std::uint64_t digest() const { return XXH3_64bits_digest(state_); }

  private:
    XXH3_state_t* state_;
};

// Writes the file: arrays' bytes with a checksum per block, everything else into one running checksum.
class Writer {
  public:
    explicit Writer(const std::filesystem::path& file) : out_(file, std::ios::binary | std::ios::trunc) {}
    template <typename T>
    void value(const T& v) {
        bytes(&v, sizeof v);
    }
    void text(const std::string& s) {
        value(static_cast<std::uint64_t>(s.size()));
        bytes(s.data(), s.size());
    }
    // An array: its head, then its bytes, starting and ending at a multiple of kAlign.
    void array(const ArrayBytes& a) {
        pad();
        ArrayHead head;
        head.width = a.width;
        head.count = a.count;
        head.base = a.base;
        value(head);
        for (std::size_t at = 0; at < a.bytes(); at += CacheBlocks::kBlockSize)
            sums_.push_back(
                CacheBlocks::checksum(a.data + at, std::min(CacheBlocks::kBlockSize, a.bytes() - at)));
        write(a.data, a.bytes());
        pad();
    }
    // The block table, then the checksum of everything but the arrays' bytes as the file's last 8 bytes.
    void seal() {
        pad();
        value(static_cast<std::uint64_t>(sums_.size()));
        bytes(sums_.data(), sums_.size() * sizeof(std::uint64_t));
        const std::uint64_t digest = meta_.digest();
        write(&digest, sizeof digest);
    }
    bool finish() {
        out_.close();
        return !out_.fail();
    }

  private:
    void pad() {
        static constexpr std::array<char, kAlign> zeros{};
        if (offset_ % kAlign != 0) bytes(zeros.data(), kAlign - offset_ % kAlign);
    }
    void bytes(const void* data, std::size_t size) {
        meta_.add(data, size);
        write(data, size);
    }
    void write(const void* data, std::size_t size) {
        out_.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
        offset_ += size;
    }
    std::ofstream out_;
    Checksum meta_;
    std::vector<std::uint64_t> sums_;
    std::size_t offset_ = 0;
};

// The mapped file read front to back; every read is checked against its end, and everything but the
// arrays' bytes goes into the running checksum.
class Cursor {
  public:
    Cursor(const unsigned char* data, std::size_t size) : data_(data), size_(size) {}
    template <typename T>
    bool value(T& v) {
        if (size_ - offset_ < sizeof v) return false;
        std::memcpy(&v, data_ + offset_, sizeof v);
        meta_.add(data_ + offset_, sizeof v);
        offset_ += sizeof v;
        return true;
    }
    bool text(std::string& s) {
        std::uint64_t length = 0;
        if (!value(length) || length > kMaxText || size_ - offset_ < length) return false;
        s.assign(reinterpret_cast<const char*>(data_ + offset_), length);
        meta_.add(data_ + offset_, length);
        offset_ += length;
        return true;
    }
    // An array of `count` elements (any count when `count` is absent) of one of `widths`.
    bool array(ArrayBytes& a, std::initializer_list<std::uint32_t> widths,
               std::optional<std::uint64_t> count) {
        ArrayHead head;
        if (!pad() || !value(head)) return false;
        if (std::find(widths.begin(), widths.end(), head.width) == widths.end()) return false;
        if (count && head.count != *count) return false;
        if (head.count > (size_ - offset_) / head.width) return false;
        a = {data_ + offset_, head.width, head.count, head.base};
        offset_ += head.width * head.count;
        return pad();
    }
    bool table(std::vector<std::uint64_t>& sums, std::size_t expected) {
        std::uint64_t count = 0;
        if (!pad() || !value(count) || count != expected || (size_ - offset_) / sizeof(std::uint64_t) < count)
            return false;
        sums.resize(count);
        std::memcpy(sums.data(), data_ + offset_, count * sizeof(std::uint64_t));
        meta_.add(data_ + offset_, count * sizeof(std::uint64_t));
        offset_ += count * sizeof(std::uint64_t);
        return true;
    }
    // Nothing is left (of what precedes the checksum).
    [[nodiscard]] bool at_end() const { return offset_ == size_; }
    [[nodiscard]] std::uint64_t digest() const { return meta_.digest(); }

  private:
    bool pad() {
        const std::size_t padding = (kAlign - offset_ % kAlign) % kAlign;
        if (size_ - offset_ < padding) return false;
        meta_.add(data_ + offset_, padding);
        offset_ += padding;
        return true;
    }
    static constexpr std::uint64_t kMaxText = 1U << 20;
    const unsigned char* data_;
    std::size_t size_;
    std::size_t offset_ = 0;
    Checksum meta_;
};

// A read-only private mapping of a whole file; unmapped with its last owner. Private: a damaged block is
// repaired in this process's copy of its pages (cache_blocks.h), never in the file.
std::shared_ptr<const void> map_file(int descriptor, std::size_t size) {
    void* at = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, descriptor, 0);
    if (at == MAP_FAILED) return nullptr;
    return std::shared_ptr<const void>(at, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
}

// Removes the temporary files of cache writers that were killed: "<cache>.tmp<PID>" of a process that
// no longer runs.
void remove_abandoned(const std::filesystem::path& file) {
    const std::string prefix = file.filename().string() + ".tmp";
    std::error_code error;
    const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string digits = name.substr(prefix.size());
        if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
        const auto pid = static_cast<pid_t>(std::stol(digits));
        if (::kill(pid, 0) != 0 && errno == ESRCH) std::filesystem::remove(entry.path(), error);
    }
}

// Closes a file descriptor when it goes out of scope.
struct Descriptor {
    int fd;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

bool write_graph_cache(const Graph::Impl& g, const std::filesystem::path& file, int schema_version) {
    if (g.delta) return false;
    remove_abandoned(file);
    const std::filesystem::path temporary = file.string() + ".tmp" + std::to_string(::getpid());
    bool written = false;
    {
        Writer out(temporary);
        Header header;
        header.schema_version = schema_version;
        header.instance = g.instance;
        header.generation = g.generation;
        header.version = g.version;
        header.vertices = g.vertex_count();
        header.relations = g.relation_count();
        out.value(header);
        out.value(static_cast<std::uint64_t>(g.types.size()));
        for (std::size_t t = 0; t < g.types.size(); ++t) {
            const auto& type = g.types[t];
            out.text(type.id);
            out.text(type.label_en);
            out.text(type.label_ja);
            out.text(type.description);
            out.value(static_cast<std::uint8_t>(type.directed ? 1 : 0));
            out.text(type.category);
            out.text(type.label_vi);
            out.value(static_cast<std::uint64_t>(g.type_counts[t]));
        }
        out.value(static_cast<std::uint64_t>(g.kind_vocabulary.size()));
        for (const auto& kind : g.kind_vocabulary) {
            for (const auto* text :
                 {&kind.id, &kind.label_en, &kind.label_ja, &kind.label_vi, &kind.description})
                out.text(*text);
        }
        for (const auto* table : {&g.kinds, &g.countries}) {
            out.value(static_cast<std::uint64_t>(table->size()));
            for (const auto& item : *table) out.text(item);
        }
        for (const auto& a : arrays_of(g)) out.array(a);
        out.seal();
        written = out.finish();
    }
    std::error_code error;
    if (written) std::filesystem::rename(temporary, file, error);
    if (!written || error) {
        std::filesystem::remove(temporary, error);
        return false;
    }
    return true;
}

// The file is mapped, not read: a command reads only the pages its answer touches. What is small (the
// header, the vocabularies, the array heads and the block table) is checked whole here; each block of the
// arrays is checked the first time a read reaches it (cache_blocks.h), whatever the file's times say.
std::unique_ptr<Graph::Impl> read_graph_cache(const std::filesystem::path& file, int schema_version,
                                              const std::function<bool(const Store::DataStamp&)>& usable,
                                              std::function<std::unique_ptr<Graph::Impl>()> rebuild) {
    const Descriptor descriptor{::open(file.c_str(), O_RDONLY | O_CLOEXEC)};
    struct stat status {};
    if (descriptor.fd < 0 || ::fstat(descriptor.fd, &status) != 0 || !S_ISREG(status.st_mode) ||
        static_cast<std::size_t>(status.st_size) < sizeof(Header) + sizeof(std::uint64_t)) {
        return nullptr;
    }
    const auto size = static_cast<std::size_t>(status.st_size);
    Header header;
    if (::pread(descriptor.fd, &header, sizeof header, 0) != static_cast<ssize_t>(sizeof header))
        return nullptr;
    if (header.magic != kMagic || header.format != kFormat || header.byte_order != kByteOrderMark ||
        header.schema_version != schema_version ||
        !usable(Store::DataStamp{header.instance, header.generation, header.version})) {
        return nullptr;
    }
    const std::size_t n = header.vertices, m = header.relations;
    if (n >= std::numeric_limits<VertexId>::max() || m >= (1U << 31)) return nullptr;
    auto mapping = map_file(descriptor.fd, size);
    if (!mapping) return nullptr;
    const auto* bytes = static_cast<const unsigned char*>(mapping.get());

    auto g = std::make_unique<Graph::Impl>();
    g->instance = header.instance;
    g->generation = header.generation;
    g->version = header.version;
    Cursor in(bytes, size - sizeof(std::uint64_t));
    Header skipped;
    std::uint64_t count = 0;
    if (!in.value(skipped) || !in.value(count) || count > 0xFFFF) return nullptr;
    g->types.resize(count);
    g->type_counts.resize(count);
    std::uint64_t typed = 0;
    for (std::size_t t = 0; t < count; ++t) {
        auto& type = g->types[t];
        std::uint8_t directed = 0;
        std::uint64_t relations = 0;
        if (!in.text(type.id) || !in.text(type.label_en) || !in.text(type.label_ja) ||
            !in.text(type.description) || !in.value(directed) || !in.text(type.category) ||
            !in.text(type.label_vi) || !in.value(relations) || relations > m) {
            return nullptr;
        }
        type.directed = directed != 0;
        g->type_counts[t] = relations;
        typed += relations;
    }
    if (typed != m || !in.value(count) || count > 0xFFFF) return nullptr;
    g->kind_vocabulary.resize(count);
    for (auto& kind : g->kind_vocabulary) {
        for (auto* text : {&kind.id, &kind.label_en, &kind.label_ja, &kind.label_vi, &kind.description}) {
            if (!in.text(*text)) return nullptr;
        }
    }
    for (auto* table : {&g->kinds, &g->countries}) {
        if (!in.value(count) || count > 0xFFFF) return nullptr;
        table->resize(count);
        for (auto& item : *table) {
            if (!in.text(item)) return nullptr;
        }
    }
    const std::initializer_list<std::uint32_t> kCodes = {1, 2, 4, 8};
    std::array<ArrayBytes, kCacheArrays> a;
    if (!in.array(a[kIdChars], {1}, std::nullopt) || !in.array(a[kIdOffsets], {4}, n + 1) ||
        !in.array(a[kEntityKeys], kCodes, n) || !in.array(a[kKindOf], kCodes, n) ||
        !in.array(a[kCountryOf], kCodes, n) || !in.array(a[kTypeOf], kCodes, m) ||
        !in.array(a[kDates], {4}, std::nullopt) || !in.array(a[kStart], kCodes, m) ||
        !in.array(a[kEnd], kCodes, m) || !in.array(a[kRelationKeys], kCodes, m) ||
        !in.array(a[kForwardStart], {4}, n + 1) || !in.array(a[kForwardTarget], {4}, m) ||
        !in.array(a[kBackwardStart], {4}, n + 1) || !in.array(a[kBackwardSource], {4}, m) ||
        !in.array(a[kBackwardRelation], {4}, m)) {
        return nullptr;
    }
    std::size_t blocks = 0;
    for (const auto& array : a) blocks += CacheBlocks::blocks_of(array.bytes());
    std::vector<std::uint64_t> sums;
    std::uint64_t expected = 0;
    if (!in.table(sums, blocks) || !in.at_end()) return nullptr;
    std::memcpy(&expected, bytes + size - sizeof expected, sizeof expected);
    if (in.digest() != expected) return nullptr;
    // Codes need a dictionary to point into (a file that checks out has them; this costs nothing).
    if ((n > 0 && (g->kinds.empty() || g->countries.empty())) || (m > 0 && g->types.empty()) ||
        a[kIdChars].count > std::numeric_limits<std::uint32_t>::max() ||
        a[kDates].count > std::numeric_limits<std::uint32_t>::max()) {
        return nullptr;
    }

    using Rule = CacheBlocks::Rule;
    std::vector<CacheBlocks::Array> checked(kCacheArrays);
    for (std::size_t i = 0; i < kCacheArrays; ++i)
        checked[i] = {a[i].data, a[i].bytes(), a[i].width, Rule::Any, 0};
    auto rule = [&](CacheArray array, Rule r, std::uint64_t limit) {
        checked[array].rule = r;
        checked[array].limit = limit;
    };
    rule(kIdOffsets, Rule::RowStarts, a[kIdChars].count);
    rule(kKindOf, Rule::Below, g->kinds.size());
    rule(kCountryOf, Rule::Below, g->countries.size());
    rule(kTypeOf, Rule::Below, g->types.size());
    rule(kDates, Rule::Dates, 0);
    rule(kStart, Rule::Below, a[kDates].count);
    rule(kEnd, Rule::Below, a[kDates].count);
    rule(kForwardStart, Rule::RowStarts, m);
    rule(kForwardTarget, Rule::Below, n);
    rule(kBackwardStart, Rule::RowStarts, m);
    rule(kBackwardSource, Rule::Below, n);
    rule(kBackwardRelation, Rule::Below, m);
    // The first damaged block: the graph built anew, its bytes kept to replace damaged ones, and the file
    // rewritten so that the next command maps a sound one (when the folder is writable).
    auto rebuilt = [rebuild = std::move(rebuild), file, schema_version]() {
        std::shared_ptr<const Graph::Impl> graph = rebuild();
        (void)write_graph_cache(*graph, file, schema_version);
        CacheBlocks::Rebuilt out;
        for (const auto& array : arrays_of(*graph)) {
            out.arrays.push_back(array.data);
            out.sizes.push_back(array.bytes());
        }
        out.owner = std::move(graph);
        return out;
    };
    g->blocks = std::make_unique<CacheBlocks>(std::move(checked), std::move(sums), std::move(rebuilt));
    const CacheBlocks* check = g->blocks.get();

    auto column = [&](auto& target, CacheArray i) {
        using T = std::remove_cv_t<std::remove_reference_t<decltype(target[0])>>;
        target = std::remove_reference_t<decltype(target)>::view(reinterpret_cast<const T*>(a[i].data),
                                                                 a[i].count, check, i);
    };
    auto codes = [&](CacheArray i) { return CodeColumn::view(a[i].width, a[i].data, a[i].count, check, i); };
    column(g->id_chars, kIdChars);
    column(g->id_offsets, kIdOffsets);
    g->eids = KeyColumn::view(a[kEntityKeys].base, codes(kEntityKeys));
    g->kind_of = codes(kKindOf);
    g->country_of = codes(kCountryOf);
    g->type_of = codes(kTypeOf);
    column(g->dates, kDates);
    g->start = codes(kStart);
    g->end = codes(kEnd);
    g->rids = KeyColumn::view(a[kRelationKeys].base, codes(kRelationKeys));
    column(g->forward_start, kForwardStart);
    column(g->forward_target, kForwardTarget);
    column(g->backward_start, kBackwardStart);
    column(g->backward_source, kBackwardSource);
    column(g->backward_relation, kBackwardRelation);
    g->mapping = std::move(mapping);
    g->link();
    return g;
}

}  // namespace kizuna
