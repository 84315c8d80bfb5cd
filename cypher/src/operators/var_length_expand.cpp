// VarLengthExpand: for each input row, every trail from a bound node over a variable-length
// relationship (each relationship once, none matched before in the clause), depth first with an
// explicit stack (a trail may be as long as the graph has relationships: never on the call stack), one
// row per trail of an allowed length whose end fits. The stack survives between rows asked for, so
// the trails of one row stream.
#include <algorithm>
#include <limits>

#include "operators/operator.h"
#include "operators/pattern_support.h"

namespace kizuna::cypher {
namespace {

class VarLengthExpand : public Operator {
  public:
    VarLengthExpand(OperatorPtr input, std::shared_ptr<const PatternStep> step)
        : Operator("VarLengthExpand", std::move(input)),
          step_(std::move(step)),
          rel_(step_->part->rels[step_->rel]),
          from_(step_->part->nodes[step_->rightwards ? step_->rel : step_->rel + 1]),
          target_(step_->part->nodes[step_->node]),
          direction_(walked_direction(rel_, step_->rightwards)),
          min_hops_(static_cast<std::size_t>(std::max<std::int64_t>(0, rel_.min_hops.value_or(1)))),
          max_hops_(rel_.max_hops ? static_cast<std::size_t>(std::max<std::int64_t>(0, *rel_.max_hops))
                                  : std::numeric_limits<std::size_t>::max()) {}

  protected:
    bool produce(Row& row, Context& context) override {
        for (;;) {
            if (searching_ && advance(row, context)) return true;
            searching_ = false;
            if (!pull(in_, context)) return false;
            const auto& from = in_[static_cast<std::size_t>(from_.slot)];
            if (from.type() != Value::Type::Node) continue;
            frames_.clear();
            walked_.clear();
            passed_.assign(1, from.as_node());
            used_.clear();
            rels_in(in_, step_->earlier_rels, used_);
            arriving_ = true;
            searching_ = true;
        }
    }

  private:
    struct Frame {
        std::vector<Step> steps;
        std::size_t next = 0;
    };

    // On along the trails of the current row to the next match; false when they are all walked.
    bool advance(Row& row, Context& context) {
        for (;;) {
            if (arriving_) {
                arriving_ = false;
                if (arrive(row, context)) return true;
                continue;
            }
            if (frames_.empty()) return false;
            auto& frame = frames_.back();
            if (frame.next == frame.steps.size()) {
                step_back();
                continue;
            }
            const Step s = frame.steps[frame.next++];
            if (std::find(used_.begin(), used_.end(), s.rel) != used_.end()) continue;
            if (!rel_fits(rel_, s.rel, in_, context)) continue;
            used_.push_back(s.rel);
            walked_.push_back(s.rel);
            passed_.push_back(s.other);
            arriving_ = true;
        }
    }

    // At the end of the trail walked so far: the steps on from there, and the match it makes.
    bool arrive(Row& row, Context& context) {
        context.tick(1 + walked_.size() / 16);
        Frame frame;
        if (walked_.size() < max_hops_) {
            context.budget.check_new((frames_.size() + 1) * sizeof(Frame));
            context.graph->for_each_step(passed_.back(), direction_, rel_.types, [&](const Step& s) {
                frame.steps.push_back(s);
                return true;
            });
        }
        frames_.push_back(std::move(frame));
        return walked_.size() >= min_hops_ && match(row, context);
    }

    void step_back() {
        frames_.pop_back();
        if (frames_.empty()) return;
        passed_.pop_back();
        walked_.pop_back();
        used_.pop_back();
    }

    // The trail as a match: its relationships left to right in the pattern, and the node it ends at.
    bool match(Row& row, Context& context) {
        List rels;
        for (auto r : walked_) rels.push_back(Value(RelRef{r}));
        if (!step_->rightwards) std::reverse(rels.begin(), rels.end());
        Value list(std::move(rels));
        const auto rel_slot = static_cast<std::size_t>(rel_.slot);
        if (step_->rel_bound) {
            const auto e = equals(in_[rel_slot], list);
            if (e.is_null() || !e.as_bool()) return false;
        }
        row = in_;
        row[rel_slot] = std::move(list);
        return reach_node(target_, step_->node_bound, passed_.back(), row, context);
    }

    std::shared_ptr<const PatternStep> step_;
    const RelPattern& rel_;
    const NodePattern& from_;
    const NodePattern& target_;
    Direction direction_;
    std::size_t min_hops_;
    std::size_t max_hops_;
    Row in_;
    std::vector<Frame> frames_;
    std::vector<RelId> walked_;
    std::vector<NodeId> passed_;
    std::vector<RelId> used_;
    bool searching_ = false;
    bool arriving_ = false;
};

}  // namespace

OperatorPtr make_var_length_expand(OperatorPtr input, std::shared_ptr<const PatternStep> step) {
    return std::make_unique<VarLengthExpand>(std::move(input), std::move(step));
}

}  // namespace kizuna::cypher
