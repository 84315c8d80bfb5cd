#pragma once
// What every answer carries beside its rows: the entities and relation types it names, by id, so that a
// view (a table, CSV, a web page) can show names, labels and directions without going back to the store.
// Answers are plain values: the command line prints them, the HTTP API returns their JSON, and both see
// exactly the same thing.
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "kizuna/core/date_rule.h"
#include "kizuna/core/model.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

struct AnswerBook {
    std::map<std::string, Entity> entities;
    std::map<std::string, RelationType> types;
    // The kinds of its entities that the database's vocabulary names (Graph::entity_kinds()).
    std::map<std::string, EntityKind> kinds;
    // The answer's date filter (date_rule.h), when it has one: every relation shown has a state in it.
    std::optional<DaySpan> window;

    // The entity or type by id; nullptr when the answer does not name it.
    [[nodiscard]] const Entity* entity(const std::string& id) const;
    [[nodiscard]] const RelationType* type(const std::string& id) const;
    // The entity's name in lang (display_name), or the id when the answer does not hold it.
    [[nodiscard]] std::string name(const std::string& id, const std::string& lang) const;
    // The type's label in lang (display_label), or the id.
    [[nodiscard]] std::string label(const std::string& type_id, const std::string& lang) const;
    // The kind's name in lang (kind_name), or the id when the vocabulary has no names for it.
    [[nodiscard]] std::string kind_name(const std::string& kind, const std::string& lang) const;
    // Keeps the kind's entry of the vocabulary, when it has one.
    void keep_kind(const std::string& kind, const std::vector<EntityKind>& vocabulary);
    // How the relation reads from viewpoint: "symmetric", "outgoing" (viewpoint is its from) or "incoming".
    [[nodiscard]] std::string direction(const Relation& relation, const std::string& viewpoint) const;
    // The category of the relation's type ("other" for a type the answer does not name).
    [[nodiscard]] std::string category(const Relation& relation) const;
    [[nodiscard]] bool is_evidence(const Relation& relation) const { return category(relation) == kEvidence; }
    // The relation's state in the window; nullopt when the answer has no date filter.
    [[nodiscard]] std::optional<Activity> activity(const Relation& relation) const;
};

// A relation as every answer's JSON writes it: PRODUCT.md's relation object plus "category" and, under
// a date filter, "activity" ("active", "possibly_active", "date_unknown").
[[nodiscard]] nlohmann::json relation_json(const AnswerBook& book, const Relation& relation);
[[nodiscard]] nlohmann::json relations_json(const AnswerBook& book, const std::vector<Relation>& relations);

// {"evidence": n, "undated": n}: what a connection query did not walk.
void to_json(nlohmann::json& out, const LeftOut& left_out);

}  // namespace kizuna
