// The table is built once, from each family's entries, and searched by name when a query is bound.
#include "function_table.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

#include "evaluator.h"
#include "kizuna/cypher/errors.h"

namespace kizuna::cypher {

const FunctionDef* find_function(std::string_view name) {
    static const auto table = [] {
        std::vector<FunctionDef> all;
        add_graph_functions(all);
        add_string_functions(all);
        add_list_functions(all);
        add_numeric_functions(all);
        add_conversion_functions(all);
        add_aggregate_functions(all);
        add_kizuna_functions(all);
        return all;
    }();
    static const auto by_name = [] {
        std::unordered_map<std::string, const FunctionDef*> index;
        for (const auto& f : table) index.emplace(f.name, &f);
        return index;
    }();
    std::string key(name);
    for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto found = by_name.find(key);
    return found == by_name.end() ? nullptr : found->second;
}

std::uint16_t arg_kind_of(Value::Type type) {
    switch (type) {
        case Value::Type::Node:
            return kNodeArg;
        case Value::Type::Rel:
            return kRelArg;
        case Value::Type::Path:
            return kPathArg;
        case Value::Type::Map:
            return kMapArg;
        case Value::Type::List:
            return kListArg;
        case Value::Type::String:
            return kStringArg;
        case Value::Type::Int:
        case Value::Type::Float:
            return kNumberArg;
        case Value::Type::Bool:
            return kBoolArg;
        default:
            return kAnyArg;
    }
}

void argument_error(const std::string& what) {
    throw CypherError("ArgumentError", CypherError::Phase::Runtime, what);
}

void need_type(const Value& v, Value::Type type, const std::string& function) {
    if (v.type() != type)
        type_error(function + "() needs a " + type_name(type) + ", not a " + type_name(v.type()));
}

double need_number(const Value& v, const std::string& function) {
    if (!v.is_number()) type_error(function + "() needs a number, not a " + type_name(v.type()));
    return v.as_number();
}

std::int64_t need_integer(const Value& v, const std::string& function) {
    if (v.type() == Value::Type::Int) return v.as_int();
    if (v.type() == Value::Type::Float && v.as_float() == std::trunc(v.as_float()))
        return static_cast<std::int64_t>(v.as_float());
    type_error(function + "() needs an Integer, not a " + type_name(v.type()));
}

std::vector<std::string> budgeted_characters(Context& context, const std::string& text) {
    // Each character is held on its own: counted before it is made.
    context.budget.check_new(text.size() * (sizeof(std::string) + 1));
    context.tick(1 + text.size() / 256);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        out.push_back(text.substr(i, n));
        i += n;
    }
    return out;
}

std::size_t count_characters(const std::string& text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) {
        const auto c = static_cast<unsigned char>(text[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    return count;
}

std::string join_characters(const std::vector<std::string>& parts, std::size_t from, std::size_t to) {
    std::string out;
    for (auto i = from; i < to && i < parts.size(); ++i) out += parts[i];
    return out;
}

}  // namespace kizuna::cypher
