#pragma once
// What the query engine reads and writes: a property graph of nodes (with labels) and relationships
// (with one type, a start and an end), both with properties. Two implementations: memory_graph.h (a
// general graph, for the conformance runner and tests) and kizuna_graph.h (Kizuna's database).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kizuna/cypher/value.h"

namespace kizuna::cypher {

enum class Direction : std::uint8_t { Outgoing, Incoming, Both };

inline constexpr const char* kNameSearchKey = "~matches";

// One step from a node: the relationship and the node at its other end.
struct Step {
    RelId rel;
    NodeId other;
};

class PropertyGraph {
  public:
    virtual ~PropertyGraph() = default;

    // Reading. Callbacks return false to stop early.
    virtual void for_each_node(const std::function<bool(NodeId)>& visit) const = 0;
    virtual void for_each_node_with_label(const std::string& label,
                                          const std::function<bool(NodeId)>& visit) const = 0;
    // A node's place in the order for_each_node visits (lookups and sorted node lists follow it): the id,
    // unless a graph numbers its nodes in another order.
    [[nodiscard]] virtual std::uint64_t node_order(NodeId node) const { return node; }
    // A relationship's place in the order of a relationship scan: the id, unless a graph numbers them in
    // another order.
    [[nodiscard]] virtual std::uint64_t rel_order(RelId rel) const { return rel; }
    // How many nodes carry a label (the planner's selectivity), or all nodes for "".
    [[nodiscard]] virtual std::size_t count_nodes(const std::string& label) const = 0;
    // The nodes whose property key equals value, when the graph has an index for that key; nullopt when
    // it has none (then the engine scans). The key kNameSearchKey asks for the candidates of
    // matches(n, value) (a superset is fine: the condition is still checked).
    [[nodiscard]] virtual std::optional<std::vector<NodeId>> lookup(const std::string& key,
                                                                    const Value& value) const {
        (void)key;
        (void)value;
        return std::nullopt;
    }
    // The relationships whose property key equals value, when the graph has an index for that key (a
    // superset is fine: the condition is still checked), in the order for_each_rel gives them; nullopt
    // when it has none (then the engine scans).
    [[nodiscard]] virtual std::optional<std::vector<RelId>> lookup_rels(const std::string& key,
                                                                        const Value& value) const {
        (void)key;
        (void)value;
        return std::nullopt;
    }
    // Whether a node fits a pattern's {key: value}: its property equals the value. Kizuna's graph also
    // lets an id merged away (a redirect) name the entity it was merged into, as lookup does.
    [[nodiscard]] virtual bool node_has(NodeId node, const std::string& key, const Value& value) const {
        const auto same = equals(node_property(node, key), value);
        return !same.is_null() && same.as_bool();
    }
    [[nodiscard]] virtual std::vector<std::string> labels(NodeId node) const = 0;
    [[nodiscard]] virtual bool has_label(NodeId node, const std::string& label) const = 0;
    [[nodiscard]] virtual Value node_property(NodeId node, const std::string& key) const = 0;
    [[nodiscard]] virtual Map node_properties(NodeId node) const = 0;
    // Relationships at a node in a direction, optionally only of some types (empty: any type).
    virtual void for_each_step(NodeId node, Direction direction, const std::vector<std::string>& types,
                               const std::function<bool(const Step&)>& visit) const = 0;
    // Every relationship of the given types (empty: any type) with its start and end, in the order a
    // scan of every node's outgoing steps gives them, from position `from` of that scan (0: the first):
    // the scan a pattern of one relationship between two unconstrained nodes starts from. Returns the
    // position to go on from after visit returned false (past the relationship it was given), or
    // npos when the scan is over. This default walks the nodes (and counts the positions it skips); a
    // graph with relation columns (Kizuna's) reads them directly.
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    virtual std::size_t for_each_rel(const std::vector<std::string>& types, std::size_t from,
                                     const std::function<bool(RelId, NodeId, NodeId)>& visit) const {
        std::vector<NodeId> nodes;  // collected first: the callbacks may read the graph
        for_each_node([&](NodeId n) {
            nodes.push_back(n);
            return true;
        });
        std::size_t position = 0;
        for (const auto n : nodes) {
            bool go_on = true;
            for_each_step(n, Direction::Outgoing, types, [&](const Step& s) {
                if (position++ < from) return true;
                return go_on = visit(s.rel, n, s.other);
            });
            if (!go_on) return position;
        }
        return npos;
    }
    // The date properties a graph keeps as packed partial dates (Kizuna's start and end): a column
    // number for the key, or -1 (then the property is read as a value). rel_property gives such a date
    // as PartialDate::to_string() of the packed one, so comparing packed dates is comparing those texts.
    [[nodiscard]] virtual int rel_date_column(const std::string& key) const {
        (void)key;
        return -1;
    }
    // PartialDate::packed() of a relationship's date in that column; 0 when it has none.
    [[nodiscard]] virtual std::int32_t rel_packed_date(RelId rel, int column) const {
        (void)rel;
        (void)column;
        return 0;
    }
    [[nodiscard]] virtual std::string rel_type(RelId rel) const = 0;
    [[nodiscard]] virtual NodeId rel_start(RelId rel) const = 0;
    [[nodiscard]] virtual NodeId rel_end(RelId rel) const = 0;
    [[nodiscard]] virtual Value rel_property(RelId rel, const std::string& key) const = 0;
    [[nodiscard]] virtual Map rel_properties(RelId rel) const = 0;
    [[nodiscard]] virtual bool node_exists(NodeId node) const = 0;
    [[nodiscard]] virtual bool rel_exists(RelId rel) const = 0;

    // The shortest paths between two nodes over relationships of the given types and direction, at most
    // max_hops long: one path, or every shortest one when all is set. Empty when none.
    [[nodiscard]] virtual std::vector<Path> shortest_paths(NodeId from, NodeId to, Direction direction,
                                                           const std::vector<std::string>& types,
                                                           std::size_t max_hops, bool all) const = 0;

    // Writing; each throws CypherError (errors.h) for what the graph refuses.
    virtual NodeId create_node(const std::vector<std::string>& labels, const Map& properties) = 0;
    virtual RelId create_rel(const std::string& type, NodeId start, NodeId end, const Map& properties) = 0;
    // A null value removes the property.
    virtual void set_node_property(NodeId node, const std::string& key, const Value& value) = 0;
    virtual void set_rel_property(RelId rel, const std::string& key, const Value& value) = 0;
    virtual void add_label(NodeId node, const std::string& label) = 0;
    virtual void remove_label(NodeId node, const std::string& label) = 0;
    // Deleting a node that still has relationships is refused unless detach.
    virtual void delete_node(NodeId node, bool detach) = 0;
    virtual void delete_rel(RelId rel) = 0;

    // The names labels and relationship types can take (Kizuna's vocabularies of kinds and relation
    // types), so that a query naming one in neither is warned; empty when any name may appear.
    [[nodiscard]] virtual std::vector<std::string> label_vocabulary() const { return {}; }
    [[nodiscard]] virtual std::vector<std::string> type_vocabulary() const { return {}; }
};

}  // namespace kizuna::cypher
