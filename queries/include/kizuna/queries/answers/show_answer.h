#pragma once
// `show NAME`: an entity with every relation (dates, sources), or a relation by its id with its
// attributes (an MOU's areas, a stake, a caveat) and sources.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <variant>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/queries/answers/answer_book.h"

namespace kizuna {

struct EntityAnswer {
    Entity entity;
    // Dated relations first, in date order (a year before its months), then undated, each by id.
    std::vector<Relation> relations;
    AnswerBook book;
};

struct RelationAnswer {
    Relation relation;
    AnswerBook book;  // its type and both ends
};

using ShowAnswer = std::variant<EntityAnswer, RelationAnswer>;

// The entity the name names; a relation when no entity has the name as its id but a relation does.
// Throws EntityLookupError (unknown or ambiguous name), StorageError.
[[nodiscard]] ShowAnswer answer_show(const Snapshot& snapshot, const std::string& name);

// JSON: {"entity", "relations"} or {"relation"}.
void to_json(nlohmann::json& out, const EntityAnswer& answer);
void to_json(nlohmann::json& out, const RelationAnswer& answer);
void to_json(nlohmann::json& out, const ShowAnswer& answer);

}  // namespace kizuna
