#include "kizuna/queries/answers/timeline_answer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "answer_builder.h"
#include "kizuna/core/errors.h"
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
    answer.book.window = filter.window();
    answer.entity = builder.entity(entity).id;
    RelationFilter listing = filter;
    listing.include_evidence = true;           // listed, marked as evidence
    listing.undated = UndatedPolicy::Include;  // split below
    for (auto r : entity_timeline(snapshot.graph(), entity, listing)) {
        Relation relation = builder.relation(r);
        queries::place_by_date(answer.book, filter.undated, relation, relation, answer.relations,
                               answer.date_unknown, answer.left_out);
    }
    // By start date (a year before its months), undated last, then by relation id.
    auto key = [](const Relation& r) {
        return std::make_tuple(!r.start, r.start ? r.start->packed() : 0, r.id);
    };
    std::stable_sort(answer.relations.begin(), answer.relations.end(),
                     [&](const Relation& a, const Relation& b) { return key(a) < key(b); });
    return answer;
}

ChangesAnswer answer_changes(const Snapshot& snapshot, const RelationFilter& filter) {
    if (filter.as_of) {
        throw UsageError("--as-of " + filter.as_of->to_string() +
                         ": the whole graph's timeline lists changes in a period; give --since and/or "
                         "--until, or name an entity for its relations at a date");
    }
    if (filter.undated != UndatedPolicy::Separate) {
        throw UsageError(
            "--undated: the whole graph's timeline cannot place relations without dates; it "
            "counts them apart");
    }
    ChangesAnswer answer;
    answer.since = filter.since;
    answer.until = filter.until;
    RelationFilter listing = filter;
    listing.include_evidence = true;
    queries::AnswerBuilder builder(snapshot, answer.book);
    for (const auto& change : changes_between(snapshot.graph(), listing)) {
        answer.changes.push_back(
            {change.kind, change.date, builder.relation(change.relation), change.possibly});
    }
    answer.undated = undated_relations(snapshot.graph(), listing);
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
    out = {{"entity", answer.entity},
           {"relations", relations_json(answer.book, answer.relations)},
           {"date_unknown", relations_json(answer.book, answer.date_unknown)},
           {"left_out", answer.left_out}};
}

void to_json(nlohmann::json& out, const ChangesAnswer& answer) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : answer.changes) {
        list.push_back({{"change", change_word(c.kind)},
                        {"date", c.date.to_string()},
                        {"possibly", c.possibly},
                        {"relation", relation_json(answer.book, c.relation)}});
    }
    out = {{"since", date_or_null(answer.since)},
           {"until", date_or_null(answer.until)},
           {"changes", list},
           {"undated", answer.undated}};
}

void to_json(nlohmann::json& out, const TimelineAnswer& answer) {
    std::visit([&](const auto& shown) { to_json(out, shown); }, answer);
}

}  // namespace kizuna
