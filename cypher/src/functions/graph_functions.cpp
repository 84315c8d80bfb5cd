// Functions over nodes, relationships and paths: type, labels, id, properties, keys, length, nodes,
// relationships, startNode, endNode, exists.
#include "evaluator.h"
#include "function_table.h"

namespace kizuna::cypher {
namespace {

using T = Value::Type;

Value graph_fn_keys(Context& context, const List& args) {
    const auto& a = args[0];
    Map m;
    if (a.type() == T::Node) {
        m = context.graph->node_properties(a.as_node());
    } else if (a.type() == T::Rel) {
        m = context.graph->rel_properties(a.as_rel());
    } else if (a.type() == T::Map) {
        m = a.as_map();
    } else {
        type_error("keys() needs a Node, a Relationship or a Map");
    }
    List out;
    for (const auto& [k, v] : m) out.push_back(Value(k));
    return Value(std::move(out));
}

Value graph_fn_properties(Context& context, const List& args) {
    const auto& a = args[0];
    if (a.type() == T::Node) return Value(context.graph->node_properties(a.as_node()));
    if (a.type() == T::Rel) return Value(context.graph->rel_properties(a.as_rel()));
    if (a.type() == T::Map) return a;
    type_error("properties() needs a Node, a Relationship or a Map");
}

Value graph_fn_labels(Context& context, const List& args) {
    need_type(args[0], T::Node, "labels");
    List out;
    for (auto& l : context.graph->labels(args[0].as_node())) out.push_back(Value(l));
    return Value(std::move(out));
}

Value graph_fn_id(Context&, const List& args) {
    const auto& a = args[0];
    if (a.type() == T::Node) return Value(static_cast<std::int64_t>(a.as_node()));
    if (a.type() == T::Rel) return Value(static_cast<std::int64_t>(a.as_rel()));
    type_error("id() needs a Node or a Relationship");
}

Value graph_fn_path_nodes(Context&, const List& args) {
    need_type(args[0], T::Path, "nodes");
    List out;
    for (auto n : args[0].as_path().nodes) out.push_back(Value(NodeRef{n}));
    return Value(std::move(out));
}

Value graph_fn_path_rels(Context&, const List& args) {
    need_type(args[0], T::Path, "relationships");
    List out;
    for (auto r : args[0].as_path().rels) out.push_back(Value(RelRef{r}));
    return Value(std::move(out));
}

}  // namespace

void add_graph_functions(std::vector<FunctionDef>& table) {
    table.push_back({"type", "type(relationship)", 1, 1, false, [](Context& context, const List& args) {
                         need_type(args[0], T::Rel, "type");
                         return Value(context.graph->rel_type(args[0].as_rel()));
                     }});
    table.push_back({"labels", "labels(node)", 1, 1, false, graph_fn_labels});
    table.push_back({"id", "id(node or relationship)", 1, 1, false, graph_fn_id});
    table.push_back(
        {"properties", "properties(node, relationship or map)", 1, 1, false, graph_fn_properties});
    table.push_back({"keys", "keys(node, relationship or map)", 1, 1, false, graph_fn_keys});
    table.push_back({"length", "length(path)", 1, 1, false, [](Context&, const List& args) {
                         if (args[0].type() == T::Path)
                             return Value(static_cast<std::int64_t>(args[0].as_path().rels.size()));
                         type_error(std::string("length() needs a Path, not a ") + type_name(args[0].type()));
                     }});
    table.push_back({"nodes", "nodes(path)", 1, 1, false, graph_fn_path_nodes});
    table.push_back({"relationships", "relationships(path)", 1, 1, false, graph_fn_path_rels});
    table.push_back(
        {"startnode", "startNode(relationship)", 1, 1, false, [](Context& context, const List& args) {
             need_type(args[0], T::Rel, "startnode");
             return Value(NodeRef{context.graph->rel_start(args[0].as_rel())});
         }});
    table.push_back({"endnode", "endNode(relationship)", 1, 1, false, [](Context& context, const List& args) {
                         need_type(args[0], T::Rel, "endnode");
                         return Value(NodeRef{context.graph->rel_end(args[0].as_rel())});
                     }});
    // What each takes, checked when binding (the TCK's InvalidArgumentType at compile time).
    const std::pair<const char*, std::uint16_t> kinds[] = {{"type", kRelArg},
                                                           {"labels", kNodeArg},
                                                           {"id", kNodeArg | kRelArg},
                                                           {"properties", kNodeArg | kRelArg | kMapArg},
                                                           {"keys", kNodeArg | kRelArg | kMapArg},
                                                           {"length", kPathArg},
                                                           {"nodes", kPathArg},
                                                           {"relationships", kPathArg},
                                                           {"startnode", kRelArg},
                                                           {"endnode", kRelArg}};
    for (auto& f : table) {
        for (const auto& [name, kind] : kinds) {
            if (f.name == name) f.arg_kinds = {kind};
        }
    }
    table.push_back({"exists", "exists(value or pattern)", 1, 1, true,
                     [](Context&, const List& args) { return Value(!args[0].is_null()); }});
}

}  // namespace kizuna::cypher
