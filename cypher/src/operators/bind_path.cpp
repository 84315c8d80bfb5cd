// BindPath: a named path from its part's nodes and relationships in the row, left to right (the nodes a
// variable-length relationship passes are found from its relationships' ends).
#include "operators/operator.h"
#include "operators/pattern_support.h"

namespace kizuna::cypher {
namespace {

class BindPath : public Operator {
  public:
    BindPath(OperatorPtr input, std::shared_ptr<const PatternStep> step)
        : Operator("BindPath", std::move(input)), step_(std::move(step)), part_(*step_->part) {}

  protected:
    bool produce(Row& row, Context& context) override {
        if (!pull(row, context)) return false;
        const auto& graph = *context.graph;
        Path path;
        path.nodes.push_back(row[static_cast<std::size_t>(part_.nodes[0].slot)].as_node());
        for (std::size_t j = 0; j < part_.rels.size(); ++j) {
            std::vector<RelId> rels;
            rels_in(row, {part_.rels[j].slot}, rels);
            for (const auto r : rels) {
                const NodeId at = path.nodes.back();
                const NodeId start = graph.rel_start(r);
                path.nodes.push_back(start == at ? graph.rel_end(r) : start);
                path.rels.push_back(r);
            }
        }
        row[static_cast<std::size_t>(part_.path_slot)] = Value(std::move(path));
        return true;
    }

  private:
    std::shared_ptr<const PatternStep> step_;
    const PatternPart& part_;
};

}  // namespace

OperatorPtr make_bind_path(OperatorPtr input, std::shared_ptr<const PatternStep> step) {
    return std::make_unique<BindPath>(std::move(input), std::move(step));
}

}  // namespace kizuna::cypher
