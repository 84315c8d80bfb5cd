#include "kizuna/core/graph.h"

#include <algorithm>
#include <future>
#include <limits>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "kizuna/core/errors.h"
#include "kizuna/core/graph_impl.h"
#include "graph_cache.h"
#include "store_impl.h"

namespace kizuna {

namespace {

std::uint16_t intern(const std::string& value, std::vector<std::string>& table,
                     std::unordered_map<std::string, std::uint16_t>& index) {
    const auto [it, inserted] = index.try_emplace(value, static_cast<std::uint16_t>(table.size()));
    if (inserted) {
        if (table.size() == std::numeric_limits<std::uint16_t>::max()) {
            throw StorageError("too many distinct kinds or countries for the in-memory graph");
        }
        table.push_back(value);
    }
    return it->second;
}

// values[i] = old values[order[i]], into a vector of exactly the right size.
template <typename T>
void permute(std::vector<T>& values, const std::vector<std::uint32_t>& order) {
    std::vector<T> out;
    out.reserve(order.size());
    for (const auto i : order) out.push_back(values[i]);
    values.swap(out);
}

}  // namespace

Graph::Graph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Graph::~Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

namespace {

// The (instance, generation) stamp of the store's data as of the current read snapshot.
std::pair<std::int64_t, std::int64_t> data_stamp(SQLite::Database& db) {
    SQLite::Statement query(db,
                            "SELECT (SELECT value FROM meta WHERE key = 'instance'), "
                            "(SELECT value FROM meta WHERE key = 'generation')");
    query.executeStep();
    return {query.getColumn(0).getInt64(), query.getColumn(1).getInt64()};
}

}  // namespace

Graph Graph::load(const Store& store, const std::function<void()>& before_building) {
    std::pair<std::int64_t, std::int64_t> stamp;
    try {
        stamp = data_stamp(store.impl().db);
    } catch (const SQLite::Exception& e) {
        throw StorageError(store.path().string() + ": cannot read the graph: " + e.getErrorStr());
    }
    const auto cache = cache_path(store.path());
    if (auto impl = read_graph_cache(cache, store.schema_version(), stamp.first, stamp.second)) {
        impl->store = &store.impl();
        return Graph(std::move(impl));
    }
    if (before_building) before_building();
    Graph graph = build(store);
    // Written on another thread while the caller uses the graph (only reads, on both sides): a million
    // relations are 33 MB to write, ten million 335 MB, and only later commands need the file.
    graph.impl_->saving = std::async(std::launch::async, [impl = graph.impl_.get(), file = cache_path(store.path()),
                                                          version = store.schema_version()] {
        return write_graph_cache(*impl, file, version);
    });
    return graph;
}

bool Graph::save_cache(const Store& store, const Graph& graph) {
    return write_graph_cache(*graph.impl_, cache_path(store.path()), store.schema_version());
}

std::filesystem::path Graph::cache_path(const std::filesystem::path& database) {
    return database.string() + "-graph";
}

Graph Graph::build(const Store& store) {
    auto impl = std::make_unique<Impl>();
    impl->store = &store.impl();
    auto& db = store.impl().db;
    std::vector<VertexId> from, to;  // of each relation, in relation-id order
    try {
        // One read transaction: the entities, the relations and the stamp are of the same snapshot.
        SQLite::Transaction snapshot(db, SQLite::TransactionBehavior::DEFERRED);
        std::tie(impl->instance, impl->generation) = data_stamp(db);
        impl->types = store.relation_types();
        std::unordered_map<std::string, std::uint16_t> kind_index, country_index;
        // A few dozen types at most: a scan over them is quicker than hashing a string per relation.
        auto type_of = [&](std::string_view id) {
            for (std::size_t i = 0; i < impl->types.size(); ++i) {
                if (impl->types[i].id == id) return static_cast<std::uint16_t>(i);
            }
            throw StorageError("relation of unknown type '" + std::string(id) + "'");
        };

        // Entity rows are SQLite rowids, dense from 1 unless a file was edited by hand: the vertex of a
        // row by direct index then, else by binary search over (row, vertex) pairs.
        SQLite::Statement extent(db, "SELECT count(*), coalesce(min(eid), 0), coalesce(max(eid), 0) FROM entities");
        extent.executeStep();
        const auto largest_row = extent.getColumn(2).getInt64();
        const bool dense = extent.getColumn(1).getInt64() >= 0 && largest_row <= 8 * extent.getColumn(0).getInt64() + 1024;
        constexpr VertexId kNoVertex = std::numeric_limits<VertexId>::max();
        std::vector<VertexId> vertex_of_eid(dense ? static_cast<std::size_t>(largest_row) + 1 : 0, kNoVertex);
        std::vector<std::pair<std::int64_t, VertexId>> sparse;  // (row, vertex), sorted, when not dense
        auto vertex_of = [&](std::int64_t eid) {
            VertexId v = kNoVertex;
            if (dense) {
                if (eid >= 0 && eid <= largest_row) v = vertex_of_eid[static_cast<std::size_t>(eid)];
            } else {
                const auto it = std::lower_bound(sparse.begin(), sparse.end(), std::make_pair(eid, VertexId{0}));
                if (it != sparse.end() && it->first == eid) v = it->second;
            }
            if (v == kNoVertex) throw StorageError("relation to a missing entity row " + std::to_string(eid));
            return v;
        };
        SQLite::Statement entities(db, "SELECT eid, id, kind, country FROM entities ORDER BY id");
        impl->id_offsets.push_back(0);
        while (entities.executeStep()) {
            const auto eid = entities.getColumn(0).getInt64();
            const auto v = static_cast<VertexId>(impl->eids.size());
            if (dense) {
                vertex_of_eid[static_cast<std::size_t>(eid)] = v;
            } else {
                sparse.emplace_back(eid, v);
            }
            impl->eids.push_back(eid);
            impl->id_chars += entities.getColumn(1).getString();
            impl->id_offsets.push_back(static_cast<std::uint32_t>(impl->id_chars.size()));
            impl->kind_of.push_back(intern(entities.getColumn(2).getString(), impl->kinds, kind_index));
            impl->country_of.push_back(intern(entities.getColumn(3).getString(), impl->countries, country_index));
        }

        std::sort(sparse.begin(), sparse.end());
        // The endpoints' rows become vertices on a second thread, a chunk behind the reading: those
        // lookups (random reads into a table as large as the entities) were a sixth of the build at 10M.
        // One chunk is mapped at a time, in order, so from and to are only ever written by one thread.
        constexpr std::size_t kChunkRows = 1 << 16;
        auto map_rows = [&](std::vector<std::int64_t> rows) {  // (from row, to row) pairs
            for (std::size_t i = 0; i < rows.size(); i += 2) {
                from.push_back(vertex_of(rows[i]));
                to.push_back(vertex_of(rows[i + 1]));
            }
        };
        std::future<void> mapping;
        std::vector<std::int64_t> rows;
        rows.reserve(2 * kChunkRows);
        // Read in relation-id order, then renumbered below in the CSR's order.
        SQLite::Statement relations(db, "SELECT rid, type, src, dst, start, \"end\" FROM relations ORDER BY id");
        while (relations.executeStep()) {
            impl->rids.push_back(relations.getColumn(0).getInt64());
            const auto type = relations.getColumn(1);
            impl->type_of.push_back(type_of(std::string_view(type.getText(), static_cast<std::size_t>(type.getBytes()))));
            rows.push_back(relations.getColumn(2).getInt64());
            rows.push_back(relations.getColumn(3).getInt64());
            const auto start = read_date(relations.getColumn(4));
            const auto end = read_date(relations.getColumn(5));
            impl->start.push_back(start ? start->packed() : 0);
            impl->end.push_back(end ? end->packed() : 0);
            if (rows.size() == 2 * kChunkRows) {
                if (mapping.valid()) mapping.get();  // rethrows a missing entity row
                mapping = std::async(std::launch::async, map_rows, std::move(rows));
                rows = {};
                rows.reserve(2 * kChunkRows);
            }
        }
        if (mapping.valid()) mapping.get();
        map_rows(std::move(rows));
        snapshot.commit();
    } catch (const SQLite::Exception& e) {
        throw StorageError(store.path().string() + ": cannot read the graph: " + e.getErrorStr());
    }

    // Relation r becomes the CSR's forward edge r: relations sorted by (from, to, relation id), which
    // Boost's counting sort by source keeps, so a relation's index is its position and needs no storage.
    // (Sorting (ends, index) pairs in place was measured much quicker than a stable sort of indices
    // that reads both endpoint columns at every comparison.)
    const std::size_t relation_count = impl->rids.size();
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;  // (from << 32 | to, relation-id order)
    keyed.reserve(relation_count);
    for (std::uint32_t r = 0; r < relation_count; ++r) {
        keyed.emplace_back(static_cast<std::uint64_t>(from[r]) << 32 | to[r], r);
    }
    std::vector<VertexId>().swap(from);
    std::vector<VertexId>().swap(to);
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::uint32_t> order;
    std::vector<std::pair<VertexId, VertexId>> ends;
    order.reserve(relation_count);
    ends.reserve(relation_count);
    for (const auto& [key, r] : keyed) {
        order.push_back(r);
        ends.emplace_back(static_cast<VertexId>(key >> 32), static_cast<VertexId>(key & 0xFFFFFFFFU));
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>>().swap(keyed);
    permute(impl->rids, order);
    permute(impl->type_of, order);
    permute(impl->start, order);
    permute(impl->end, order);
    std::vector<std::uint32_t>().swap(order);
    impl->csr = CsrGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(),
                         static_cast<std::uint32_t>(impl->eids.size()));
    impl->id_chars.shrink_to_fit();
    impl->id_offsets.shrink_to_fit();
    impl->eids.shrink_to_fit();
    impl->kind_of.shrink_to_fit();
    impl->country_of.shrink_to_fit();
    return Graph(std::move(impl));
}

std::size_t Graph::vertex_count() const { return impl_->eids.size(); }
std::size_t Graph::relation_count() const { return impl_->rids.size(); }
std::int64_t Graph::generation() const { return impl_->generation; }

Graph::MemoryUse Graph::memory_use() const {
    const Impl& g = *impl_;
    auto bytes = [](const auto& vector) { return vector.capacity() * sizeof(vector[0]); };
    MemoryUse use;
    use.adjacency = bytes(g.csr.m_forward.m_rowstart) + bytes(g.csr.m_forward.m_column) +
                    bytes(g.csr.m_backward.m_rowstart) + bytes(g.csr.m_backward.m_column) +
                    bytes(g.csr.m_backward.m_edge_properties);
    use.relations = bytes(g.type_of) + bytes(g.start) + bytes(g.end);
    use.row_ids = bytes(g.rids) + bytes(g.eids);
    use.entities = g.id_chars.capacity() + bytes(g.id_offsets) + bytes(g.kind_of) + bytes(g.country_of);
    return use;
}

std::optional<VertexId> Graph::find(std::string_view entity_id) const {
    std::size_t low = 0, high = vertex_count();
    while (low < high) {  // vertices are in id order
        const std::size_t middle = (low + high) / 2;
        const auto id = this->entity_id(static_cast<VertexId>(middle));
        if (id == entity_id) return static_cast<VertexId>(middle);
        if (id < entity_id) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return std::nullopt;
}

std::string_view Graph::entity_id(VertexId v) const {
    const auto begin = impl_->id_offsets[v];
    return std::string_view(impl_->id_chars).substr(begin, impl_->id_offsets[v + 1] - begin);
}

const std::string& Graph::kind(VertexId v) const { return impl_->kinds[impl_->kind_of[v]]; }
const std::string& Graph::country(VertexId v) const { return impl_->countries[impl_->country_of[v]]; }
// The CSR keeps each relation's source implicitly, as the row it is in: a binary search over row starts.
VertexId Graph::from(RelationIndex r) const { return boost::source(boost::edge_from_index(r, impl_->csr), impl_->csr); }
VertexId Graph::to(RelationIndex r) const { return impl_->csr.m_forward.m_column[r]; }
const RelationType& Graph::type(RelationIndex r) const { return impl_->types[impl_->type_of[r]]; }
std::optional<PartialDate> Graph::start(RelationIndex r) const { return PartialDate::from_packed(impl_->start[r]); }
std::optional<PartialDate> Graph::end(RelationIndex r) const { return PartialDate::from_packed(impl_->end[r]); }
const std::vector<RelationType>& Graph::relation_types() const { return impl_->types; }

Entity Graph::entity(VertexId v) const {
    SQLite::Statement query(impl_->store->db,
                            std::string("SELECT ") + kEntityColumns + " FROM entities e WHERE e.eid = ?");
    query.bind(1, impl_->eids[v]);
    if (!query.executeStep()) throw StorageError("entity changed while answering; run the query again");
    return read_entity(query);
}

Relation Graph::relation(RelationIndex r) const {
    SQLite::Statement query(impl_->store->db,
                            std::string("SELECT ") + kRelationColumns + kRelationJoins + " WHERE r.rid = ?");
    query.bind(1, impl_->rids[r]);
    if (!query.executeStep()) throw StorageError("relation changed while answering; run the query again");
    return read_relation(query);
}

}  // namespace kizuna
