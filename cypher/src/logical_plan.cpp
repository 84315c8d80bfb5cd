// Building the logical plan from the bound tree, and printing it for EXPLAIN.
#include "logical_plan.h"

#include "kizuna/cypher/errors.h"

namespace kizuna::cypher {
namespace {

using LogicalPtr = std::unique_ptr<LogicalOp>;

LogicalPtr logical(LogicalKind kind, std::string name, LogicalPtr input, std::string detail = "") {
    auto op = std::make_unique<LogicalOp>();
    op->kind = kind;
    op->name = std::move(name);
    if (!detail.empty()) op->details.push_back(std::move(detail));
    op->input = std::move(input);
    return op;
}

// SKIP and LIMIT take a non-negative integer, known before the query runs (a literal or a parameter).
std::size_t count_argument(const ExprPtr& e, Context& context, const char* what) {
    if (!e) return 0;
    Row empty;
    const auto v = evaluate(*e, empty, context);
    const auto phase =
        e->kind == ExprKind::Parameter ? CypherError::Phase::Runtime : CypherError::Phase::Compile;
    const std::string kind = "SyntaxError";
    if (v.type() != Value::Type::Int) {
        if (v.type() == Value::Type::Float && phase == CypherError::Phase::Runtime) {
            throw CypherError(kind, phase, std::string("InvalidArgumentType: ") + what + " needs an Integer");
        }
        throw CypherError(kind, phase, std::string("InvalidArgumentType: ") + what + " needs an Integer",
                          e->line, e->column);
    }
    if (v.as_int() < 0) {
        throw CypherError(kind, phase,
                          std::string("NegativeIntegerArgument: ") + what + " cannot be negative", e->line,
                          e->column);
    }
    return static_cast<std::size_t>(v.as_int());
}

std::string projection_items(const Projection& p) {
    std::string out;
    for (const auto& item : p.items) {
        out += out.empty() ? "" : ", ";
        out += item.aliased && item.expr->text != item.alias ? item.expr->text + " AS " + item.alias
                                                             : item.alias;
    }
    return out;
}

std::string sort_items(const Projection& p) {
    std::string out;
    for (const auto& s : p.order)
        out += (out.empty() ? "" : ", ") + s.expr->text + (s.descending ? " DESC" : "");
    return out;
}

// WITH and RETURN: project or aggregate, then DISTINCT, WITH's WHERE, ORDER BY (top-k when a LIMIT
// bounds it and nothing groups), SKIP, LIMIT.
LogicalPtr plan_projection(const Clause& c, LogicalPtr op, Context& context) {
    const auto& p = c.projection;
    const auto skip = count_argument(p.skip, context, "SKIP");
    const auto limit =
        p.limit ? count_argument(p.limit, context, "LIMIT") : std::numeric_limits<std::size_t>::max();
    op = p.aggregating ? logical(LogicalKind::Aggregate, "Aggregate", std::move(op), projection_items(p))
                       : logical(LogicalKind::Project, "Project", std::move(op), projection_items(p));
    op->projection = &p;
    if (p.distinct) {
        op = logical(LogicalKind::Distinct, "Distinct", std::move(op), projection_items(p));
        op->projection = &p;
    }
    if (p.where) {
        op = logical(LogicalKind::Filter, "Filter", std::move(op), p.where->text);
        op->predicate = p.where;
    }
    if (!p.order.empty()) {
        if (p.limit && !p.aggregating && !p.distinct) {
            const auto keep = limit > std::numeric_limits<std::size_t>::max() - skip ? limit : skip + limit;
            op = logical(LogicalKind::TopK, "TopK", std::move(op),
                         std::to_string(keep) + " by " + sort_items(p));
            op->count = keep;
        } else {
            op = logical(LogicalKind::Sort, "Sort", std::move(op), "by " + sort_items(p));
        }
        op->projection = &p;
    }
    if (p.skip) {
        op = logical(LogicalKind::Skip, "Skip", std::move(op), std::to_string(skip));
        op->count = skip;
    }
    if (p.limit) {
        op = logical(LogicalKind::Limit, "Limit", std::move(op), std::to_string(limit));
        op->count = limit;
    }
    return op;
}

LogicalPtr plan_match_clause(const Clause& c, LogicalPtr op, Context& context) {
    auto plan = std::make_shared<const MatchPlan>(plan_match(c.patterns, c.where, context));
    op = logical(LogicalKind::Match, c.optional ? "OptionalMatch" : "Match", std::move(op));
    op->details = describe_match(c.patterns, *plan);
    op->match = std::move(plan);
    return op;
}

void collect_subqueries(const ExprPtr& e, std::vector<const SingleQuery*>& out) {
    if (!e) return;
    if (e->subquery) out.push_back(e->subquery.get());
    for (const auto& a : e->args) collect_subqueries(a, out);
}

// The subqueries of a clause's conditions, list and projection (those in pattern property maps or
// writes are planned when first run).
std::vector<const SingleQuery*> clause_subqueries(const Clause& c) {
    std::vector<const SingleQuery*> out;
    collect_subqueries(c.where, out);
    collect_subqueries(c.expr, out);
    collect_subqueries(c.projection.where, out);
    for (const auto& item : c.projection.items) collect_subqueries(item.expr, out);
    for (const auto& s : c.projection.order) collect_subqueries(s.expr, out);
    return out;
}

LogicalPtr plan_clause_op(const Clause& c, LogicalPtr op, Context& context) {
    switch (c.kind) {
        case ClauseKind::Match:
            op = plan_match_clause(c, std::move(op), context);
            break;
        case ClauseKind::Unwind:
            op = logical(LogicalKind::Unwind, "Unwind", std::move(op), c.expr->text + " AS " + c.var);
            break;
        case ClauseKind::With:
        case ClauseKind::Return:
            return plan_projection(c, std::move(op), context);
        case ClauseKind::Create:
            op = logical(LogicalKind::Create, "Create", std::move(op));
            break;
        case ClauseKind::Merge:
            op = logical(LogicalKind::Merge, "Merge", std::move(op));
            op->match = std::make_shared<const MatchPlan>(plan_match(c.patterns, nullptr, context));
            op->details = describe_match(c.patterns, *op->match);
            break;
        case ClauseKind::Set:
            op = logical(LogicalKind::Set, "Set", std::move(op));
            break;
        case ClauseKind::Remove:
            op = logical(LogicalKind::Remove, "Remove", std::move(op));
            break;
        case ClauseKind::Delete:
            op = logical(LogicalKind::Delete, c.detach ? "DetachDelete" : "Delete", std::move(op));
            break;
    }
    op->clause = &c;
    return op;
}

LogicalPtr plan_clause(const Clause& c, LogicalPtr op, Context& context) {
    op = plan_clause_op(c, std::move(op), context);
    for (const auto* sub : clause_subqueries(c)) op->applies.emplace_back(sub, plan_single(*sub, context));
    return op;
}

void explain_chain(const LogicalOp* top, const std::string& indent, std::vector<std::string>& lines) {
    for (const LogicalOp* op = top; op; op = op->input.get()) {
        std::string line = indent + op->name;
        std::size_t first_sub = 0;
        if (op->kind != LogicalKind::Match && op->kind != LogicalKind::Merge && !op->details.empty()) {
            line += " " + op->details[0];
            first_sub = 1;
        }
        lines.push_back(line);
        for (std::size_t d = first_sub; d < op->details.size(); ++d)
            lines.push_back(indent + "    " + op->details[d]);
        for (const auto& [sub, plan] : op->applies) {
            lines.push_back(indent + "    Apply EXISTS { } per row:");
            explain_chain(plan.get(), indent + "        ", lines);
        }
    }
}

}  // namespace

void for_each_logical(const LogicalOp& top, const std::function<void(const LogicalOp&)>& visit) {
    for (const LogicalOp* op = &top; op; op = op->input.get()) {
        visit(*op);
        for (const auto& [sub, plan] : op->applies) for_each_logical(*plan, visit);
    }
}

LogicalPtr plan_single(const SingleQuery& part, Context& context) {
    auto op = logical(LogicalKind::Start, "Start", nullptr);
    for (const auto& c : part.clauses) op = plan_clause(c, std::move(op), context);
    return op;
}

LogicalPlan plan_query(const Query& bound, Context& context) {
    LogicalPlan plan;
    for (const auto& part : bound.parts) plan.parts.push_back(plan_single(part, context));
    plan.union_all = bound.union_all;
    return plan;
}

std::vector<std::string> explain_lines(const LogicalPlan& plan) {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < plan.parts.size(); ++i) {
        if (i > 0) lines.push_back(plan.union_all[i - 1] ? "UnionAll" : "Union (distinct rows)");
        explain_chain(plan.parts[i].get(), plan.parts.size() > 1 ? "  " : "", lines);
    }
    return lines;
}

}  // namespace kizuna::cypher
