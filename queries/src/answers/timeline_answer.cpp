#include "kizuna/queries/answers/timeline_answer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

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
    // By start date (a year before its months), undated last, then by relation id.
    auto key = [](const Relation& r) {
        return std::make_tuple(!r.start, r.start ? r.start->packed() : 0, r.id);
    };
    std::stable_sort(answer.relations.begin(), answer.relations.end(),
                     [&](const Relation& a, const Relation& b) { return key(a) < key(b); });
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
    // By date, then relation id (a start before an end of the same relation on the same date).
    std::stable_sort(
        answer.changes.begin(), answer.changes.end(), [](const ChangeRow& a, const ChangeRow& b) {
            return std::make_tuple(a.date.packed(), a.relation.id, a.kind == Change::Kind::Ended) <
                   std::make_tuple(b.date.packed(), b.relation.id, b.kind == Change::Kind::Ended);
        });
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
