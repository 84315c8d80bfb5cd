// The bound tree starts as a deep copy of the parsed tree: the binder then resolves names in the copy,
// so the parser's tree stays as it was written (EXPLAIN, caching and the tests read it unchanged).
#include "binder.h"

namespace kizuna::cypher {
namespace {

ExprPtr copy_expr(const ExprPtr& e);
std::vector<PatternPart> copy_parts(const std::vector<PatternPart>& parts);
SingleQuery copy_single(const SingleQuery& q);

std::vector<ExprPtr> copy_exprs(const std::vector<ExprPtr>& exprs) {
    std::vector<ExprPtr> out;
    out.reserve(exprs.size());
    for (const auto& e : exprs) out.push_back(copy_expr(e));
    return out;
}

ExprPtr copy_expr(const ExprPtr& e) {
    if (!e) return nullptr;
    auto c = std::make_shared<Expr>(*e);
    c->args = copy_exprs(e->args);
    if (e->pattern) c->pattern = std::make_shared<std::vector<PatternPart>>(copy_parts(*e->pattern));
    if (e->subquery) c->subquery = std::make_shared<SingleQuery>(copy_single(*e->subquery));
    return c;
}

std::vector<PatternPart> copy_parts(const std::vector<PatternPart>& parts) {
    auto out = parts;
    for (auto& part : out) {
        for (auto& n : part.nodes) n.properties = copy_expr(n.properties);
        for (auto& r : part.rels) r.properties = copy_expr(r.properties);
    }
    return out;
}

void copy_set_items(std::vector<SetItem>& items) {
    for (auto& item : items) {
        item.target = copy_expr(item.target);
        item.value = copy_expr(item.value);
    }
}

void copy_projection(Projection& p) {
    for (auto& item : p.items) item.expr = copy_expr(item.expr);
    for (auto& s : p.order) s.expr = copy_expr(s.expr);
    p.skip = copy_expr(p.skip);
    p.limit = copy_expr(p.limit);
    p.where = copy_expr(p.where);
    p.aggregates = copy_exprs(p.aggregates);
}

SingleQuery copy_single(const SingleQuery& q) {
    SingleQuery out = q;
    for (auto& c : out.clauses) {
        c.patterns = copy_parts(c.patterns);
        c.where = copy_expr(c.where);
        c.expr = copy_expr(c.expr);
        copy_projection(c.projection);
        copy_set_items(c.set_items);
        copy_set_items(c.on_create);
        copy_set_items(c.on_match);
        for (auto& item : c.remove_items) item.target = copy_expr(item.target);
        c.exprs = copy_exprs(c.exprs);
    }
    return out;
}

}  // namespace

Query bind(const Query& parsed) {
    Query bound = parsed;
    for (auto& part : bound.parts) part = copy_single(part);
    bind_in_place(bound);
    return bound;
}

}  // namespace kizuna::cypher
