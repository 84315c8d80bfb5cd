// Building the logical plan from the bound tree, and printing it for EXPLAIN.
#include "logical_plan.h"

#include <algorithm>

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
LogicalPtr plan_projection(const Clause& c, LogicalPtr op, Context& context, bool where_pushed) {
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
    if (p.where && !where_pushed) {
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

// The row an inner chain (an optional's, a merge's, a pattern expression's) starts from.
LogicalPtr argument() { return logical(LogicalKind::Start, "Argument", nullptr); }

LogicalPtr plan_match_clause(const Clause& c, const ExprPtr& where, LogicalPtr op, Context& context) {
    if (!c.optional) return plan_pattern(c.patterns, where, std::move(op), context);
    op = logical(LogicalKind::Optional, "Optional", std::move(op));
    op->inner = plan_pattern(c.patterns, where, argument(), context);
    return op;
}

// A WITH that only passes variables on (no aggregate, DISTINCT, ORDER BY, SKIP or LIMIT).
bool passes_variables_on(const Clause& c) {
    const auto& p = c.projection;
    if (c.kind != ClauseKind::With || p.aggregating || p.distinct || !p.order.empty() || p.skip || p.limit)
        return false;
    return std::all_of(p.items.begin(), p.items.end(),
                       [](const ProjectionItem& i) { return i.expr->kind == ExprKind::Variable; });
}

// e with each variable of the WITH's new slots read from the slot it passes on; null when e reads
// something else the WITH made, or runs a search of its own (those stay after the WITH).
ExprPtr through_with(const ExprPtr& e, const Projection& p, const std::vector<int>& match_slots) {
    if (!e) return e;
    if (e->pattern || e->subquery || e->kind == ExprKind::AggregateSlot) return nullptr;
    auto copy = std::make_shared<Expr>(*e);
    if (e->kind == ExprKind::Variable) {
        const auto item = std::find_if(p.items.begin(), p.items.end(),
                                       [&](const ProjectionItem& i) { return i.slot == e->slot; });
        if (item == p.items.end()) return nullptr;
        copy->slot = item->expr->slot;
        if (std::find(match_slots.begin(), match_slots.end(), copy->slot) == match_slots.end())
            return nullptr;
    }
    for (auto& a : copy->args) {
        if (!a) continue;
        a = through_with(a, p, match_slots);
        if (!a) return nullptr;
    }
    return copy;
}

// MATCH ... WITH a, b WHERE cond: cond joins the MATCH's own WHERE when the WITH passes variables on
// and cond reads only what the MATCH binds; then the WITH's filter is not planned again.
ExprPtr pushed_through_with(const Clause& match, const Clause* next) {
    if (match.kind != ClauseKind::Match || match.optional || !next || !next->projection.where ||
        !passes_variables_on(*next))
        return nullptr;
    return through_with(next->projection.where, next->projection, match.introduced);
}

ExprPtr conjunction(const ExprPtr& a, const ExprPtr& b) {
    if (!a || !b) return a ? a : b;
    auto both = std::make_shared<Expr>();
    both->kind = ExprKind::Binary;
    both->name = "AND";
    both->text = a->text + " AND " + b->text;
    both->args = {a, b};
    return both;
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

LogicalPtr plan_clause_op(const Clause& c, LogicalPtr op, Context& context, const ExprPtr& pushed,
                          bool where_pushed) {
    switch (c.kind) {
        case ClauseKind::Match:
            op = plan_match_clause(c, conjunction(c.where, pushed), std::move(op), context);
            break;
        case ClauseKind::Unwind:
            op = logical(LogicalKind::Unwind, "Unwind", std::move(op), c.expr->text + " AS " + c.var);
            break;
        case ClauseKind::With:
        case ClauseKind::Return:
            return plan_projection(c, std::move(op), context, where_pushed);
        case ClauseKind::Create:
            op = logical(LogicalKind::Create, "Create", std::move(op));
            break;
        case ClauseKind::Merge:
            op = logical(LogicalKind::Merge, "Merge", std::move(op));
            op->inner = plan_pattern(c.patterns, nullptr, argument(), context);
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

LogicalPtr plan_clause(const Clause& c, LogicalPtr op, Context& context, const ExprPtr& pushed = nullptr,
                       bool where_pushed = false) {
    op = plan_clause_op(c, std::move(op), context, pushed, where_pushed);
    for (const auto* sub : clause_subqueries(c)) op->applies.emplace_back(sub, plan_single(*sub, context));
    return op;
}

void explain_chain(const LogicalOp* top, const std::string& indent, std::vector<std::string>& lines) {
    for (const LogicalOp* op = top; op; op = op->input.get()) {
        std::string line = indent + op->name;
        for (const auto& d : op->details) line += " " + d;
        lines.push_back(line);
        if (op->inner) explain_chain(op->inner.get(), indent + "    ", lines);
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
        if (op->inner) for_each_logical(*op->inner, visit);
        for (const auto& [sub, plan] : op->applies) for_each_logical(*plan, visit);
    }
}

LogicalPtr plan_single(const SingleQuery& part, Context& context) {
    auto op = logical(LogicalKind::Start, "Start", nullptr);
    for (std::size_t i = 0; i < part.clauses.size(); ++i) {
        const auto& c = part.clauses[i];
        const Clause* next = i + 1 < part.clauses.size() ? &part.clauses[i + 1] : nullptr;
        const auto pushed = pushed_through_with(c, next);
        op = plan_clause(c, std::move(op), context, pushed);
        if (pushed) op = plan_clause(*next, std::move(op), context, nullptr, true), ++i;
    }
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
