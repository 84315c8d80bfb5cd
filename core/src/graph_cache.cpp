#include "graph_cache.h"

#include <signal.h>
#include <unistd.h>
#include <xxhash.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <new>
#include <string>
#include <system_error>
#include <vector>

namespace kizuna {

namespace {

constexpr std::array<char, 8> kMagic = {'K', 'Z', 'G', 'R', 'A', 'P', 'H', '\0'};
// 2: each relation once, in a bidirectional CSR; 3: a data version in the stamp, a checksum at the end;
// 4: relation type categories; 5: Vietnamese type labels; 6: the entity kind vocabulary.
constexpr std::uint32_t kFormat = 6;
// Native byte order and layout: the cache belongs to the machine that wrote it.
constexpr std::uint32_t kByteOrderMark = 0x01020304;

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
    std::uint64_t id_bytes = 0;
};

// A running checksum (XXH3, 64 bits) of every byte written or read: a file whose bytes changed after it
// was written is never used, whatever the change.
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
    template <typename T>
    void array(const std::vector<T>& items) {
        bytes(items.data(), items.size() * sizeof(T));
    }
    void chars(const std::string& s) { bytes(s.data(), s.size()); }
    // The checksum of everything written so far, as the file's last 8 bytes.
    void seal() {
        const std::uint64_t digest = sum_.digest();
        out_.write(reinterpret_cast<const char*>(&digest), sizeof digest);
    }
    void text(const std::string& s) {
        value(static_cast<std::uint64_t>(s.size()));
        chars(s);
    }
    bool finish() {
        out_.flush();
        return static_cast<bool>(out_);
    }

  private:
    void bytes(const void* data, std::size_t size) {
        sum_.add(data, size);
        out_.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    std::ofstream out_;
    Checksum sum_;
};

class Reader {
  public:
    explicit Reader(const std::filesystem::path& file) : in_(file, std::ios::binary) {}
    [[nodiscard]] bool ok() const { return static_cast<bool>(in_); }
    template <typename T>
    bool value(T& v) {
        return bytes(&v, sizeof v);
    }
    template <typename T>
    bool array(std::vector<T>& items, std::size_t count) {
        items.resize(count);
        return bytes(items.data(), count * sizeof(T));
    }
    bool text(std::string& s) {
        std::uint64_t size = 0;
        if (!value(size) || size > kMaxText) return false;
        s.resize(size);
        return bytes(s.data(), size);
    }
    bool chars(std::string& s, std::size_t size) {
        s.resize(size);
        return bytes(s.data(), size);
    }
    // The file ends with the checksum of everything read before it, and nothing after.
    bool sealed() {
        const std::uint64_t expected = sum_.digest();
        std::uint64_t digest = 0;
        in_.read(reinterpret_cast<char*>(&digest), sizeof digest);
        return ok() && digest == expected && in_.peek() == std::char_traits<char>::eof();
    }

  private:
    bool bytes(void* data, std::size_t size) {
        in_.read(static_cast<char*>(data), static_cast<std::streamsize>(size));
        if (!ok()) return false;
        sum_.add(data, size);
        return true;
    }
    static constexpr std::uint64_t kMaxText = 1U << 20;
    std::ifstream in_;
    Checksum sum_;
};

bool all_below(const std::vector<std::uint32_t>& values, std::size_t limit) {
    for (const auto value : values) {
        if (value >= limit) return false;
    }
    return true;
}

// Every array of the file after the header, the tables and the id characters, in file order, with its
// length for n vertices and m relations: one list for the writer and the reader. The graph's arrays are
// Boost's CSR arrays as they are (public members of compressed_sparse_row_graph): reading them back
// needs no sorting, which keeps a cold command fast on millions of relations.
template <typename Impl, typename Visit>
void for_each_array(Impl& g, std::size_t n, std::size_t m, Visit&& visit) {
    visit(g.id_offsets, n + 1);
    visit(g.eids, n);
    visit(g.kind_of, n);
    visit(g.country_of, n);
    visit(g.type_of, m);
    visit(g.start, m);
    visit(g.end, m);
    visit(g.rids, m);
    visit(g.csr.m_forward.m_rowstart, n + 1);
    visit(g.csr.m_forward.m_column, m);
    visit(g.csr.m_backward.m_rowstart, n + 1);
    visit(g.csr.m_backward.m_column, m);
    visit(g.csr.m_backward.m_edge_properties, m);
}

// Row starts of a CSR with `edges` edges: from 0 to edges, never decreasing.
bool rows_valid(const std::vector<std::uint32_t>& row_start, std::size_t edges) {
    if (row_start.empty() || row_start.front() != 0 || row_start.back() != edges) return false;
    for (std::size_t v = 0; v + 1 < row_start.size(); ++v) {
        if (row_start[v] > row_start[v + 1]) return false;
    }
    return true;
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

}  // namespace

bool write_graph_cache(const Graph::Impl& g, const std::filesystem::path& file, int schema_version) {
    remove_abandoned(file);
    const std::size_t n = g.eids.size();
    const std::filesystem::path temporary = file.string() + ".tmp" + std::to_string(::getpid());
    bool written = false;
    {
        Writer out(temporary);
        Header header;
        header.schema_version = schema_version;
        header.instance = g.instance;
        header.generation = g.generation;
        header.version = g.version;
        header.vertices = n;
        header.relations = g.rids.size();
        header.id_bytes = g.id_chars.size();
        out.value(header);
        out.value(static_cast<std::uint64_t>(g.types.size()));
        for (const auto& type : g.types) {
            out.text(type.id);
            out.text(type.label_en);
            out.text(type.label_ja);
            out.text(type.description);
            out.value(static_cast<std::uint8_t>(type.directed ? 1 : 0));
            out.text(type.category);
            out.text(type.label_vi);
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
        out.chars(g.id_chars);  // its length is in the header
        for_each_array(g, n, g.rids.size(), [&](const auto& items, std::size_t) { out.array(items); });
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

std::unique_ptr<Graph::Impl> read_graph_cache(const std::filesystem::path& file, int schema_version,
                                              const Store::DataStamp& stamp) {
    Reader in(file);
    Header header;
    if (!in.ok() || !in.value(header)) return nullptr;
    if (header.magic != kMagic || header.format != kFormat || header.byte_order != kByteOrderMark ||
        header.schema_version != schema_version || header.instance != stamp.instance ||
        header.generation != stamp.generation || header.version != stamp.version) {
        return nullptr;
    }
    const std::size_t n = header.vertices, m = header.relations;
    if (n >= std::numeric_limits<VertexId>::max() || m >= (1U << 31)) return nullptr;
    // The arrays' sizes follow from the header: a damaged header must not make the reader allocate more
    // than the file holds (bytes per vertex: id offset, key, kind, country, two row starts; per relation:
    // type, dates, key, forward column, backward column and index).
    std::error_code error;
    const auto file_size = std::filesystem::file_size(file, error);
    constexpr std::uint64_t kVertexBytes = 4 + 8 + 2 + 2 + 4 + 4, kRelationBytes = 2 + 4 + 4 + 8 + 4 + 4 + 4;
    if (error || header.id_bytes > file_size || kVertexBytes * n + kRelationBytes * m > file_size)
        return nullptr;
    auto g = std::make_unique<Graph::Impl>();
    g->instance = stamp.instance;
    g->generation = stamp.generation;
    g->version = stamp.version;
    std::uint64_t count = 0;
    if (!in.value(count) || count > 0xFFFF) return nullptr;
    g->types.resize(count);
    for (auto& type : g->types) {
        std::uint8_t directed = 0;
        if (!in.text(type.id) || !in.text(type.label_en) || !in.text(type.label_ja) ||
            !in.text(type.description) || !in.value(directed) || !in.text(type.category) ||
            !in.text(type.label_vi)) {
            return nullptr;
        }
        type.directed = directed != 0;
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
    bool complete = in.chars(g->id_chars, header.id_bytes);
    for_each_array(*g, n, m,
                   [&](auto& items, std::size_t length) { complete = complete && in.array(items, length); });
    if (!complete || !in.sealed()) return nullptr;
    const auto& forward = g->csr.m_forward;
    const auto& backward = g->csr.m_backward;
    // A damaged file must not send a traversal out of bounds.
    if (g->id_offsets.back() != header.id_bytes || !rows_valid(forward.m_rowstart, m) ||
        !rows_valid(backward.m_rowstart, m) || !all_below(forward.m_column, n) ||
        !all_below(backward.m_column, n) || !all_below(backward.m_edge_properties, m)) {
        return nullptr;
    }
    for (std::size_t v = 0; v < n; ++v) {
        if (g->id_offsets[v] > g->id_offsets[v + 1] || g->kind_of[v] >= g->kinds.size() ||
            g->country_of[v] >= g->countries.size()) {
            return nullptr;
        }
    }
    g->type_counts.assign(g->types.size(), 0);
    for (const auto type : g->type_of) {
        if (type >= g->types.size()) return nullptr;
        ++g->type_counts[type];
    }
    return g;
}

}  // namespace kizuna
