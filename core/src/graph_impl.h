#pragma once
// Private to core (the graph, its builder and its cache file): what a kizuna::Graph holds. Each relation
// is stored once, in a bidirectional CSR; half_edge_graph.h shows it to the traversals as an undirected
// graph of half-edges. Other modules reach the CSR only through graph_internals.h.
#include <cstdint>
#include <future>
#include <string>
#include <vector>

#include "kizuna/core/graph.h"
#include "kizuna/core/half_edge_graph.h"

namespace kizuna {

struct Graph::Impl {
    Impl() = default;
    Impl(const Impl&) = delete;  // half_edges points into csr: an Impl stays where it was made
    Impl& operator=(const Impl&) = delete;

    // Which data this is (Store::data_stamp).
    std::int64_t instance = 0;
    std::int64_t generation = 0;
    std::int64_t version = 0;
    CsrGraph csr;
    HalfEdgeGraph half_edges{csr};
    // Vertices, in entity-id order.
    std::string id_chars;                   // all ids, concatenated
    std::vector<std::uint32_t> id_offsets;  // vertex_count + 1 offsets into id_chars
    std::vector<std::int64_t> eids;         // store key (EntityKey) of each vertex
    std::vector<std::uint16_t> kind_of, country_of;
    std::vector<std::string> kinds, countries;  // interned values
    // Relations, in the CSR's forward-edge order: by from vertex, then to vertex, then relation id.
    std::vector<std::uint16_t> type_of;
    std::vector<std::int32_t> start, end;  // PartialDate::packed(), 0 when absent
    std::vector<std::int64_t> rids;        // store key (RelationKey) of each relation
    std::vector<RelationType> types;
    std::vector<EntityKind> kind_vocabulary;  // the store's entity_kinds(): names of kinds
    std::vector<std::size_t> type_counts;     // relations of each type (by type index)
    // The cache file being written from this graph while it answers (Graph::load). Declared last, so
    // destroyed first: the writing ends before anything it reads goes.
    std::future<bool> saving;
};

}  // namespace kizuna
