#pragma once
// `changes --from A --to B [--entity X]`: the relations that began, ended or changed state between two
// dates (state_changes.h), per category, and how the groups of organisations changed over those years
// (communities --by-year: community_history in communities.h).
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/queries/answers/answer_book.h"
#include "kizuna/queries/answers/communities_answer.h"
#include "kizuna/queries/state_changes.h"

namespace kizuna {

struct StateChangeRow {
    Relation relation;
    Activity before = Activity::Inactive, after = Activity::Inactive;
    Placement began = Placement::Outside, ended = Placement::Outside;
};

struct StateChangeCategory {
    std::string category;  // relation_categories() id
    std::vector<StateChangeRow> rows;
};

struct StateChangesQuery {
    RelationFilter filter;  // its type conditions; evidence as it says
    PartialDate from, to;
    std::optional<VertexId> entity;
    CommunityQuery groups;  // the algorithm, resolution and seed of the groups (its filter is set here)
};

struct StateChangesAnswer {
    std::string from, to;                         // the two dates as given
    std::optional<std::string> entity;            // id, in the book
    std::vector<StateChangeCategory> categories;  // in relation_categories() order, non-empty ones
    std::size_t undated = 0;
    // Each year's groups from from's year to to's year and their births, deaths, merges and splits; with
    // an entity only the events of the groups it belongs to.
    CommunitiesAnswer groups;
    AnswerBook book;
};

// Throws UsageError (unknown type, a period over kMostCommunityYears years), StorageError.
[[nodiscard]] StateChangesAnswer answer_state_changes(const Snapshot& snapshot,
                                                      const StateChangesQuery& query);

// What happened to the row's relation in the period: "began" or "possibly began", then "ended" or
// "possibly ended"; "state changed" when neither lies in the period.
[[nodiscard]] std::vector<std::string> change_words(const StateChangeRow& row);

// JSON: {"from", "to", "entity", "categories": [{"category", "changes": [{"relation", "change", "before",
// "after", "began", "ended"}]}], "undated", "groups": the communities --by-year answer, "entities"};
// before/after are activity keys, began/ended "inside", "possibly_inside" or "outside".
void to_json(nlohmann::json& out, const StateChangesAnswer& answer);

}  // namespace kizuna
