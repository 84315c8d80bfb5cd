#pragma once
// `partners ENTITY`: every relation of the entity that passes the query, with the partner at its other
// end, from the entity's point of view. Evidence relations are listed too (the book marks their
// category). Under a date filter each relation has its state (active or possibly active), and relations
// of unknown date follow query.filter.undated: listed apart (Separate), among the rows (Include), or
// only counted (Exclude).
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
    std::vector<PartnerRow> rows;          // in the order of partners(): partner id, start date, relation
    std::vector<PartnerRow> date_unknown;  // under a date filter with UndatedPolicy::Separate
    LeftOut left_out;                      // undated relations left out (UndatedPolicy::Exclude)
    AnswerBook book;
};

// Throws UsageError (a country, kind or type that no entity or relation has), StorageError.
[[nodiscard]] PartnersAnswer answer_partners(const Snapshot& snapshot, VertexId entity,
                                             const PartnerQuery& query);

// JSON: {"entity", "partners": [{"partner": entity, "direction", "relation"}], "date_unknown": [the
// same], "left_out"}.
void to_json(nlohmann::json& out, const PartnersAnswer& answer);

}  // namespace kizuna
