// Writing patterns, properties and labels, and the counts of what was written.
#include "operators/write_support.h"

#include "kizuna/cypher/errors.h"

namespace kizuna::cypher {

namespace {
using T = Value::Type;
}  // namespace

Map properties_of(const ExprPtr& e, Row& row, Context& context) {
    if (!e) return {};
    const auto v = evaluate(*e, row, context);
    if (v.is_null()) return {};
    if (v.type() != T::Map) type_error("properties must be a Map, not a " + std::string(type_name(v.type())));
    Map out;
    for (const auto& [k, x] : v.as_map()) {
        if (!x.is_null()) out[k] = x;
    }
    return out;
}

void check_storable(const std::string& key, const Value& v) {
    switch (v.type()) {
        case T::Map:
        case T::Node:
        case T::Rel:
        case T::Path:
            type_error("the property '" + key + "' cannot hold a " + std::string(type_name(v.type())));
        case T::List:
            for (const auto& x : v.as_list()) {
                if (x.type() == T::Map || x.type() == T::Node || x.type() == T::Rel || x.type() == T::Path ||
                    x.type() == T::List) {
                    type_error("the property '" + key + "' cannot hold a list of " +
                               std::string(type_name(x.type())));
                }
            }
            return;
        default:
            return;
    }
}

// Creates the parts of a pattern not bound yet; binds their variables in row.
void create_pattern(const std::vector<PatternPart>& parts, Row& row, Context& context) {
    auto& graph = *context.graph;
    std::vector<char> made(row.size(), 0);
    for (const auto& part : parts) {
        std::vector<NodeId> nodes;
        for (const auto& n : part.nodes) {
            const auto slot = static_cast<std::size_t>(n.slot);
            if (n.prebound || made[slot]) {
                const auto& v = row[slot];
                if (v.type() != T::Node) {
                    throw CypherError("SemanticError", CypherError::Phase::Runtime,
                                      "cannot create a relationship from a null or non-node '" + n.var + "'");
                }
                nodes.push_back(v.as_node());
                continue;
            }
            const auto props = properties_of(n.properties, row, context);
            for (const auto& [k, v] : props) check_storable(k, v);
            const auto id = graph.create_node(n.labels, props);
            ++context.writes->nodes_created;
            context.writes->labels_added += n.labels.size();
            context.writes->properties_set += props.size();
            row[slot] = Value(NodeRef{id});
            made[slot] = 1;
            nodes.push_back(id);
        }
        Path path;
        path.nodes = nodes;
        for (std::size_t j = 0; j < part.rels.size(); ++j) {
            const auto& r = part.rels[j];
            const auto props = properties_of(r.properties, row, context);
            for (const auto& [k, v] : props) check_storable(k, v);
            const bool backwards = r.direction == Direction::Incoming;
            const auto id = graph.create_rel(r.types[0], backwards ? nodes[j + 1] : nodes[j],
                                             backwards ? nodes[j] : nodes[j + 1], props);
            ++context.writes->relationships_created;
            context.writes->properties_set += props.size();
            row[static_cast<std::size_t>(r.slot)] = Value(RelRef{id});
            path.rels.push_back(id);
        }
        if (part.path_slot >= 0) row[static_cast<std::size_t>(part.path_slot)] = Value(std::move(path));
    }
}

void set_property(const Value& target, const std::string& key, const Value& value, Context& context) {
    if (target.is_null()) return;
    check_storable(key, value);
    if (target.type() == T::Node) {
        context.graph->set_node_property(target.as_node(), key, value);
    } else if (target.type() == T::Rel) {
        context.graph->set_rel_property(target.as_rel(), key, value);
    } else {
        type_error("SET needs a Node or a Relationship, not a " + std::string(type_name(target.type())));
    }
    ++context.writes->properties_set;
}

void apply_set(const std::vector<SetItem>& items, Row& row, Context& context) {
    auto& graph = *context.graph;
    for (const auto& item : items) {
        switch (item.kind) {
            case SetItem::Kind::Property: {
                const auto target = evaluate(*item.target->args[0], row, context);
                set_property(target, item.target->name, evaluate(*item.value, row, context), context);
                break;
            }
            case SetItem::Kind::Replace:
            case SetItem::Kind::Merge: {
                const auto target = evaluate(*item.target, row, context);
                if (target.is_null()) break;
                auto v = evaluate(*item.value, row, context);
                Map props;
                if (v.type() == T::Node) {
                    props = graph.node_properties(v.as_node());
                } else if (v.type() == T::Rel) {
                    props = graph.rel_properties(v.as_rel());
                } else if (v.type() == T::Map) {
                    props = v.as_map();
                } else if (!v.is_null()) {
                    type_error("SET " + item.target->name + " = needs a Map, not a " +
                               std::string(type_name(v.type())));
                }
                if (item.kind == SetItem::Kind::Replace) {
                    const auto old = target.type() == T::Node  ? graph.node_properties(target.as_node())
                                     : target.type() == T::Rel ? graph.rel_properties(target.as_rel())
                                                               : Map{};
                    for (const auto& [k, x] : old) {
                        if (!props.count(k)) set_property(target, k, Value(), context);
                    }
                }
                for (const auto& [k, x] : props) set_property(target, k, x, context);
                break;
            }
            case SetItem::Kind::Labels: {
                const auto target = evaluate(*item.target, row, context);
                if (target.is_null()) break;
                if (target.type() != T::Node) type_error("labels can only be set on a Node");
                for (const auto& l : item.labels) {
                    if (!graph.has_label(target.as_node(), l)) {
                        graph.add_label(target.as_node(), l);
                        ++context.writes->labels_added;
                    }
                }
                break;
            }
        }
    }
}

}  // namespace kizuna::cypher
