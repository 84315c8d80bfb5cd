#pragma once
// A writing query's view of a graph it must not change: reads go through to the base graph, writes are
// kept here, and every read reflects them (a query reads its own writes with the semantics of
// memory_graph.h: a deleted node or relationship cannot be read, DELETE refuses a node with
// relationships unless DETACH, scans and lookups see created, changed and deleted nodes). Only what the
// query touched is held, so a one-record write costs what it changes whatever the base's size. At the
// end, touched() tells the caller what to write back (query_answer.cpp converts it to Kizuna's rows).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kizuna/cypher/property_graph.h"

namespace kizuna::cypher {

class WriteOverlay : public PropertyGraph {
  public:
    // New nodes and relationships are numbered from first_node and first_rel, which no node or
    // relationship of base may use. REQUIRES: base outlives the overlay and does not change meanwhile.
    WriteOverlay(const PropertyGraph& base, NodeId first_node, RelId first_rel);

    // A node or relationship as the query left it.
    struct NodeState {
        std::set<std::string> labels;
        Map properties;
    };
    struct RelState {
        std::string type;
        NodeId start = 0;
        NodeId end = 0;
        Map properties;
    };
    // What the query did, by id: created ones are those not in the base.
    struct Touched {
        const std::map<NodeId, NodeState>& nodes;  // created or written to (maybe back to what it was)
        const std::map<RelId, RelState>& rels;
        const std::set<NodeId>& deleted_nodes;  // of the base
        const std::set<RelId>& deleted_rels;    // of the base
    };
    [[nodiscard]] Touched touched() const { return {nodes_, rels_, deleted_nodes_, deleted_rels_}; }
    [[nodiscard]] bool created(NodeId node) const { return node >= first_node_; }
    [[nodiscard]] bool created_rel(RelId rel) const { return rel >= first_rel_; }
    [[nodiscard]] const PropertyGraph& base() const { return base_; }

    void for_each_node(const std::function<bool(NodeId)>& visit) const override;
    void for_each_node_with_label(const std::string& label,
                                  const std::function<bool(NodeId)>& visit) const override;
    // The base's order, then the created nodes in creation order.
    [[nodiscard]] std::uint64_t node_order(NodeId node) const override;
    [[nodiscard]] std::uint64_t rel_order(RelId rel) const override;
    [[nodiscard]] std::size_t count_nodes(const std::string& label) const override;
    [[nodiscard]] std::optional<std::vector<NodeId>> lookup(const std::string& key,
                                                            const Value& value) const override;
    [[nodiscard]] std::optional<std::vector<RelId>> lookup_rels(const std::string& key,
                                                                const Value& value) const override;
    [[nodiscard]] bool node_has(NodeId node, const std::string& key, const Value& value) const override;
    [[nodiscard]] std::vector<std::string> labels(NodeId node) const override;
    [[nodiscard]] bool has_label(NodeId node, const std::string& label) const override;
    [[nodiscard]] Value node_property(NodeId node, const std::string& key) const override;
    [[nodiscard]] Map node_properties(NodeId node) const override;
    void for_each_step(NodeId node, Direction direction, const std::vector<std::string>& types,
                       const std::function<bool(const Step&)>& visit) const override;
    std::size_t for_each_rel(const std::vector<std::string>& types, std::size_t from,
                             const std::function<bool(RelId, NodeId, NodeId)>& visit) const override;
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
    [[nodiscard]] std::vector<std::string> label_vocabulary() const override;
    [[nodiscard]] std::vector<std::string> type_vocabulary() const override;

  private:
    // The node's or relationship's own state when the query touched it, else null (read the base).
    // Throws EntityNotFound for a deleted one.
    const NodeState* node_state(NodeId node) const;
    const RelState* rel_state(RelId rel) const;
    // The state to change, copied from the base at the first write.
    NodeState& writable_node(NodeId node);
    RelState& writable_rel(RelId rel);
    bool changes_structure() const { return !deleted_rels_.empty() || !new_out_.empty(); }

    const PropertyGraph& base_;
    NodeId first_node_;
    RelId first_rel_;
    NodeId next_node_;
    RelId next_rel_;
    std::map<NodeId, NodeState> nodes_;
    std::map<RelId, RelState> rels_;
    std::set<NodeId> deleted_nodes_;                // of the base
    std::set<RelId> deleted_rels_;                  // of the base
    std::set<NodeId> gone_nodes_;                   // created, then deleted
    std::map<RelId, std::string> gone_types_;       // created, then deleted: type(r) can still be asked for
    std::set<NodeId> relabelled_;                   // base nodes whose labels changed
    std::map<NodeId, std::vector<RelId>> new_out_;  // created relationships by start and end
    std::map<NodeId, std::vector<RelId>> new_in_;
};

}  // namespace kizuna::cypher
