// Turning a logical plan into operators (operators/*.cpp), input first.
#include "logical_plan.h"
#include "operators/operator.h"
#include "operators/pattern_support.h"

namespace kizuna::cypher {
namespace {

OperatorPtr physical_projection(const LogicalOp& op, OperatorPtr input) {
    const auto& p = *op.projection;
    switch (op.kind) {
        case LogicalKind::Project:
            return make_project(std::move(input), p);
        case LogicalKind::Aggregate:
            return make_aggregate(std::move(input), p);
        case LogicalKind::Distinct:
            return make_distinct(std::move(input), p);
        case LogicalKind::Sort:
            return make_sort(std::move(input), p);
        default:
            return make_top_k(std::move(input), p, op.count);
    }
}

OperatorPtr physical_pattern(const LogicalOp& op, OperatorPtr input) {
    switch (op.kind) {
        case LogicalKind::NodeScan:
            return make_node_scan(std::move(input), op.step);
        case LogicalKind::Expand:
            return make_expand(std::move(input), op.step);
        case LogicalKind::VarLengthExpand:
            return make_var_length_expand(std::move(input), op.step);
        case LogicalKind::RelationshipScan:
            return make_relationship_scan(std::move(input), op.step);
        case LogicalKind::ShortestPath:
            return make_shortest_path(std::move(input), op.step);
        default:
            return make_bind_path(std::move(input), op.step);
    }
}

OperatorPtr physical_clause(const LogicalOp& op, OperatorPtr input) {
    const auto& c = *op.clause;
    switch (op.kind) {
        case LogicalKind::Optional:
            return make_optional(std::move(input), c, *op.inner);
        case LogicalKind::Unwind:
            return make_unwind(std::move(input), c);
        case LogicalKind::Create:
            return make_create(std::move(input), c);
        case LogicalKind::Merge:
            return make_merge(std::move(input), c, *op.inner);
        case LogicalKind::Set:
            return make_set(std::move(input), c);
        case LogicalKind::Remove:
            return make_remove(std::move(input), c);
        default:
            return make_delete(std::move(input), c);
    }
}

}  // namespace

std::unique_ptr<Operator> physical_plan(const LogicalOp& op, Context& context, const Row* seed) {
    if (op.kind == LogicalKind::Start) return make_start(static_cast<int>(context.width), seed);
    auto input = physical_plan(*op.input, context, seed);
    OperatorPtr out;
    switch (op.kind) {
        case LogicalKind::Filter:
            out = make_filter(std::move(input), op.predicate);
            break;
        case LogicalKind::Skip:
            out = make_skip(std::move(input), op.count);
            break;
        case LogicalKind::Limit:
            out = make_limit(std::move(input), op.count);
            break;
        case LogicalKind::Project:
        case LogicalKind::Aggregate:
        case LogicalKind::Distinct:
        case LogicalKind::Sort:
        case LogicalKind::TopK:
            out = physical_projection(op, std::move(input));
            break;
        case LogicalKind::NodeScan:
        case LogicalKind::Expand:
        case LogicalKind::VarLengthExpand:
        case LogicalKind::RelationshipScan:
        case LogicalKind::ShortestPath:
        case LogicalKind::BindPath:
            out = physical_pattern(op, std::move(input));
            break;
        default:
            out = physical_clause(op, std::move(input));
            break;
    }
    out->detail = op.details.empty() ? "" : op.details[0];
    for (std::size_t d = 1; d < op.details.size(); ++d) out->detail += "; " + op.details[d];
    return out;
}

}  // namespace kizuna::cypher
