#pragma once
// `timeline [ENTITY]`: an entity's relations in date order, or what started and ended across the whole
// graph between two dates.
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
    AnswerBook book;
};

struct ChangeRow {
    Change::Kind kind;
    PartialDate date;
    Relation relation;
};

struct ChangesAnswer {
    std::optional<PartialDate> since, until;
    std::vector<ChangeRow> changes;  // in date order, then by relation id
    AnswerBook book;
};

using TimelineAnswer = std::variant<EntityTimelineAnswer, ChangesAnswer>;

// Throws UsageError (unknown type), StorageError.
[[nodiscard]] EntityTimelineAnswer answer_entity_timeline(const Snapshot& snapshot, VertexId entity,
                                                          const RelationFilter& filter);
// The changes within [filter.since, filter.until].
[[nodiscard]] ChangesAnswer answer_changes(const Snapshot& snapshot, const RelationFilter& filter);

// "started" or "ended".
[[nodiscard]] const char* change_word(Change::Kind kind);

// JSON: {"entity", "relations"}, or {"since", "until", "changes": [{"change", "date", "relation"}]}.
void to_json(nlohmann::json& out, const EntityTimelineAnswer& answer);
void to_json(nlohmann::json& out, const ChangesAnswer& answer);
void to_json(nlohmann::json& out, const TimelineAnswer& answer);

}  // namespace kizuna
