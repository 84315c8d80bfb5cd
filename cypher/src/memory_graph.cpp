// The in-memory property graph: ordered maps of nodes and relationships, adjacency lists per node.
#include "kizuna/cypher/memory_graph.h"

#include <algorithm>

#include "breadth_first_paths.h"
#include "kizuna/cypher/errors.h"

namespace kizuna::cypher {
namespace {

[[noreturn]] void missing(const char* what) {
    throw CypherError("EntityNotFound", CypherError::Phase::Runtime,
                      std::string("the ") + what + " was deleted");
}

bool memory_type_wanted(const std::vector<std::string>& types, const std::string& type) {
    return types.empty() || std::find(types.begin(), types.end(), type) != types.end();
}

}  // namespace

const MemoryGraph::Node& MemoryGraph::node(NodeId id) const {
    auto found = nodes_.find(id);
    if (found == nodes_.end()) missing("node");
    return found->second;
}

const MemoryGraph::Relationship& MemoryGraph::rel(RelId id) const {
    auto found = rels_.find(id);
    if (found == rels_.end()) missing("relationship");
    return found->second;
}

void MemoryGraph::for_each_node(const std::function<bool(NodeId)>& visit) const {
    for (const auto& [id, n] : nodes_) {
        if (!visit(id)) return;
    }
}

void MemoryGraph::for_each_node_with_label(const std::string& label,
                                           const std::function<bool(NodeId)>& visit) const {
    for (const auto& [id, n] : nodes_) {
        if (n.labels.count(label) && !visit(id)) return;
    }
}

std::size_t MemoryGraph::count_nodes(const std::string& label) const {
    if (label.empty()) return nodes_.size();
    return static_cast<std::size_t>(std::count_if(
        nodes_.begin(), nodes_.end(), [&](const auto& n) { return n.second.labels.count(label) > 0; }));
}

std::vector<std::string> MemoryGraph::labels(NodeId id) const {
    const auto& n = node(id);
    return {n.labels.begin(), n.labels.end()};
}

bool MemoryGraph::has_label(NodeId id, const std::string& label) const {
    return node(id).labels.count(label) > 0;
}

Value MemoryGraph::node_property(NodeId id, const std::string& key) const {
    const auto& p = node(id).properties;
    auto found = p.find(key);
    return found == p.end() ? Value() : found->second;
}

Map MemoryGraph::node_properties(NodeId id) const { return node(id).properties; }

void MemoryGraph::for_each_step(NodeId id, Direction direction, const std::vector<std::string>& types,
                                const std::function<bool(const Step&)>& visit) const {
    const auto& n = node(id);
    if (direction != Direction::Incoming) {
        for (auto r : n.out) {
            const auto& x = rels_.at(r);
            if (memory_type_wanted(types, x.type) && !visit({r, x.end})) return;
        }
    }
    if (direction != Direction::Outgoing) {
        for (auto r : n.in) {
            const auto& x = rels_.at(r);
            // A loop is one step when either direction will do.
            if (direction == Direction::Both && x.start == x.end) continue;
            if (memory_type_wanted(types, x.type) && !visit({r, x.start})) return;
        }
    }
}

std::string MemoryGraph::rel_type(RelId id) const {
    // The type of a relationship deleted by the same query can still be asked for.
    auto gone = deleted_types_.find(id);
    if (gone != deleted_types_.end()) return gone->second;
    return rel(id).type;
}
NodeId MemoryGraph::rel_start(RelId id) const { return rel(id).start; }
NodeId MemoryGraph::rel_end(RelId id) const { return rel(id).end; }

Value MemoryGraph::rel_property(RelId id, const std::string& key) const {
    const auto& p = rel(id).properties;
    auto found = p.find(key);
    return found == p.end() ? Value() : found->second;
}

Map MemoryGraph::rel_properties(RelId id) const { return rel(id).properties; }
bool MemoryGraph::node_exists(NodeId id) const { return nodes_.count(id) > 0; }
bool MemoryGraph::rel_exists(RelId id) const { return rels_.count(id) > 0; }

std::vector<Path> MemoryGraph::shortest_paths(NodeId from, NodeId to, Direction direction,
                                              const std::vector<std::string>& types, std::size_t max_hops,
                                              bool all) const {
    return breadth_first_paths(*this, from, to, direction, types, max_hops, all);
}

NodeId MemoryGraph::create_node(const std::vector<std::string>& labels, const Map& properties) {
    const auto id = next_node_++;
    auto& n = nodes_[id];
    n.labels.insert(labels.begin(), labels.end());
    n.properties = properties;
    return id;
}

RelId MemoryGraph::create_rel(const std::string& type, NodeId start, NodeId end, const Map& properties) {
    (void)node(start);
    (void)node(end);
    const auto id = next_rel_++;
    rels_[id] = {type, start, end, properties};
    nodes_[start].out.push_back(id);
    nodes_[end].in.push_back(id);
    return id;
}

void MemoryGraph::set_node_property(NodeId id, const std::string& key, const Value& value) {
    (void)node(id);
    auto& p = nodes_[id].properties;
    if (value.is_null()) {
        p.erase(key);
    } else {
        p[key] = value;
    }
}

void MemoryGraph::set_rel_property(RelId id, const std::string& key, const Value& value) {
    (void)rel(id);
    auto& p = rels_[id].properties;
    if (value.is_null()) {
        p.erase(key);
    } else {
        p[key] = value;
    }
}

void MemoryGraph::add_label(NodeId id, const std::string& label) {
    (void)node(id);
    nodes_[id].labels.insert(label);
}

void MemoryGraph::remove_label(NodeId id, const std::string& label) {
    (void)node(id);
    nodes_[id].labels.erase(label);
}

void MemoryGraph::delete_node(NodeId id, bool detach) {
    const auto& n = node(id);
    if (!detach && (!n.out.empty() || !n.in.empty())) {
        throw CypherError("ConstraintVerificationFailed", CypherError::Phase::Runtime,
                          "DeleteConnectedNode: the node still has relationships");
    }
    std::vector<RelId> attached(n.out.begin(), n.out.end());
    attached.insert(attached.end(), n.in.begin(), n.in.end());
    for (auto r : attached) {
        if (rels_.count(r)) delete_rel(r);
    }
    nodes_.erase(id);
}

void MemoryGraph::delete_rel(RelId id) {
    const auto r = rel(id);
    auto drop = [&](std::vector<RelId>& list) {
        list.erase(std::remove(list.begin(), list.end(), id), list.end());
    };
    drop(nodes_[r.start].out);
    drop(nodes_[r.end].in);
    deleted_types_[id] = r.type;
    rels_.erase(id);
}

}  // namespace kizuna::cypher
