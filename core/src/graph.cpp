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

Graph::Graph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Graph::~Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

Graph Graph::load(const Store& store, const std::function<void()>& before_building) {
    const Store::ReadTransaction snapshot(store);  // the stamp and, when built, the rows: one state
    const Store::DataStamp stamp = store.data_stamp();
    // A damaged block of the cache is replaced by the same bytes of the graph built anew (a connection of
    // its own: the answer may be under way in another thread), only if the data is still this stamp's.
    auto rebuild = [database = store.path(), stamp]() {
        const Store fresh = Store::open(database, Store::Mode::ReadOnly);
        Graph graph = build(fresh);
        if (!(graph.data_stamp() == stamp)) {
            throw StorageError(
                "the graph cache is damaged and the database changed since this answer began; "
                "run the command again");
        }
        return std::move(graph.impl_);
    };
    if (auto impl = read_graph_cache(cache_path(store.path()), store.schema_version(), stamp, rebuild)) {
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
    arrays.vertices = static_cast<std::uint32_t>(vertex_count());
    arrays.relations = static_cast<std::uint32_t>(relation_count());
    arrays.blocks = blocks.get();
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
    const Impl& g = *impl_;
    if (g.blocks) g.blocks->require_row(kIdOffsets, v);  // begin <= end <= id bytes, even across blocks
    const std::uint32_t begin = g.id_offsets.data()[v], end = g.id_offsets.data()[v + 1];
    g.id_chars.require(begin, end);
    return {g.id_chars.data() + begin, end - begin};
}

const std::string& Graph::kind(VertexId v) const { return impl_->kinds[impl_->kind_of[v]]; }
const std::string& Graph::country(VertexId v) const { return impl_->countries[impl_->country_of[v]]; }
// The CSR keeps each relation's source implicitly, as the row it is in: a binary search over row starts.
// Row starts run from 0 to the relation count (checked in a mapped graph), so the row found is a vertex.
VertexId Graph::from(RelationIndex r) const {
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
