// Expressions: arithmetic with overflow checks, comparison chains, the string and list predicates,
// CASE, comprehensions, quantifiers, reduce, property access on nodes, relationships and maps.
#include "evaluator.h"

#include <cmath>

#include "functions/function_table.h"
#include "kizuna/cypher/errors.h"
#include "regex.h"

namespace kizuna::cypher {

void type_error(const std::string& what) {
    throw CypherError("TypeError", CypherError::Phase::Runtime, what);
}

namespace {

using T = Value::Type;

std::string describe(const Value& v) { return type_name(v.type()); }

// A value as an error message shows it: short values with their type ('Hanoi' (String), 3 (Integer)),
// others by type.
std::string brief(const Value& v) {
    switch (v.type()) {
        case T::String: {
            const auto& text = v.as_string();
            if (text.size() <= 40) return "'" + text + "' (String)";
            std::size_t cut = 40;
            while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
                --cut;  // whole characters
            // Appended piece by piece: g++ 12 sees a false -Wrestrict overlap in "'" + substr + "…".
            std::string out = "'";
            out.append(text, 0, cut);
            out += "…' (String)";
            return out;
        }
        case T::Int:
            return std::to_string(v.as_int()) + " (Integer)";
        case T::Float:
            return format_float(v.as_float()) + " (Float)";
        case T::Bool:
            return std::string(v.as_bool() ? "true" : "false") + " (Boolean)";
        default:
            return std::string("a ") + type_name(v.type());
    }
}

// The bytes a list or string made of these parts takes, checked against the memory budget first.
void check_concatenation(const Value& a, const Value& b, Context& context) {
    const auto size = [](const Value& v) -> std::size_t {
        if (v.type() == T::String) return v.as_string().size();
        if (v.type() == T::List) return v.as_list().size() * sizeof(Value);
        return sizeof(Value);
    };
    // The operands are alive beside the result while it is made.
    context.budget.check_new(2 * (size(a) + size(b)));
    context.tick(1 + (size(a) + size(b)) / 4096);
}

Value arithmetic(const std::string& op, const Value& a, const Value& b, Context& context) {
    if (a.is_null() || b.is_null()) return Value();
    if (op == "+") {
        if (a.type() == T::List || b.type() == T::List || a.type() == T::String || b.type() == T::String)
            check_concatenation(a, b, context);
        if (a.type() == T::List || b.type() == T::List) {
            List out;
            if (a.type() == T::List) {
                out = a.as_list();
            } else {
                out.push_back(a);
            }
            if (b.type() == T::List) {
                out.insert(out.end(), b.as_list().begin(), b.as_list().end());
            } else {
                out.push_back(b);
            }
            return Value(std::move(out));
        }
        if (a.type() == T::String && b.type() == T::String) return Value(a.as_string() + b.as_string());
        if (a.type() == T::String && b.is_number()) {
            return Value(a.as_string() + *scalar_text(b));
        }
        if (a.is_number() && b.type() == T::String) {
            return Value(*scalar_text(a) + b.as_string());
        }
    }
    if (!a.is_number() || !b.is_number()) {
        type_error("cannot apply '" + op + "' to " + brief(a) + " and " + brief(b));
    }
    if (a.type() == T::Int && b.type() == T::Int && op != "^") {
        const auto x = a.as_int(), y = b.as_int();
        std::int64_t r = 0;
        if (op == "+") {
            if (__builtin_add_overflow(x, y, &r))
                throw CypherError("ArithmeticError", CypherError::Phase::Runtime, "integer overflow in +");
        } else if (op == "-") {
            if (__builtin_sub_overflow(x, y, &r))
                throw CypherError("ArithmeticError", CypherError::Phase::Runtime, "integer overflow in -");
        } else if (op == "*") {
            if (__builtin_mul_overflow(x, y, &r))
                throw CypherError("ArithmeticError", CypherError::Phase::Runtime, "integer overflow in *");
        } else if (op == "/" || op == "%") {
            if (y == 0)
                throw CypherError("ArithmeticError", CypherError::Phase::Runtime,
                                  "division by zero (" + std::to_string(x) + " " + op + " 0)");
            if (x == std::numeric_limits<std::int64_t>::min() && y == -1) {
                if (op == "%") return Value(std::int64_t{0});
                throw CypherError("ArithmeticError", CypherError::Phase::Runtime, "integer overflow in /");
            }
            r = op == "/" ? x / y : x % y;
        }
        return Value(r);
    }
    const double x = a.as_number(), y = b.as_number();
    if (op == "+") return Value(x + y);
    if (op == "-") return Value(x - y);
    if (op == "*") return Value(x * y);
    if (op == "/") return Value(x / y);
    if (op == "%") return Value(std::fmod(x, y));
    return Value(std::pow(x, y));
}

Value property_of(const Value& base, const std::string& key, Context& context) {
    switch (base.type()) {
        case T::Null:
            return Value();
        case T::Node:
            return context.graph->node_property(base.as_node(), key);
        case T::Rel:
            return context.graph->rel_property(base.as_rel(), key);
        case T::Map: {
            const auto& m = base.as_map();
            auto found = m.find(key);
            return found == m.end() ? Value() : found->second;
        }
        default:
            type_error("cannot read property '" + key + "' of a " + describe(base) + " (" + key + ")");
    }
}

std::int64_t list_index(const Value& v, const char* what) {
    if (v.type() != T::Int) type_error(std::string(what) + " must be an Integer, not a " + describe(v));
    return v.as_int();
}

// Kleene logic on optional booleans.
std::optional<bool> truth(const Value& v, const char* op) {
    if (v.is_null()) return std::nullopt;
    if (v.type() != T::Bool) type_error(std::string("'") + op + "' needs booleans, not a " + describe(v));
    return v.as_bool();
}

Value from_truth(std::optional<bool> b) { return b ? Value(*b) : Value(); }

// What a value adds by itself, not counting the elements it shares with others.
std::size_t footprint_shallow(const Value& v) {
    if (v.type() == T::String) return v.as_string().size();
    if (v.type() == T::List) return v.as_list().size() * sizeof(Value);
    if (v.type() == T::Map) return v.as_map().size() * (sizeof(Value) + 48);
    return sizeof(Value);
}

Value in_list(const Value& x, const Value& list) {
    if (list.is_null()) return Value();
    if (list.type() != T::List) type_error("IN needs a list on its right, not a " + describe(list));
    bool unknown = false;
    for (const auto& item : list.as_list()) {
        const auto e = equals(x, item);
        if (e.is_null()) {
            unknown = true;
        } else if (e.as_bool()) {
            return Value(true);
        }
    }
    return unknown ? Value() : Value(false);
}

Value string_predicate(const std::string& op, const Value& a, const Value& b) {
    if (a.type() != T::String || b.type() != T::String) return Value();
    const auto& s = a.as_string();
    const auto& t = b.as_string();
    if (op == "STARTS WITH") return Value(s.rfind(t, 0) == 0);
    if (op == "ENDS WITH")
        return Value(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    return Value(s.find(t) != std::string::npos);
}

Value regex_match(const Value& a, const Value& b, Context& context) {
    if (a.type() != T::String || b.type() != T::String) return Value();
    if (!context.regexes) context.regexes = std::make_shared<RegexCache>();
    return Value(context.regexes->full_match(a.as_string(), b.as_string(), context.budget));
}

bool compare_op(const std::string& op, const Value& a, const Value& b, std::optional<bool>& out) {
    if (op == "=" || op == "<>") {
        const auto e = equals(a, b);
        if (e.is_null()) {
            out = std::nullopt;
        } else {
            out = op == "=" ? e.as_bool() : !e.as_bool();
        }
        return true;
    }
    const auto c = compare(a, b);
    if (!c) {
        out = std::nullopt;
        return true;
    }
    if (op == "<") out = *c < 0;
    if (op == "<=") out = *c <= 0;
    if (op == ">") out = *c > 0;
    if (op == ">=") out = *c >= 0;
    return true;
}

}  // namespace

bool is_true(const Expr& expr, Row& row, Context& context) {
    const auto v = evaluate(expr, row, context);
    if (v.is_null()) return false;
    if (v.type() != T::Bool)
        type_error("a predicate must be a Boolean, not a " + describe(v) + " (" + expr.text + ")");
    return v.as_bool();
}

namespace {

// A call through the function the binder resolved: no name is looked at here.
Value call_function(const Expr& e, Row& row, Context& context) {
    const FunctionDef& f = *e.function;
    if (!e.args.empty() && e.args[0]->kind == ExprKind::PatternPredicate && f.name == "exists")
        return evaluate(*e.args[0], row, context);
    List args;
    args.reserve(e.args.size());
    bool any_null = false;
    for (const auto& a : e.args) {
        args.push_back(evaluate(*a, row, context));
        any_null = any_null || args.back().is_null();
    }
    if (any_null && !f.sees_null) return Value();
    return f.code(context, args);
}

}  // namespace

namespace {

Value eval_parameter(const Expr& e, Row&, Context& context) {
    auto found = context.parameters->find(e.name);
    if (found == context.parameters->end()) {
        throw CypherError("ParameterMissing", CypherError::Phase::Compile,
                          "the parameter $" + e.name + " has no value", e.line, e.column);
    }
    return found->second;
}

Value eval_index(const Expr& e, Row& row, Context& context) {
    const auto base = evaluate(*e.args[0], row, context);
    const auto index = evaluate(*e.args[1], row, context);
    if (base.is_null() || index.is_null()) return Value();
    if (base.type() == T::List) {
        auto i = list_index(index, "a list index");
        const auto n = static_cast<std::int64_t>(base.as_list().size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) return Value();
        return base.as_list()[static_cast<std::size_t>(i)];
    }
    if (base.type() == T::Map || base.type() == T::Node || base.type() == T::Rel) {
        if (index.type() != T::String) type_error("a map key must be a String, not a " + describe(index));
        return property_of(base, index.as_string(), context);
    }
    type_error("cannot index a " + describe(base) + " with []");
}

Value eval_slice(const Expr& e, Row& row, Context& context) {
    const auto base = evaluate(*e.args[0], row, context);
    const auto from = e.args[1] ? evaluate(*e.args[1], row, context) : Value(std::int64_t{0});
    if (base.is_null() || from.is_null()) return Value();
    if (base.type() != T::List) type_error("cannot slice a " + describe(base));
    const auto n = static_cast<std::int64_t>(base.as_list().size());
    const auto to = e.args[2] ? evaluate(*e.args[2], row, context) : Value(n);
    if (to.is_null()) return Value();
    auto a = list_index(from, "a slice bound"), b = list_index(to, "a slice bound");
    if (a < 0) a += n;
    if (b < 0) b += n;
    a = std::clamp<std::int64_t>(a, 0, n);
    b = std::clamp<std::int64_t>(b, 0, n);
    List out;
    if (a < b) context.budget.check_new(static_cast<std::size_t>(b - a) * sizeof(Value));
    for (auto i = a; i < b; ++i) out.push_back(base.as_list()[static_cast<std::size_t>(i)]);
    return Value(std::move(out));
}

Value eval_list_literal(const Expr& e, Row& row, Context& context) {
    List out;
    out.reserve(e.args.size());
    for (const auto& a : e.args) out.push_back(evaluate(*a, row, context));
    return Value(std::move(out));
}

Value eval_map_literal(const Expr& e, Row& row, Context& context) {
    Map out;
    for (std::size_t i = 0; i < e.args.size(); ++i) out[e.keys[i]] = evaluate(*e.args[i], row, context);
    return Value(std::move(out));
}

Value eval_map_projection(const Expr& e, Row& row, Context& context) {
    const auto base = evaluate(*e.args[0], row, context);
    if (base.is_null()) return Value();
    Map out;
    for (std::size_t i = 0; i < e.keys.size(); ++i) {
        if (e.keys[i] == "*") {
            Map all = base.type() == T::Node  ? context.graph->node_properties(base.as_node())
                      : base.type() == T::Rel ? context.graph->rel_properties(base.as_rel())
                      : base.type() == T::Map ? base.as_map()
                                              : Map{};
            for (auto& [k, v] : all) out[k] = v;
        } else {
            out[e.keys[i]] = evaluate(*e.args[i + 1], row, context);
        }
    }
    return Value(std::move(out));
}

Value eval_unary(const Expr& e, Row& row, Context& context) {
    const auto v = evaluate(*e.args[0], row, context);
    if (e.name == "NOT") {
        const auto t = truth(v, "NOT");
        return t ? Value(!*t) : Value();
    }
    if (v.is_null()) return Value();
    if (!v.is_number()) type_error("cannot apply unary '" + e.name + "' to " + brief(v));
    if (e.name == "+") return v;
    if (v.type() == T::Int) {
        if (v.as_int() == std::numeric_limits<std::int64_t>::min()) {
            throw CypherError("ArithmeticError", CypherError::Phase::Runtime, "integer overflow in unary -");
        }
        return Value(-v.as_int());
    }
    return Value(-v.as_float());
}

Value eval_binary(const Expr& e, Row& row, Context& context) {
    const auto& op = e.name;
    if (op == "AND" || op == "OR" || op == "XOR") {
        const auto a = truth(evaluate(*e.args[0], row, context), op.c_str());
        if (op == "AND" && a == false) {
            (void)truth(evaluate(*e.args[1], row, context), op.c_str());
            return Value(false);
        }
        if (op == "OR" && a == true) {
            (void)truth(evaluate(*e.args[1], row, context), op.c_str());
            return Value(true);
        }
        const auto b = truth(evaluate(*e.args[1], row, context), op.c_str());
        if (op == "AND") {
            if (b == false) return Value(false);
            if (!a || !b) return Value();
            return Value(true);
        }
        if (op == "OR") {
            if (b == true) return Value(true);
            if (!a || !b) return Value();
            return Value(false);
        }
        if (!a || !b) return Value();
        return Value(*a != *b);
    }
    const auto a = evaluate(*e.args[0], row, context);
    const auto b = evaluate(*e.args[1], row, context);
    if (op == "IN") {
        if (b.type() == T::List) context.tick(1 + b.as_list().size() / 64);
        return in_list(a, b);
    }
    if (op == "STARTS WITH" || op == "ENDS WITH" || op == "CONTAINS") return string_predicate(op, a, b);
    if (op == "=~") return regex_match(a, b, context);
    return arithmetic(op, a, b, context);
}

Value eval_comparison(const Expr& e, Row& row, Context& context) {
    std::optional<bool> result = true;
    Value left = evaluate(*e.args[0], row, context);
    for (std::size_t i = 0; i < e.ops.size(); ++i) {
        Value right = evaluate(*e.args[i + 1], row, context);
        std::optional<bool> step;
        compare_op(e.ops[i], left, right, step);
        if (step == false) return Value(false);
        if (!step) result = std::nullopt;
        left = std::move(right);
    }
    return from_truth(result);
}

Value eval_is_null(const Expr& e, Row& row, Context& context) {
    const bool null = evaluate(*e.args[0], row, context).is_null();
    return Value(e.negated ? !null : null);
}

Value eval_label_check(const Expr& e, Row& row, Context& context) {
    const auto v = evaluate(*e.args[0], row, context);
    if (v.is_null()) return Value();
    if (v.type() != T::Node) type_error("a label check needs a Node, not a " + describe(v));
    for (const auto& l : e.labels) {
        if (!context.graph->has_label(v.as_node(), l)) return Value(false);
    }
    return Value(true);
}

Value eval_case(const Expr& e, Row& row, Context& context) {
    const std::size_t pairs = (e.args.size() - 1 - (e.has_else ? 1 : 0)) / 2;
    if (e.args[0]) {
        const auto subject = evaluate(*e.args[0], row, context);
        for (std::size_t i = 0; i < pairs; ++i) {
            const auto when = evaluate(*e.args[1 + 2 * i], row, context);
            const auto eq = equals(subject, when);
            if (!eq.is_null() && eq.as_bool()) return evaluate(*e.args[2 + 2 * i], row, context);
        }
    } else {
        for (std::size_t i = 0; i < pairs; ++i) {
            const auto when = evaluate(*e.args[1 + 2 * i], row, context);
            if (when.type() == T::Bool && when.as_bool()) return evaluate(*e.args[2 + 2 * i], row, context);
        }
    }
    return e.has_else ? evaluate(*e.args.back(), row, context) : Value();
}

Value eval_function(const Expr& e, Row& row, Context& context) { return call_function(e, row, context); }

Value eval_list_comprehension(const Expr& e, Row& row, Context& context) {
    const auto list = evaluate(*e.args[0], row, context);
    if (list.is_null()) return Value();
    if (list.type() != T::List) type_error("a list comprehension needs a list, not a " + describe(list));
    List out;
    const auto slot = static_cast<std::size_t>(e.slot);
    for (const auto& item : list.as_list()) {
        context.tick();
        row[slot] = item;
        if (e.args[1] && !is_true(*e.args[1], row, context)) continue;
        context.budget.check_new((out.size() + 1) * sizeof(Value));
        out.push_back(e.args[2] ? evaluate(*e.args[2], row, context) : item);
    }
    return Value(std::move(out));
}

Value eval_quantifier(const Expr& e, Row& row, Context& context) {
    const auto list = evaluate(*e.args[0], row, context);
    if (list.is_null()) return Value();
    if (list.type() != T::List) type_error(e.name + "() needs a list, not a " + describe(list));
    std::size_t yes = 0, unknown = 0;
    const auto slot = static_cast<std::size_t>(e.slot);
    const auto n = list.as_list().size();
    for (const auto& item : list.as_list()) {
        context.tick();
        row[slot] = item;
        const auto v = evaluate(*e.args[1], row, context);
        if (v.is_null()) {
            ++unknown;
        } else if (v.type() != T::Bool) {
            type_error(e.name + "() needs a Boolean predicate");
        } else if (v.as_bool()) {
            ++yes;
        }
    }
    const auto no = n - yes - unknown;
    if (e.name == "ALL") return no > 0 ? Value(false) : unknown > 0 ? Value() : Value(true);
    if (e.name == "ANY") return yes > 0 ? Value(true) : unknown > 0 ? Value() : Value(false);
    if (e.name == "NONE") return yes > 0 ? Value(false) : unknown > 0 ? Value() : Value(true);
    // SINGLE
    if (yes > 1) return Value(false);
    if (unknown > 0) return Value();
    return Value(yes == 1);
}

Value eval_reduce(const Expr& e, Row& row, Context& context) {
    Value acc = evaluate(*e.args[0], row, context);
    const auto list = evaluate(*e.args[1], row, context);
    if (list.is_null()) return Value();
    if (list.type() != T::List) type_error("reduce() needs a list, not a " + describe(list));
    for (const auto& item : list.as_list()) {
        context.tick();
        row[static_cast<std::size_t>(e.slot2)] = acc;
        row[static_cast<std::size_t>(e.slot)] = item;
        acc = evaluate(*e.args[2], row, context);
        context.budget.check_new(footprint_shallow(acc));
    }
    return acc;
}

Value eval_exists_subquery(const Expr& e, Row& row, Context& context) {
    if (e.subquery) return Value(context.exists(*e.subquery, row));
    bool found = false;
    Row scratch = row;
    context.match(*e.pattern, scratch, e.kind == ExprKind::ExistsSubquery ? e.args[0] : nullptr, [&](Row&) {
        found = true;
        return false;
    });
    return Value(found);
}

Value eval_pattern_comprehension(const Expr& e, Row& row, Context& context) {
    List out;
    Row scratch = row;
    context.match(*e.pattern, scratch, e.args[0], [&](Row& r) {
        context.tick();
        context.budget.check_new((out.size() + 1) * sizeof(Value));
        out.push_back(evaluate(*e.args[1], r, context));
        return true;
    });
    return Value(std::move(out));
}
}  // namespace

Value evaluate(const Expr& e, Row& row, Context& context) {
    switch (e.kind) {
        case ExprKind::Literal:
            return e.value;
        case ExprKind::Parameter:
            return eval_parameter(e, row, context);
        case ExprKind::Variable:
        case ExprKind::AggregateSlot:
            return row[static_cast<std::size_t>(e.slot)];
        case ExprKind::Property:
            return property_of(evaluate(*e.args[0], row, context), e.name, context);
        case ExprKind::Index:
            return eval_index(e, row, context);
        case ExprKind::Slice:
            return eval_slice(e, row, context);
        case ExprKind::ListLiteral:
            return eval_list_literal(e, row, context);
        case ExprKind::MapLiteral:
            return eval_map_literal(e, row, context);
        case ExprKind::MapProjection:
            return eval_map_projection(e, row, context);
        case ExprKind::Unary:
            return eval_unary(e, row, context);
        case ExprKind::Binary:
            return eval_binary(e, row, context);
        case ExprKind::Comparison:
            return eval_comparison(e, row, context);
        case ExprKind::IsNull:
            return eval_is_null(e, row, context);
        case ExprKind::LabelCheck:
            return eval_label_check(e, row, context);
        case ExprKind::Case:
            return eval_case(e, row, context);
        case ExprKind::Function:
            return eval_function(e, row, context);
        case ExprKind::ListComprehension:
            return eval_list_comprehension(e, row, context);
        case ExprKind::Quantifier:
            return eval_quantifier(e, row, context);
        case ExprKind::Reduce:
            return eval_reduce(e, row, context);
        case ExprKind::PatternPredicate:
        case ExprKind::ExistsSubquery:
            return eval_exists_subquery(e, row, context);
        case ExprKind::PatternComprehension:
            return eval_pattern_comprehension(e, row, context);
    }
    return Value();
}

}  // namespace kizuna::cypher
