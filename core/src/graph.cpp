#include "kizuna/core/graph.h"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <future>
#include <limits>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "graph_cache.h"
#include "graph_impl.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/graph_internals.h"

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

Graph Graph::load(const Store& store, const std::function<void()>& before_building) {
    const Store::ReadTransaction snapshot(store);  // the stamp and, when built, the rows: one state
    const Store::DataStamp stamp = store.data_stamp();
    if (auto impl = read_graph_cache(cache_path(store.path()), store.schema_version(), stamp)) {
        return Graph(std::move(impl));
    }
    if (before_building) before_building();
    Graph graph = build(store);
    // Written on another thread while the caller uses the graph (only reads, on both sides): only later
    // commands need the file.
    graph.impl_->saving =
        std::async(std::launch::async,
                   [impl = graph.impl_.get(), file = cache_path(store.path()),
                    version = store.schema_version()] { return write_graph_cache(*impl, file, version); });
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
    std::vector<VertexId> from, to;  // of each relation, in relation-id order
    // The columns' values while they are gathered (the Impl's columns are fixed once made).
    std::vector<std::int64_t> eids, rids;
    std::vector<std::uint16_t> kind_of, country_of, type_of;
    std::vector<std::int32_t> start, end;
    std::vector<char> id_chars;
    std::vector<std::uint32_t> id_offsets;
    {
        const Store::ReadTransaction snapshot(store);  // the entities, the relations and the stamp: one state
        const Store::DataStamp stamp = store.data_stamp();
        impl->instance = stamp.instance;
        impl->generation = stamp.generation;
        impl->version = stamp.version;
        impl->types = store.relation_types();
        impl->kind_vocabulary = store.entity_kinds();
        std::unordered_map<std::string, std::uint16_t> kind_index, country_index;
        // A few dozen types at most: a scan over them is quicker than hashing a string per relation.
        auto type_index = [&](std::string_view id) {
            for (std::size_t i = 0; i < impl->types.size(); ++i) {
                if (impl->types[i].id == id) return static_cast<std::uint16_t>(i);
            }
            throw StorageError("relation of unknown type '" + std::string(id) + "'");
        };

        // Entity keys are dense from 1 unless a file was edited by hand: the vertex of a key by direct
        // index then, else by binary search over (key, vertex) pairs.
        const Store::KeyExtent extent = store.entity_key_extent();
        const bool dense = extent.smallest >= 0 && extent.largest <= 8 * extent.count + 1024;
        constexpr VertexId kNoVertex = std::numeric_limits<VertexId>::max();
        std::vector<VertexId> vertex_of_key(dense ? static_cast<std::size_t>(extent.largest) + 1 : 0,
                                            kNoVertex);
        std::vector<std::pair<std::int64_t, VertexId>> sparse;  // (key, vertex), sorted, when not dense
        auto vertex_of = [&](std::int64_t key) {
            VertexId v = kNoVertex;
            if (dense) {
                if (key >= 0 && key <= extent.largest) v = vertex_of_key[static_cast<std::size_t>(key)];
            } else {
                const auto it =
                    std::lower_bound(sparse.begin(), sparse.end(), std::make_pair(key, VertexId{0}));
                if (it != sparse.end() && it->first == key) v = it->second;
            }
            if (v == kNoVertex) throw StorageError("relation to a missing entity row " + std::to_string(key));
            return v;
        };
        id_offsets.push_back(0);
        store.scan_entities([&](const Store::EntityRow& row) {
            const auto key = static_cast<std::int64_t>(row.key);
            const auto v = static_cast<VertexId>(eids.size());
            if (dense) {
                if (key < 0 || key > extent.largest) throw StorageError("entity rows changed while reading");
                vertex_of_key[static_cast<std::size_t>(key)] = v;
            } else {
                sparse.emplace_back(key, v);
            }
            eids.push_back(key);
            id_chars.insert(id_chars.end(), row.id.begin(), row.id.end());
            if (id_chars.size() > std::numeric_limits<std::uint32_t>::max())
                throw StorageError("entity ids too long in total for the in-memory graph (4 GiB)");
            id_offsets.push_back(static_cast<std::uint32_t>(id_chars.size()));
            kind_of.push_back(intern(std::string(row.kind), impl->kinds, kind_index));
            country_of.push_back(intern(std::string(row.country), impl->countries, country_index));
        });
        std::sort(sparse.begin(), sparse.end());

        // The ends' keys become vertices on a second thread, a chunk behind the reading. One chunk is
        // mapped at a time, in order, so from and to are only ever written by one thread.
        constexpr std::size_t kChunkRows = 1 << 16;
        auto map_rows = [&](std::vector<std::int64_t> keys) {  // (from key, to key) pairs
            for (std::size_t i = 0; i < keys.size(); i += 2) {
                from.push_back(vertex_of(keys[i]));
                to.push_back(vertex_of(keys[i + 1]));
            }
        };
        std::future<void> mapping;
        std::vector<std::int64_t> keys;
        keys.reserve(2 * kChunkRows);
        // Read in relation-id order, then renumbered below in the CSR's order.
        store.scan_relations([&](const Store::RelationRow& row) {
            rids.push_back(static_cast<std::int64_t>(row.key));
            type_of.push_back(type_index(row.type));
            keys.push_back(static_cast<std::int64_t>(row.from));
            keys.push_back(static_cast<std::int64_t>(row.to));
            start.push_back(row.start ? row.start->packed() : 0);
            end.push_back(row.end ? row.end->packed() : 0);
            if (keys.size() == 2 * kChunkRows) {
                if (mapping.valid()) mapping.get();  // rethrows a missing entity row
                mapping = std::async(std::launch::async, map_rows, std::move(keys));
                keys = {};
                keys.reserve(2 * kChunkRows);
            }
        });
        if (mapping.valid()) mapping.get();
        map_rows(std::move(keys));
    }

    // Relation r becomes the CSR's forward edge r: relations sorted by (from, to, relation id), which
    // Boost's counting sort by source keeps, so a relation's index is its position and needs no storage.
    const std::size_t relation_count = rids.size();
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
    permute(rids, order);
    permute(type_of, order);
    permute(start, order);
    permute(end, order);
    std::vector<std::uint32_t>().swap(order);
    impl->type_counts.assign(impl->types.size(), 0);
    for (const auto type : type_of) ++impl->type_counts[type];

    // Built by Boost, then kept as its arrays (what the cache file maps).
    const auto vertex_count = static_cast<std::uint32_t>(eids.size());
    {
        using Csr =
            boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, boost::no_property,
                                               boost::no_property, std::uint32_t, std::uint32_t>;
        Csr csr(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), vertex_count);
        std::vector<std::pair<VertexId, VertexId>>().swap(ends);
        impl->forward_start = Column<std::uint32_t>(std::move(csr.m_forward.m_rowstart));
        impl->forward_target = Column<std::uint32_t>(std::move(csr.m_forward.m_column));
        impl->backward_start = Column<std::uint32_t>(std::move(csr.m_backward.m_rowstart));
        impl->backward_source = Column<std::uint32_t>(std::move(csr.m_backward.m_column));
        impl->backward_relation = Column<std::uint32_t>(std::move(csr.m_backward.m_edge_properties));
    }

    // Dates as codes into the distinct dates, ascending (a registry's dates repeat: two bytes each). The
    // distinct dates are few (tens of thousands at most in practice): a hash map finds each one's code.
    std::unordered_map<std::int32_t, std::uint32_t> code_of;
    for (const auto* values : {&start, &end}) {
        for (const auto value : *values) code_of.try_emplace(value, 0);
    }
    std::vector<std::int32_t> dates;
    dates.reserve(code_of.size());
    for (const auto& [value, code] : code_of) dates.push_back(value);
    std::sort(dates.begin(), dates.end());
    for (std::uint32_t i = 0; i < dates.size(); ++i) code_of[dates[i]] = i;
    auto codes = [&code_of](const std::vector<std::int32_t>& values) {
        std::vector<std::uint32_t> out;
        out.reserve(values.size());
        for (const auto value : values) out.push_back(code_of.find(value)->second);
        return CodeColumn::narrowest(out);
    };
    impl->start = codes(start);
    impl->end = codes(end);
    impl->dates = Column<std::int32_t>(std::move(dates));
    impl->type_of = CodeColumn::narrowest(type_of);
    impl->rids = KeyColumn::of(rids);
    impl->eids = KeyColumn::of(eids);
    impl->kind_of = CodeColumn::narrowest(kind_of);
    impl->country_of = CodeColumn::narrowest(country_of);
    id_chars.shrink_to_fit();
    impl->id_chars = Column<char>(std::move(id_chars));
    impl->id_offsets = Column<std::uint32_t>(std::move(id_offsets));
    impl->link();
    return Graph(std::move(impl));
}

void Graph::Impl::link() {
    CsrArrays arrays;
    arrays.forward_start = forward_start.data();
    arrays.forward_target = forward_target.data();
    arrays.backward_start = backward_start.data();
    arrays.backward_source = backward_source.data();
    arrays.backward_relation = backward_relation.data();
    arrays.vertices = static_cast<std::uint32_t>(vertex_count());
    arrays.relations = static_cast<std::uint32_t>(relation_count());
    half_edges = HalfEdgeGraph(arrays);
}

std::size_t Graph::vertex_count() const { return impl_->vertex_count(); }
std::size_t Graph::relation_count() const { return impl_->relation_count(); }
Store::DataStamp Graph::data_stamp() const { return {impl_->instance, impl_->generation, impl_->version}; }

Graph::MemoryUse Graph::memory_use() const {
    const Impl& g = *impl_;
    MemoryUse use;
    use.adjacency = g.forward_start.bytes() + g.forward_target.bytes() + g.backward_start.bytes() +
                    g.backward_source.bytes() + g.backward_relation.bytes();
    use.relations = g.type_of.bytes() + g.start.bytes() + g.end.bytes() + g.dates.bytes();
    use.row_ids = g.rids.offsets().bytes() + g.eids.offsets().bytes();
    use.entities = g.id_chars.bytes() + g.id_offsets.bytes() + g.kind_of.bytes() + g.country_of.bytes();
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
    return {impl_->id_chars.data() + begin, impl_->id_offsets[v + 1] - begin};
}

const std::string& Graph::kind(VertexId v) const { return impl_->kinds[impl_->kind_of[v]]; }
const std::string& Graph::country(VertexId v) const { return impl_->countries[impl_->country_of[v]]; }
// The CSR keeps each relation's source implicitly, as the row it is in: a binary search over row starts.
VertexId Graph::from(RelationIndex r) const {
    const auto& rows = impl_->forward_start;
    return static_cast<VertexId>(std::upper_bound(rows.begin(), rows.end(), r) - rows.begin() - 1);
}
VertexId Graph::to(RelationIndex r) const { return impl_->forward_target[r]; }
const RelationType& Graph::type(RelationIndex r) const { return impl_->types[impl_->type_of[r]]; }
std::optional<PartialDate> Graph::start(RelationIndex r) const {
    return PartialDate::from_packed(impl_->dates[impl_->start[r]]);
}
std::optional<PartialDate> Graph::end(RelationIndex r) const {
    return PartialDate::from_packed(impl_->dates[impl_->end[r]]);
}
const std::vector<RelationType>& Graph::relation_types() const { return impl_->types; }

std::size_t Graph::type_index(RelationIndex r) const { return impl_->type_of[r]; }
std::size_t Graph::type_relation_count(std::size_t type) const { return impl_->type_counts[type]; }
const std::vector<std::string>& Graph::kinds() const { return impl_->kinds; }

const std::vector<EntityKind>& Graph::entity_kinds() const { return impl_->kind_vocabulary; }
const std::vector<std::string>& Graph::countries() const { return impl_->countries; }
EntityKey Graph::entity_key(VertexId v) const { return EntityKey{impl_->eids[v]}; }
RelationKey Graph::relation_key(RelationIndex r) const { return RelationKey{impl_->rids[r]}; }

const HalfEdgeGraph& GraphInternals::half_edges(const Graph& graph) { return graph.impl_->half_edges; }

}  // namespace kizuna
