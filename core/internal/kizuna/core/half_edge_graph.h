#pragma once
// Internal to Kizuna's modules: the graph the traversals walk. The graph keeps each relation once, in the
// arrays of a bidirectional Boost CSR (forwards: from -> to; backwards: to -> from with the forward
// edge's index); this adaptor shows it as an undirected Boost graph whose out-edges of v are v's
// relations, each as a half-edge that says whether it runs against the relation's own direction. BFS,
// filtered_graph and Brandes' betweenness run on it unchanged. Out-edges of v come in a fixed order - its
// outgoing relations by target, then its incoming ones by source (vertex numbers are entity-id order) - so
// every traversal is deterministic.
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kizuna/core/cache_blocks.h"
#include "kizuna/core/graph.h"

namespace kizuna {

struct DeltaRows;

// The graph's compressed sparse rows, built by Boost's compressed_sparse_row_graph and kept as its
// arrays (in memory, or mapped from the graph cache file). Relation r is forward edge r: relations are
// numbered in the order of their from vertex, so the forward row of v is v's outgoing relations.
struct CsrArrays {
    const std::uint32_t* forward_start = nullptr;      // vertices + 1 row starts
    const VertexId* forward_target = nullptr;          // per relation: its to vertex
    const std::uint32_t* backward_start = nullptr;     // vertices + 1 row starts
    const VertexId* backward_source = nullptr;         // per incoming relation: its from vertex ...
    const RelationIndex* backward_relation = nullptr;  // ... and the relation
    std::uint32_t vertices = 0;                        // all of them: the CSR's and the delta's
    std::uint32_t relations = 0;                       // likewise
    // The rows of the CSR (vertices and relations from these on are the delta's), and the delta: changes
    // since the graph cache's state (graph_delta.h); nullptr when there are none.
    std::uint32_t csr_vertices = 0;
    std::uint32_t csr_relations = 0;
    const DeltaRows* delta = nullptr;
    // When the arrays are mapped from the cache file: where each read is checked first. The rows of a
    // vertex are checked when its out-edges are asked for, so the iterators read the arrays directly.
    const CacheBlocks* blocks = nullptr;
};

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

// What the traversals need of a delta: the ends of the relations added after the CSR's (relation
// csr_relations + i), the relations of the CSR removed, and the whole out-edge list of each vertex the
// delta touches (the ends of added and removed relations, and added vertices), in the order a graph built
// anew would list them (without the removed relations).
struct DeltaRows {
    std::vector<VertexId> from, to;
    std::vector<std::uint64_t> patched;  // one bit per vertex: its out-edges are in rows
    std::vector<std::uint64_t>
        removed;  // one bit per relation (all of them) when some are removed, else empty
    std::unordered_map<VertexId, std::vector<WalkEdge>> rows;
    [[nodiscard]] bool has(VertexId v) const { return ((patched[v >> 6U] >> (v & 63U)) & 1U) != 0; }
    [[nodiscard]] bool is_removed(RelationIndex r) const {
        return !removed.empty() && ((removed[r >> 6U] >> (r & 63U)) & 1U) != 0;
    }
};

class HalfEdgeGraph {
  public:
    HalfEdgeGraph() = default;
    explicit HalfEdgeGraph(const CsrArrays& csr) : csr_(csr) {}
    [[nodiscard]] const CsrArrays& csr() const { return csr_; }
    // Makes where v's two rows start and end safe to read (a mapped graph: see CsrArrays::blocks).
    void require_starts(VertexId v) const {
        if (csr_.blocks == nullptr) return;
        csr_.blocks->require_row(kForwardStart, v);
        csr_.blocks->require_row(kBackwardStart, v);
    }
    // ... and the rows themselves.
    void require_rows(VertexId v) const {
        const CacheBlocks* blocks = csr_.blocks;
        if (blocks == nullptr) return;
        require_starts(v);
        blocks->require(kForwardTarget, std::size_t{csr_.forward_start[v]} * 4,
                        std::size_t{csr_.forward_start[v + 1]} * 4);
        const std::size_t begin = std::size_t{csr_.backward_start[v]} * 4;
        const std::size_t end = std::size_t{csr_.backward_start[v + 1]} * 4;
        blocks->require(kBackwardSource, begin, end);
        blocks->require(kBackwardRelation, begin, end);
    }
    // Makes the forward rows of every vertex safe to read (edges()).
    void require_forward() const {
        if (csr_.blocks == nullptr) return;
        csr_.blocks->require(kForwardStart, 0, (std::size_t{csr_.csr_vertices} + 1) * 4);
        csr_.blocks->require(kForwardTarget, 0, std::size_t{csr_.csr_relations} * 4);
    }
    // v's out-edges listed by the delta, or nullptr when they are the CSR's.
    [[nodiscard]] const std::vector<WalkEdge>* delta_row(VertexId v) const {
        if (csr_.delta == nullptr || !csr_.delta->has(v)) return nullptr;
        return &csr_.delta->rows.at(v);
    }

    // v's forward edges (by target), then its backward edges (by source), as WalkEdges, read from
    // Boost's CSR arrays directly: the traversals spend most of their time here (bench/README.md: why
    // the two rows are not merged by neighbour).
    class out_edge_iterator
        : public boost::iterator_facade<out_edge_iterator, WalkEdge, boost::forward_traversal_tag, WalkEdge> {
      public:
        out_edge_iterator() = default;
        out_edge_iterator(const CsrArrays& csr, VertexId v, bool at_end)
            : targets_(csr.forward_target),
              sources_(csr.backward_source),
              relations_(csr.backward_relation),
              v_(v),
              forward_(csr.forward_start[v + (at_end ? 1 : 0)]),
              forward_end_(csr.forward_start[v + 1]),
              backward_(csr.backward_start[v + (at_end ? 1 : 0)]) {}
        // Over a list of the delta's (DeltaRows::rows): forward_ counts through it.
        out_edge_iterator(const std::vector<WalkEdge>& list, bool at_end)
            : list_(list.data()),
              forward_(at_end ? static_cast<std::uint32_t>(list.size()) : 0),
              forward_end_(std::numeric_limits<std::uint32_t>::max()) {}

      private:
        friend class boost::iterator_core_access;
        [[nodiscard]] bool forward_next() const { return forward_ != forward_end_; }
        [[nodiscard]] WalkEdge dereference() const {
            if (list_ != nullptr) return list_[forward_];  // never taken without a delta: predicted
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
        const WalkEdge* list_ = nullptr;            // a delta's list instead
        VertexId v_ = 0;
        std::uint32_t forward_ = 0, forward_end_ = 0, backward_ = 0;
    };

    // Every relation once, as its forward half-edge, in relation order (a delta's removed ones skipped).
    class edge_iterator
        : public boost::iterator_facade<edge_iterator, WalkEdge, boost::forward_traversal_tag, WalkEdge> {
      public:
        edge_iterator() = default;
        edge_iterator(const CsrArrays& csr, RelationIndex r) : csr_(&csr), r_(r) { settle(); }

      private:
        friend class boost::iterator_core_access;
        [[nodiscard]] WalkEdge dereference() const {
            if (r_ >= csr_->csr_relations) {  // added by the delta
                const auto i = r_ - csr_->csr_relations;
                return {csr_->delta->from[i], csr_->delta->to[i], HalfEdge::of(r_, false)};
            }
            return {from_, csr_->forward_target[r_], HalfEdge::of(r_, false)};
        }
        void increment() {
            ++r_;
            settle();
        }
        // r_ passes the delta's removed relations; from_ becomes the row that relation r_ is in (rows of
        // vertices without relations are skipped).
        void settle() {
            if (csr_->delta != nullptr) {
                while (r_ < csr_->csr_relations && csr_->delta->is_removed(r_)) ++r_;
            }
            while (from_ < csr_->csr_vertices && csr_->forward_start[from_ + 1] <= r_) ++from_;
        }
        [[nodiscard]] bool equal(const edge_iterator& other) const { return r_ == other.r_; }

        const CsrArrays* csr_ = nullptr;
        RelationIndex r_ = 0;
        VertexId from_ = 0;
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
    using in_edge_iterator = out_edge_iterator;  // undirected: the same half-edges
    using adjacency_iterator = void;
    using vertices_size_type = std::uint32_t;
    using edges_size_type = std::uint32_t;
    using degree_size_type = std::uint32_t;
    static VertexId null_vertex() { return std::numeric_limits<VertexId>::max(); }

  private:
    CsrArrays csr_;
};

inline std::pair<HalfEdgeGraph::out_edge_iterator, HalfEdgeGraph::out_edge_iterator> out_edges(
    VertexId v, const HalfEdgeGraph& g) {
    if (const auto* row = g.delta_row(v)) {
        return {HalfEdgeGraph::out_edge_iterator(*row, false), HalfEdgeGraph::out_edge_iterator(*row, true)};
    }
    g.require_rows(v);
    return {HalfEdgeGraph::out_edge_iterator(g.csr(), v, false),
            HalfEdgeGraph::out_edge_iterator(g.csr(), v, true)};
}
inline std::uint32_t out_degree(VertexId v, const HalfEdgeGraph& g) {
    if (const auto* row = g.delta_row(v)) return static_cast<std::uint32_t>(row->size());
    g.require_starts(v);
    const CsrArrays& csr = g.csr();
    return csr.forward_start[v + 1] - csr.forward_start[v] + csr.backward_start[v + 1] -
           csr.backward_start[v];
}
inline VertexId source(const WalkEdge& e, const HalfEdgeGraph&) { return e.source; }
inline VertexId target(const WalkEdge& e, const HalfEdgeGraph&) { return e.target; }
inline std::pair<HalfEdgeGraph::vertex_iterator, HalfEdgeGraph::vertex_iterator> vertices(
    const HalfEdgeGraph& g) {
    return {HalfEdgeGraph::vertex_iterator(0), HalfEdgeGraph::vertex_iterator(g.csr().vertices)};
}
inline std::uint32_t num_vertices(const HalfEdgeGraph& g) { return g.csr().vertices; }
inline std::pair<HalfEdgeGraph::edge_iterator, HalfEdgeGraph::edge_iterator> edges(const HalfEdgeGraph& g) {
    g.require_forward();
    return {HalfEdgeGraph::edge_iterator(g.csr(), 0),
            HalfEdgeGraph::edge_iterator(g.csr(), g.csr().relations)};
}
inline std::uint32_t num_edges(const HalfEdgeGraph& g) { return g.csr().relations; }
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
