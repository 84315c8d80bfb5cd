#pragma once
// A general property graph in memory: any labels, any types, typed property values. The conformance
// runner (tests/tck) runs the openCypher TCK against it; nothing is persisted.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kizuna/cypher/property_graph.h"

namespace kizuna::cypher {

class MemoryGraph : public PropertyGraph {
  public:
    struct Node {
        std::set<std::string> labels;
        Map properties;
        std::vector<RelId> out;
        std::vector<RelId> in;
    };
    struct Relationship {
        std::string type;
        NodeId start;
        NodeId end;
        Map properties;
    };
    // Live nodes and relationships by id (ids are never reused).
    [[nodiscard]] const std::map<NodeId, Node>& nodes() const { return nodes_; }
    [[nodiscard]] const std::map<RelId, Relationship>& relationships() const { return rels_; }

    void for_each_node(const std::function<bool(NodeId)>& visit) const override;
    void for_each_node_with_label(const std::string& label,
                                  const std::function<bool(NodeId)>& visit) const override;
    [[nodiscard]] std::size_t count_nodes(const std::string& label) const override;
    [[nodiscard]] std::vector<std::string> labels(NodeId node) const override;
    [[nodiscard]] bool has_label(NodeId node, const std::string& label) const override;
    [[nodiscard]] Value node_property(NodeId node, const std::string& key) const override;
    [[nodiscard]] Map node_properties(NodeId node) const override;
    void for_each_step(NodeId node, Direction direction, const std::vector<std::string>& types,
                       const std::function<bool(const Step&)>& visit) const override;
    [[nodiscard]] std::string rel_type(RelId rel) const override;
    [[nodiscard]] NodeId rel_start(RelId rel) const override;
    [[nodiscard]] NodeId rel_end(RelId rel) const override;
    [[nodiscard]] Value rel_property(RelId rel, const std::string& key) const override;
    [[nodiscard]] Map rel_properties(RelId rel) const override;
    [[nodiscard]] bool node_exists(NodeId node) const override;
    [[nodiscard]] bool rel_exists(RelId rel) const override;
    [[nodiscard]] std::vector<Path> shortest_paths(NodeId from, NodeId to, Direction direction,
                                                   const std::vector<std::string>& types,
                                                   std::size_t max_hops, bool all) const override;

    NodeId create_node(const std::vector<std::string>& labels, const Map& properties) override;
    RelId create_rel(const std::string& type, NodeId start, NodeId end, const Map& properties) override;
    void set_node_property(NodeId node, const std::string& key, const Value& value) override;
    void set_rel_property(RelId rel, const std::string& key, const Value& value) override;
    void add_label(NodeId node, const std::string& label) override;
    void remove_label(NodeId node, const std::string& label) override;
    void delete_node(NodeId node, bool detach) override;
    void delete_rel(RelId rel) override;

  private:
    const Node& node(NodeId id) const;
    const Relationship& rel(RelId id) const;
    std::map<NodeId, Node> nodes_;
    std::map<RelId, Relationship> rels_;
    std::map<RelId, std::string> deleted_types_;
    NodeId next_node_ = 0;
    RelId next_rel_ = 0;
};

}  // namespace kizuna::cypher
