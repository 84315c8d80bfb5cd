#include "kizuna/queries/traversal.h"

#include <boost/graph/visitors.hpp>

#include "kizuna/core/errors.h"

namespace kizuna {

namespace {

std::vector<char> type_mask(const Graph& graph, const std::vector<std::string>& types) {
    const auto& known = graph.relation_types();
    std::vector<char> mask(known.size(), types.empty() ? 1 : 0);
    for (const auto& wanted : types) {
        bool found = false;
        for (std::size_t i = 0; i < known.size(); ++i) {
            if (known[i].id == wanted) {
                mask[i] = 1;
                found = true;
            }
        }
        if (!found) {
            std::string list;
            for (const auto& type : known) list += (list.empty() ? "" : ", ") + type.id;
            throw UsageError("unknown relation type '" + wanted + "' (known: " + list + ")");
        }
    }
    return mask;
}

bool dates_match(const Graph& graph, RelationIndex r, const RelationFilter& filter) {
    const auto start = graph.start(r);
    const auto end = graph.end(r);
    if (filter.as_of && !active_at(start, end, *filter.as_of)) return false;
    if ((filter.since || filter.until) && !overlaps(start, end, filter.since, filter.until)) return false;
    return true;
}

}  // namespace

bool relation_matches(const Graph& graph, RelationIndex r, const RelationFilter& filter) {
    if (!filter.types.empty()) {
        const auto& id = graph.type(r).id;
        if (std::find(filter.types.begin(), filter.types.end(), id) == filter.types.end()) {
            (void)type_mask(graph, filter.types);  // throws for an unknown type
            return false;
        }
    }
    return dates_match(graph, r, filter);
}

namespace queries {

CompiledFilter::CompiledFilter(const Graph& graph, const RelationFilter& filter)
    : graph_(graph),
      directed_(filter.directed),
      all_pass_(filter.types.empty() && !filter.as_of && !filter.since && !filter.until),
      type_ok_(type_mask(graph, filter.types)) {
    for (const auto& type : graph.relation_types()) type_directed_.push_back(type.directed ? 1 : 0);
    dates_.as_of = filter.as_of;
    dates_.since = filter.since;
    dates_.until = filter.until;
}

bool CompiledFilter::relation_ok(RelationIndex r) const {
    if (all_pass_) return true;
    if (type_ok_[graph_.type_index(r)] == 0) return false;
    return dates_match(graph_, r, dates_);
}

bool CompiledFilter::allows(HalfEdge half, bool reverse) const {
    const RelationIndex r = half.relation();
    if (!relation_ok(r)) return false;
    if (!directed_) return true;
    // Walking forwards is allowed along the relation's direction; walking backwards (searching from a
    // target) is allowed along the reversed half-edge. Symmetric types go both ways.
    return half.reversed() == reverse || type_directed_[graph_.type_index(r)] == 0;
}

bool EdgeAllowed::operator()(const WalkEdge& e) const {
    const HalfEdge half = e.half;
    if (blocks && !blocks->relations.empty() && blocks->relations[half.relation()] != 0) return false;
    return filter->allows(half, reverse);
}

FilteredGraph filtered(const CompiledFilter& filter, const Blocks* blocks, bool reverse) {
    return FilteredGraph(GraphInternals::half_edges(filter.graph()), EdgeAllowed{&filter, blocks, reverse},
                         VertexAllowed{blocks});
}

namespace {

// Ends a breadth-first search early; Boost's documented way to stop a traversal from a visitor.
struct StopSearch {};

// Visitors are copied by value: state lives in the BfsResult they point to.
class RecordingVisitor : public boost::default_bfs_visitor {
  public:
    RecordingVisitor(BfsResult& result, std::optional<VertexId> stop_at, std::uint32_t max_depth)
        : result_(&result), stop_at_(stop_at.value_or(kUnreached)), max_depth_(max_depth) {}

    void examine_vertex(VertexId u, const FilteredGraph&) const {
        if (result_->distance[u] >= max_depth_) throw StopSearch{};  // everything nearer is discovered
    }
    void tree_edge(const FilteredGraph::edge_descriptor& e, const FilteredGraph& g) const {
        const VertexId u = boost::source(e, g), v = boost::target(e, g);
        result_->distance[v] = result_->distance[u] + 1;
        result_->parent[v] = e.half;
        if (v == stop_at_) throw StopSearch{};
    }

  private:
    BfsResult* result_;
    // kUnreached when the search runs to the end. (A plain value: gcc reads an empty optional's payload
    // before its flag, which valgrind reports as a jump on uninitialised memory.)
    VertexId stop_at_;
    std::uint32_t max_depth_;
};

}  // namespace

BfsResult bfs(const FilteredGraph& view, VertexId source, std::optional<VertexId> stop_at,
              std::uint32_t max_depth) {
    const auto n = boost::num_vertices(view);
    BfsResult result{std::vector<std::uint32_t>(n, kUnreached), std::vector<HalfEdge>(n)};
    result.distance[source] = 0;
    if (stop_at && *stop_at == source) return result;
    std::vector<boost::default_color_type> colors(n, boost::white_color);
    try {
        boost::breadth_first_search(view, source,
                                    boost::visitor(RecordingVisitor(result, stop_at, max_depth))
                                        .color_map(boost::make_iterator_property_map(
                                            colors.begin(), boost::get(boost::vertex_index, view))));
    } catch (const StopSearch&) {
    }
    return result;
}

}  // namespace queries
}  // namespace kizuna
