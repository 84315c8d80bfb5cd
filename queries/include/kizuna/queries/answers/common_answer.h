#pragma once
// `common A B`: the entities both A and B are related to, with the relations on each side.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/queries/answers/answer_book.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

struct CommonRow {
    std::string entity;  // id, in the book
    std::vector<Relation> with_a, with_b;
};

struct CommonAnswer {
    std::string a, b;             // entity ids
    std::vector<CommonRow> rows;  // by entity id
    LeftOut left_out;             // evidence and undated relations not walked
    AnswerBook book;
};

// a and b name entities as Snapshot::vertex takes them. Throws EntityLookupError, UsageError when they
// name the same entity (its partners are another question) or for an unknown type; StorageError.
[[nodiscard]] CommonAnswer answer_common(const Snapshot& snapshot, const std::string& a, const std::string& b,
                                         const RelationFilter& filter);

// JSON: {"a", "b", "common": [{"entity", "with_a", "with_b"}], "left_out"}.
void to_json(nlohmann::json& out, const CommonAnswer& answer);

}  // namespace kizuna
