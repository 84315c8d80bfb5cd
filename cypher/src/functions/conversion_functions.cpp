// Conversion functions: toString, toInteger, toFloat, toBoolean and their ...OrNull forms (null instead
// of an error for a value that cannot convert).
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "evaluator.h"
#include "function_table.h"

namespace kizuna::cypher {
namespace {

using T = Value::Type;

Value conversion_parse_integer(const std::string& text) {
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

Value conversion_parse_float(const std::string& s) {
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size()) return Value();
    return Value(d);
}

Value conversion_to_string(const Value& v, bool or_null) {
    if (v.is_null()) return Value();
    if (auto text = scalar_text(v)) return Value(std::move(*text));
    if (or_null) return Value();
    type_error("toString() cannot convert a " + std::string(type_name(v.type())));
}

Value conversion_to_integer(const Value& v, bool or_null) {
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
            return conversion_parse_integer(v.as_string());
        case T::Bool:
            return Value(std::int64_t{v.as_bool() ? 1 : 0});
        default:
            if (or_null) return Value();
            type_error(std::string("toInteger() cannot convert a ") + type_name(v.type()));
    }
}

Value conversion_to_float(const Value& v, bool or_null) {
    switch (v.type()) {
        case T::Null:
            return Value();
        case T::Float:
            return v;
        case T::Int:
            return Value(static_cast<double>(v.as_int()));
        case T::String:
            return conversion_parse_float(v.as_string());
        default:
            if (or_null) return Value();
            type_error(std::string("toFloat() cannot convert a ") + type_name(v.type()));
    }
}

Value conversion_to_boolean(const Value& v, bool or_null) {
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

}  // namespace

void add_conversion_functions(std::vector<FunctionDef>& table) {
    table.push_back({"tostring", "toString(value)", 1, 1, false,
                     [](Context&, const List& args) { return conversion_to_string(args[0], false); }});
    table.push_back({"tostringornull", "toStringOrNull(value)", 1, 1, false,
                     [](Context&, const List& args) { return conversion_to_string(args[0], true); }});
    table.push_back({"tointeger", "toInteger(value)", 1, 1, false,
                     [](Context&, const List& args) { return conversion_to_integer(args[0], false); }});
    table.push_back({"tointegerornull", "toIntegerOrNull(value)", 1, 1, false,
                     [](Context&, const List& args) { return conversion_to_integer(args[0], true); }});
    table.push_back({"tofloat", "toFloat(value)", 1, 1, false,
                     [](Context&, const List& args) { return conversion_to_float(args[0], false); }});
    table.push_back({"tofloatornull", "toFloatOrNull(value)", 1, 1, false,
                     [](Context&, const List& args) { return conversion_to_float(args[0], true); }});
    table.push_back({"toboolean", "toBoolean(value)", 1, 1, false,
                     [](Context&, const List& args) { return conversion_to_boolean(args[0], false); }});
    table.push_back({"tobooleanornull", "toBooleanOrNull(value)", 1, 1, false,
                     [](Context&, const List& args) { return conversion_to_boolean(args[0], true); }});
}

}  // namespace kizuna::cypher
