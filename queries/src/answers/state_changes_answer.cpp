#include "kizuna/queries/answers/state_changes_answer.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "answer_builder.h"
#include "kizuna/core/json.h"

namespace kizuna {

namespace {

const char* placement_key(Placement placement) {
    switch (placement) {
        case Placement::Inside:
            return "inside";
        case Placement::PossiblyInside:
            return "possibly_inside";
        case Placement::Outside:
            break;
    }
    return "outside";
}

bool member_of(const CommunitiesAnswer& groups, int year, const std::vector<std::size_t>& numbers,
               const std::string& entity) {
    for (const auto& y : groups.years) {
        if (y.year != year) continue;
        for (const auto& g : y.groups) {
            if (std::find(numbers.begin(), numbers.end(), g.number) != numbers.end() &&
                std::find(g.members.begin(), g.members.end(), entity) != g.members.end())
                return true;
        }
    }
    return false;
}

// With an entity: only the events of groups it was in, the year before or the year of the event.
void keep_entity_events(CommunitiesAnswer& groups, const std::string& entity) {
    std::erase_if(groups.events, [&](const CommunityEventRow& event) {
        return !member_of(groups, event.year - 1, event.before, entity) &&
               !member_of(groups, event.year, event.after, entity);
    });
}

std::vector<StateChangeCategory> by_category(queries::AnswerBuilder& builder, const StateChanges& found,
                                             AnswerBook& book) {
    std::vector<StateChangeCategory> out;
    for (const auto& category : relation_categories()) out.push_back({category.id, {}});
    for (const StateChange& change : found.changes) {
        StateChangeRow row{builder.relation(change.relation), change.before, change.after, change.began,
                           change.ended};
        const std::string category = book.category(row.relation);
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& c) { return c.category == category; });
        if (it == out.end()) it = out.insert(out.end(), {category, {}});
        it->rows.push_back(std::move(row));
    }
    std::erase_if(out, [](const StateChangeCategory& c) { return c.rows.empty(); });
    return out;
}

}  // namespace

StateChangesAnswer answer_state_changes(const Snapshot& snapshot, const StateChangesQuery& query) {
    StateChangesAnswer answer;
    queries::AnswerBuilder builder(snapshot, answer.book);
    answer.from = query.from.to_string();
    answer.to = query.to.to_string();
    if (query.entity) answer.entity = builder.entity(*query.entity).id;
    const StateChanges found =
        state_changes(snapshot.graph(), query.filter, query.from, query.to, query.entity);
    answer.undated = found.undated;
    answer.categories = by_category(builder, found, answer.book);
    CommunityQuery groups = query.groups;
    groups.filter = RelationFilter{};  // each year sets its own dates; the types are the query's
    groups.filter.types = query.filter.types;
    groups.filter.exclude_types = query.filter.exclude_types;
    groups.filter.include_evidence = query.filter.include_evidence;
    answer.groups = answer_community_history(snapshot, groups, query.from.year(), query.to.year());
    if (answer.entity) keep_entity_events(answer.groups, *answer.entity);
    return answer;
}

std::vector<std::string> change_words(const StateChangeRow& row) {
    std::vector<std::string> words;
    if (row.began == Placement::Inside) words.emplace_back("began");
    if (row.began == Placement::PossiblyInside) words.emplace_back("possibly began");
    if (row.ended == Placement::Inside) words.emplace_back("ended");
    if (row.ended == Placement::PossiblyInside) words.emplace_back("possibly ended");
    if (words.empty()) words.emplace_back("state changed");
    return words;
}

void to_json(nlohmann::json& out, const StateChangesAnswer& answer) {
    nlohmann::json categories = nlohmann::json::array();
    for (const auto& category : answer.categories) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& row : category.rows) {
            rows.push_back({{"relation", relation_json(answer.book, row.relation)},
                            {"change", change_words(row)},
                            {"before", activity_key(row.before)},
                            {"after", activity_key(row.after)},
                            {"began", placement_key(row.began)},
                            {"ended", placement_key(row.ended)}});
        }
        categories.push_back({{"category", category.category}, {"changes", rows}});
    }
    out = {{"from", answer.from},
           {"to", answer.to},
           {"entity", answer.entity ? nlohmann::json(*answer.entity) : nlohmann::json()},
           {"categories", categories},
           {"undated", answer.undated},
           {"groups", answer.groups}};
    out["entities"] = nlohmann::json::object();
    for (const auto& [id, entity] : answer.book.entities) out["entities"][id] = entity;
}

}  // namespace kizuna
