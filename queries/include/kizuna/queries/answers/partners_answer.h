#pragma once
// `partners ENTITY`: every relation of the entity that passes the query, with the partner at its other
// end, from the entity's point of view.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/queries/answers/answer_book.h"
#include "kizuna/queries/partners.h"

namespace kizuna {

struct PartnerRow {
    std::string partner;    // entity id, in the book
    std::string direction;  // "outgoing", "incoming" or "symmetric", from the entity's side
    Relation relation;
};

struct PartnersAnswer {
    Entity entity;
    std::vector<PartnerRow> rows;  // in the order of partners(): partner id, start date, relation
    AnswerBook book;
};

// Throws UsageError (a country, kind or type that no entity or relation has), StorageError.
[[nodiscard]] PartnersAnswer answer_partners(const Snapshot& snapshot, VertexId entity,
                                             const PartnerQuery& query);

// JSON: {"entity", "partners": [{"partner": entity, "direction", "relation"}]}.
void to_json(nlohmann::json& out, const PartnersAnswer& answer);

}  // namespace kizuna
