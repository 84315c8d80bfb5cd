#include "kizuna/queries/answers/timeline_answer.h"

#include <nlohmann/json.hpp>

#include "answer_builder.h"
#include "kizuna/core/json.h"

namespace kizuna {

namespace {

nlohmann::json date_or_null(const std::optional<PartialDate>& date) {
    return date ? nlohmann::json(date->to_string()) : nlohmann::json();
}

}  // namespace

EntityTimelineAnswer answer_entity_timeline(const Snapshot& snapshot, VertexId entity,
                                            const RelationFilter& filter) {
    EntityTimelineAnswer answer;
    queries::AnswerBuilder builder(snapshot, answer.book);
    answer.entity = builder.entity(entity).id;
    for (auto r : entity_timeline(snapshot.graph(), entity, filter))
        answer.relations.push_back(builder.relation(r));
    return answer;
}

ChangesAnswer answer_changes(const Snapshot& snapshot, const RelationFilter& filter) {
    ChangesAnswer answer;
    answer.since = filter.since;
    answer.until = filter.until;
    queries::AnswerBuilder builder(snapshot, answer.book);
    for (const auto& change : changes_between(snapshot.graph(), filter.since, filter.until, filter)) {
        answer.changes.push_back({change.kind, change.date, builder.relation(change.relation)});
    }
    return answer;
}

const char* change_word(Change::Kind kind) { return kind == Change::Kind::Started ? "started" : "ended"; }

void to_json(nlohmann::json& out, const EntityTimelineAnswer& answer) {
    out = {{"entity", answer.entity}, {"relations", answer.relations}};
}

void to_json(nlohmann::json& out, const ChangesAnswer& answer) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : answer.changes) {
        list.push_back(
            {{"change", change_word(c.kind)}, {"date", c.date.to_string()}, {"relation", c.relation}});
    }
    out = {{"since", date_or_null(answer.since)}, {"until", date_or_null(answer.until)}, {"changes", list}};
}

void to_json(nlohmann::json& out, const TimelineAnswer& answer) {
    std::visit([&](const auto& shown) { to_json(out, shown); }, answer);
}

}  // namespace kizuna
