// NodeScan: for each input row, the candidates of a pattern node (an index lookup, the nodes of a label,
// every node), each that fits bound in a row of its own; or, for a node bound before, the row when the
// node fits.
#include <limits>

#include "operators/operator.h"
#include "operators/pattern_support.h"

namespace kizuna::cypher {
namespace {

class NodeScan : public Operator {
  public:
    NodeScan(OperatorPtr input, std::shared_ptr<const PatternStep> step)
        : Operator("NodeScan", std::move(input)),
          step_(std::move(step)),
          node_(step_->part->nodes[step_->node]) {}

  protected:
    bool produce(Row& row, Context& context) override {
        for (;;) {
            while (at_ < candidates_.size()) {
                const NodeId n = candidates_[at_++];
                context.tick();
                row = in_;
                if (reach_node(node_, false, n, row, context)) return true;
            }
            if (!pull(in_, context)) return false;
            if (step_->source == NodeSource::Bound) {
                const auto& v = in_[static_cast<std::size_t>(node_.slot)];
                if (v.type() != Value::Type::Node || !node_fits(node_, v.as_node(), in_, context)) continue;
                row = in_;
                return true;
            }
            collect(context);
        }
    }

  private:
    // The node's candidates for the row in in_, collected first: the checks may read the graph.
    void collect(Context& context) {
        candidates_.clear();
        at_ = 0;
        const auto& graph = *context.graph;
        if (step_->source == NodeSource::Index) {
            if (auto hit = graph.lookup(step_->key, evaluate(*step_->value, in_, context))) {
                candidates_ = std::move(*hit);
                return;
            }
        }
        const auto keep = [this](NodeId n) {
            candidates_.push_back(n);
            return true;
        };
        if (step_->source == NodeSource::Label) {
            graph.for_each_node_with_label(step_->label, keep);
        } else {
            graph.for_each_node(keep);
        }
    }

    std::shared_ptr<const PatternStep> step_;
    const NodePattern& node_;
    Row in_;
    std::vector<NodeId> candidates_;
    std::size_t at_ = 0;
};

}  // namespace

OperatorPtr make_node_scan(OperatorPtr input, std::shared_ptr<const PatternStep> step) {
    return std::make_unique<NodeScan>(std::move(input), std::move(step));
}

}  // namespace kizuna::cypher
