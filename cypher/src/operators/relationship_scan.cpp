// RelationshipScan: for each input row, the graph's relationships of the pattern's types with their
// ends (PropertyGraph::for_each_rel), read a batch at a time from where the last batch stopped (no row's
// matches are all held), the comparisons of their dates with date literals made on the packed dates
// before any row is made. With an index lookup (a relation's id), only the relationships it finds, in
// the same order.
#include <algorithm>

#include "operators/operator.h"
#include "operators/pattern_support.h"

namespace kizuna::cypher {
namespace {

bool date_test_passes(const DateTest& t, std::int32_t date) {
    if (date == 0) return false;  // no date: the comparison is null
    const bool or_equal = t.op.size() == 2 && t.op[1] == '=';
    switch (t.op[0]) {
        case '<':
            return t.op == "<>" ? date != t.packed : or_equal ? date <= t.packed : date < t.packed;
        case '>':
            return or_equal ? date >= t.packed : date > t.packed;
        default:
            return date == t.packed;
    }
}

class RelationshipScan : public Operator {
  public:
    RelationshipScan(OperatorPtr input, std::shared_ptr<const PatternStep> step)
        : Operator("RelationshipScan", std::move(input)),
          step_(std::move(step)),
          part_(*step_->part),
          rel_(part_.rels[0]) {}

  protected:
    bool produce(Row& row, Context& context) override {
        for (;;) {
            if (at_ < batch_.size()) {
                row = std::move(batch_[at_++]);
                return true;
            }
            batch_.clear();
            at_ = 0;
            if (position_ != PropertyGraph::npos) {
                read_batch(context);
                continue;
            }
            if (!pull(in_, context)) return false;
            // Bound by an earlier part: that relationship is used already, so the part cannot match.
            if (step_->rel_bound) continue;
            used_.clear();
            rels_in(in_, step_->earlier_rels, used_);
            if (!read_looked_up(context)) position_ = 0;
        }
    }

  private:
    static constexpr std::size_t kBatch = 4096;

    void read_batch(Context& context) {
        position_ = context.graph->for_each_rel(rel_.types, position_, [&](RelId r, NodeId from, NodeId to) {
            consider(r, from, to, context);
            return batch_.size() < kBatch;
        });
    }

    // The relationships the index finds for this row, all in one batch (an id finds at most a few);
    // false when the graph answers the lookup no more (then the scan reads them all).
    bool read_looked_up(Context& context) {
        if (step_->source != NodeSource::Index) return false;
        const auto& graph = *context.graph;
        const auto hits = graph.lookup_rels(step_->key, evaluate(*step_->value, in_, context));
        if (!hits) return false;
        for (const auto r : *hits) {
            const auto type = graph.rel_type(r);
            if (!rel_.types.empty() &&
                std::find(rel_.types.begin(), rel_.types.end(), type) == rel_.types.end())
                continue;
            consider(r, graph.rel_start(r), graph.rel_end(r), context);
        }
        return true;
    }

    // Adds the row of relationship r when it passes the scan's conditions.
    void consider(RelId r, NodeId from, NodeId to, Context& context) {
        context.tick();
        for (const auto& t : step_->date_tests) {
            if (!date_test_passes(t, context.graph->rel_packed_date(r, t.column))) return;
        }
        if (std::find(used_.begin(), used_.end(), r) != used_.end()) return;
        if (!rel_fits(rel_, r, in_, context)) return;
        Row out = in_;
        out[static_cast<std::size_t>(rel_.slot)] = Value(RelRef{r});
        if (!reach_node(part_.nodes[0], false, from, out, context) ||
            !reach_node(part_.nodes[1], step_->node_bound, to, out, context))
            return;
        batch_.push_back(std::move(out));
    }

    std::shared_ptr<const PatternStep> step_;
    const PatternPart& part_;
    const RelPattern& rel_;
    Row in_;
    std::vector<RelId> used_;
    std::vector<Row> batch_;
    std::size_t at_ = 0;
    std::size_t position_ = PropertyGraph::npos;
};

}  // namespace

OperatorPtr make_relationship_scan(OperatorPtr input, std::shared_ptr<const PatternStep> step) {
    return std::make_unique<RelationshipScan>(std::move(input), std::move(step));
}

}  // namespace kizuna::cypher
