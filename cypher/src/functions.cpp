// The scalar functions of the subset (docs/cypher.md lists them): graph, list, string, numeric and
// conversion functions. Null in gives null out, as Cypher's functions do, except where noted.
#include "functions.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <random>

#include "evaluator.h"
#include "kizuna/cypher/errors.h"

namespace kizuna::cypher {
namespace {

using T = Value::Type;

const std::map<std::string, std::pair<std::size_t, std::size_t>>& arities() {
    static const std::map<std::string, std::pair<std::size_t, std::size_t>> table = {
        {"type", {1, 1}},
        {"labels", {1, 1}},
        {"id", {1, 1}},
        {"properties", {1, 1}},
        {"keys", {1, 1}},
        {"size", {1, 1}},
        {"length", {1, 1}},
        {"nodes", {1, 1}},
        {"relationships", {1, 1}},
        {"startnode", {1, 1}},
        {"endnode", {1, 1}},
        {"coalesce", {1, 64}},
        {"tolower", {1, 1}},
        {"toupper", {1, 1}},
        {"trim", {1, 1}},
        {"ltrim", {1, 1}},
        {"rtrim", {1, 1}},
        {"split", {2, 2}},
        {"substring", {2, 3}},
        {"left", {2, 2}},
        {"right", {2, 2}},
        {"replace", {3, 3}},
        {"reverse", {1, 1}},
        {"tointeger", {1, 1}},
        {"tofloat", {1, 1}},
        {"tostring", {1, 1}},
        {"toboolean", {1, 1}},
        {"head", {1, 1}},
        {"last", {1, 1}},
        {"tail", {1, 1}},
        {"range", {2, 3}},
        {"exists", {1, 1}},
        {"abs", {1, 1}},
        {"ceil", {1, 1}},
        {"floor", {1, 1}},
        {"round", {1, 1}},
        {"sign", {1, 1}},
        {"sqrt", {1, 1}},
        {"rand", {0, 0}},
        {"e", {0, 0}},
        {"pi", {0, 0}},
        {"exp", {1, 1}},
        {"log", {1, 1}},
        {"log10", {1, 1}},
        {"sin", {1, 1}},
        {"cos", {1, 1}},
        {"tan", {1, 1}},
        {"asin", {1, 1}},
        {"acos", {1, 1}},
        {"atan", {1, 1}},
        {"atan2", {2, 2}},
        {"isempty", {1, 1}},
        {"tointegerornull", {1, 1}},
        {"tofloatornull", {1, 1}},
        {"tostringornull", {1, 1}},
        {"tobooleanornull", {1, 1}},
    };
    return table;
}

[[noreturn]] void argument_error(const std::string& what) {
    throw CypherError("ArgumentError", CypherError::Phase::Runtime, what);
}

void need(const Value& v, T type, const std::string& function) {
    if (v.type() != type)
        type_error(function + "() needs a " + type_name(type) + ", not a " + type_name(v.type()));
}

std::int64_t to_int(const Value& v, const std::string& function) {
    if (v.type() == T::Int) return v.as_int();
    if (v.type() == T::Float && v.as_float() == std::trunc(v.as_float()))
        return static_cast<std::int64_t>(v.as_float());
    type_error(function + "() needs an Integer, not a " + type_name(v.type()));
}

// UTF-8 code points, for functions that count characters.
std::vector<std::string> characters(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

// How many characters characters(s) would give, without making them.
std::size_t count_characters(const std::string& s) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++count) {
        const auto c = static_cast<unsigned char>(s[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    return count;
}

// How many values range(from, to, step) makes, without overflow for any 64-bit ends (step != 0).
std::uint64_t range_size(std::int64_t from, std::int64_t to, std::int64_t step) {
    if (step > 0 ? from > to : from < to) return 0;
    const auto span = step > 0 ? static_cast<std::uint64_t>(to) - static_cast<std::uint64_t>(from)
                               : static_cast<std::uint64_t>(from) - static_cast<std::uint64_t>(to);
    const auto stride = step > 0 ? static_cast<std::uint64_t>(step) : 0 - static_cast<std::uint64_t>(step);
    return span / stride + 1;
}

std::string join(const std::vector<std::string>& parts, std::size_t from, std::size_t to) {
    std::string out;
    for (auto i = from; i < to && i < parts.size(); ++i) out += parts[i];
    return out;
}

Value parse_integer(const std::string& text) {
    std::string s = text;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
    s = s.substr(start);
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && p == s.data() + s.size() && !s.empty()) return Value(v);
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size() && std::isfinite(d)) {
        if (d >= -9.2e18 && d <= 9.2e18) return Value(static_cast<std::int64_t>(d));
    }
    return Value();
}

Value parse_float(const std::string& s) {
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size()) return Value();
    return Value(d);
}

Value to_string_value(const Value& v, bool or_null) {
    if (v.is_null()) return Value();
    if (auto text = scalar_text(v)) return Value(std::move(*text));
    if (or_null) return Value();
    type_error("toString() cannot convert a " + std::string(type_name(v.type())));
}

Value to_integer_value(const Value& v, bool or_null) {
    switch (v.type()) {
        case T::Null:
            return Value();
        case T::Int:
            return v;
        case T::Float: {
            const double d = v.as_float();
            if (std::isnan(d) || d < -9.2233720368547758e18 || d >= 9.2233720368547758e18) {
                if (or_null) return Value();
                argument_error("toInteger() cannot convert " + format_float(d));
            }
            return Value(static_cast<std::int64_t>(d));
        }
        case T::String:
            return parse_integer(v.as_string());
        case T::Bool:
            return Value(std::int64_t{v.as_bool() ? 1 : 0});
        default:
            if (or_null) return Value();
            type_error(std::string("toInteger() cannot convert a ") + type_name(v.type()));
    }
}

Value to_float_value(const Value& v, bool or_null) {
    switch (v.type()) {
        case T::Null:
            return Value();
        case T::Float:
            return v;
        case T::Int:
            return Value(static_cast<double>(v.as_int()));
        case T::String:
            return parse_float(v.as_string());
        default:
            if (or_null) return Value();
            type_error(std::string("toFloat() cannot convert a ") + type_name(v.type()));
    }
}

Value to_boolean_value(const Value& v, bool or_null) {
    switch (v.type()) {
        case T::Null:
            return Value();
        case T::Bool:
            return v;
        case T::String: {
            std::string s = v.as_string();
            for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
            while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(0, 1);
            if (s == "true") return Value(true);
            if (s == "false") return Value(false);
            return Value();
        }
        case T::Int:
            return Value(v.as_int() != 0);
        default:
            if (or_null) return Value();
            type_error(std::string("toBoolean() cannot convert a ") + type_name(v.type()));
    }
}

double number(const Value& v, const std::string& function) {
    if (!v.is_number()) type_error(function + "() needs a number, not a " + type_name(v.type()));
    return v.as_number();
}

}  // namespace

bool is_aggregate_function(const std::string& name) {
    return name == "count" || name == "sum" || name == "avg" || name == "min" || name == "max" ||
           name == "collect" || name == "stdev" || name == "stdevp" || name == "percentilecont" ||
           name == "percentiledisc";
}

bool is_scalar_function(const std::string& name) { return arities().count(name) > 0; }

std::pair<std::size_t, std::size_t> function_arity(const std::string& name) { return arities().at(name); }

Value call_scalar(Context& context, const std::string& name, const List& args) {
    const PropertyGraph& graph = *context.graph;
    const Value& a = args.empty() ? Value() : args[0];
    // Functions that read a string character by character hold each character on its own.
    const auto chars = [&context](const std::string& text) {
        context.budget.check_new(text.size() * (sizeof(std::string) + 1));
        context.tick(1 + text.size() / 256);
        return characters(text);
    };
    // Functions that take null in without giving null out.
    if (name == "coalesce") {
        for (const auto& v : args) {
            if (!v.is_null()) return v;
        }
        return Value();
    }
    if (name == "rand") {
        static thread_local std::mt19937_64 random{std::random_device{}()};
        return Value(std::uniform_real_distribution<double>(0.0, 1.0)(random));
    }
    if (name == "e") return Value(std::exp(1.0));
    if (name == "pi") return Value(std::acos(-1.0));
    if (name == "exists") return Value(!a.is_null());
    if (name == "range") {
        for (const auto& v : args) {
            if (v.is_null()) argument_error("range() cannot take null");
        }
        // range() takes integers only: anything else is an argument error, as the TCK has it.
        for (const auto& v : args) {
            if (v.type() != T::Int)
                argument_error(std::string("range() needs integers, not a ") + type_name(v.type()));
        }
        const auto from = args[0].as_int(), to = args[1].as_int();
        const auto step = args.size() > 2 ? args[2].as_int() : 1;
        if (step == 0) argument_error("range() needs a step other than 0");
        const auto count = range_size(from, to, step);
        context.budget.check_new(count > SIZE_MAX / sizeof(Value) ? SIZE_MAX : count * sizeof(Value));
        List out;
        out.reserve(count);
        // In unsigned arithmetic, which wraps where the signed sum would overflow past `to`.
        for (std::uint64_t k = 0; k < count; ++k) {
            context.tick();
            out.push_back(Value(static_cast<std::int64_t>(static_cast<std::uint64_t>(from) +
                                                          k * static_cast<std::uint64_t>(step))));
        }
        return Value(std::move(out));
    }
    if (std::any_of(args.begin(), args.end(), [](const Value& v) { return v.is_null(); })) {
        if (name == "tostringornull" || name == "tointegerornull" || name == "tofloatornull" ||
            name == "tobooleanornull")
            return Value();
        if (name == "split" || name == "substring" || name == "left" || name == "right" ||
            name == "replace" || name == "atan2") {
            if (!a.is_null() || name == "substring" || name == "left" || name == "right") {
                if (a.is_null()) return Value();
                if ((name == "substring" || name == "left" || name == "right") && args.size() > 1 &&
                    args[1].is_null()) {
                    argument_error(name + "() needs an Integer length, not null");
                }
            }
        }
        return Value();
    }
    if (name == "type") {
        need(a, T::Rel, name);
        return Value(graph.rel_type(a.as_rel()));
    }
    if (name == "labels") {
        need(a, T::Node, name);
        List out;
        for (auto& l : graph.labels(a.as_node())) out.push_back(Value(l));
        return Value(std::move(out));
    }
    if (name == "id") {
        if (a.type() == T::Node) return Value(static_cast<std::int64_t>(a.as_node()));
        if (a.type() == T::Rel) return Value(static_cast<std::int64_t>(a.as_rel()));
        type_error("id() needs a Node or a Relationship");
    }
    if (name == "properties") {
        if (a.type() == T::Node) return Value(graph.node_properties(a.as_node()));
        if (a.type() == T::Rel) return Value(graph.rel_properties(a.as_rel()));
        if (a.type() == T::Map) return a;
        type_error("properties() needs a Node, a Relationship or a Map");
    }
    if (name == "keys") {
        Map m;
        if (a.type() == T::Node) {
            m = graph.node_properties(a.as_node());
        } else if (a.type() == T::Rel) {
            m = graph.rel_properties(a.as_rel());
        } else if (a.type() == T::Map) {
            m = a.as_map();
        } else {
            type_error("keys() needs a Node, a Relationship or a Map");
        }
        List out;
        for (const auto& [k, v] : m) out.push_back(Value(k));
        return Value(std::move(out));
    }
    if (name == "size") {
        if (a.type() == T::List) return Value(static_cast<std::int64_t>(a.as_list().size()));
        if (a.type() == T::String) return Value(static_cast<std::int64_t>(count_characters(a.as_string())));
        type_error(std::string("size() needs a List or a String, not a ") + type_name(a.type()));
    }
    if (name == "length") {
        if (a.type() == T::Path) return Value(static_cast<std::int64_t>(a.as_path().rels.size()));
        type_error(std::string("length() needs a Path, not a ") + type_name(a.type()));
    }
    if (name == "isempty") {
        if (a.type() == T::List) return Value(a.as_list().empty());
        if (a.type() == T::String) return Value(a.as_string().empty());
        if (a.type() == T::Map) return Value(a.as_map().empty());
        type_error("isEmpty() needs a List, a String or a Map");
    }
    if (name == "nodes" || name == "relationships") {
        need(a, T::Path, name);
        List out;
        if (name == "nodes") {
            for (auto n : a.as_path().nodes) out.push_back(Value(NodeRef{n}));
        } else {
            for (auto r : a.as_path().rels) out.push_back(Value(RelRef{r}));
        }
        return Value(std::move(out));
    }
    if (name == "startnode" || name == "endnode") {
        need(a, T::Rel, name);
        return Value(NodeRef{name == "startnode" ? graph.rel_start(a.as_rel()) : graph.rel_end(a.as_rel())});
    }
    if (name == "tolower" || name == "toupper") {
        need(a, T::String, name);
        std::string s = a.as_string();
        for (auto& c : s) {
            c = static_cast<char>(name == "tolower" ? std::tolower(static_cast<unsigned char>(c))
                                                    : std::toupper(static_cast<unsigned char>(c)));
        }
        return Value(s);
    }
    if (name == "trim" || name == "ltrim" || name == "rtrim") {
        need(a, T::String, name);
        std::string s = a.as_string();
        if (name != "ltrim") {
            while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
        }
        if (name != "rtrim") {
            std::size_t i = 0;
            while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
            s.erase(0, i);
        }
        return Value(s);
    }
    if (name == "split") {
        need(a, T::String, name);
        need(args[1], T::String, name);
        const auto& s = a.as_string();
        const auto& sep = args[1].as_string();
        List out;
        if (sep.empty()) {
            for (auto& c : chars(s)) out.push_back(Value(c));
            return Value(std::move(out));
        }
        std::size_t start = 0;
        for (;;) {
            context.tick();
            context.budget.check_new((out.size() + 1) * sizeof(Value));
            const auto at = s.find(sep, start);
            if (at == std::string::npos) {
                out.push_back(Value(s.substr(start)));
                break;
            }
            out.push_back(Value(s.substr(start, at - start)));
            start = at + sep.size();
        }
        return Value(std::move(out));
    }
    if (name == "substring" || name == "left" || name == "right") {
        need(a, T::String, name);
        const auto text = chars(a.as_string());
        const auto n = static_cast<std::int64_t>(text.size());
        if (name == "left" || name == "right") {
            const auto len = to_int(args[1], name);
            if (len < 0) argument_error(name + "() needs a length >= 0");
            const auto k = std::min(len, n);
            return Value(name == "left" ? join(text, 0, static_cast<std::size_t>(k))
                                        : join(text, static_cast<std::size_t>(n - k), text.size()));
        }
        const auto start = to_int(args[1], name);
        if (start < 0) argument_error("substring() needs a start >= 0");
        auto len = args.size() > 2 ? to_int(args[2], name) : n;
        if (len < 0) argument_error("substring() needs a length >= 0");
        const auto from = std::min(start, n);
        const auto to = std::min(n, from + std::min(len, n));
        return Value(join(text, static_cast<std::size_t>(from), static_cast<std::size_t>(to)));
    }
    if (name == "replace") {
        need(a, T::String, name);
        need(args[1], T::String, name);
        need(args[2], T::String, name);
        std::string s = a.as_string();
        const auto& from = args[1].as_string();
        const auto& to = args[2].as_string();
        if (from.empty()) return Value(s);
        std::string out;
        std::size_t start = 0;
        for (;;) {
            const auto at = s.find(from, start);
            if (at == std::string::npos) break;
            context.tick();
            context.budget.check_new(out.size() + (at - start) + to.size());
            out += s.substr(start, at - start) + to;
            start = at + from.size();
        }
        out += s.substr(start);
        return Value(out);
    }
    if (name == "reverse") {
        if (a.type() == T::String) {
            auto text = chars(a.as_string());
            std::reverse(text.begin(), text.end());
            return Value(join(text, 0, text.size()));
        }
        if (a.type() == T::List) {
            context.budget.check_new(a.as_list().size() * sizeof(Value));
            List out(a.as_list().rbegin(), a.as_list().rend());
            return Value(std::move(out));
        }
        type_error("reverse() needs a String or a List");
    }
    if (name == "tostring" || name == "tostringornull") return to_string_value(a, name != "tostring");
    if (name == "tointeger" || name == "tointegerornull") return to_integer_value(a, name != "tointeger");
    if (name == "tofloat" || name == "tofloatornull") return to_float_value(a, name != "tofloat");
    if (name == "toboolean" || name == "tobooleanornull") return to_boolean_value(a, name != "toboolean");
    if (name == "head" || name == "last" || name == "tail") {
        need(a, T::List, name);
        const auto& l = a.as_list();
        context.budget.check_new(l.size() * sizeof(Value));
        if (name == "tail") return l.empty() ? Value(List{}) : Value(List(l.begin() + 1, l.end()));
        if (l.empty()) return Value();
        return name == "head" ? l.front() : l.back();
    }
    if (name == "abs") {
        if (a.type() == T::Int) return Value(a.as_int() < 0 ? -a.as_int() : a.as_int());
        return Value(std::fabs(number(a, name)));
    }
    if (name == "sign") {
        if (a.type() == T::Int) return Value(std::int64_t{(a.as_int() > 0) - (a.as_int() < 0)});
        const double d = number(a, name);
        return Value(std::int64_t{(d > 0) - (d < 0)});
    }
    if (name == "ceil") return Value(std::ceil(number(a, name)));
    if (name == "floor") return Value(std::floor(number(a, name)));
    if (name == "round") return Value(std::floor(number(a, name) + 0.5));
    if (name == "sqrt") return Value(std::sqrt(number(a, name)));
    if (name == "exp") return Value(std::exp(number(a, name)));
    if (name == "log") return Value(std::log(number(a, name)));
    if (name == "log10") return Value(std::log10(number(a, name)));
    if (name == "sin") return Value(std::sin(number(a, name)));
    if (name == "cos") return Value(std::cos(number(a, name)));
    if (name == "tan") return Value(std::tan(number(a, name)));
    if (name == "asin") return Value(std::asin(number(a, name)));
    if (name == "acos") return Value(std::acos(number(a, name)));
    if (name == "atan") return Value(std::atan(number(a, name)));
    if (name == "atan2") return Value(std::atan2(number(a, name), number(args[1], name)));
    argument_error("unknown function " + name + "()");
}

}  // namespace kizuna::cypher
