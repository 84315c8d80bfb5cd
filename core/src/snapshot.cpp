#include "kizuna/core/snapshot.h"

#include "kizuna/core/errors.h"

namespace kizuna {

Snapshot::Snapshot(const Store& store, std::unique_ptr<Store::ReadTransaction> read, Graph graph)
    : store_(&store), read_(std::move(read)), graph_(std::move(graph)) {}
Snapshot::~Snapshot() = default;
Snapshot::Snapshot(Snapshot&&) noexcept = default;
Snapshot& Snapshot::operator=(Snapshot&&) noexcept = default;

Snapshot Snapshot::take(const Store& store, const std::function<void()>& before_building) {
    auto read = std::make_unique<Store::ReadTransaction>(store);
    Graph graph = Graph::load(store, before_building);
    return Snapshot(store, std::move(read), std::move(graph));
}

Entity Snapshot::entity(VertexId v) const { return store_->entity_at(graph_.entity_key(v)); }

Relation Snapshot::relation(RelationIndex r) const { return store_->relation_at(graph_.relation_key(r)); }

VertexId Snapshot::vertex(const std::string& name) const {
    const Entity entity = store_->resolve(name);
    if (auto v = graph_.find(entity.id)) return *v;
    throw StorageError("entity '" + entity.id + "' is in the database but not in its graph");
}

}  // namespace kizuna
