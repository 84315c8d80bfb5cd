#pragma once
// Private to core: gathers the rows of a graph and makes its Graph::Impl. The rows come from the store's
// row scan (Graph::build) or from a bulk write that filled an empty database, which has every row in
// hand and so spares the first command reading them back (store_write.cpp). Either way the graph is the
// same: vertices in entity-id order, relations by (from vertex, to vertex, relation id).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph_impl.h"

namespace kizuna {

class GraphBuilder {
  public:
    // relations_in_id_order: relations are added in relation-id order (the row scan) and their ids need
    // not be given. Otherwise each relation's id is checked to follow the one before: relations between
    // the same two entities are ordered by id, and the order they came in is that order only then.
    explicit GraphBuilder(bool relations_in_id_order) : relations_in_id_order_(relations_in_id_order) {}

    // Entities in any order; each key once.
    void add_entity(std::int64_t key, std::string_view id, std::string_view kind, std::string_view country);
    // from, to: entity keys. start, end: PartialDate::packed(), 0 when absent.
    void add_relation(std::int64_t key, std::string_view id, std::string_view type, std::int64_t from,
                      std::int64_t to, std::int32_t start, std::int32_t end);
    [[nodiscard]] std::size_t entity_count() const { return entity_keys_.size(); }
    [[nodiscard]] std::size_t relation_count() const { return relation_keys_.size(); }
    // False when relations came out of id order: finish() cannot order them, the store's scan must.
    [[nodiscard]] bool relations_ordered() const { return relations_ordered_; }

    // The graph of the rows added, with the store's relation types and kind vocabulary (its stamp is the
    // caller's to set). Throws StorageError: a relation of an unknown type or to a missing entity. Once.
    // REQUIRES: relations_ordered().
    [[nodiscard]] std::unique_ptr<Graph::Impl> finish(std::vector<RelationType> types,
                                                      std::vector<EntityKind> kinds);

  private:
    static std::uint16_t intern(std::string_view value, std::vector<std::string>& table,
                                std::unordered_map<std::string, std::uint16_t>& index);

    bool relations_in_id_order_;
    // Entities as added.
    std::vector<std::int64_t> entity_keys_;
    std::vector<char> entity_id_chars_;
    std::vector<std::uint32_t> entity_id_ends_;
    std::vector<std::uint16_t> kind_of_, country_of_;
    std::vector<std::string> kinds_, countries_;
    std::unordered_map<std::string, std::uint16_t> kind_index_, country_index_;
    // Relations as added; type_of_ indexes type_names_ until finish() maps it to the store's types.
    std::vector<std::int64_t> relation_keys_, from_keys_, to_keys_;
    std::vector<std::uint16_t> type_of_;
    std::vector<std::int32_t> start_, end_;
    std::string last_relation_id_;
    bool relations_ordered_ = true;
    std::vector<std::string> type_names_;
    std::unordered_map<std::string, std::uint16_t> type_index_;
    std::uint16_t last_type_ = 0;
};

}  // namespace kizuna
