// The checks the pattern operators share.
#include "operators/pattern_support.h"

namespace kizuna::cypher {

bool node_fits(const NodePattern& p, NodeId n, Row& row, Context& context) {
    const auto& graph = *context.graph;
    for (const auto& l : p.labels) {
        if (!graph.has_label(n, l)) return false;
    }
    if (!p.properties) return true;
    const auto wanted = evaluate(*p.properties, row, context);
    if (wanted.type() != Value::Type::Map) return true;
    for (const auto& [k, v] : wanted.as_map()) {
        if (!graph.node_has(n, k, v))
            return false;  // the graph's own test: a merged-away id names its entity
    }
    return true;
}

bool rel_fits(const RelPattern& p, RelId r, Row& row, Context& context) {
    if (!p.properties) return true;
    const auto wanted = evaluate(*p.properties, row, context);
    if (wanted.type() != Value::Type::Map) return true;
    for (const auto& [k, v] : wanted.as_map()) {
        const auto e = equals(context.graph->rel_property(r, k), v);
        if (e.is_null() || !e.as_bool()) return false;
    }
    return true;
}

void rels_in(const Row& row, const std::vector<int>& slots, std::vector<RelId>& out) {
    for (const int s : slots) {
        const auto& v = row[static_cast<std::size_t>(s)];
        if (v.type() == Value::Type::Rel) {
            out.push_back(v.as_rel());
        } else if (v.type() == Value::Type::List) {
            for (const auto& r : v.as_list()) {
                if (r.type() == Value::Type::Rel) out.push_back(r.as_rel());
            }
        }
    }
}

bool reach_node(const NodePattern& p, bool bound, NodeId n, Row& row, Context& context) {
    auto& slot = row[static_cast<std::size_t>(p.slot)];
    if (bound) {
        if (slot.type() != Value::Type::Node || slot.as_node() != n) return false;
        return node_fits(p, n, row, context);
    }
    if (!node_fits(p, n, row, context)) return false;
    slot = Value(NodeRef{n});
    return true;
}

}  // namespace kizuna::cypher
