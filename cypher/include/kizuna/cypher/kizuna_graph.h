#pragma once
// Kizuna's database as a property graph (docs/cypher.md, "Kizuna's data as a property graph"):
// an entity is a node labelled with its kind, with the properties id, kind, name (in the chosen
// language), name_en, name_ja, name_vi, aliases, country, sources and its attributes; a relation is a
// relationship typed by its type id, with id, start, end, category, sources and its attributes.
// Kizuna's own functions: active(r, date), overlaps(r, since, until), matches(n, text), sources(x).
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/cypher/property_graph.h"

namespace kizuna::cypher {

// Reads one snapshot: structure from the in-memory graph, details from the store only when a query
// reads them. Writing throws (writing queries write to a WriteOverlay over it: query_answer.h).
class KizunaGraph : public PropertyGraph {
  public:
    KizunaGraph(const Snapshot& snapshot, std::string lang);

    void for_each_node(const std::function<bool(NodeId)>& visit) const override;
    void for_each_node_with_label(const std::string& label,
                                  const std::function<bool(NodeId)>& visit) const override;
    // Entity-id order: the vertex's rank (graph.h), which differs from its number after a delta.
    [[nodiscard]] std::uint64_t node_order(NodeId node) const override;
    [[nodiscard]] std::uint64_t rel_order(RelId rel) const override;
    [[nodiscard]] std::size_t count_nodes(const std::string& label) const override;
    [[nodiscard]] std::optional<std::vector<NodeId>> lookup(const std::string& key,
                                                            const Value& value) const override;
    [[nodiscard]] std::optional<std::vector<RelId>> lookup_rels(const std::string& key,
                                                                const Value& value) const override;
    // An id merged away (a redirect, merge.h) names the entity it was merged into, as in every command.
    [[nodiscard]] bool node_has(NodeId node, const std::string& key, const Value& value) const override;
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
    std::size_t for_each_rel(const std::vector<std::string>& types, std::size_t from,
                             const std::function<bool(RelId, NodeId, NodeId)>& visit) const override;
    [[nodiscard]] int rel_date_column(const std::string& key) const override;
    [[nodiscard]] std::int32_t rel_packed_date(RelId rel, int column) const override;
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
    const Entity& entity(NodeId node) const;
    // The entity id a merged-away id now names, if it is one (asked of the store once per id).
    const std::optional<std::string>& redirect(const std::string& id) const;
    const Relation& relation(RelId rel) const;
    // A relation's id: read with its relation while few are asked for; a query asking for many (a
    // relationship matched by id) reads the store's id column once.
    std::string relation_id(RelId rel) const;
    [[noreturn]] static void read_only();
    // Which of the graph's relation types a list of type names keeps, by type index.
    const std::vector<char>& type_mask(const std::vector<std::string>& types) const;
    const Snapshot& snapshot_;
    const Graph& graph_;
    std::string lang_;
    mutable std::unordered_map<NodeId, Entity> entities_;
    mutable std::unordered_map<RelId, Relation> relations_;
    mutable std::vector<std::string> relation_ids_;  // by relation index, once read whole
    mutable std::size_t relation_id_reads_ = 0;
    mutable std::unordered_map<std::string, std::size_t> kind_counts_;
    mutable std::unordered_map<std::string, std::optional<std::string>> redirects_;
    mutable std::vector<std::string> mask_types_;
    mutable std::vector<char> mask_;
};

// The property maps of an entity and a relation as the graph shows them.
[[nodiscard]] Map entity_properties(const Entity& entity, const std::string& lang);
[[nodiscard]] Map relation_properties(const Relation& relation, const RelationType* type);

}  // namespace kizuna::cypher
