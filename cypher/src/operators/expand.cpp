// Expand: for each input row, the relationship steps from a bound node (PropertyGraph::for_each_step),
// each relationship not matched before in the clause and fitting the pattern, with the node it reaches
// (bound there, or compared when bound before).
#include <algorithm>

#include "operators/operator.h"
#include "operators/pattern_support.h"

namespace kizuna::cypher {

Direction walked_direction(const RelPattern& rel, bool rightwards) {
    if (rightwards || rel.direction == Direction::Both) return rel.direction;
    return rel.direction == Direction::Outgoing ? Direction::Incoming : Direction::Outgoing;
}

namespace {

class Expand : public Operator {
  public:
    Expand(OperatorPtr input, std::shared_ptr<const PatternStep> step)
        : Operator("Expand", std::move(input)),
          step_(std::move(step)),
          rel_(step_->part->rels[step_->rel]),
          from_(step_->part->nodes[step_->rightwards ? step_->rel : step_->rel + 1]),
          target_(step_->part->nodes[step_->node]) {}

  protected:
    bool produce(Row& row, Context& context) override {
        for (;;) {
            while (at_ < steps_.size()) {
                const Step s = steps_[at_++];
                context.tick();
                if (fits(s, row, context)) return true;
            }
            if (!pull(in_, context)) return false;
            steps_.clear();
            at_ = 0;
            const auto& from = in_[static_cast<std::size_t>(from_.slot)];
            if (from.type() != Value::Type::Node) continue;
            used_.clear();
            rels_in(in_, step_->earlier_rels, used_);
            context.graph->for_each_step(from.as_node(), walked_direction(rel_, step_->rightwards),
                                         rel_.types, [this](const Step& s) {
                                             steps_.push_back(s);
                                             return true;
                                         });
        }
    }

  private:
    // The row of step s when it matches.
    bool fits(const Step& s, Row& row, Context& context) {
        if (std::find(used_.begin(), used_.end(), s.rel) != used_.end()) return false;
        const auto rel_slot = static_cast<std::size_t>(rel_.slot);
        if (step_->rel_bound) {
            const auto& v = in_[rel_slot];
            if (v.type() != Value::Type::Rel || v.as_rel() != s.rel) return false;
        }
        if (!rel_fits(rel_, s.rel, in_, context)) return false;
        row = in_;
        row[rel_slot] = Value(RelRef{s.rel});
        return reach_node(target_, step_->node_bound, s.other, row, context);
    }

    std::shared_ptr<const PatternStep> step_;
    const RelPattern& rel_;
    const NodePattern& from_;
    const NodePattern& target_;
    Row in_;
    std::vector<Step> steps_;
    std::vector<RelId> used_;
    std::size_t at_ = 0;
};

}  // namespace

OperatorPtr make_expand(OperatorPtr input, std::shared_ptr<const PatternStep> step) {
    return std::make_unique<Expand>(std::move(input), std::move(step));
}

}  // namespace kizuna::cypher
