#include "kizuna/queries/traversal.h"

#include <algorithm>
#include <boost/graph/visitors.hpp>

#include "kizuna/core/errors.h"
#include "kizuna/core/vocabulary.h"

namespace kizuna {

namespace {

// The index of the type with this id; UsageError naming the known types when there is none.
// A type is named by its id or its label in any language ("joint venture", "合弁", "MOU").
std::size_t type_number(const Graph& graph, const std::string& wanted, const char* option) {
    const auto& known = graph.relation_types();
    if (const auto found = match_type(wanted, known)) return *found;
    std::string list;
    for (const auto& type : known) list += (list.empty() ? "" : ", ") + type.id;
    throw UsageError(std::string(option) + ": unknown relation type '" + wanted + "' (known: " + list + ")");
}

// By type index: 1 when the filter's type conditions let the type through.
std::vector<char> type_mask(const Graph& graph, const RelationFilter& filter, bool ignore_evidence_rule) {
    const auto& known = graph.relation_types();
    std::vector<char> mask(known.size(), filter.types.empty() ? 1 : 0);
    std::vector<char> named(known.size(), 0);
    for (const auto& wanted : filter.types) {
        const std::size_t i = type_number(graph, wanted, "--type");
        mask[i] = 1;
        named[i] = 1;
    }
    for (const auto& unwanted : filter.exclude_types)
        mask[type_number(graph, unwanted, "--exclude-type")] = 0;
    if (!filter.include_evidence && !ignore_evidence_rule) {
        for (std::size_t i = 0; i < known.size(); ++i) {
            if (is_evidence(known[i]) && named[i] == 0) mask[i] = 0;  // naming an evidence type walks it
        }
    }
    return mask;
}

// Whether dates let r through: active or possibly active in the window, or undated and included.
bool dates_match(const Graph& graph, RelationIndex r, const std::optional<DaySpan>& window,
                 UndatedPolicy undated) {
    if (!window) return true;
    switch (activity(graph.start(r), graph.end(r), *window)) {
        case Activity::Active:
        case Activity::PossiblyActive:
            return true;
        case Activity::Inactive:
            return false;
        case Activity::DateUnknown:
            break;
    }
    return undated == UndatedPolicy::Include;
}

}  // namespace

bool relation_matches(const Graph& graph, RelationIndex r, const RelationFilter& filter) {
    return queries::CompiledFilter(graph, filter).relation_ok(r);
}

std::vector<std::string> evidence_types_allowed(const Graph& graph, const RelationFilter& filter) {
    const auto typed = type_mask(graph, filter, true);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        if (typed[i] != 0 && is_evidence(graph.relation_types()[i]))
            out.push_back(graph.relation_types()[i].id);
    }
    return out;
}

LeftOut left_out(const Graph& graph, const RelationFilter& filter) {
    const auto window = filter.window();
    const bool undated_left = window && filter.undated != UndatedPolicy::Include;
    const auto walked = type_mask(graph, filter, false);
    const auto typed = type_mask(graph, filter, true);  // what the types allow, evidence or not
    bool evidence_left = false;
    for (std::size_t i = 0; i < walked.size(); ++i) evidence_left = evidence_left || walked[i] != typed[i];
    LeftOut out;
    if (!evidence_left && !undated_left) return out;
    if (!window) {  // no dates to look at: the graph's count per type says it (no pass over the relations)
        for (std::size_t t = 0; t < walked.size(); ++t) {
            if (typed[t] != 0 && walked[t] == 0) out.evidence += graph.type_relation_count(t);
        }
        return out;
    }
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (graph.removed(r)) continue;  // by a delta: no more in the data
        const std::size_t t = graph.type_index(r);
        if (typed[t] == 0) continue;
        if (walked[t] == 0) {
            if (dates_match(graph, r, window, UndatedPolicy::Include)) ++out.evidence;
        } else if (undated_left && !graph.start(r) && !graph.end(r)) {
            ++out.undated;
        }
    }
    return out;
}

std::optional<UndatedPolicy> parse_undated_policy(const std::string& word) {
    if (word == "include") return UndatedPolicy::Include;
    if (word == "exclude") return UndatedPolicy::Exclude;
    if (word == "separate") return UndatedPolicy::Separate;
    return std::nullopt;
}

namespace queries {

CompiledFilter::CompiledFilter(const Graph& graph, const RelationFilter& filter)
    : graph_(graph),
      directed_(filter.directed),
      type_ok_(type_mask(graph, filter, false)),
      window_(filter.window()),
      undated_(filter.undated) {
    // Nothing to check per relation when no date window is asked and every type left out has no
    // relations (the default filter leaves out evidence: most graphs have none, or few).
    bool left_out_empty = true;
    for (std::size_t t = 0; t < type_ok_.size(); ++t) {
        if (type_ok_[t] == 0 && graph.type_relation_count(t) != 0) left_out_empty = false;
    }
    all_pass_ = !window_ && left_out_empty;
    for (const auto& type : graph.relation_types()) type_directed_.push_back(type.directed ? 1 : 0);
}

bool CompiledFilter::relation_ok(RelationIndex r) const {
    if (all_pass_) return true;
    if (type_ok_[graph_.type_index(r)] == 0) return false;
    return dates_match(graph_, r, window_, undated_);
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
