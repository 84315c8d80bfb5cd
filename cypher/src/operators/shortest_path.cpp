// ShortestPath: for each input row with both ends bound, the shortest paths between them
// (PropertyGraph::shortest_paths, the graph's bidirectional search), one row per path long enough
// whose relationships fit.
#include <algorithm>
#include <limits>

#include "operators/operator.h"
#include "operators/pattern_support.h"

namespace kizuna::cypher {
namespace {

class ShortestPath : public Operator {
  public:
    ShortestPath(OperatorPtr input, std::shared_ptr<const PatternStep> step)
        : Operator("ShortestPath", std::move(input)), step_(std::move(step)), part_(*step_->part) {}

  protected:
    bool produce(Row& row, Context& context) override {
        const auto& rel = part_.rels[0];
        for (;;) {
            while (at_ < paths_.size()) {
                auto& p = paths_[at_++];
                context.tick();
                if (p.rels.size() < min_hops() || !std::all_of(p.rels.begin(), p.rels.end(), [&](RelId r) {
                        return rel_fits(rel, r, in_, context);
                    }))
                    continue;
                row = in_;
                List rels;
                for (auto r : p.rels) rels.push_back(Value(RelRef{r}));
                row[static_cast<std::size_t>(rel.slot)] =
                    rel.variable_length ? Value(std::move(rels))
                                        : (p.rels.empty() ? Value() : Value(RelRef{p.rels[0]}));
                if (part_.path_slot >= 0)
                    row[static_cast<std::size_t>(part_.path_slot)] = Value(std::move(p));
                return true;
            }
            if (!pull(in_, context)) return false;
            paths_.clear();
            at_ = 0;
            const auto& a = in_[static_cast<std::size_t>(part_.nodes[0].slot)];
            const auto& b = in_[static_cast<std::size_t>(part_.nodes[1].slot)];
            if (a.type() != Value::Type::Node || b.type() != Value::Type::Node) continue;
            // Each pair is a whole search: the clock is read for every one.
            context.budget.check_time();
            const auto max_hops = rel.max_hops ? static_cast<std::size_t>(*rel.max_hops)
                                               : std::numeric_limits<std::size_t>::max();
            paths_ = context.graph->shortest_paths(a.as_node(), b.as_node(), rel.direction, rel.types,
                                                   max_hops, part_.shortest == PatternPart::Shortest::All);
        }
    }

  private:
    std::size_t min_hops() const { return static_cast<std::size_t>(part_.rels[0].min_hops.value_or(1)); }

    std::shared_ptr<const PatternStep> step_;
    const PatternPart& part_;
    Row in_;
    std::vector<Path> paths_;
    std::size_t at_ = 0;
};

}  // namespace

OperatorPtr make_shortest_path(OperatorPtr input, std::shared_ptr<const PatternStep> step) {
    return std::make_unique<ShortestPath>(std::move(input), std::move(step));
}

}  // namespace kizuna::cypher
