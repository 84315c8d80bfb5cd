// Functions over text: toLower, toUpper, trim, lTrim, rTrim, split, substring, left, right, replace,
// reverse (of a string or a list). Characters are UTF-8 code points.
#include <algorithm>
#include <cctype>

#include "evaluator.h"
#include "function_table.h"

namespace kizuna::cypher {
namespace {

using T = Value::Type;

Value string_fn_case(const List& args, bool upper) {
    need_type(args[0], T::String, upper ? "toupper" : "tolower");
    std::string s = args[0].as_string();
    for (auto& c : s) {
        c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c))
                                    : std::tolower(static_cast<unsigned char>(c)));
    }
    return Value(s);
}

Value string_fn_trim(const List& args, const std::string& name, bool left, bool right) {
    need_type(args[0], T::String, name);
    std::string s = args[0].as_string();
    if (right) {
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    }
    if (left) {
        std::size_t i = 0;
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        s.erase(0, i);
    }
    return Value(s);
}

Value string_fn_split(Context& context, const List& args) {
    need_type(args[0], T::String, "split");
    need_type(args[1], T::String, "split");
    const auto& s = args[0].as_string();
    const auto& sep = args[1].as_string();
    List out;
    if (sep.empty()) {
        for (auto& c : budgeted_characters(context, s)) out.push_back(Value(c));
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

// substring, left and right: null text gives null, a null length or start is an error.
void string_fn_check_nulls(const List& args, const std::string& name) {
    if (args[1].is_null()) argument_error(name + "() needs an Integer length, not null");
}

Value string_fn_left_right(Context& context, const List& args, bool left) {
    const std::string name = left ? "left" : "right";
    if (args[0].is_null()) return Value();
    string_fn_check_nulls(args, name);
    need_type(args[0], T::String, name);
    const auto text = budgeted_characters(context, args[0].as_string());
    const auto n = static_cast<std::int64_t>(text.size());
    const auto len = need_integer(args[1], name);
    if (len < 0) argument_error(name + "() needs a length >= 0");
    const auto k = std::min(len, n);
    return Value(left ? join_characters(text, 0, static_cast<std::size_t>(k))
                      : join_characters(text, static_cast<std::size_t>(n - k), text.size()));
}

Value string_fn_substring(Context& context, const List& args) {
    if (args[0].is_null()) return Value();
    string_fn_check_nulls(args, "substring");
    if (args.size() > 2 && args[2].is_null()) return Value();
    need_type(args[0], T::String, "substring");
    const auto text = budgeted_characters(context, args[0].as_string());
    const auto n = static_cast<std::int64_t>(text.size());
    const auto start = need_integer(args[1], "substring");
    if (start < 0) argument_error("substring() needs a start >= 0");
    const auto len = args.size() > 2 ? need_integer(args[2], "substring") : n;
    if (len < 0) argument_error("substring() needs a length >= 0");
    const auto from = std::min(start, n);
    const auto to = std::min(n, from + std::min(len, n));
    return Value(join_characters(text, static_cast<std::size_t>(from), static_cast<std::size_t>(to)));
}

Value string_fn_replace(Context& context, const List& args) {
    for (const auto& a : args) need_type(a, T::String, "replace");
    const std::string& s = args[0].as_string();
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

Value string_fn_reverse(Context& context, const List& args) {
    const auto& a = args[0];
    if (a.type() == T::String) {
        auto text = budgeted_characters(context, a.as_string());
        std::reverse(text.begin(), text.end());
        return Value(join_characters(text, 0, text.size()));
    }
    if (a.type() == T::List) {
        context.budget.check_new(a.as_list().size() * sizeof(Value));
        List out(a.as_list().rbegin(), a.as_list().rend());
        return Value(std::move(out));
    }
    type_error("reverse() needs a String or a List");
}

}  // namespace

void add_string_functions(std::vector<FunctionDef>& table) {
    table.push_back({"tolower", "toLower(string)", 1, 1, false,
                     [](Context&, const List& args) { return string_fn_case(args, false); }});
    table.push_back({"toupper", "toUpper(string)", 1, 1, false,
                     [](Context&, const List& args) { return string_fn_case(args, true); }});
    table.push_back({"trim", "trim(string)", 1, 1, false,
                     [](Context&, const List& args) { return string_fn_trim(args, "trim", true, true); }});
    table.push_back({"ltrim", "lTrim(string)", 1, 1, false,
                     [](Context&, const List& args) { return string_fn_trim(args, "ltrim", true, false); }});
    table.push_back({"rtrim", "rTrim(string)", 1, 1, false,
                     [](Context&, const List& args) { return string_fn_trim(args, "rtrim", false, true); }});
    table.push_back({"split", "split(string, separator)", 2, 2, false, string_fn_split});
    table.push_back({"substring", "substring(string, start[, length])", 2, 3, true, string_fn_substring});
    table.push_back({"left", "left(string, length)", 2, 2, true, [](Context& context, const List& args) {
                         return string_fn_left_right(context, args, true);
                     }});
    table.push_back({"right", "right(string, length)", 2, 2, true, [](Context& context, const List& args) {
                         return string_fn_left_right(context, args, false);
                     }});
    table.push_back({"replace", "replace(string, search, replacement)", 3, 3, false, string_fn_replace});
    table.push_back({"reverse", "reverse(string or list)", 1, 1, false, string_fn_reverse});
}

}  // namespace kizuna::cypher
