#pragma once
// The in-memory graph that connection queries run on: entities are vertices, relations edges. It is a
// compact copy of a Store's structure (compressed sparse rows, 32-bit indices) built for millions of
// relations from the store's row scan; it keeps each row's key, so that details (names, sources) are
// fetched from the store only for the relations an answer uses (see snapshot.h).
//
// Vertices are numbered 0..vertex_count()-1 in entity-id order and relations 0..relation_count()-1 by
// (from entity, to entity, relation id), so every traversal is deterministic. These numbers are valid for
// one Graph only: never persist them.
//
// Thread-safety: const methods may be called concurrently.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/core/model.h"
#include "kizuna/core/row_keys.h"
#include "kizuna/core/store.h"

namespace kizuna {

using VertexId = std::uint32_t;
using RelationIndex = std::uint32_t;

class Graph {
  public:
    // The graph of the store's current data: from the graph cache beside the database file when the
    // cache is of this database at its current generation, else read from the store (and the cache then
    // rewritten, when the folder is writable). before_building, when given, is called just before a build
    // from the store (the slow case: seconds for millions of relations), e.g. to tell the user.
    // Run it inside a Store::ReadTransaction to have the graph of the state later reads see.
    // Throws StorageError.
    [[nodiscard]] static Graph load(const Store& store, const std::function<void()>& before_building = {});
    // Always reads every entity and relation of the store (through Store::scan_*), in one read
    // transaction. Throws StorageError.
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

    // Vertices are numbered 0..vertex_count()-1; after an entity's removal held by a delta (see has_delta)
    // one of these numbers may be of an entity that is no more (vertex_removed: it has no relations, find
    // does not give it, vertices_in_order skips it), and an answer counting entities counts
    // live_vertex_count().
    [[nodiscard]] std::size_t vertex_count() const;
    [[nodiscard]] std::size_t live_vertex_count() const;
    [[nodiscard]] bool vertex_removed(VertexId v) const;
    // Relations are numbered 0..relation_count()-1; after removals held by a delta (see has_delta) some of
    // these numbers are of relations that are no more: every loop over the numbers skips removed(r), and
    // an answer counting relations counts live_relation_count().
    [[nodiscard]] std::size_t relation_count() const;
    [[nodiscard]] std::size_t live_relation_count() const;
    [[nodiscard]] bool removed(RelationIndex r) const {
        return removed_ != nullptr && ((removed_[r >> 6U] >> (r & 63U)) & 1U) != 0;
    }
    // The store's data stamp (Store::data_stamp) this graph is a copy of.
    [[nodiscard]] Store::DataStamp data_stamp() const;
    // Bytes of the graph's columns (in memory, or mapped from the graph cache), by part.
    struct MemoryUse {
        std::size_t adjacency = 0;  // the CSR: row starts per vertex, each relation forwards and backwards
        std::size_t relations = 0;  // per relation: type, dates (for filters without the store)
        std::size_t row_ids = 0;    // store keys of relations and entities (to fetch details)
        std::size_t entities = 0;   // entity ids, kinds, countries
        [[nodiscard]] std::size_t total() const { return adjacency + relations + row_ids + entities; }
    };
    [[nodiscard]] MemoryUse memory_use() const;

    [[nodiscard]] std::optional<VertexId> find(std::string_view entity_id) const;
    [[nodiscard]] std::string_view entity_id(VertexId v) const;
    [[nodiscard]] const std::string& kind(VertexId v) const;
    [[nodiscard]] const std::string& country(VertexId v) const;
    // Every kind and every country some entity has (each once, "" for no country).
    [[nodiscard]] const std::vector<std::string>& kinds() const;
    [[nodiscard]] const std::vector<std::string>& countries() const;
    // The store's kind vocabulary (Store::entity_kinds): the names of kinds, for answers and diagrams.
    [[nodiscard]] const std::vector<EntityKind>& entity_kinds() const;

    // A relation's ends: to() directly, from() by a binary search (O(log vertices)).
    [[nodiscard]] VertexId from(RelationIndex r) const;
    [[nodiscard]] VertexId to(RelationIndex r) const;
    [[nodiscard]] const RelationType& type(RelationIndex r) const;
    // The position of r's type in relation_types() (a filter's per-type lookups index by it).
    [[nodiscard]] std::size_t type_index(RelationIndex r) const;
    // How many relations have the type of this index (relation_types()); counted when the graph is made.
    [[nodiscard]] std::size_t type_relation_count(std::size_t type) const;
    [[nodiscard]] std::optional<PartialDate> start(RelationIndex r) const;
    [[nodiscard]] std::optional<PartialDate> end(RelationIndex r) const;
    [[nodiscard]] const std::vector<RelationType>& relation_types() const;

    // After small writes a graph may be the graph cache of an earlier state plus a delta of the changes
    // since (core/src/graph_delta.h): the vertices and relations it added are numbered after the others,
    // not in the order above. An answer listed in vertex or relation order sorts by these ranks, which
    // give the order of a graph built anew (equal to the numbers' order when there is no delta).
    [[nodiscard]] bool has_delta() const;
    // Relations numbered below this are in a build's order (all of them without a delta); those from it on
    // were added by a delta.
    [[nodiscard]] std::size_t built_relation_count() const;
    [[nodiscard]] std::uint64_t vertex_rank(VertexId v) const;
    [[nodiscard]] std::uint64_t relation_rank(RelationIndex r) const;
    // The vertices or relations in the order of a graph built anew: 0, 1, ... count - 1 without a delta;
    // with one, each it added at its place among the others. A range for loops over every vertex or
    // relation whose order reaches an answer; it allocates nothing.
    class Order {
      public:
        class Iterator {
          public:
            using iterator_category = std::forward_iterator_tag;
            using value_type = std::uint32_t;
            using difference_type = std::ptrdiff_t;
            using pointer = const std::uint32_t*;
            using reference = std::uint32_t;
            Iterator() = default;
            [[nodiscard]] std::uint32_t operator*() const {
                return added_next() ? csr_count_ + added_ : csr_;
            }
            Iterator& operator++() {
                step();
                skip_removed();
                return *this;
            }
            Iterator operator++(int) {
                Iterator before = *this;
                ++*this;
                return before;
            }
            // Its position in the order, counting removed ones too (Order::at of it gives it again): a scan
            // stopped here resumes from at(position() + 1).
            [[nodiscard]] std::size_t position() const { return std::size_t{csr_} + added_; }
            [[nodiscard]] bool operator==(const Iterator& other) const {
                return csr_ == other.csr_ && added_ == other.added_;
            }

          private:
            friend class Order;
            // Whether the next one is an added one: it comes before the CSR's csr_ (graph_delta.h ranks).
            [[nodiscard]] bool added_next() const {
                return added_ < added_count_ && (ranks_[added_] >> kRankShift) <= csr_;
            }
            void step() {
                if (added_next()) {
                    ++added_;
                } else {
                    ++csr_;
                }
            }
            void skip_removed() {  // only the CSR's can be removed
                while (removed_ != nullptr && csr_ < csr_count_ && !added_next() &&
                       ((removed_[csr_ >> 6U] >> (csr_ & 63U)) & 1U) != 0) {
                    ++csr_;
                }
            }
            const std::uint64_t* removed_ = nullptr;  // one bit per CSR number; null: none removed
            const std::uint64_t* ranks_ = nullptr;
            std::uint32_t csr_count_ = 0, added_count_ = 0;
            std::uint32_t csr_ = 0, added_ = 0;  // the next of the CSR's, of the added ones
        };
        Order() = default;
        [[nodiscard]] Iterator begin() const { return iterator(0, 0); }
        [[nodiscard]] Iterator end() const { return iterator(csr_, added_); }
        [[nodiscard]] std::size_t size() const { return std::size_t{csr_} + added_ - removed_count_; }
        // The one at this position of the order, counting removed ones too (the first one not removed from
        // there; past the last: end()); O(added ones).
        [[nodiscard]] Iterator at(std::size_t position) const;

      private:
        friend class Graph;
        Order(std::uint32_t csr, const std::uint64_t* ranks, std::uint32_t added,
              const std::uint64_t* removed = nullptr, std::uint32_t removed_count = 0)
            : csr_(csr), added_(added), removed_count_(removed_count), ranks_(ranks), removed_(removed) {}
        [[nodiscard]] Iterator iterator(std::uint32_t csr, std::uint32_t added) const {
            Iterator out;
            out.ranks_ = ranks_;
            out.removed_ = removed_;
            out.csr_count_ = csr_;
            out.added_count_ = added_;
            out.csr_ = csr;
            out.added_ = added;
            out.skip_removed();
            return out;
        }
        std::uint32_t csr_ = 0, added_ = 0;     // how many of the CSR's; how many added, numbered after them
        std::uint32_t removed_count_ = 0;       // of the CSR's, marked in removed_
        const std::uint64_t* ranks_ = nullptr;  // the added ones' ranks, ascending
        const std::uint64_t* removed_ = nullptr;
    };
    [[nodiscard]] Order vertices_in_order() const;
    [[nodiscard]] Order relations_in_order() const;
    // A rank's part that counts the CSR's vertices or relations before it (graph_delta.h).
    static constexpr unsigned kRankShift = 21;

    // The store rows behind a vertex and a relation: Store::entity_at / relation_at give their details.
    [[nodiscard]] EntityKey entity_key(VertexId v) const;
    [[nodiscard]] RelationKey relation_key(RelationIndex r) const;

    struct Impl;  // core/src/graph_impl.h

  private:
    friend struct GraphInternals;  // the algorithms' view, core/internal/kizuna/core/graph_internals.h
    explicit Graph(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    const std::uint64_t* removed_ = nullptr;  // the delta's removed relations, one bit each; null: none
};

}  // namespace kizuna
