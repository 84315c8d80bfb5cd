// Kizuna's functions, registered in the function table and written against the properties of the
// property-graph view so that they work the same on the database (reading) and on the write overlay of a
// writing query:
//   active(r, 'D')            r surely lives during D: true; surely not: false; unsure or undated: null
//   overlaps(r, 'A', 'B')     the same for the window from A's first day to B's last (either may be null)
//   matches(n, 'text')        some name, alias or the id of n contains text after Kizuna's folding
//   sources(x)                the sources of an entity or relation: [{title, url, locator}]
#include <algorithm>

#include "evaluator.h"
#include "function_table.h"
#include "kizuna/core/date_rule.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/text.h"
#include "kizuna/cypher/errors.h"

namespace kizuna::cypher {
namespace {

using T = Value::Type;

std::optional<PartialDate> kizuna_fn_date_property(const PropertyGraph& graph, RelId r, const char* key) {
    const auto v = graph.rel_property(r, key);
    if (v.type() != T::String) return std::nullopt;
    return PartialDate::parse(v.as_string());
}

std::optional<PartialDate> kizuna_fn_date_argument(const Value& v, const std::string& function) {
    if (v.is_null()) return std::nullopt;
    if (v.type() != T::String)
        type_error(function + "() takes dates as strings ('2024', '2024-11', '2024-11-15'), not a " +
                   type_name(v.type()));
    try {
        return PartialDate::parse_or_throw(v.as_string());
    } catch (const Error& e) {
        throw CypherError("ArgumentError", CypherError::Phase::Runtime, function + "(): " + e.what());
    }
}

Value kizuna_fn_verdict(Activity a) {
    if (a == Activity::Active) return Value(true);
    if (a == Activity::Inactive) return Value(false);
    return Value();  // possibly active, or no dates: the data does not say
}

Value kizuna_fn_dated(Context& context, const List& args, bool window_of_two) {
    const std::string name = window_of_two ? "overlaps" : "active";
    if (args[0].is_null()) return Value();
    if (args[0].type() != T::Rel)
        type_error(name + "() needs a relationship first, not a " + type_name(args[0].type()));
    const auto r = args[0].as_rel();
    std::optional<DaySpan> window;
    try {
        window = window_of_two
                     ? date_window(std::nullopt, kizuna_fn_date_argument(args[1], name),
                                   kizuna_fn_date_argument(args[2], name))
                     : date_window(kizuna_fn_date_argument(args[1], name), std::nullopt, std::nullopt);
    } catch (const Error& e) {
        throw CypherError("ArgumentError", CypherError::Phase::Runtime, name + "(): " + e.what());
    }
    if (!window) return Value();
    const auto& graph = *context.graph;
    return kizuna_fn_verdict(activity(kizuna_fn_date_property(graph, r, "start"),
                                      kizuna_fn_date_property(graph, r, "end"), *window));
}

Value kizuna_fn_matches(Context& context, const List& args) {
    if (args[0].is_null() || args[1].is_null()) return Value();
    if (args[0].type() != T::Node)
        type_error("matches() needs a node first, not a " + std::string(type_name(args[0].type())));
    if (args[1].type() != T::String)
        type_error("matches() needs text second, not a " + std::string(type_name(args[1].type())));
    const auto wanted = search_key(args[1].as_string());
    if (wanted.empty()) return Value(false);
    const auto& graph = *context.graph;
    const auto n = args[0].as_node();
    auto contains = [&](const Value& v) {
        return v.type() == T::String && search_key(v.as_string()).find(wanted) != std::string::npos;
    };
    for (const char* key : {"id", "name_en", "name_ja", "name_vi"}) {
        if (contains(graph.node_property(n, key))) return Value(true);
    }
    const auto aliases = graph.node_property(n, "aliases");
    if (aliases.type() == T::List) {
        const auto& l = aliases.as_list();
        if (std::any_of(l.begin(), l.end(), contains)) return Value(true);
    }
    return Value(false);
}

Value kizuna_fn_sources(Context& context, const List& args) {
    if (args[0].is_null()) return Value();
    Value v;
    if (args[0].type() == T::Node) {
        v = context.graph->node_property(args[0].as_node(), "sources");
    } else if (args[0].type() == T::Rel) {
        v = context.graph->rel_property(args[0].as_rel(), "sources");
    } else {
        type_error("sources() needs a node or a relationship, not a " +
                   std::string(type_name(args[0].type())));
    }
    return v.is_null() ? Value(List{}) : v;
}

}  // namespace

void add_kizuna_functions(std::vector<FunctionDef>& table) {
    table.push_back(
        {"active", "active(relationship, date)", 2, 2, true,
         [](Context& context, const List& args) { return kizuna_fn_dated(context, args, false); }});
    table.push_back(
        {"overlaps", "overlaps(relationship, since, until)", 3, 3, true,
         [](Context& context, const List& args) { return kizuna_fn_dated(context, args, true); }});
    table.push_back({"matches", "matches(node, text)", 2, 2, true, kizuna_fn_matches});
    table.push_back({"sources", "sources(node or relationship)", 1, 1, true, kizuna_fn_sources});
}

}  // namespace kizuna::cypher
