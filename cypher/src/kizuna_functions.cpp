// Kizuna's functions, written against the properties of the property-graph view so that they work the
// same on the database (reading) and on the working copy of a writing query:
//   active(r, 'D')            r surely lives during D: true; surely not: false; unsure or undated: null
//   overlaps(r, 'A', 'B')     the same for the window from A's first day to B's last (either may be null)
//   matches(n, 'text')        some name, alias or the id of n contains text after Kizuna's folding
//   sources(x)                the sources of an entity or relation: [{title, url, locator}]
#include <algorithm>

#include "evaluator.h"
#include "kizuna/core/date_rule.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/text.h"
#include "kizuna/cypher/errors.h"
#include "kizuna/cypher/kizuna_graph.h"

namespace kizuna::cypher {
namespace {

using T = Value::Type;

std::optional<PartialDate> date_property(const PropertyGraph& graph, RelId r, const char* key) {
    const auto v = graph.rel_property(r, key);
    if (v.type() != T::String) return std::nullopt;
    return PartialDate::parse(v.as_string());
}

std::optional<PartialDate> date_argument(const Value& v, const std::string& function) {
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

Value verdict(Activity a) {
    if (a == Activity::Active) return Value(true);
    if (a == Activity::Inactive) return Value(false);
    return Value();  // possibly active, or no dates: the data does not say
}

}  // namespace

bool is_kizuna_function(const std::string& name) {
    return name == "active" || name == "overlaps" || name == "matches" || name == "sources";
}

Value call_kizuna_function(const PropertyGraph& graph, const std::string& name, const List& args) {
    const auto need_args = [&](std::size_t n, const char* form) {
        if (args.size() != n) {
            throw CypherError("SyntaxError", CypherError::Phase::Runtime,
                              std::string("InvalidNumberOfArguments: ") + form);
        }
    };
    if (name == "active" || name == "overlaps") {
        need_args(name == "active" ? 2 : 3,
                  name == "active" ? "active(relationship, date)" : "overlaps(relationship, since, until)");
        if (args[0].is_null()) return Value();
        if (args[0].type() != T::Rel)
            type_error(name + "() needs a relationship first, not a " + type_name(args[0].type()));
        const auto r = args[0].as_rel();
        std::optional<DaySpan> window;
        try {
            window = name == "active" ? date_window(date_argument(args[1], name), std::nullopt, std::nullopt)
                                      : date_window(std::nullopt, date_argument(args[1], name),
                                                    date_argument(args[2], name));
        } catch (const Error& e) {
            throw CypherError("ArgumentError", CypherError::Phase::Runtime, name + "(): " + e.what());
        }
        if (!window) return Value();
        return verdict(activity(date_property(graph, r, "start"), date_property(graph, r, "end"), *window));
    }
    if (name == "matches") {
        need_args(2, "matches(node, text)");
        if (args[0].is_null() || args[1].is_null()) return Value();
        if (args[0].type() != T::Node)
            type_error("matches() needs a node first, not a " + std::string(type_name(args[0].type())));
        if (args[1].type() != T::String)
            type_error("matches() needs text second, not a " + std::string(type_name(args[1].type())));
        const auto wanted = search_key(args[1].as_string());
        if (wanted.empty()) return Value(false);
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
    if (name == "sources") {
        need_args(1, "sources(node or relationship)");
        if (args[0].is_null()) return Value();
        Value v;
        if (args[0].type() == T::Node) {
            v = graph.node_property(args[0].as_node(), "sources");
        } else if (args[0].type() == T::Rel) {
            v = graph.rel_property(args[0].as_rel(), "sources");
        } else {
            type_error("sources() needs a node or a relationship, not a " +
                       std::string(type_name(args[0].type())));
        }
        return v.is_null() ? Value(List{}) : v;
    }
    throw CypherError("SyntaxError", CypherError::Phase::Compile, "UnknownFunction: " + name + "()");
}

}  // namespace kizuna::cypher
