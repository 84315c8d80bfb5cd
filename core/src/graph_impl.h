#pragma once
// Private to core (the graph, its builder and its cache file): what a kizuna::Graph holds. Each relation
// is stored once, in a bidirectional CSR; half_edge_graph.h shows it to the traversals as an undirected
// graph of half-edges. Other modules reach the CSR only through graph_internals.h.
#include <cstdint>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "graph_columns.h"
#include "graph_delta.h"
#include "kizuna/core/graph.h"
#include "kizuna/core/half_edge_graph.h"

namespace kizuna {

struct Graph::Impl {
    Impl() = default;
    Impl(const Impl&) = delete;  // half_edges points into the columns: an Impl stays where it was made
    Impl& operator=(const Impl&) = delete;

    // Which data this is (Store::data_stamp).
    std::int64_t instance = 0;
    std::int64_t generation = 0;
    std::int64_t version = 0;
    // The CSR (see CsrArrays): row starts by vertex, forward targets, backward sources and relations.
    Column<std::uint32_t> forward_start, forward_target, backward_start, backward_source, backward_relation;
    HalfEdgeGraph half_edges;  // over the five columns above; set by link()
    // Vertices, in entity-id order.
    Column<char> id_chars;                      // all ids, concatenated
    Column<std::uint32_t> id_offsets;           // vertex_count + 1 offsets into id_chars
    KeyColumn eids;                             // store key (EntityKey) of each vertex
    CodeColumn kind_of, country_of;             // indexes into kinds and countries
    std::vector<std::string> kinds, countries;  // interned values
    // Relations, in the CSR's forward-edge order: by from vertex, then to vertex, then relation id.
    CodeColumn type_of;          // index into types
    CodeColumn start, end;       // indexes into dates
    Column<std::int32_t> dates;  // PartialDate::packed() of every date used, ascending; 0: none
    KeyColumn rids;              // store key (RelationKey) of each relation
    std::vector<RelationType> types;
    std::vector<EntityKind> kind_vocabulary;  // the store's entity_kinds(): names of kinds
    std::vector<std::size_t> type_counts;     // relations of each type (by type index)
    // Changes since the state the columns are of (graph_delta.h); nullptr: none. A graph with a delta is
    // never written to the cache file.
    std::unique_ptr<GraphDelta> delta;
    // The mapped cache file that the columns view, when the graph came from it, and the checks every
    // read of it passes first (destroyed before the mapping).
    std::shared_ptr<const void> mapping;
    std::unique_ptr<CacheBlocks> blocks;
    // The cache file being written from this graph while it answers (Graph::load). Declared last, so
    // destroyed first: the writing ends before anything it reads goes.
    std::future<bool> saving;

    [[nodiscard]] std::size_t vertex_count() const { return id_offsets.size() - 1; }
    [[nodiscard]] std::size_t relation_count() const { return forward_target.size(); }
    // Points half_edges at the CSR columns, once they are filled.
    void link();
};

}  // namespace kizuna
