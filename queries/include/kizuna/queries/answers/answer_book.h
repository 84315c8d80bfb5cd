#pragma once
// What every answer carries beside its rows: the entities and relation types it names, by id, so that a
// view (a table, CSV, a web page) can show names, labels and directions without going back to the store.
// Answers are plain values: the command line prints them, the HTTP API returns their JSON, and both see
// exactly the same thing.
#include <map>
#include <string>

#include "kizuna/core/model.h"

namespace kizuna {

struct AnswerBook {
    std::map<std::string, Entity> entities;
    std::map<std::string, RelationType> types;

    // The entity or type by id; nullptr when the answer does not name it.
    [[nodiscard]] const Entity* entity(const std::string& id) const;
    [[nodiscard]] const RelationType* type(const std::string& id) const;
    // The entity's name in lang (display_name), or the id when the answer does not hold it.
    [[nodiscard]] std::string name(const std::string& id, const std::string& lang) const;
    // The type's label in lang (display_label), or the id.
    [[nodiscard]] std::string label(const std::string& type_id, const std::string& lang) const;
    // How the relation reads from viewpoint: "symmetric", "outgoing" (viewpoint is its from) or "incoming".
    [[nodiscard]] std::string direction(const Relation& relation, const std::string& viewpoint) const;
};

}  // namespace kizuna
