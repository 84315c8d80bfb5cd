#pragma once
// `timeline [ENTITY]`: an entity's relations in date order (evidence included, marked), or what started
// and ended across the whole graph between two dates.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/queries/answers/answer_book.h"
#include "kizuna/queries/timeline.h"

namespace kizuna {

struct EntityTimelineAnswer {
    std::string entity;               // id, in the book
    std::vector<Relation> relations;  // by start date (undated last), then relation id
    // Under a date filter, relations of unknown date as the filter's UndatedPolicy says: apart here
    // (Separate), among the relations (Include), or counted in left_out (Exclude).
    std::vector<Relation> date_unknown;
    LeftOut left_out;
    AnswerBook book;
};

struct ChangeRow {
    Change::Kind kind;
    PartialDate date;
    Relation relation;
    bool possibly = false;  // the date may lie outside the window (Change::possibly)
};

struct ChangesAnswer {
    std::optional<PartialDate> since, until;
    std::vector<ChangeRow> changes;  // in date order, then by relation id
    std::size_t undated = 0;         // relations of the filter's types with no dates: not placeable
    AnswerBook book;
};

using TimelineAnswer = std::variant<EntityTimelineAnswer, ChangesAnswer>;

// Throws UsageError (unknown type), StorageError.
[[nodiscard]] EntityTimelineAnswer answer_entity_timeline(const Snapshot& snapshot, VertexId entity,
                                                          const RelationFilter& filter);
// The changes within [filter.since, filter.until]. Throws UsageError for --as-of (a period's changes,
// not a day's state) or an UndatedPolicy other than Separate (undated relations cannot be placed).
[[nodiscard]] ChangesAnswer answer_changes(const Snapshot& snapshot, const RelationFilter& filter);

// "started" or "ended".
[[nodiscard]] const char* change_word(Change::Kind kind);

// JSON: {"entity", "relations", "date_unknown", "left_out"}, or {"since", "until", "changes": [{"change",
// "date", "possibly", "relation"}], "undated"}.
void to_json(nlohmann::json& out, const EntityTimelineAnswer& answer);
void to_json(nlohmann::json& out, const ChangesAnswer& answer);
void to_json(nlohmann::json& out, const TimelineAnswer& answer);

}  // namespace kizuna
