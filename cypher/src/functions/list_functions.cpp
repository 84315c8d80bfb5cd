// Functions over lists (and sizes of strings and maps): size, isEmpty, head, last, tail, range,
// coalesce.
#include <cstdint>

#include "evaluator.h"
#include "function_table.h"

namespace kizuna::cypher {
namespace {

using T = Value::Type;

// How many values range(from, to, step) makes, without overflow for any 64-bit ends (step != 0).
std::uint64_t list_fn_range_size(std::int64_t from, std::int64_t to, std::int64_t step) {
    if (step > 0 ? from > to : from < to) return 0;
    const auto span = step > 0 ? static_cast<std::uint64_t>(to) - static_cast<std::uint64_t>(from)
                               : static_cast<std::uint64_t>(from) - static_cast<std::uint64_t>(to);
    const auto stride = step > 0 ? static_cast<std::uint64_t>(step) : 0 - static_cast<std::uint64_t>(step);
    return span / stride + 1;
}

Value list_fn_range(Context& context, const List& args) {
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
    const auto count = list_fn_range_size(from, to, step);
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

Value list_fn_size(Context&, const List& args) {
    const auto& a = args[0];
    if (a.type() == T::List) return Value(static_cast<std::int64_t>(a.as_list().size()));
    if (a.type() == T::String) return Value(static_cast<std::int64_t>(count_characters(a.as_string())));
    type_error(std::string("size() needs a List or a String, not a ") + type_name(a.type()));
}

Value list_fn_is_empty(Context&, const List& args) {
    const auto& a = args[0];
    if (a.type() == T::List) return Value(a.as_list().empty());
    if (a.type() == T::String) return Value(a.as_string().empty());
    if (a.type() == T::Map) return Value(a.as_map().empty());
    type_error("isEmpty() needs a List, a String or a Map");
}

// head, last and tail: the list is copied for tail, counted first.
const List& list_fn_list(Context& context, const List& args, const char* name) {
    need_type(args[0], T::List, name);
    const auto& l = args[0].as_list();
    context.budget.check_new(l.size() * sizeof(Value));
    return l;
}

}  // namespace

void add_list_functions(std::vector<FunctionDef>& table) {
    table.push_back({"size", "size(list or string)", 1, 1, false, list_fn_size});
    table.back().arg_kinds = {kListArg | kStringArg};
    table.push_back({"isempty", "isEmpty(list, string or map)", 1, 1, false, list_fn_is_empty});
    table.back().arg_kinds = {kListArg | kStringArg | kMapArg};
    table.push_back({"head", "head(list)", 1, 1, false, [](Context& context, const List& args) {
                         const auto& l = list_fn_list(context, args, "head");
                         return l.empty() ? Value() : l.front();
                     }});
    table.push_back({"last", "last(list)", 1, 1, false, [](Context& context, const List& args) {
                         const auto& l = list_fn_list(context, args, "last");
                         return l.empty() ? Value() : l.back();
                     }});
    table.push_back({"tail", "tail(list)", 1, 1, false, [](Context& context, const List& args) {
                         const auto& l = list_fn_list(context, args, "tail");
                         return l.empty() ? Value(List{}) : Value(List(l.begin() + 1, l.end()));
                     }});
    table.push_back({"range", "range(from, to[, step])", 2, 3, true, list_fn_range});
    table.push_back({"coalesce", "coalesce(value, ...)", 1, 64, true, [](Context&, const List& args) {
                         for (const auto& v : args) {
                             if (!v.is_null()) return v;
                         }
                         return Value();
                     }});
}

}  // namespace kizuna::cypher
