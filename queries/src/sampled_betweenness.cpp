#include "kizuna/queries/sampled_betweenness.h"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/two_bit_color_map.hpp>
#include <boost/pending/queue.hpp>

namespace kizuna::queries {

namespace {

// Per-source state, reset only where a search reached.
struct SourceState {
    std::vector<std::uint32_t> distance;
    std::vector<double> paths;       // shortest paths from the source (parallel relations count apart)
    std::vector<double> dependency;  // Brandes' delta
    std::vector<VertexId> order;     // in the order the search discovered them
};

// Counts shortest paths as the search goes: a vertex's count is complete when it is examined, since every
// vertex one hop nearer the source was examined before it.
class PathCounting : public boost::default_bfs_visitor {
  public:
    explicit PathCounting(SourceState& state) : state_(&state) {}
    void discover_vertex(VertexId v, const FilteredGraph&) const { state_->order.push_back(v); }
    void tree_edge(const FilteredGraph::edge_descriptor& e, const FilteredGraph& g) const {
        const VertexId u = boost::source(e, g), v = boost::target(e, g);
        state_->distance[v] = state_->distance[u] + 1;
        state_->paths[v] += state_->paths[u];
    }
    void non_tree_edge(const FilteredGraph::edge_descriptor& e, const FilteredGraph& g) const {
        const VertexId u = boost::source(e, g), v = boost::target(e, g);
        if (state_->distance[v] == state_->distance[u] + 1) state_->paths[v] += state_->paths[u];
    }

  private:
    SourceState* state_;
};

}  // namespace

std::vector<double> sampled_betweenness(const FilteredGraph& view, std::size_t vertex_count,
                                        const std::vector<VertexId>& sources, std::size_t population) {
    std::vector<double> centrality(vertex_count, 0.0);
    if (sources.empty()) return centrality;
    SourceState state{std::vector<std::uint32_t>(vertex_count, kUnreached),
                      std::vector<double>(vertex_count, 0.0),
                      std::vector<double>(vertex_count, 0.0),
                      {}};
    boost::two_bit_color_map<> color(vertex_count);
    boost::queue<VertexId> queue;
    for (const VertexId source : sources) {
        state.distance[source] = 0;
        state.paths[source] = 1;
        boost::breadth_first_visit(view, source, queue, PathCounting(state), color);
        // Dependencies, farthest first: each vertex passes its share to the vertices one hop nearer.
        for (auto w = state.order.rbegin(); w != state.order.rend(); ++w) {
            for (const auto& e : boost::make_iterator_range(boost::out_edges(*w, view))) {
                const VertexId v = boost::target(e, view);
                if (state.distance[v] != kUnreached && state.distance[v] + 1 == state.distance[*w]) {
                    state.dependency[v] += state.paths[v] / state.paths[*w] * (1 + state.dependency[*w]);
                }
            }
            if (*w != source) centrality[*w] += state.dependency[*w];
        }
        for (const VertexId v : state.order) {
            state.distance[v] = kUnreached;
            state.paths[v] = 0;
            state.dependency[v] = 0;
            boost::put(color, v, boost::two_bit_white);
        }
        state.order.clear();
    }
    // Scaled to every source; halved because each unordered pair was counted from both ends.
    const double scale = static_cast<double>(population != 0 ? population : vertex_count) /
                         static_cast<double>(sources.size()) / 2;
    for (auto& value : centrality) value *= scale;
    return centrality;
}

}  // namespace kizuna::queries
