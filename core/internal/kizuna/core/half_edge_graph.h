#pragma once
// Internal to Kizuna's modules: the graph the traversals walk. The graph keeps each relation once, in a
// bidirectional Boost CSR (forwards: from -> to; backwards: to -> from with the forward edge's index);
// this adaptor shows it as an undirected Boost graph whose out-edges of v are v's relations, each as a
// half-edge that says whether it runs against the relation's own direction. BFS, filtered_graph and
// Brandes' betweenness run on it unchanged. Out-edges of v come in a fixed order - its outgoing relations
// by target, then its incoming ones by source (vertex numbers are entity-id order) - so every traversal
// is deterministic.
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/graph_traits.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdint>
#include <utility>

#include "kizuna/core/graph.h"

namespace kizuna {

// Relation r is the CSR's forward edge r: relations are numbered in the order of their from vertex.
using CsrGraph =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, boost::no_property,
                                       boost::no_property, std::uint32_t, std::uint32_t>;

// A relation seen from one of its ends.
struct HalfEdge {
    std::uint32_t packed = 0;  // relation << 1 | reversed
    [[nodiscard]] RelationIndex relation() const { return packed >> 1; }
    // True when it runs against the relation's own direction (to -> from).
    [[nodiscard]] bool reversed() const { return (packed & 1U) != 0; }
    [[nodiscard]] static HalfEdge of(RelationIndex r, bool reversed) {
        return HalfEdge{r << 1 | (reversed ? 1U : 0U)};
    }
};

// The edge descriptor of the adaptor: where the half-edge leaves, where it arrives, and which it is.
struct WalkEdge {
    VertexId source = 0;
    VertexId target = 0;
    HalfEdge half;
    friend bool operator==(const WalkEdge& a, const WalkEdge& b) {
        return a.source == b.source && a.half.packed == b.half.packed;
    }
    friend bool operator!=(const WalkEdge& a, const WalkEdge& b) { return !(a == b); }
};

class HalfEdgeGraph {
  public:
    explicit HalfEdgeGraph(const CsrGraph& csr) : csr_(&csr) {}
    [[nodiscard]] const CsrGraph& csr() const { return *csr_; }

    // v's forward edges (by target), then its backward edges (by source), as WalkEdges, read from
    // Boost's CSR arrays directly: the traversals spend most of their time here (bench/README.md: why
    // the two rows are not merged by neighbour).
    class out_edge_iterator
        : public boost::iterator_facade<out_edge_iterator, WalkEdge, boost::forward_traversal_tag, WalkEdge> {
      public:
        out_edge_iterator() = default;
        out_edge_iterator(const CsrGraph& csr, VertexId v, bool at_end)
            : targets_(csr.m_forward.m_column.data()),
              sources_(csr.m_backward.m_column.data()),
              relations_(csr.m_backward.m_edge_properties.data()),
              v_(v),
              forward_(csr.m_forward.m_rowstart[v + (at_end ? 1 : 0)]),
              forward_end_(csr.m_forward.m_rowstart[v + 1]),
              backward_(csr.m_backward.m_rowstart[v + (at_end ? 1 : 0)]),
              backward_end_(csr.m_backward.m_rowstart[v + 1]) {}

      private:
        friend class boost::iterator_core_access;
        [[nodiscard]] bool forward_next() const { return forward_ != forward_end_; }
        [[nodiscard]] WalkEdge dereference() const {
            if (forward_next()) return {v_, targets_[forward_], HalfEdge::of(forward_, false)};
            return {v_, sources_[backward_], HalfEdge::of(relations_[backward_], true)};
        }
        void increment() {
            if (forward_next()) {
                ++forward_;
            } else {
                ++backward_;
            }
        }
        [[nodiscard]] bool equal(const out_edge_iterator& other) const {
            return forward_ == other.forward_ && backward_ == other.backward_;
        }

        const VertexId* targets_ = nullptr;         // forward row: the relation's to vertex
        const VertexId* sources_ = nullptr;         // backward row: the relation's from vertex ...
        const RelationIndex* relations_ = nullptr;  // ... and the relation (its forward edge)
        VertexId v_ = 0;
        std::uint32_t forward_ = 0, forward_end_ = 0, backward_ = 0, backward_end_ = 0;
    };

    // Every relation once, as its forward half-edge.
    struct ForwardHalf {
        const CsrGraph* csr = nullptr;
        WalkEdge operator()(const CsrGraph::edge_descriptor& e) const {
            return {boost::source(e, *csr), boost::target(e, *csr),
                    HalfEdge::of(boost::get(boost::edge_index, *csr, e), false)};
        }
    };

    // Boost graph concepts: IncidenceGraph, VertexListGraph, EdgeListGraph.
    using vertex_descriptor = VertexId;
    using edge_descriptor = WalkEdge;
    using directed_category = boost::undirected_tag;
    using edge_parallel_category = boost::allow_parallel_edge_tag;
    struct traversal_category : boost::incidence_graph_tag,
                                boost::vertex_list_graph_tag,
                                boost::edge_list_graph_tag {};
    using vertex_iterator = boost::counting_iterator<VertexId>;
    using edge_iterator = boost::transform_iterator<ForwardHalf, CsrGraph::edge_iterator, WalkEdge, WalkEdge>;
    using in_edge_iterator = out_edge_iterator;  // undirected: the same half-edges
    using adjacency_iterator = void;
    using vertices_size_type = std::uint32_t;
    using edges_size_type = std::uint32_t;
    using degree_size_type = std::uint32_t;
    static VertexId null_vertex() { return CsrGraph::null_vertex(); }

  private:
    const CsrGraph* csr_;
};

inline std::pair<HalfEdgeGraph::out_edge_iterator, HalfEdgeGraph::out_edge_iterator> out_edges(
    VertexId v, const HalfEdgeGraph& g) {
    return {HalfEdgeGraph::out_edge_iterator(g.csr(), v, false),
            HalfEdgeGraph::out_edge_iterator(g.csr(), v, true)};
}
inline std::uint32_t out_degree(VertexId v, const HalfEdgeGraph& g) {
    return boost::out_degree(v, g.csr()) + boost::in_degree(v, g.csr());
}
inline VertexId source(const WalkEdge& e, const HalfEdgeGraph&) { return e.source; }
inline VertexId target(const WalkEdge& e, const HalfEdgeGraph&) { return e.target; }
inline std::pair<HalfEdgeGraph::vertex_iterator, HalfEdgeGraph::vertex_iterator> vertices(
    const HalfEdgeGraph& g) {
    return {HalfEdgeGraph::vertex_iterator(0), HalfEdgeGraph::vertex_iterator(boost::num_vertices(g.csr()))};
}
inline std::uint32_t num_vertices(const HalfEdgeGraph& g) { return boost::num_vertices(g.csr()); }
inline std::pair<HalfEdgeGraph::edge_iterator, HalfEdgeGraph::edge_iterator> edges(const HalfEdgeGraph& g) {
    const auto [first, last] = boost::edges(g.csr());
    const HalfEdgeGraph::ForwardHalf forward{&g.csr()};
    return {HalfEdgeGraph::edge_iterator(first, forward), HalfEdgeGraph::edge_iterator(last, forward)};
}
inline std::uint32_t num_edges(const HalfEdgeGraph& g) { return boost::num_edges(g.csr()); }
inline boost::typed_identity_property_map<VertexId> get(boost::vertex_index_t, const HalfEdgeGraph&) {
    return {};
}

}  // namespace kizuna

namespace boost {
template <>
struct property_map<kizuna::HalfEdgeGraph, vertex_index_t> {
    using type = typed_identity_property_map<kizuna::VertexId>;
    using const_type = type;
};
}  // namespace boost
