// SET and REMOVE of properties and labels.
#include "operators/write_support.h"

namespace kizuna::cypher {
namespace {

using T = Value::Type;

class SetOp : public Eager {
  public:
    SetOp(std::unique_ptr<Operator> input, const Clause& clause)
        : Eager("Set", std::move(input)), clause_(clause) {}

  protected:
    void apply(Row& row, Context& context) override { apply_set(clause_.set_items, row, context); }

  private:
    const Clause& clause_;
};

class RemoveOp : public Eager {
  public:
    RemoveOp(std::unique_ptr<Operator> input, const Clause& clause)
        : Eager("Remove", std::move(input)), clause_(clause) {}

  protected:
    void apply(Row& row, Context& context) override {
        auto& graph = *context.graph;
        for (const auto& item : clause_.remove_items) {
            if (!item.labels.empty()) {
                const auto target = evaluate(*item.target, row, context);
                if (target.is_null()) continue;
                if (target.type() != T::Node) type_error("labels can only be removed from a Node");
                for (const auto& l : item.labels) {
                    if (graph.has_label(target.as_node(), l)) {
                        graph.remove_label(target.as_node(), l);
                        ++context.writes->labels_removed;
                    }
                }
            } else {
                const auto target = evaluate(*item.target->args[0], row, context);
                if (target.is_null()) continue;
                const auto& key = item.target->name;
                const bool had =
                    target.type() == T::Node  ? !graph.node_property(target.as_node(), key).is_null()
                    : target.type() == T::Rel ? !graph.rel_property(target.as_rel(), key).is_null()
                                              : false;
                if (had) set_property(target, key, Value(), context);
            }
        }
    }

  private:
    const Clause& clause_;
};

}  // namespace

OperatorPtr make_set(OperatorPtr input, const Clause& clause) {
    return std::make_unique<SetOp>(std::move(input), clause);
}

OperatorPtr make_remove(OperatorPtr input, const Clause& clause) {
    return std::make_unique<RemoveOp>(std::move(input), clause);
}

}  // namespace kizuna::cypher
