// Cypher's equality, comparability and orderability (openCypher 9, "Comparability and equality").
#include "kizuna/cypher/value.h"

#include <charconv>
#include <cmath>

#include "kizuna/cypher/errors.h"
#include "kizuna/cypher/property_graph.h"

namespace kizuna::cypher {

const char* type_name(Value::Type type) {
    switch (type) {
        case Value::Type::Null:
            return "Null";
        case Value::Type::Bool:
            return "Boolean";
        case Value::Type::Int:
            return "Integer";
        case Value::Type::Float:
            return "Float";
        case Value::Type::String:
            return "String";
        case Value::Type::List:
            return "List";
        case Value::Type::Map:
            return "Map";
        case Value::Type::Node:
            return "Node";
        case Value::Type::Rel:
            return "Relationship";
        case Value::Type::Path:
            return "Path";
    }
    return "?";
}

namespace {

// At namespace scope, as the other files of the module have it (their unity build joins them).
using T = Value::Type;

bool numbers_equal(const Value& a, const Value& b) {
    if (a.type() == Value::Type::Int && b.type() == Value::Type::Int) return a.as_int() == b.as_int();
    if (a.type() == Value::Type::Float && b.type() == Value::Type::Float) return a.as_float() == b.as_float();
    // An integer and a float: equal when the float is exactly that integer.
    const auto i = a.type() == Value::Type::Int ? a.as_int() : b.as_int();
    const auto d = a.type() == Value::Type::Float ? a.as_float() : b.as_float();
    if (std::isnan(d) || d != std::trunc(d) || d < -9.3e18 || d > 9.3e18) return false;
    return static_cast<long double>(i) == static_cast<long double>(d);
}

int numeric_order(const Value& a, const Value& b) {
    if (a.type() == Value::Type::Int && b.type() == Value::Type::Int) {
        return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int() ? 1 : 0;
    }
    const long double x = a.type() == Value::Type::Int ? static_cast<long double>(a.as_int()) : a.as_float();
    const long double y = b.type() == Value::Type::Int ? static_cast<long double>(b.as_int()) : b.as_float();
    // NaN orders after every other number.
    const bool xn = std::isnan(x), yn = std::isnan(y);
    if (xn || yn) return xn == yn ? 0 : (xn ? 1 : -1);
    return x < y ? -1 : x > y ? 1 : 0;
}

// Rank of a type in the order of ORDER BY.
int rank(Value::Type t) {
    switch (t) {
        case Value::Type::Map:
            return 0;
        case Value::Type::Node:
            return 1;
        case Value::Type::Rel:
            return 2;
        case Value::Type::List:
            return 3;
        case Value::Type::Path:
            return 4;
        case Value::Type::String:
            return 5;
        case Value::Type::Bool:
            return 6;
        case Value::Type::Int:
        case Value::Type::Float:
            return 7;
        case Value::Type::Null:
            return 8;
    }
    return 9;
}

template <typename T>
int three_way(const T& a, const T& b) {
    return a < b ? -1 : b < a ? 1 : 0;
}

}  // namespace

Value equals(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return Value();
    if (a.is_number() && b.is_number()) return Value(numbers_equal(a, b));
    if (a.type() != b.type()) return Value(false);
    switch (a.type()) {
        case T::Bool:
            return Value(a.as_bool() == b.as_bool());
        case T::String:
            return Value(a.as_string() == b.as_string());
        case T::Node:
            return Value(a.as_node() == b.as_node());
        case T::Rel:
            return Value(a.as_rel() == b.as_rel());
        case T::Path:
            return Value(a.as_path() == b.as_path());
        case T::List: {
            const auto& x = a.as_list();
            const auto& y = b.as_list();
            if (x.size() != y.size()) return Value(false);
            bool unknown = false;
            for (std::size_t i = 0; i < x.size(); ++i) {
                const auto e = equals(x[i], y[i]);
                if (e.is_null()) {
                    unknown = true;
                } else if (!e.as_bool()) {
                    return Value(false);
                }
            }
            return unknown ? Value() : Value(true);
        }
        case T::Map: {
            const auto& x = a.as_map();
            const auto& y = b.as_map();
            if (x.size() != y.size()) return Value(false);
            bool unknown = false;
            for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
                if (i->first != j->first) return Value(false);
            }
            for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
                const auto e = equals(i->second, j->second);
                if (e.is_null()) {
                    unknown = true;
                } else if (!e.as_bool()) {
                    return Value(false);
                }
            }
            return unknown ? Value() : Value(true);
        }
        default:
            return Value(false);
    }
}

std::optional<int> compare(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return std::nullopt;
    if (a.is_number() && b.is_number()) {
        if ((a.type() == T::Float && std::isnan(a.as_float())) ||
            (b.type() == T::Float && std::isnan(b.as_float()))) {
            return std::nullopt;
        }
        return numeric_order(a, b);
    }
    if (a.type() != b.type()) return std::nullopt;
    switch (a.type()) {
        case T::Bool:
            return three_way(a.as_bool(), b.as_bool());
        case T::String:
            return three_way(a.as_string(), b.as_string());
        case T::List: {
            const auto& x = a.as_list();
            const auto& y = b.as_list();
            for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
                const auto c = compare(x[i], y[i]);
                if (!c) return std::nullopt;
                if (*c != 0) return c;
            }
            return three_way(x.size(), y.size());
        }
        default:
            return std::nullopt;
    }
}

int order(const Value& a, const Value& b, const PropertyGraph* graph) {
    const auto nodes = [graph](NodeId x, NodeId y) {
        return graph != nullptr ? three_way(graph->node_order(x), graph->node_order(y)) : three_way(x, y);
    };
    const auto rels = [graph](RelId x, RelId y) {
        return graph != nullptr ? three_way(graph->rel_order(x), graph->rel_order(y)) : three_way(x, y);
    };
    const int ra = rank(a.type()), rb = rank(b.type());
    if (ra != rb) return ra < rb ? -1 : 1;
    switch (a.type()) {
        case T::Null:
            return 0;
        case T::Bool:
            return three_way(a.as_bool(), b.as_bool());
        case T::Int:
        case T::Float:
            return numeric_order(a, b);
        case T::String:
            return three_way(a.as_string(), b.as_string());
        case T::Node:
            return nodes(a.as_node(), b.as_node());
        case T::Rel:
            return rels(a.as_rel(), b.as_rel());
        case T::Path: {
            const auto& x = a.as_path();
            const auto& y = b.as_path();
            for (std::size_t i = 0; i < x.nodes.size() && i < y.nodes.size(); ++i) {
                if (auto c = nodes(x.nodes[i], y.nodes[i])) return c;
            }
            if (auto c = three_way(x.nodes.size(), y.nodes.size())) return c;
            for (std::size_t i = 0; i < x.rels.size() && i < y.rels.size(); ++i) {
                if (auto c = rels(x.rels[i], y.rels[i])) return c;
            }
            return three_way(x.rels.size(), y.rels.size());
        }
        case T::List: {
            const auto& x = a.as_list();
            const auto& y = b.as_list();
            for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
                if (auto c = order(x[i], y[i], graph)) return c;
            }
            return three_way(x.size(), y.size());
        }
        case T::Map: {
            const auto& x = a.as_map();
            const auto& y = b.as_map();
            auto i = x.begin();
            auto j = y.begin();
            for (; i != x.end() && j != y.end(); ++i, ++j) {
                if (auto c = three_way(i->first, j->first)) return c;
                if (auto c = order(i->second, j->second, graph)) return c;
            }
            return three_way(x.size(), y.size());
        }
    }
    return 0;
}

namespace {

std::uint32_t checked_nesting(std::uint32_t deepest) {
    if (deepest >= kMaxNesting) {
        throw LimitReached(LimitReached::Limit::Nesting, "lists and maps nested more than " +
                                                             std::to_string(kMaxNesting) +
                                                             " levels deep (the nesting limit)");
    }
    return deepest + 1;
}

}  // namespace

std::uint32_t nesting_of(const List& items) {
    std::uint32_t deepest = 0;
    for (const auto& v : items) deepest = std::max(deepest, v.nesting());
    return checked_nesting(deepest);
}

std::uint32_t nesting_of(const Map& items) {
    std::uint32_t deepest = 0;
    for (const auto& [k, v] : items) deepest = std::max(deepest, v.nesting());
    return checked_nesting(deepest);
}

std::optional<std::string> scalar_text(const Value& v) {
    switch (v.type()) {
        case Value::Type::Int:
            return std::to_string(v.as_int());
        case Value::Type::Float:
            return format_float(v.as_float());
        case Value::Type::Bool:
            return std::string(v.as_bool() ? "true" : "false");
        case Value::Type::String:
            return v.as_string();
        default:
            return std::nullopt;
    }
}

std::string format_float(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
    std::string s(buffer, end);
    if (s.find_first_of(".eE") == std::string::npos) s += ".0";
    // 1e+20 → 1.0e20, as Java and the TCK print it.
    const auto e = s.find('e');
    if (e != std::string::npos) {
        std::string mantissa = s.substr(0, e);
        std::string exponent = s.substr(e + 1);
        if (!exponent.empty() && exponent[0] == '+') exponent.erase(0, 1);
        if (mantissa.find('.') == std::string::npos) mantissa += ".0";
        s = mantissa + "e" + exponent;
    }
    return s;
}

}  // namespace kizuna::cypher
