#pragma once
// One state of the data, for one answer: a read transaction on the store and the in-memory graph of
// that very state. Every detail an answer fetches (names, attributes, sources) comes from the same
// state as the graph it walked, whatever other processes commit meanwhile.
//
// REQUIRES: the Store outlives the Snapshot, and is not written through while it lives.
// Thread-safety: graph() may be used from several threads; the rest reads the store, one thread at a time.
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "kizuna/core/graph.h"
#include "kizuna/core/store.h"

namespace kizuna {

// One in-memory graph shared by the threads of a long-running process (`kizuna serve`), each thread
// reading the store through a connection of its own. The graph is replaced when the data changes: a
// snapshot taken after a write commits gets the new graph, one taken before keeps the old one.
// Thread-safety: every method may be called concurrently.
class SharedGraph {
  public:
    // The graph of the data the caller's read transaction sees: the kept one when it is of that state,
    // else loaded (Graph::load; one thread loads, the others wait) and kept. Throws StorageError.
    // REQUIRES: a Store::ReadTransaction on store is open.
    [[nodiscard]] std::shared_ptr<const Graph> current(const Store& store);

  private:
    std::mutex mutex_;
    std::shared_ptr<const Graph> graph_;
};

class Snapshot {
  public:
    // Opens the read transaction, then loads the graph within it (Graph::load: from the cache when it is
    // of this state, else built; before_building is called before a build). Throws StorageError.
    [[nodiscard]] static Snapshot take(const Store& store, const std::function<void()>& before_building = {});
    // The same with the graph of a SharedGraph (which the snapshot keeps alive while it lives).
    [[nodiscard]] static Snapshot take(const Store& store, SharedGraph& shared);
    ~Snapshot();
    Snapshot(Snapshot&&) noexcept;
    Snapshot& operator=(Snapshot&&) noexcept;
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;

    [[nodiscard]] const Store& store() const { return *store_; }
    [[nodiscard]] const Graph& graph() const { return *graph_; }

    // Full values (names, attributes, sources) of a vertex and a relation of graph().
    [[nodiscard]] Entity entity(VertexId v) const;
    [[nodiscard]] Relation relation(RelationIndex r) const;
    // The vertex an argument names (id or any name, see Store::resolve); throws EntityLookupError.
    [[nodiscard]] VertexId vertex(const std::string& name) const;

  private:
    Snapshot(const Store& store, std::unique_ptr<Store::ReadTransaction> read,
             std::shared_ptr<const Graph> graph);
    const Store* store_;
    std::unique_ptr<Store::ReadTransaction> read_;
    std::shared_ptr<const Graph> graph_;
};

}  // namespace kizuna
