// Scopes follow the clauses: MATCH, UNWIND, CREATE and MERGE add variables; WITH and RETURN replace the
// scope by their items (and keep it with *); comprehensions, quantifiers and reduce bind their
// variable for their own sub-expressions only.
#include "binder.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "functions/function_table.h"
#include "kizuna/cypher/errors.h"

namespace kizuna::cypher {
namespace {

// Temporal values are not in the subset: what to write instead (docs/cypher.md).
std::string temporal_hint(const std::string& lower_name) {
    static const char* const temporal[] = {"date",      "datetime",      "localdatetime",
                                           "time",      "localtime",     "duration",
                                           "timestamp", "date.truncate", "datetime.truncate"};
    for (const char* t : temporal) {
        if (lower_name == t) {
            return ": temporal values are not in Kizuna's subset; dates are partial-date strings ('2014', "
                   "'2014-03', '2024-11-15') compared as text (r.start >= '2015'), and active(r, '2020') or "
                   "overlaps(r, '2015', '2020') say whether a relation was alive then";
        }
    }
    return "";
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_aggregate_call(const Expr& e) {
    if (e.kind != ExprKind::Function) return false;
    const auto* f = find_function(e.name);
    return f && f->is_aggregate();
}

enum class VarType : std::uint8_t { Any, Node, Rel, Path, Value };

struct Binding {
    int slot;
    VarType type;
};
using Scope = std::map<std::string, Binding>;

[[noreturn]] void fail(int line, int column, const std::string& what) {
    throw CypherError("SyntaxError", CypherError::Phase::Compile, what, line, column);
}

class Binder {
  public:
    void run(Query& q) {
        std::vector<std::string> columns;
        for (std::size_t i = 0; i < q.parts.size(); ++i) {
            auto part_columns = single(q.parts[i]);
            if (i == 0) {
                columns = part_columns;
            } else if (part_columns != columns) {
                fail(1, 1, "DifferentColumnsInUnion: every part of a UNION must return the same columns");
            }
        }
        q.slots = next_slot_;
    }

  private:
    int fresh() { return next_slot_++; }

    // A single query, in the scope of an enclosing one for a subquery (EXISTS { ... }).
    std::vector<std::string> single(SingleQuery& q, const Scope* outer = nullptr) {
        Scope scope = outer ? *outer : Scope{};
        std::vector<std::string> columns;
        for (std::size_t i = 0; i < q.clauses.size(); ++i) {
            auto& c = q.clauses[i];
            const bool last = i + 1 == q.clauses.size();
            switch (c.kind) {
                case ClauseKind::Match:
                    bind_patterns(c, scope, false);
                    if (c.where) bind_expr(c.where, scope, false);
                    break;
                case ClauseKind::Unwind:
                    bind_expr(c.expr, scope, false);
                    if (scope.count(c.var))
                        fail(c.line, c.column, "VariableAlreadyBound: '" + c.var + "' is already bound");
                    c.slot = fresh();
                    c.introduced.push_back(c.slot);
                    scope[c.var] = {
                        c.slot, c.expr->kind == ExprKind::ListLiteral ? list_type(*c.expr) : VarType::Any};
                    break;
                case ClauseKind::Create:
                case ClauseKind::Merge:
                    bind_patterns(c, scope, true);
                    for (auto& item : c.on_create) bind_set(item, scope);
                    for (auto& item : c.on_match) bind_set(item, scope);
                    break;
                case ClauseKind::Set:
                    for (auto& item : c.set_items) bind_set(item, scope);
                    break;
                case ClauseKind::Remove:
                    for (auto& item : c.remove_items) bind_expr(item.target, scope, false);
                    break;
                case ClauseKind::Delete:
                    for (auto& e : c.exprs) {
                        if (e->kind == ExprKind::LabelCheck) {
                            fail(e->line, e->column,
                                 "InvalidDelete: DELETE removes nodes, relationships and paths; to remove a "
                                 "label use REMOVE n:Label");
                        }
                        bind_expr(e, scope, false);
                    }
                    break;
                case ClauseKind::With:
                case ClauseKind::Return:
                    scope = bind_projection(c, scope, c.kind == ClauseKind::Return);
                    if (c.kind == ClauseKind::Return) {
                        for (const auto& item : c.projection.items) columns.push_back(item.alias);
                    }
                    break;
            }
            if (last && !outer && c.kind != ClauseKind::Return && !is_update(c.kind)) {
                fail(c.line, c.column,
                     "a query must end with RETURN or an updating clause (CREATE, SET ...)");
            }
        }
        return columns;
    }

    // UNWIND [1, 2] AS x: x is a plain value, never a node.
    static VarType list_type(const Expr& list) {
        for (const auto& a : list.args) {
            if (a->kind != ExprKind::Literal && a->kind != ExprKind::ListLiteral &&
                a->kind != ExprKind::MapLiteral)
                return VarType::Any;
        }
        return list.args.empty() ? VarType::Any : VarType::Value;
    }

    static bool is_update(ClauseKind k) {
        return k == ClauseKind::Create || k == ClauseKind::Merge || k == ClauseKind::Set ||
               k == ClauseKind::Remove || k == ClauseKind::Delete;
    }

    void bind_set(SetItem& item, Scope& scope) {
        bind_expr(item.target, scope, false);
        if (item.value) bind_expr(item.value, scope, false);
    }

    void declare(Scope& scope, const std::string& name, VarType type, int& slot, bool& prebound, int line,
                 int column, Clause& c, bool creating) {
        auto found = scope.find(name);
        if (found != scope.end()) {
            if (found->second.type != VarType::Any && type != VarType::Any && found->second.type != type) {
                fail(line, column,
                     "VariableTypeConflict: '" + name + "' is bound to a different kind of value");
            }
            slot = found->second.slot;
            const bool from_before =
                std::find(c.introduced.begin(), c.introduced.end(), slot) == c.introduced.end();
            prebound = from_before;
            if (creating && type == VarType::Rel) {
                fail(line, column, "VariableAlreadyBound: relationship '" + name + "' is already bound");
            }
            if (type == VarType::Rel && !prebound && c.kind == ClauseKind::Match) {
                fail(line, column,
                     "RelationshipUniquenessViolation: relationship '" + name +
                         "' is used twice in one pattern");
            }
            return;
        }
        slot = fresh();
        prebound = false;
        c.introduced.push_back(slot);
        scope[name] = {slot, type};
    }

    void bind_patterns(Clause& c, Scope& scope, bool creating) {
        for (auto& part : c.patterns) bind_part(part, scope, c, creating);
    }

    void bind_part(PatternPart& part, Scope& scope, Clause& c, bool creating) {
        const Scope before = scope;
        for (std::size_t i = 0; i < part.nodes.size(); ++i) {
            auto& n = part.nodes[i];
            // Property maps read the scope before this pattern's own variables.
            if (n.properties) bind_expr(n.properties, scope, false);
            if (n.properties && n.properties->kind == ExprKind::Parameter &&
                (!creating || c.kind == ClauseKind::Merge)) {
                fail(
                    n.line, n.column,
                    "InvalidParameterUse: a parameter cannot stand for a property map in a pattern to match");
            }
            if (n.var.empty()) {
                n.slot = fresh();
                c.introduced.push_back(n.slot);
            } else {
                const bool known = scope.count(n.var) > 0;
                const bool known_before = before.count(n.var) > 0;
                declare(scope, n.var, VarType::Node, n.slot, n.prebound, n.line, n.column, c, creating);
                if (creating && known && (!n.labels.empty() || n.properties) &&
                    (known_before || c.kind == ClauseKind::Merge || part.nodes.size() == 1)) {
                    fail(n.line, n.column,
                         "VariableAlreadyBound: '" + n.var +
                             "' is already bound; it cannot take labels or properties here");
                }
                if (creating && known_before && part.nodes.size() == 1 && part.rels.empty()) {
                    fail(n.line, n.column, "VariableAlreadyBound: '" + n.var + "' is already bound");
                }
            }
            if (i < part.rels.size()) {
                auto& r = part.rels[i];
                if (r.properties) bind_expr(r.properties, scope, false);
                if (r.properties && r.properties->kind == ExprKind::Parameter &&
                    (!creating || c.kind == ClauseKind::Merge)) {
                    fail(r.line, r.column,
                         "InvalidParameterUse: a parameter cannot stand for a property map in a pattern to "
                         "match");
                }
                if (creating) {
                    if (r.types.size() != 1)
                        fail(r.line, r.column,
                             "NoSingleRelationshipType: a relationship to create needs exactly one type");
                    if (r.variable_length)
                        fail(r.line, r.column,
                             "CreatingVarLength: a variable-length relationship cannot be created");
                    if (r.direction == Direction::Both && c.kind == ClauseKind::Create) {
                        fail(r.line, r.column,
                             "RequiresDirectedRelationship: a relationship to create needs a direction");
                    }
                }
                if (r.var.empty()) {
                    r.slot = fresh();
                    c.introduced.push_back(r.slot);
                } else {
                    if (r.variable_length && scope.count(r.var) && scope[r.var].type == VarType::Rel) {
                        fail(r.line, r.column,
                             "VariableTypeConflict: '" + r.var + "' is a relationship, not a list");
                    }
                    declare(scope, r.var, r.variable_length ? VarType::Value : VarType::Rel, r.slot,
                            r.prebound, r.line, r.column, c, creating);
                    if (!creating && !r.prebound && c.kind == ClauseKind::Match) {
                        // A relationship variable used twice in one MATCH can never match (uniqueness).
                    }
                }
            }
        }
        if (!part.path_var.empty()) {
            if (scope.count(part.path_var))
                fail(part.line, part.column,
                     "VariableAlreadyBound: '" + part.path_var + "' is already bound");
            part.path_slot = fresh();
            c.introduced.push_back(part.path_slot);
            scope[part.path_var] = {part.path_slot, VarType::Path};
        }
        if (part.shortest != PatternPart::Shortest::None) {
            if (part.rels.size() != 1)
                fail(part.line, part.column, "shortestPath needs a pattern of exactly one relationship");
        }
    }

    // RETURN * and WITH *: every variable in scope, by name, before the items written after it.
    static void expand_star(Clause& c, const Scope& scope, bool is_return) {
        auto& p = c.projection;
        if (scope.empty() && p.items.empty() && is_return)
            fail(c.line, c.column, "NoVariablesInScope: RETURN * needs variables in scope");
        // * stands for every variable in scope, by name, before the items written after it.
        std::vector<ProjectionItem> items;
        for (const auto& [name, b] : scope) {
            ProjectionItem item;
            item.expr = std::make_shared<Expr>();
            item.expr->kind = ExprKind::Variable;
            item.expr->name = name;
            item.expr->text = name;
            item.expr->line = c.line;
            item.expr->column = c.column;
            item.alias = name;
            item.aliased = true;
            items.push_back(std::move(item));
        }
        items.insert(items.end(), p.items.begin(), p.items.end());
        p.items = std::move(items);
        p.star = false;
    }

    void bind_order(Projection& p, const Scope& scope, const Scope& next) {
        // ORDER BY: an expression written as a projected one means that column.
        for (auto& s : p.order) {
            const bool whole = substitute_projected(s.expr, p);
            if (whole) continue;
            if (p.aggregating || p.distinct) {
                if (contains_aggregate(*s.expr) && p.aggregating) {
                    collect_aggregates(s.expr, p, scope, false);
                    bind_expr_strict(s.expr, next, scope, p.aggregating, true);
                } else {
                    bind_expr_strict(s.expr, next, scope, p.aggregating, false);
                }
            } else {
                Scope both = scope;
                for (const auto& [k, v] : next) both[k] = v;
                bind_expr(s.expr, both, false);
            }
        }
    }

    Scope bind_projection(Clause& c, const Scope& scope, bool is_return) {
        auto& p = c.projection;
        Scope next;
        if (p.star) expand_star(c, scope, is_return);
        std::set<std::string> aliases;
        for (auto& item : p.items) {
            if (!is_return && !item.aliased && item.expr->kind != ExprKind::Variable) {
                fail(item.expr->line, item.expr->column,
                     "NoExpressionAlias: an expression in WITH needs an alias (AS name)");
            }
            if (!aliases.insert(item.alias).second) {
                fail(item.expr->line, item.expr->column,
                     "ColumnNameConflict: '" + item.alias + "' is projected twice");
            }
            collect_aggregates(item.expr, p, scope, false);
            VarType type = VarType::Any;
            if (item.expr->kind == ExprKind::Variable) {
                auto found = scope.find(item.expr->name);
                if (found != scope.end()) type = found->second.type;
            } else if (item.expr->kind == ExprKind::Literal || item.expr->kind == ExprKind::ListLiteral ||
                       item.expr->kind == ExprKind::MapLiteral) {
                type = VarType::Value;
            }
            item.slot = fresh();
            next[item.alias] = {item.slot, type};
        }
        p.aggregating = !p.aggregates.empty();
        if (p.aggregating) {
            for (const auto& item : p.items) {
                if (item.expr->kind != ExprKind::AggregateSlot && contains_aggregate(*item.expr))
                    check_grouping_use(*item.expr, p);
            }
        }
        bind_order(p, scope, next);
        auto bind_count = [&](ExprPtr& e, const char* what) {
            if (!e) return;
            std::vector<int> read;
            bind_expr(e, Scope{}, false);
            slots_read(*e, read);
            (void)what;
        };
        bind_count(p.skip, "SKIP");
        bind_count(p.limit, "LIMIT");
        if (p.where) {
            Scope both = next;
            if (!p.aggregating) {
                // WHERE after WITH sees the new names (and, when the items do not regroup, the old ones).
                for (const auto& [k, v] : scope) both.emplace(k, v);
            }
            bind_expr(p.where, both, false);
        }
        for (auto& item : p.items) {
            if (item.expr->kind != ExprKind::AggregateSlot) bind_expr_allow_agg(item.expr, scope);
        }
        for (const auto& [k, v] : next) p.visible_after.push_back(v.slot);
        return next;
    }

    // Replaces the parts of an ORDER BY expression written as a projected item (or naming its alias)
    // by a reference to that column; true when the whole expression was one.
    static bool substitute_projected(ExprPtr& e, const Projection& p, bool top = true) {
        if (!e) return false;
        // Inside a larger expression only simple reads (a variable, a property) stand for a column.
        const bool simple = e->kind == ExprKind::Variable || e->kind == ExprKind::Property;
        for (const auto& item : p.items) {
            if (!top && !simple) break;
            if ((!e->text.empty() && e->text == item.expr->text) ||
                (e->kind == ExprKind::Variable && e->name == item.alias)) {
                auto v = std::make_shared<Expr>(*e);
                v->kind = ExprKind::Variable;
                v->name = item.alias;
                v->slot = item.slot;
                v->args.clear();
                v->pattern.reset();
                e = v;
                return true;
            }
        }
        if (is_aggregate_call(*e)) return false;
        for (auto& a : e->args) substitute_projected(a, p, false);
        return false;
    }

    // An item that aggregates may read, outside its aggregates, only grouping keys: a variable that is a
    // key, or a property of one written exactly as a key.
    void check_grouping_use(const Expr& e, const Projection& p) {
        if (e.kind == ExprKind::AggregateSlot) return;
        for (const auto& item : p.items) {
            if (item.expr->kind == ExprKind::AggregateSlot || contains_aggregate(*item.expr)) continue;
            if (!e.text.empty() && e.text == item.expr->text &&
                (e.kind == ExprKind::Variable || e.kind == ExprKind::Property)) {
                return;
            }
        }
        if (e.kind == ExprKind::Variable) {
            fail(e.line, e.column,
                 "AmbiguousAggregationExpression: '" + e.name +
                     "' is read beside an aggregate but is not a grouping key");
        }
        if (e.kind == ExprKind::ListComprehension || e.kind == ExprKind::Quantifier ||
            e.kind == ExprKind::Reduce)
            return;
        for (const auto& a : e.args) {
            if (a) check_grouping_use(*a, p);
        }
    }

    // ORDER BY after DISTINCT or aggregation sees only the projected names.
    void bind_expr_strict(ExprPtr& e, const Scope& next, const Scope& before, bool aggregating,
                          bool aggregates_done = false) {
        try {
            bind_expr(e, next, aggregates_done);
        } catch (const CypherError&) {
            // Found in the old scope only: not projected.
            std::vector<std::string> names;
            Scope probe = before;
            for (const auto& [k, v] : next) probe[k] = v;
            bind_expr(e, probe, false);
            fail(e->line, e->column,
                 std::string(aggregating ? "AmbiguousAggregationExpression" : "UndefinedVariable") +
                     ": ORDER BY after " + (aggregating ? "aggregation" : "DISTINCT") +
                     " can only use the projected columns");
        }
    }

    static bool calls_rand(const Expr& e) {
        if (e.kind == ExprKind::Function && lower(e.name) == "rand") return true;
        for (const auto& a : e.args) {
            if (a && calls_rand(*a)) return true;
        }
        return false;
    }

    static bool contains_aggregate(const Expr& e) {
        if (is_aggregate_call(e)) return true;
        if (e.kind == ExprKind::AggregateSlot) return true;
        for (const auto& a : e.args) {
            if (a && contains_aggregate(*a)) return true;
        }
        return false;
    }

    // count(*) is the only call without an argument; percentiles take the value and the percentile.
    void check_aggregate_arguments(const Expr& call) {
        const auto name = lower(call.name);
        if (call.star) {
            if (name != "count") fail(call.line, call.column, "InvalidArgumentType: only count() takes *");
            return;
        }
        const std::size_t wanted = name == "percentilecont" || name == "percentiledisc" ? 2 : 1;
        if (call.args.size() != wanted) {
            fail(call.line, call.column,
                 "InvalidNumberOfArguments: " + call.name + "() takes " + std::to_string(wanted) +
                     (wanted == 1 ? " argument" : " arguments"));
        }
    }

    // Replaces each aggregate call in e by an AggregateSlot and binds the call's arguments in scope.
    void collect_aggregates(ExprPtr& e, Projection& p, const Scope& scope, bool inside) {
        if (!e) return;
        if (is_aggregate_call(*e)) {
            if (inside) fail(e->line, e->column, "NestedAggregation: an aggregate cannot contain another");
            if (calls_rand(*e))
                fail(e->line, e->column, "NonConstantExpression: an aggregate cannot take rand()");
            check_aggregate_arguments(*e);
            for (auto& a : e->args) {
                collect_aggregates(a, p, scope, true);
                bind_expr(a, scope, false);
            }
            auto call = std::make_shared<Expr>(*e);
            call->function = find_function(e->name);
            call->slot = fresh();
            p.aggregates.push_back(call);
            auto ref = std::make_shared<Expr>();
            ref->kind = ExprKind::AggregateSlot;
            ref->slot = call->slot;
            ref->text = e->text;
            ref->line = e->line;
            ref->column = e->column;
            e = ref;
            return;
        }
        if (e->kind == ExprKind::ListComprehension || e->kind == ExprKind::Quantifier ||
            e->kind == ExprKind::Reduce) {
            // The list (and reduce's start) are read in the outer scope and may aggregate; the parts that
            // run per element may not.
            const std::size_t outer = e->kind == ExprKind::Reduce ? 2 : 1;
            for (std::size_t i = 0; i < e->args.size(); ++i) {
                if (i < outer) {
                    collect_aggregates(e->args[i], p, scope, inside);
                } else if (e->args[i] && contains_aggregate(*e->args[i])) {
                    fail(e->line, e->column,
                         "an aggregate cannot be used inside a list comprehension's predicate or projection");
                }
            }
            return;
        }
        for (auto& a : e->args) collect_aggregates(a, p, scope, inside);
    }

    void bind_expr_allow_agg(ExprPtr& e, const Scope& scope) { bind_expr(e, scope, true); }

    // Pattern predicates, pattern comprehensions and EXISTS { }: their own scope over the enclosing one.
    void bind_pattern_expr(const ExprPtr& e, const Scope& scope, bool aggregates_done) {
        if (e->subquery) {
            for (const auto& c : e->subquery->clauses) {
                if (is_update(c.kind))
                    fail(c.line, c.column, "InvalidClauseComposition: EXISTS { } cannot write");
            }
            (void)single(*e->subquery, &scope);
            return;
        }
        Scope inner = scope;
        Clause dummy;
        dummy.kind = ClauseKind::Match;
        for (auto& part : *e->pattern) {
            if (e->kind == ExprKind::PatternPredicate) {
                for (const auto& n : part.nodes) {
                    if (!n.var.empty() && !scope.count(n.var)) {
                        fail(n.line, n.column,
                             "UndefinedVariable: '" + n.var +
                                 "' is not defined (a pattern used as a predicate cannot introduce "
                                 "variables)");
                    }
                }
                for (const auto& r : part.rels) {
                    if (!r.var.empty() && !scope.count(r.var)) {
                        fail(r.line, r.column,
                             "UndefinedVariable: '" + r.var +
                                 "' is not defined (a pattern used as a predicate cannot introduce "
                                 "variables)");
                    }
                }
            }
            bind_part(part, inner, dummy, false);
        }
        e->keys.clear();
        for (int s : dummy.introduced) e->ops.push_back(std::to_string(s));
        for (auto& a : e->args) bind_expr(a, inner, aggregates_done);
        return;
    }

    void bind_expr(const ExprPtr& e, const Scope& scope, bool aggregates_done) {
        if (!e) return;
        switch (e->kind) {
            case ExprKind::Variable: {
                auto found = scope.find(e->name);
                if (found == scope.end())
                    fail(e->line, e->column, "UndefinedVariable: '" + e->name + "' is not defined");
                e->slot = found->second.slot;
                return;
            }
            case ExprKind::AggregateSlot:
                return;
            case ExprKind::Property: {
                const auto& base = e->args[0];
                if (const auto t = literal_type(*base);
                    t && *t != Value::Type::Map && *t != Value::Type::Null) {
                    throw CypherError("TypeError", CypherError::Phase::Compile,
                                      "InvalidArgumentType: a " + std::string(type_name(*t)) +
                                          " has no properties ('" + e->text + "')",
                                      e->line, e->column);
                }
                if (base->kind == ExprKind::Variable) {
                    auto found = scope.find(base->name);
                    if (found != scope.end() && found->second.type == VarType::Path) {
                        fail(e->line, e->column,
                             "InvalidArgumentType: a path has no properties ('" + e->text + "')");
                    }
                }
                break;
            }
            case ExprKind::Function: {
                bind_function(*e, aggregates_done);
                for (const auto& a : e->args) bind_expr(a, scope, aggregates_done);
                check_argument_kinds(*e, scope);
                return;
            }
            case ExprKind::ListComprehension:
            case ExprKind::Quantifier: {
                bind_expr(e->args[0], scope, aggregates_done);
                Scope inner = scope;
                e->slot = fresh();
                inner[e->name2.empty() ? e->name : e->name2] = {e->slot, VarType::Any};
                for (std::size_t i = 1; i < e->args.size(); ++i)
                    bind_expr(e->args[i], inner, aggregates_done);
                return;
            }
            case ExprKind::Reduce: {
                bind_expr(e->args[0], scope, aggregates_done);
                bind_expr(e->args[1], scope, aggregates_done);
                Scope inner = scope;
                e->slot = fresh();
                e->slot2 = fresh();
                inner[e->name] = {e->slot, VarType::Any};
                inner[e->name2] = {e->slot2, VarType::Any};
                bind_expr(e->args[2], inner, aggregates_done);
                return;
            }
            case ExprKind::PatternPredicate:
            case ExprKind::PatternComprehension:
            case ExprKind::ExistsSubquery:
                bind_pattern_expr(e, scope, aggregates_done);
                return;
            case ExprKind::Binary:
            case ExprKind::Unary:
                if (e->name == "AND" || e->name == "OR" || e->name == "XOR" || e->name == "NOT") {
                    for (const auto& a : e->args) {
                        const auto t = literal_type(*a);
                        if (t && *t != Value::Type::Bool && *t != Value::Type::Null) {
                            fail(a->line, a->column,
                                 "InvalidArgumentType: " + e->name + " needs booleans, not a " +
                                     type_name(*t));
                        }
                    }
                }
                break;
            default:
                break;
        }
        for (const auto& a : e->args) bind_expr(a, scope, aggregates_done);
    }

    // Resolves a call to its entry of the function table, once: the evaluator calls through it.
    static void bind_function(Expr& e, bool aggregates_done) {
        const FunctionDef* f = find_function(e.name);
        if (!f) {
            fail(e.line, e.column,
                 "UnknownFunction: there is no function " + e.name + "()" + temporal_hint(lower(e.name)));
        }
        e.function = f;
        if (f->is_aggregate()) {
            if (!aggregates_done)
                fail(e.line, e.column, "InvalidAggregation: " + e.name + "() cannot be used here");
            return;
        }
        const auto lo = f->min_args, hi = f->max_args;
        if (e.args.size() < lo || e.args.size() > hi) {
            fail(e.line, e.column,
                 "InvalidNumberOfArguments: " + e.name + "() takes " +
                     (lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi)) +
                     " arguments");
        }
    }

    // The kind of an argument the binder knows: a literal's, or a node, relationship or path variable's.
    static std::uint16_t known_kind(const Expr& a, const Scope& scope) {
        if (auto t = literal_type(a)) return arg_kind_of(*t);
        if (a.kind != ExprKind::Variable) return kAnyArg;
        const auto found = scope.find(a.name);
        if (found == scope.end()) return kAnyArg;
        switch (found->second.type) {
            case VarType::Node:
                return kNodeArg;
            case VarType::Rel:
                return kRelArg;
            case VarType::Path:
                return kPathArg;
            default:
                return kAnyArg;
        }
    }

    // An argument of a kind the function does not take is refused now, not when the query runs.
    static void check_argument_kinds(const Expr& e, const Scope& scope) {
        if (!e.function) return;
        const auto& kinds = e.function->arg_kinds;
        for (std::size_t i = 0; i < e.args.size() && i < kinds.size(); ++i) {
            const auto known = known_kind(*e.args[i], scope);
            if (kinds[i] == kAnyArg || known == kAnyArg || (kinds[i] & known) != 0) continue;
            fail(e.args[i]->line, e.args[i]->column,
                 "InvalidArgumentType: " + e.function->signature + " cannot take " + e.args[i]->text);
        }
    }

    // The type of an expression that is a literal (a value, a list or a map written out); nothing when
    // only running it can tell.
    static std::optional<Value::Type> literal_type(const Expr& e) {
        if (e.kind == ExprKind::Literal) return e.value.type();
        if (e.kind == ExprKind::ListLiteral) return Value::Type::List;
        if (e.kind == ExprKind::MapLiteral) return Value::Type::Map;
        return std::nullopt;
    }

    int next_slot_ = 0;
};

}  // namespace

void slots_read(const Expr& e, std::vector<int>& out) {
    if (e.kind == ExprKind::Variable) out.push_back(e.slot);
    if ((e.kind == ExprKind::PatternPredicate || e.kind == ExprKind::PatternComprehension ||
         e.kind == ExprKind::ExistsSubquery) &&
        e.pattern) {
        for (const auto& part : *e.pattern) {
            for (const auto& n : part.nodes) {
                if (n.prebound) out.push_back(n.slot);
            }
        }
    }
    for (const auto& a : e.args) {
        if (a) slots_read(*a, out);
    }
}

void bind_in_place(Query& query) { Binder().run(query); }

}  // namespace kizuna::cypher
