#include "graph_cache.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
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
#include <vector>

namespace kizuna {

namespace {

constexpr std::array<char, 8> kMagic = {'K', 'Z', 'G', 'R', 'A', 'P', 'H', '\0'};
// 2: each relation once, in a bidirectional CSR; 3: a data version in the stamp, a checksum at the end;
// 4: relation type categories; 5: Vietnamese type labels; 6: the entity kind vocabulary; 7: arrays
// aligned for mapping, narrow codes, a date dictionary, type counts, the seal time.
constexpr std::uint32_t kFormat = 7;
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
    // The modification time the writer gave the file (see read_graph_cache).
    std::int64_t seal_seconds = 0;
    std::int64_t seal_nanoseconds = 0;
};

// What precedes each array: the width of its elements, their count and (key columns) the base.
struct ArrayHead {
    std::uint32_t width = 0;
    std::uint32_t reserved = 0;
    std::uint64_t count = 0;
    std::int64_t base = 0;
};

// A running checksum (XXH3, 64 bits) of every byte written.
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
    void array(std::uint32_t width, std::uint64_t count, const void* data, std::int64_t base = 0) {
        pad();
        ArrayHead head;
        head.width = width;
        head.count = count;
        head.base = base;
        value(head);
        bytes(data, width * count);
        pad();
    }
    template <typename T>
    void array(const Column<T>& column) {
        array(sizeof(T), column.size(), column.data());
    }
    void array(const CodeColumn& codes, std::int64_t base = 0) {
        array(codes.width(), codes.size(), codes.data(), base);
    }
    // The checksum of everything written so far, as the file's last 8 bytes.
    void seal() {
        const std::uint64_t digest = sum_.digest();
        out_.write(reinterpret_cast<const char*>(&digest), sizeof digest);
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
        sum_.add(data, size);
        out_.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
        offset_ += size;
    }
    std::ofstream out_;
    Checksum sum_;
    std::size_t offset_ = 0;
};

// The mapped file read front to back; every read is checked against its end.
class Cursor {
  public:
    Cursor(const unsigned char* data, std::size_t size) : data_(data), size_(size) {}
    template <typename T>
    bool value(T& v) {
        if (size_ - offset_ < sizeof v) return false;
        std::memcpy(&v, data_ + offset_, sizeof v);
        offset_ += sizeof v;
        return true;
    }
    bool text(std::string& s) {
        std::uint64_t length = 0;
        if (!value(length) || length > kMaxText || size_ - offset_ < length) return false;
        s.assign(reinterpret_cast<const char*>(data_ + offset_), length);
        offset_ += length;
        return true;
    }
    // An array of `count` elements (any count when `count` is absent) of one of `widths`: where its
    // bytes are, else nullptr.
    const unsigned char* array(ArrayHead& head, std::initializer_list<std::uint32_t> widths,
                               std::optional<std::uint64_t> count) {
        if (!pad() || !value(head)) return nullptr;
        if (std::find(widths.begin(), widths.end(), head.width) == widths.end()) return nullptr;
        if (count && head.count != *count) return nullptr;
        if (head.count > (size_ - offset_) / head.width) return nullptr;
        const unsigned char* at = data_ + offset_;
        offset_ += head.width * head.count;
        return pad() ? at : nullptr;
    }
    template <typename T>
    bool column(Column<T>& column, std::uint64_t count) {
        ArrayHead head;
        const unsigned char* at = array(head, {sizeof(T)}, count);
        if (at == nullptr) return false;
        column = Column<T>::view(reinterpret_cast<const T*>(at), head.count);
        return true;
    }
    bool codes(CodeColumn& codes, std::uint64_t count) {
        ArrayHead head;
        const unsigned char* at = array(head, {1, 2, 4, 8}, count);
        if (at == nullptr) return false;
        codes = CodeColumn::view(head.width, at, head.count);
        return true;
    }
    bool keys(KeyColumn& keys, std::uint64_t count) {
        ArrayHead head;
        const unsigned char* at = array(head, {1, 2, 4, 8}, count);
        if (at == nullptr) return false;
        keys = KeyColumn::view(head.base, CodeColumn::view(head.width, at, head.count));
        return true;
    }
    // Nothing is left (of what precedes the checksum).
    [[nodiscard]] bool at_end() const { return offset_ == size_; }

  private:
    bool pad() {
        const std::size_t padding = (kAlign - offset_ % kAlign) % kAlign;
        if (size_ - offset_ < padding) return false;
        offset_ += padding;
        return true;
    }
    static constexpr std::uint64_t kMaxText = 1U << 20;
    const unsigned char* data_;
    std::size_t size_;
    std::size_t offset_ = 0;
};

// A read-only private mapping of a whole file; unmapped with its last owner.
std::shared_ptr<const void> map_file(int descriptor, std::size_t size) {
    void* at = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, descriptor, 0);
    if (at == MAP_FAILED) return nullptr;
    return std::shared_ptr<const void>(at, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
}

template <typename Values>
bool all_below(const Values& values, std::size_t limit) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] >= limit) return false;
    }
    return true;
}

// Row starts of a CSR with `edges` edges: from 0 to edges, never decreasing.
bool rows_valid(const Column<std::uint32_t>& row_start, std::size_t edges) {
    if (row_start.empty() || row_start[0] != 0 || row_start.back() != edges) return false;
    for (std::size_t v = 0; v + 1 < row_start.size(); ++v) {
        if (row_start[v] > row_start[v + 1]) return false;
    }
    return true;
}

// Every value of a file that a damaged byte could make point outside its array.
bool consistent(const Graph::Impl& g) {
    const std::size_t n = g.vertex_count(), m = g.relation_count();
    if (g.id_offsets.back() != g.id_chars.size() || !rows_valid(g.forward_start, m) ||
        !rows_valid(g.backward_start, m) || !all_below(g.forward_target, n) ||
        !all_below(g.backward_source, n) || !all_below(g.backward_relation, m) ||
        !all_below(g.kind_of, g.kinds.size()) || !all_below(g.country_of, g.countries.size()) ||
        !all_below(g.type_of, g.types.size()) || !all_below(g.start, g.dates.size()) ||
        !all_below(g.end, g.dates.size())) {
        return false;
    }
    for (std::size_t v = 0; v < n; ++v) {
        if (g.id_offsets[v] > g.id_offsets[v + 1]) return false;
    }
    std::vector<std::size_t> counts(g.types.size(), 0);
    for (std::size_t r = 0; r < m; ++r) ++counts[g.type_of[r]];
    return counts == g.type_counts;
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
    remove_abandoned(file);
    const std::filesystem::path temporary = file.string() + ".tmp" + std::to_string(::getpid());
    timespec seal{};
    ::clock_gettime(CLOCK_REALTIME, &seal);
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
        header.seal_seconds = seal.tv_sec;
        header.seal_nanoseconds = seal.tv_nsec;
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
        out.array(g.id_chars);
        out.array(g.id_offsets);
        out.array(g.eids.offsets(), g.eids.base());
        out.array(g.kind_of);
        out.array(g.country_of);
        out.array(g.type_of);
        out.array(g.dates);
        out.array(g.start);
        out.array(g.end);
        out.array(g.rids.offsets(), g.rids.base());
        out.array(g.forward_start);
        out.array(g.forward_target);
        out.array(g.backward_start);
        out.array(g.backward_source);
        out.array(g.backward_relation);
        out.seal();
        written = out.finish();
    }
    // The seal: the file's modification time is set to the time in its header. Any later write to the
    // file moves it, so a reader that finds it unmoved can map the file without checking every byte.
    const std::array<timespec, 2> times{seal, seal};
    written = written && ::utimensat(AT_FDCWD, temporary.c_str(), times.data(), 0) == 0;
    std::error_code error;
    if (written) std::filesystem::rename(temporary, file, error);
    if (!written || error) {
        std::filesystem::remove(temporary, error);
        return false;
    }
    return true;
}

// The file is mapped, not read: a command reads only the pages its answer touches. A file whose
// modification time is still the one its writer sealed it with has not been written since, and is
// used as it is; any other (touched, damaged, truncated, copied without its times) is read whole: its
// checksum and every index in it are checked before it is used. What neither check can see is a disk
// that changes bytes without writing them, the same trust SQLite's own pages get.
std::unique_ptr<Graph::Impl> read_graph_cache(const std::filesystem::path& file, int schema_version,
                                              const Store::DataStamp& stamp) {
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
        header.schema_version != schema_version || header.instance != stamp.instance ||
        header.generation != stamp.generation || header.version != stamp.version) {
        return nullptr;
    }
    const std::size_t n = header.vertices, m = header.relations;
    if (n >= std::numeric_limits<VertexId>::max() || m >= (1U << 31)) return nullptr;
    auto mapping = map_file(descriptor.fd, size);
    if (!mapping) return nullptr;
    const auto* bytes = static_cast<const unsigned char*>(mapping.get());
    const bool sealed =
        status.st_mtim.tv_sec == header.seal_seconds && status.st_mtim.tv_nsec == header.seal_nanoseconds;
    if (!sealed) {
        std::uint64_t expected = 0;
        std::memcpy(&expected, bytes + size - sizeof expected, sizeof expected);
        if (XXH3_64bits(bytes, size - sizeof expected) != expected) return nullptr;
    }

    auto g = std::make_unique<Graph::Impl>();
    g->instance = stamp.instance;
    g->generation = stamp.generation;
    g->version = stamp.version;
    Cursor in(bytes, size - sizeof(std::uint64_t));
    Header skipped;
    std::uint64_t count = 0;
    if (!in.value(skipped) || !in.value(count) || count > 0xFFFF) return nullptr;
    g->types.resize(count);
    g->type_counts.resize(count);
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
    }
    if (!in.value(count) || count > 0xFFFF) return nullptr;
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
    ArrayHead head;
    const unsigned char* id_chars = in.array(head, {1}, std::nullopt);
    if (id_chars == nullptr) return nullptr;
    g->id_chars = Column<char>::view(reinterpret_cast<const char*>(id_chars), head.count);
    if (!in.column(g->id_offsets, n + 1) || !in.keys(g->eids, n) || !in.codes(g->kind_of, n) ||
        !in.codes(g->country_of, n) || !in.codes(g->type_of, m)) {
        return nullptr;
    }
    const unsigned char* dates = in.array(head, {sizeof(std::int32_t)}, std::nullopt);
    if (dates == nullptr) return nullptr;
    g->dates = Column<std::int32_t>::view(reinterpret_cast<const std::int32_t*>(dates), head.count);
    if (!in.codes(g->start, m) || !in.codes(g->end, m) || !in.keys(g->rids, m) ||
        !in.column(g->forward_start, n + 1) || !in.column(g->forward_target, m) ||
        !in.column(g->backward_start, n + 1) || !in.column(g->backward_source, m) ||
        !in.column(g->backward_relation, m) || !in.at_end()) {
        return nullptr;
    }
    // A file read whole is checked index by index: a damaged one must not send a traversal out of bounds.
    if (!sealed && !consistent(*g)) return nullptr;
    if (g->id_offsets.back() != g->id_chars.size() || g->forward_start.back() != m ||
        g->backward_start.back() != m) {
        return nullptr;
    }
    g->mapping = std::move(mapping);
    g->link();
    return g;
}

}  // namespace kizuna
