// DELETE and DETACH DELETE: the nodes, relationships and paths the input names, after every row is read.
#include "kizuna/cypher/errors.h"
#include "operators/write_support.h"

namespace kizuna::cypher {
namespace {

using T = Value::Type;

class DeleteOp : public Operator {
  public:
    DeleteOp(std::unique_ptr<Operator> input, const Clause& clause)
        : Operator(clause.detach ? "DetachDelete" : "Delete", std::move(input)), clause_(clause) {}
    void finish(Context& context) override {
        Row unused;
        if (!done_) (void)next(unused, context);
        Operator::finish(context);
    }

  protected:
    bool produce(Row& row, Context& context) override {
        if (!done_) {
            done_ = true;
            Row in;
            std::vector<NodeId> nodes;
            std::vector<RelId> rels;
            while (pull(in, context)) {
                for (const auto& e : clause_.exprs) collect(evaluate(*e, in, context), nodes, rels);
                hold(in, context);
                out_.push_back(std::move(in));
                check_held(out_.size(), context);
            }
            auto& graph = *context.graph;
            for (auto r : rels) {
                context.tick();
                if (graph.rel_exists(r)) {
                    graph.delete_rel(r);
                    ++context.writes->relationships_deleted;
                }
            }
            for (auto n : nodes) {
                context.tick();
                if (!graph.node_exists(n)) continue;
                std::size_t attached = 0;
                graph.for_each_step(n, Direction::Both, {}, [&](const Step&) {
                    ++attached;
                    return true;
                });
                if (attached > 0 && !clause_.detach) {
                    throw CypherError("ConstraintVerificationFailed", CypherError::Phase::Runtime,
                                      "DeleteConnectedNode: a node with relationships cannot be deleted; use "
                                      "DETACH DELETE");
                }
                context.writes->relationships_deleted += attached;
                graph.delete_node(n, clause_.detach);
                ++context.writes->nodes_deleted;
            }
        }
        if (at_ >= out_.size()) {
            release_held(context);
            return false;
        }
        row = std::move(out_[at_++]);
        return true;
    }

  private:
    static void collect(const Value& v, std::vector<NodeId>& nodes, std::vector<RelId>& rels) {
        switch (v.type()) {
            case T::Null:
                return;
            case T::Node:
                nodes.push_back(v.as_node());
                return;
            case T::Rel:
                rels.push_back(v.as_rel());
                return;
            case T::Path:
                nodes.insert(nodes.end(), v.as_path().nodes.begin(), v.as_path().nodes.end());
                rels.insert(rels.end(), v.as_path().rels.begin(), v.as_path().rels.end());
                return;
            case T::List:
                for (const auto& x : v.as_list()) collect(x, nodes, rels);
                return;
            default:
                type_error("DELETE needs a Node, a Relationship or a Path, not a " +
                           std::string(type_name(v.type())));
        }
    }
    const Clause& clause_;
    bool done_ = false;
    std::vector<Row> out_;
    std::size_t at_ = 0;
};

}  // namespace

OperatorPtr make_delete(OperatorPtr input, const Clause& clause) {
    return std::make_unique<DeleteOp>(std::move(input), clause);
}

}  // namespace kizuna::cypher
