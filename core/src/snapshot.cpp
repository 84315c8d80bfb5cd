#include "kizuna/core/snapshot.h"

#include "kizuna/core/errors.h"

namespace kizuna {

std::shared_ptr<const Graph> SharedGraph::current(const Store& store) {
    const Store::DataStamp stamp = store.data_stamp();
    const std::lock_guard<std::mutex> lock(mutex_);
    if (graph_ == nullptr || graph_->data_stamp() != stamp) {
        graph_ = std::make_shared<const Graph>(Graph::load(store));  // read in the caller's transaction
    }
    return graph_;
}

Snapshot::Snapshot(const Store& store, std::unique_ptr<Store::ReadTransaction> read,
                   std::shared_ptr<const Graph> graph)
    : store_(&store), read_(std::move(read)), graph_(std::move(graph)) {}
Snapshot::~Snapshot() = default;
Snapshot::Snapshot(Snapshot&&) noexcept = default;
Snapshot& Snapshot::operator=(Snapshot&&) noexcept = default;

Snapshot Snapshot::take(const Store& store, const std::function<void()>& before_building) {
    auto read = std::make_unique<Store::ReadTransaction>(store);
    auto graph = std::make_shared<const Graph>(Graph::load(store, before_building));
    return Snapshot(store, std::move(read), std::move(graph));
}

Snapshot Snapshot::take(const Store& store, SharedGraph& shared) {
    auto read = std::make_unique<Store::ReadTransaction>(store);
    auto graph = shared.current(store);
    return Snapshot(store, std::move(read), std::move(graph));
}

Entity Snapshot::entity(VertexId v) const { return store_->entity_at(graph_->entity_key(v)); }

Relation Snapshot::relation(RelationIndex r) const { return store_->relation_at(graph_->relation_key(r)); }

VertexId Snapshot::vertex(const std::string& name) const {
    const Entity entity = store_->resolve(name);
    if (auto v = graph_->find(entity.id)) return *v;
    throw StorageError("entity '" + entity.id + "' is in the database but not in its graph");
}

}  // namespace kizuna
