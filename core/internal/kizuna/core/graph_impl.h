#pragma once
// Internal to Kizuna's modules (core, queries, viz): the Boost.Graph behind kizuna::Graph. Not installed,
// not part of the public API. Each relation appears as two half-edges in a directed CSR graph, one per
// direction, so that undirected and directed traversals share one structure.
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "kizuna/core/graph.h"
#include "kizuna/core/store.h"

namespace kizuna {

// A half-edge names its relation and whether it runs against the relation's own direction (to -> from).
struct HalfEdge {
    std::uint32_t packed = 0;  // relation << 1 | reversed
    [[nodiscard]] RelationIndex relation() const { return packed >> 1; }
    [[nodiscard]] bool reversed() const { return (packed & 1U) != 0; }
};

using CsrGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, HalfEdge,
                                                    boost::no_property, std::uint32_t, std::uint32_t>;


struct Graph::Impl {
    // The store's implementation, which stays put when the Store object itself is moved.
    const Store::Impl* store = nullptr;
    // Which data this is: the database's instance number and generation (see schema.cpp, Store).
    std::int64_t instance = 0;
    std::int64_t generation = 0;
    CsrGraph csr;
    // Vertices, in entity-id order.
    std::string id_chars;                  // all ids, concatenated
    std::vector<std::uint32_t> id_offsets;  // vertex_count + 1 offsets into id_chars
    std::vector<std::int64_t> eids;         // store row of each vertex
    std::vector<std::uint16_t> kind_of, country_of;
    std::vector<std::string> kinds, countries;  // interned values
    // Relations, in relation-id order.
    std::vector<VertexId> from, to;
    std::vector<std::uint16_t> type_of;
    std::vector<std::int32_t> start, end;  // PartialDate::packed(), 0 when absent
    std::vector<std::int64_t> rids;        // store row of each relation
    std::vector<RelationType> types;
};

}  // namespace kizuna
