#include "graph_cache.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <system_error>
#include <vector>

namespace kizuna {

namespace {

constexpr std::array<char, 8> kMagic = {'K', 'Z', 'G', 'R', 'A', 'P', 'H', '\0'};
constexpr std::uint32_t kFormat = 2;  // 2: each relation once, in a bidirectional CSR
// Native byte order and layout: the cache belongs to the machine that wrote it.
constexpr std::uint32_t kByteOrderMark = 0x01020304;

struct Header {
    std::array<char, 8> magic = kMagic;
    std::uint32_t format = kFormat;
    std::uint32_t byte_order = kByteOrderMark;
    std::int64_t schema_version = 0;
    std::int64_t instance = 0;
    std::int64_t generation = 0;
    std::uint64_t vertices = 0;
    std::uint64_t relations = 0;
    std::uint64_t id_bytes = 0;
};

class Writer {
  public:
    explicit Writer(const std::filesystem::path& file) : out_(file, std::ios::binary | std::ios::trunc) {}
    template <typename T>
    void value(const T& v) {
        out_.write(reinterpret_cast<const char*>(&v), sizeof v);
    }
    template <typename T>
    void array(const std::vector<T>& items) {
        out_.write(reinterpret_cast<const char*>(items.data()),
                   static_cast<std::streamsize>(items.size() * sizeof(T)));
    }
    void chars(const std::string& s) { out_.write(s.data(), static_cast<std::streamsize>(s.size())); }
    void text(const std::string& s) {
        value(static_cast<std::uint64_t>(s.size()));
        chars(s);
    }
    bool finish() {
        out_.flush();
        return static_cast<bool>(out_);
    }

  private:
    std::ofstream out_;
};

class Reader {
  public:
    explicit Reader(const std::filesystem::path& file) : in_(file, std::ios::binary) {}
    [[nodiscard]] bool ok() const { return static_cast<bool>(in_); }
    template <typename T>
    bool value(T& v) {
        in_.read(reinterpret_cast<char*>(&v), sizeof v);
        return ok();
    }
    template <typename T>
    bool array(std::vector<T>& items, std::size_t count) {
        items.resize(count);
        in_.read(reinterpret_cast<char*>(items.data()), static_cast<std::streamsize>(count * sizeof(T)));
        return ok();
    }
    bool text(std::string& s) {
        std::uint64_t size = 0;
        if (!value(size) || size > kMaxText) return false;
        s.resize(size);
        in_.read(s.data(), static_cast<std::streamsize>(size));
        return ok();
    }
    bool chars(std::string& s, std::size_t size) {
        s.resize(size);
        in_.read(s.data(), static_cast<std::streamsize>(size));
        return ok();
    }
    bool at_end() { return in_.peek() == std::char_traits<char>::eof(); }

  private:
    static constexpr std::uint64_t kMaxText = 1U << 20;
    std::ifstream in_;
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

}  // namespace

bool write_graph_cache(const Graph::Impl& g, const std::filesystem::path& file, int schema_version) {
    const std::size_t n = g.eids.size();
    const std::filesystem::path temporary = file.string() + ".tmp" + std::to_string(::getpid());
    bool written = false;
    {
        Writer out(temporary);
        Header header;
        header.schema_version = schema_version;
        header.instance = g.instance;
        header.generation = g.generation;
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
        }
        for (const auto* table : {&g.kinds, &g.countries}) {
            out.value(static_cast<std::uint64_t>(table->size()));
            for (const auto& item : *table) out.text(item);
        }
        out.chars(g.id_chars);  // its length is in the header
        for_each_array(g, n, g.rids.size(), [&](const auto& items, std::size_t) { out.array(items); });
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
                                              std::int64_t instance, std::int64_t generation) {
    Reader in(file);
    Header header;
    if (!in.ok() || !in.value(header)) return nullptr;
    if (header.magic != kMagic || header.format != kFormat || header.byte_order != kByteOrderMark ||
        header.schema_version != schema_version || header.instance != instance ||
        header.generation != generation) {
        return nullptr;
    }
    const std::size_t n = header.vertices, m = header.relations;
    if (n >= std::numeric_limits<VertexId>::max() || m >= (1U << 31)) return nullptr;
    auto g = std::make_unique<Graph::Impl>();
    g->instance = instance;
    g->generation = generation;
    std::uint64_t count = 0;
    if (!in.value(count) || count > 0xFFFF) return nullptr;
    g->types.resize(count);
    for (auto& type : g->types) {
        std::uint8_t directed = 0;
        if (!in.text(type.id) || !in.text(type.label_en) || !in.text(type.label_ja) ||
            !in.text(type.description) || !in.value(directed)) {
            return nullptr;
        }
        type.directed = directed != 0;
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
    if (!complete || !in.at_end()) return nullptr;
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
    for (const auto type : g->type_of) {
        if (type >= g->types.size()) return nullptr;
    }
    return g;
}

}  // namespace kizuna
