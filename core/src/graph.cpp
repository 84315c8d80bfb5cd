#include "kizuna/core/graph.h"

#include <algorithm>
#include <future>
#include <string_view>

#include "graph_builder.h"
#include "graph_cache.h"
#include "graph_impl.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/graph_internals.h"

namespace kizuna {

Graph::Graph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
    if (impl_->delta && !impl_->delta->rows.removed.empty()) removed_ = impl_->delta->rows.removed.data();
}
Graph::~Graph() = default;
Graph::Graph(Graph&& other) noexcept : impl_(std::move(other.impl_)), removed_(other.removed_) {
    other.removed_ = nullptr;
}
Graph& Graph::operator=(Graph&& other) noexcept {
    impl_ = std::move(other.impl_);
    removed_ = other.removed_;
    other.removed_ = nullptr;
    return *this;
}

Graph Graph::load(const Store& store, const std::function<void()>& before_building) {
    const Store::ReadTransaction snapshot(store);  // the stamp and, when built, the rows: one state
    const Store::DataStamp stamp = store.data_stamp();
    // A damaged block of the cache is replaced by the same bytes of the graph built anew (a connection of
    // its own: the answer may be under way in another thread), only if the data is still the cache's
    // state. Else (a cache plus a delta, or the data changed meanwhile) the graph built anew replaces the
    // cache file and the answer stops: the next command maps the sound file.
    auto cached = std::make_shared<Store::DataStamp>(stamp);
    auto rebuild = [database = store.path(), cached]() {
        const Store fresh = Store::open(database, Store::Mode::ReadOnly);
        Graph graph = build(fresh);
        if (!(graph.data_stamp() == *cached)) {
            (void)write_graph_cache(*graph.impl_, cache_path(database), fresh.schema_version());
            throw StorageError(
                "the graph cache was damaged and has been rebuilt, but the database changed since this "
                "answer began; run the command again");
        }
        return std::move(graph.impl_);
    };
    // The cache of this state, or of an earlier state of this database plus the changes since (a delta).
    auto usable = [&](const Store::DataStamp& found) {
        return found == stamp || (found.instance == stamp.instance && found.generation < stamp.generation);
    };
    if (auto impl = read_graph_cache(cache_path(store.path()), store.schema_version(), usable, rebuild)) {
        if (impl->generation == stamp.generation) return Graph(std::move(impl));
        *cached = {impl->instance, impl->generation, impl->version};
        // The history is only the way to the changes since: a record it cannot read means a rebuild from
        // the tables, never a failed answer.
        try {
            if (apply_changes(*impl, store, stamp)) return Graph(std::move(impl));
        } catch (const StorageError&) {
        }
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
    if (graph.impl_->delta) return save_cache(store, build(store));  // the file holds no delta: fold it
    return write_graph_cache(*graph.impl_, cache_path(store.path()), store.schema_version());
}

std::filesystem::path Graph::cache_path(const std::filesystem::path& database) {
    return database.string() + "-graph";
}

Graph Graph::build(const Store& store) {
    GraphBuilder builder(true);
    std::vector<RelationType> types;
    std::vector<EntityKind> kinds;
    Store::DataStamp stamp;
    {
        const Store::ReadTransaction snapshot(store);  // the entities, the relations and the stamp: one state
        stamp = store.data_stamp();
        types = store.relation_types();
        kinds = store.entity_kinds();
        store.scan_entities([&](const Store::EntityRow& row) {
            builder.add_entity(static_cast<std::int64_t>(row.key), row.id, row.kind, row.country);
        });
        store.scan_relations([&](const Store::RelationRow& row) {  // in relation-id order
            builder.add_relation(static_cast<std::int64_t>(row.key), {}, row.type,
                                 static_cast<std::int64_t>(row.from), static_cast<std::int64_t>(row.to),
                                 row.start ? row.start->packed() : 0, row.end ? row.end->packed() : 0);
        });
    }
    auto impl = builder.finish(std::move(types), std::move(kinds));
    impl->instance = stamp.instance;
    impl->generation = stamp.generation;
    impl->version = stamp.version;
    return Graph(std::move(impl));
}

void Graph::Impl::link() {
    CsrArrays arrays;
    arrays.forward_start = forward_start.data();
    arrays.forward_target = forward_target.data();
    arrays.backward_start = backward_start.data();
    arrays.backward_source = backward_source.data();
    arrays.backward_relation = backward_relation.data();
    arrays.csr_vertices = static_cast<std::uint32_t>(vertex_count());
    arrays.csr_relations = static_cast<std::uint32_t>(relation_count());
    arrays.vertices = arrays.csr_vertices;
    arrays.relations = arrays.csr_relations;
    if (delta) {
        arrays.vertices += static_cast<std::uint32_t>(delta->ids.size());
        arrays.relations += static_cast<std::uint32_t>(delta->rid.size());
        arrays.delta = &delta->rows;
    }
    arrays.blocks = blocks.get();
    half_edges = HalfEdgeGraph(arrays);
}

std::size_t Graph::vertex_count() const {
    return impl_->vertex_count() + (impl_->delta ? impl_->delta->ids.size() : 0);
}
std::size_t Graph::live_vertex_count() const {
    return vertex_count() - (impl_->delta ? impl_->delta->removed_vertex_count : 0);
}
bool Graph::vertex_removed(VertexId v) const {
    const auto* delta = impl_->delta.get();
    return delta != nullptr && v < delta->csr_vertices && !delta->removed_vertices.empty() &&
           ((delta->removed_vertices[v >> 6U] >> (v & 63U)) & 1U) != 0;
}
std::size_t Graph::relation_count() const {
    return impl_->relation_count() + (impl_->delta ? impl_->delta->rid.size() : 0);
}
std::size_t Graph::live_relation_count() const {
    return relation_count() - (impl_->delta ? impl_->delta->removed : 0);
}
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
    if (const auto* delta = impl_->delta.get()) {  // the added ones are in id order too
        const auto it = std::lower_bound(delta->ids.begin(), delta->ids.end(), entity_id);
        if (it != delta->ids.end() && *it == entity_id)
            return static_cast<VertexId>(delta->csr_vertices + (it - delta->ids.begin()));
    }
    std::size_t low = 0, high = impl_->vertex_count();
    while (low < high) {  // vertices are in id order
        const std::size_t middle = (low + high) / 2;
        const auto id = this->entity_id(static_cast<VertexId>(middle));
        if (id == entity_id) {
            if (vertex_removed(static_cast<VertexId>(middle))) return std::nullopt;
            return static_cast<VertexId>(middle);
        }
        if (id < entity_id) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return std::nullopt;
}

std::string_view Graph::entity_id(VertexId v) const {
    const Impl& g = *impl_;
    if (g.delta && v >= g.delta->csr_vertices) return g.delta->ids[v - g.delta->csr_vertices];
    if (g.blocks) g.blocks->require_row(kIdOffsets, v);  // begin <= end <= id bytes, even across blocks
    const std::uint32_t begin = g.id_offsets.data()[v], end = g.id_offsets.data()[v + 1];
    g.id_chars.require(begin, end);
    return {g.id_chars.data() + begin, end - begin};
}

// A graph with a delta (graph_delta.h) answers for the vertices and relations it added, and for the
// fields of relations it changed; without one, each accessor costs one more predictable branch.
const std::string& Graph::kind(VertexId v) const {
    if (const auto* delta = impl_->delta.get()) {
        if (v >= delta->csr_vertices) return impl_->kinds[delta->kind[v - delta->csr_vertices]];
        if (!delta->recoded.empty()) {
            if (const auto it = delta->recoded.find(v); it != delta->recoded.end())
                return impl_->kinds[it->second.kind];
        }
    }
    return impl_->kinds[impl_->kind_of[v]];
}
const std::string& Graph::country(VertexId v) const {
    if (const auto* delta = impl_->delta.get()) {
        if (v >= delta->csr_vertices) return impl_->countries[delta->country[v - delta->csr_vertices]];
        if (!delta->recoded.empty()) {
            if (const auto it = delta->recoded.find(v); it != delta->recoded.end())
                return impl_->countries[it->second.country];
        }
    }
    return impl_->countries[impl_->country_of[v]];
}
// The CSR keeps each relation's source implicitly, as the row it is in: a binary search over row starts.
// Row starts run from 0 to the relation count (checked in a mapped graph), so the row found is a vertex.
VertexId Graph::from(RelationIndex r) const {
    if (const auto* delta = impl_->delta.get(); delta && r >= delta->csr_relations)
        return delta->rows.from[r - delta->csr_relations];
    const auto& rows = impl_->forward_start;
    std::size_t low = 0, high = rows.size();  // the first row start above r: std::upper_bound, read checked
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (rows[middle] <= r) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return static_cast<VertexId>(low - 1);
}
VertexId Graph::to(RelationIndex r) const {
    if (const auto* delta = impl_->delta.get(); delta && r >= delta->csr_relations)
        return delta->rows.to[r - delta->csr_relations];
    return impl_->forward_target[r];
}
namespace {
// The changed fields of relation r, when a delta added or changed it.
std::optional<GraphDelta::Fields> delta_fields(const GraphDelta* delta, RelationIndex r) {
    if (delta == nullptr) return std::nullopt;
    if (r >= delta->csr_relations) {
        const auto i = r - delta->csr_relations;
        return GraphDelta::Fields{delta->type[i], delta->start[i], delta->end[i]};
    }
    if (delta->changed.empty()) return std::nullopt;
    const auto it = delta->changed.find(r);
    if (it == delta->changed.end()) return std::nullopt;
    return it->second;
}
}  // namespace
const RelationType& Graph::type(RelationIndex r) const { return impl_->types[type_index(r)]; }
std::optional<PartialDate> Graph::start(RelationIndex r) const {
    if (const auto fields = delta_fields(impl_->delta.get(), r))
        return PartialDate::from_packed(fields->start);
    return PartialDate::from_packed(impl_->dates[impl_->start[r]]);
}
std::optional<PartialDate> Graph::end(RelationIndex r) const {
    if (const auto fields = delta_fields(impl_->delta.get(), r)) return PartialDate::from_packed(fields->end);
    return PartialDate::from_packed(impl_->dates[impl_->end[r]]);
}
const std::vector<RelationType>& Graph::relation_types() const { return impl_->types; }

std::size_t Graph::type_index(RelationIndex r) const {
    if (const auto fields = delta_fields(impl_->delta.get(), r)) return fields->type;
    return impl_->type_of[r];
}
std::size_t Graph::type_relation_count(std::size_t type) const { return impl_->type_counts[type]; }
const std::vector<std::string>& Graph::kinds() const {
    const auto* delta = impl_->delta.get();
    return delta != nullptr && delta->values_changed ? delta->kinds_in_use : impl_->kinds;
}

const std::vector<EntityKind>& Graph::entity_kinds() const { return impl_->kind_vocabulary; }
const std::vector<std::string>& Graph::countries() const {
    const auto* delta = impl_->delta.get();
    return delta != nullptr && delta->values_changed ? delta->countries_in_use : impl_->countries;
}
EntityKey Graph::entity_key(VertexId v) const {
    if (const auto* delta = impl_->delta.get(); delta && v >= delta->csr_vertices)
        return EntityKey{delta->eids[v - delta->csr_vertices]};
    return EntityKey{impl_->eids[v]};
}
RelationKey Graph::relation_key(RelationIndex r) const {
    if (const auto* delta = impl_->delta.get(); delta && r >= delta->csr_relations)
        return RelationKey{delta->rid[r - delta->csr_relations]};
    return RelationKey{impl_->rids[r]};
}

bool Graph::has_delta() const { return impl_->delta != nullptr; }
std::size_t Graph::built_relation_count() const { return impl_->relation_count(); }
std::uint64_t Graph::vertex_rank(VertexId v) const {
    if (const auto* delta = impl_->delta.get(); delta && v >= delta->csr_vertices)
        return delta->vertex_rank[v - delta->csr_vertices];
    return csr_rank(v);
}
std::uint64_t Graph::relation_rank(RelationIndex r) const {
    if (const auto* delta = impl_->delta.get(); delta && r >= delta->csr_relations)
        return delta->relation_rank[r - delta->csr_relations];
    return csr_rank(r);
}

Graph::Order Graph::vertices_in_order() const {
    if (const auto* delta = impl_->delta.get()) {
        return {delta->csr_vertices, delta->vertex_rank.data(), static_cast<std::uint32_t>(delta->ids.size()),
                delta->removed_vertices.empty() ? nullptr : delta->removed_vertices.data(),
                delta->removed_vertex_count};
    }
    return {static_cast<std::uint32_t>(impl_->vertex_count()), nullptr, 0};
}
Graph::Order Graph::relations_in_order() const {
    if (const auto* delta = impl_->delta.get())
        return {delta->csr_relations, delta->relation_rank.data(),
                static_cast<std::uint32_t>(delta->rid.size()),
                delta->rows.removed.empty() ? nullptr : delta->rows.removed.data(),
                static_cast<std::uint32_t>(delta->removed)};
    return {static_cast<std::uint32_t>(impl_->relation_count()), nullptr, 0};
}
Graph::Order::Iterator Graph::Order::at(std::size_t position) const {
    // The added one j is at position (CSR ones before it) + j, rising with j: those before position.
    std::uint32_t added = 0;
    while (added < added_ && (ranks_[added] >> kRankShift) + added < position) ++added;
    return iterator(static_cast<std::uint32_t>(std::min<std::size_t>(position - added, csr_)), added);
}

const HalfEdgeGraph& GraphInternals::half_edges(const Graph& graph) { return graph.impl_->half_edges; }

}  // namespace kizuna
