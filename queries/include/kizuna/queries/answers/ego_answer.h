#pragma once
// `ego ENTITY --radius N`: the entities within N hops and the relations among them.
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/queries/answers/answer_book.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

struct EgoMember {
    std::string entity;  // id, in the book
    std::uint32_t distance = 0;
};

struct EgoAnswer {
    std::string centre;
    std::size_t radius = 0;
    std::vector<EgoMember> entities;  // in vertex order (entity id)
    std::vector<Relation> relations;  // in relation order
    LeftOut left_out;                 // evidence and undated relations not walked
    AnswerBook book;
};

// Throws UsageError (unknown type), StorageError.
[[nodiscard]] EgoAnswer answer_ego(const Snapshot& snapshot, VertexId centre, std::size_t radius,
                                   const RelationFilter& filter);

// JSON: {"centre", "radius", "entities": [entity + "distance"], "relations", "left_out"}.
void to_json(nlohmann::json& out, const EgoAnswer& answer);

}  // namespace kizuna
