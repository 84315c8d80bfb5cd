// The JSON of a query's answer, shared by `kizuna query --format json` and the views.
#include <cmath>
#include <nlohmann/json.hpp>

#include "kizuna/cypher/query_answer.h"

namespace kizuna::cypher {
namespace {

// At namespace scope, as the other files of the module have it (their unity build joins them).
using T = Value::Type;

nlohmann::json map_json(const Map& m, const QueryAnswer& answer) {
    auto out = nlohmann::json::object();
    for (const auto& [k, v] : m) out[k] = value_json(v, answer);
    return out;
}

nlohmann::json node_json(NodeId n, const QueryAnswer& answer) {
    auto found = answer.nodes.find(n);
    if (found == answer.nodes.end()) return {{"deleted", true}};
    return {{"id", found->second.id},
            {"labels", found->second.labels},
            {"properties", map_json(found->second.properties, answer)}};
}

nlohmann::json rel_json(RelId r, const QueryAnswer& answer) {
    auto found = answer.relationships.find(r);
    if (found == answer.relationships.end()) return {{"deleted", true}};
    const auto& d = found->second;
    return {{"id", d.id},
            {"type", d.type},
            {"start", d.start},
            {"end", d.end},
            {"properties", map_json(d.properties, answer)}};
}

}  // namespace

nlohmann::json value_json(const Value& v, const QueryAnswer& answer) {
    switch (v.type()) {
        case T::Null:
            return nullptr;
        case T::Bool:
            return v.as_bool();
        case T::Int:
            return v.as_int();
        case T::Float:
            // JSON has no NaN or infinities: they are written as Cypher prints them.
            if (!std::isfinite(v.as_float())) return format_float(v.as_float());
            return v.as_float();
        case T::String:
            return v.as_string();
        case T::List: {
            auto out = nlohmann::json::array();
            for (const auto& x : v.as_list()) out.push_back(value_json(x, answer));
            return out;
        }
        case T::Map:
            return map_json(v.as_map(), answer);
        case T::Node:
            return node_json(v.as_node(), answer);
        case T::Rel:
            return rel_json(v.as_rel(), answer);
        case T::Path: {
            auto nodes = nlohmann::json::array();
            auto rels = nlohmann::json::array();
            for (auto n : v.as_path().nodes) nodes.push_back(node_json(n, answer));
            for (auto r : v.as_path().rels) rels.push_back(rel_json(r, answer));
            return {{"nodes", nodes}, {"relationships", rels}};
        }
    }
    return nullptr;
}

void to_json(nlohmann::json& out, const QueryAnswer& answer) {
    out = nlohmann::json::object();
    out["columns"] = answer.columns;
    auto rows = nlohmann::json::array();
    for (const auto& row : answer.rows) {
        auto object = nlohmann::json::object();
        for (std::size_t i = 0; i < row.size() && i < answer.columns.size(); ++i)
            object[answer.columns[i]] = value_json(row[i], answer);
        rows.push_back(std::move(object));
    }
    out["rows"] = std::move(rows);
    // EXPLAIN's plan is also its rows (one column, "plan"); the text stays for the library's Rows.plan.
    if (answer.explain || answer.profile) out["plan"] = answer.plan;
    if (!answer.warnings.empty()) out["warnings"] = answer.warnings;
    if (answer.wrote) {
        const auto& w = answer.writes;
        out["writes"] = {{"nodes_created", w.nodes_created},
                         {"nodes_deleted", w.nodes_deleted},
                         {"relationships_created", w.relationships_created},
                         {"relationships_deleted", w.relationships_deleted},
                         {"properties_set", w.properties_set},
                         {"labels_added", w.labels_added},
                         {"labels_removed", w.labels_removed},
                         {"entities_changed", answer.written.entities_changed},
                         {"relations_changed", answer.written.relations_changed}};
    }
}

}  // namespace kizuna::cypher
