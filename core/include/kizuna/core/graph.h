#pragma once
// The in-memory graph that connection queries run on: entities are vertices, relations edges. It is a
// compact snapshot of a Store (compressed sparse rows, 32-bit indices) built for millions of relations;
// details (names, sources) are fetched from the store only for the relations an answer uses.
//
// Vertices are numbered 0..vertex_count()-1 in entity-id order and relations 0..relation_count()-1 by
// (from entity, to entity, relation id), so every traversal is deterministic. These numbers are valid for
// one Graph only: never persist them.
//
// REQUIRES: the Store outlives the Graph (moving the Store is fine). Thread-safety: const methods may be called concurrently,
// except those that read the store (entity(), relation()).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/core/model.h"

namespace kizuna {

class Store;

using VertexId = std::uint32_t;
using RelationIndex = std::uint32_t;

class Graph {
public:
    // The graph of the store's current data: from the graph cache beside the database file when the
    // cache is of this database at its current generation, else read from the store (and the cache then
    // rewritten, when the folder is writable). before_building, when given, is called just before a build
    // from the store (the slow case: seconds for millions of relations), e.g. to tell the user.
    // Throws StorageError.
    [[nodiscard]] static Graph load(const Store& store, const std::function<void()>& before_building = {});
    // Always reads every entity and relation of the store, in one read transaction. Throws StorageError.
    [[nodiscard]] static Graph build(const Store& store);
    // Writes the graph cache of the store (file: cache_path()); false when it cannot be written (a
    // read-only folder, a full disk): the cache is an optimisation, never required.
    static bool save_cache(const Store& store, const Graph& graph);
    // The cache file of a database: "<database>-graph", beside SQLite's "-wal" and "-shm" files.
    [[nodiscard]] static std::filesystem::path cache_path(const std::filesystem::path& database);
    ~Graph();
    Graph(Graph&&) noexcept;
    Graph& operator=(Graph&&) noexcept;
    Graph(const Graph&) = delete;
    Graph& operator=(const Graph&) = delete;

    [[nodiscard]] std::size_t vertex_count() const;
    [[nodiscard]] std::size_t relation_count() const;
    // The store generation (Store::generation) this graph is a snapshot of.
    [[nodiscard]] std::int64_t generation() const;
    // Heap bytes held by the graph, by part.
    struct MemoryUse {
        std::size_t adjacency = 0;   // the CSR: row starts per vertex, each relation forwards and backwards
        std::size_t relations = 0;   // per relation: type, dates (for filters without the store)
        std::size_t row_ids = 0;     // store rows of relations and entities (to fetch details)
        std::size_t entities = 0;    // entity ids, kinds, countries
        [[nodiscard]] std::size_t total() const { return adjacency + relations + row_ids + entities; }
    };
    [[nodiscard]] MemoryUse memory_use() const;

    [[nodiscard]] std::optional<VertexId> find(std::string_view entity_id) const;
    [[nodiscard]] std::string_view entity_id(VertexId v) const;
    [[nodiscard]] const std::string& kind(VertexId v) const;
    [[nodiscard]] const std::string& country(VertexId v) const;

    // A relation's ends: to() directly, from() by a binary search (O(log vertices)).
    [[nodiscard]] VertexId from(RelationIndex r) const;
    [[nodiscard]] VertexId to(RelationIndex r) const;
    [[nodiscard]] const RelationType& type(RelationIndex r) const;
    [[nodiscard]] std::optional<PartialDate> start(RelationIndex r) const;
    [[nodiscard]] std::optional<PartialDate> end(RelationIndex r) const;
    [[nodiscard]] const std::vector<RelationType>& relation_types() const;

    // Full values from the store (names, attributes, sources).
    [[nodiscard]] Entity entity(VertexId v) const;
    [[nodiscard]] Relation relation(RelationIndex r) const;

    struct Impl;  // core/internal/kizuna/core/graph_impl.h, for the query and render modules
    [[nodiscard]] const Impl& impl() const { return *impl_; }

private:
    explicit Graph(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace kizuna
