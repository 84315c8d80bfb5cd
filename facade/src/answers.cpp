// The typed answers, read from the JSON of the application layer's answers (their to_json, which the
// command line prints with --format json and the HTTP API sends): the text is that JSON, and the typed
// fields are read from it, so that the two cannot disagree.
#include <map>

#include "facade_internal.h"

namespace kizuna::api {

namespace {

using nlohmann::json;

const json& member(const json& j, const char* key) {
    static const json null;
    if (!j.is_object()) return null;
    const auto found = j.find(key);
    return found == j.end() ? null : *found;
}

std::vector<Relation> relations_from(const json& list) {
    std::vector<Relation> out;
    if (list.is_array()) {
        for (const auto& relation : list) out.push_back(relation_from(relation));
    }
    return out;
}

std::vector<PartnersAnswer::Partner> partners_from(const json& list) {
    std::vector<PartnersAnswer::Partner> out;
    if (!list.is_array()) return out;
    for (const auto& row : list) {
        out.push_back({entity_from(member(row, "partner")), row.value("direction", std::string()),
                       relation_from(member(row, "relation"))});
    }
    return out;
}

std::string string_of(const json& value) {
    return value.is_string() ? value.get<std::string>() : std::string();
}

std::map<std::string, std::size_t> counts_from(const json& object) {
    std::map<std::string, std::size_t> out;
    if (!object.is_object()) return out;
    for (const auto& [key, count] : object.items()) out.emplace(key, count.get<std::size_t>());
    return out;
}

std::vector<StatsAnswer::Ranked> ranking_from(const json& list) {
    std::vector<StatsAnswer::Ranked> out;
    if (!list.is_array()) return out;
    for (const auto& row : list) out.push_back({row.value("id", std::string()), row.value("score", 0.0)});
    return out;
}

template <typename Typed>
Typed with_text(Typed answer, const json& j) {
    AnswerAccess::set_json(answer, j);
    return answer;
}

}  // namespace

void AnswerAccess::set_json(Answer& answer, const json& j) {
    answer.json_ = j.dump(2, ' ', false, json::error_handler_t::replace);
}

SearchAnswer search_answer_from(const json& j) {
    SearchAnswer answer;
    for (const auto& hit : j) {
        const json& matched = member(hit, "matched");
        answer.hits.push_back(
            {entity_from(hit), string_of(member(matched, "field")), string_of(member(matched, "text"))});
    }
    return with_text(std::move(answer), j);
}

ShowAnswer show_answer_from(const json& j) {
    ShowAnswer answer;
    if (j.contains("entity")) answer.entity = entity_from(j["entity"]);
    if (j.contains("relation")) answer.relation = relation_from(j["relation"]);
    answer.relations = relations_from(member(j, "relations"));
    return with_text(std::move(answer), j);
}

PartnersAnswer partners_answer_from(const json& j) {
    PartnersAnswer answer;
    answer.entity = entity_from(member(j, "entity"));
    answer.partners = partners_from(member(j, "partners"));
    answer.date_unknown = partners_from(member(j, "date_unknown"));
    answer.left_out = left_out_from(member(j, "left_out"));
    return with_text(std::move(answer), j);
}

PathAnswer path_answer_from(const json& j) {
    PathAnswer answer;
    answer.from = string_of(member(j, "from"));
    answer.to = string_of(member(j, "to"));
    for (const auto& path : member(j, "paths")) {
        PathAnswer::Path one;
        for (const auto& node : member(path, "nodes")) one.nodes.push_back(string_of(node));
        one.relations = relations_from(member(path, "relations"));
        answer.paths.push_back(std::move(one));
    }
    if (const json& entities = member(j, "entities"); entities.is_object()) {
        for (const auto& [id, entity] : entities.items()) answer.entities.emplace(id, entity_from(entity));
    }
    answer.truncated = member(j, "truncated").is_boolean() && member(j, "truncated").get<bool>();
    answer.left_out = left_out_from(member(j, "left_out"));
    return with_text(std::move(answer), j);
}

CommonAnswer common_answer_from(const json& j) {
    CommonAnswer answer;
    answer.a = string_of(member(j, "a"));
    answer.b = string_of(member(j, "b"));
    for (const auto& shared : member(j, "common")) {
        answer.common.push_back({entity_from(member(shared, "entity")),
                                 relations_from(member(shared, "with_a")),
                                 relations_from(member(shared, "with_b"))});
    }
    answer.left_out = left_out_from(member(j, "left_out"));
    return with_text(std::move(answer), j);
}

EgoAnswer ego_answer_from(const json& j) {
    EgoAnswer answer;
    answer.centre = string_of(member(j, "centre"));
    answer.radius = member(j, "radius").is_number() ? member(j, "radius").get<std::size_t>() : 0;
    for (const auto& entity : member(j, "entities")) {
        answer.entities.push_back({entity_from(entity), entity.value("distance", std::size_t{0})});
    }
    answer.relations = relations_from(member(j, "relations"));
    answer.left_out = left_out_from(member(j, "left_out"));
    return with_text(std::move(answer), j);
}

TimelineAnswer timeline_answer_from(const json& j) {
    TimelineAnswer answer;
    if (member(j, "entity").is_string()) answer.entity = j["entity"].get<std::string>();
    answer.relations = relations_from(member(j, "relations"));
    answer.date_unknown = relations_from(member(j, "date_unknown"));
    for (const auto& change : member(j, "changes")) {
        answer.changes.push_back({string_of(member(change, "change")), string_of(member(change, "date")),
                                  member(change, "possibly").is_boolean() && change["possibly"].get<bool>(),
                                  relation_from(member(change, "relation"))});
    }
    return with_text(std::move(answer), j);
}

StatsAnswer stats_answer_from(const json& j) {
    StatsAnswer answer;
    answer.entities = j.value("entities", std::size_t{0});
    answer.relations = j.value("relations", std::size_t{0});
    answer.components = j.value("components", std::size_t{0});
    answer.by_kind = counts_from(member(j, "by_kind"));
    answer.by_country = counts_from(member(j, "by_country"));
    answer.by_type = counts_from(member(j, "by_type"));
    answer.by_degree = ranking_from(member(j, "by_degree"));
    answer.by_betweenness = ranking_from(member(j, "by_betweenness"));
    return with_text(std::move(answer), j);
}

namespace {

// A yearly history names its members by id, each entity given once in the answer's "entities".
std::vector<CommunitiesAnswer::Group> groups_from(const json& list,
                                                  const std::map<std::string, Entity>& by_id) {
    std::vector<CommunitiesAnswer::Group> out;
    if (!list.is_array()) return out;
    for (const auto& g : list) {
        CommunitiesAnswer::Group group;
        group.number = g.value("community", std::size_t{0});
        group.relations = g.value("relations", std::size_t{0});
        for (const auto& m : member(g, "members")) {
            if (!m.is_string()) {
                group.members.push_back(entity_from(m));
            } else if (const auto found = by_id.find(m.get<std::string>()); found != by_id.end()) {
                group.members.push_back(found->second);
            } else {
                Entity unnamed;
                unnamed.id = m.get<std::string>();
                group.members.push_back(std::move(unnamed));
            }
        }
        out.push_back(std::move(group));
    }
    return out;
}

std::vector<std::size_t> numbers_from(const json& list) {
    std::vector<std::size_t> out;
    if (list.is_array()) {
        for (const auto& n : list) out.push_back(n.is_number_unsigned() ? n.get<std::size_t>() : 0);
    }
    return out;
}

}  // namespace

CommunitiesAnswer communities_answer_from(const json& j) {
    CommunitiesAnswer answer;
    std::map<std::string, Entity> by_id;
    for (const auto& e : member(j, "entities")) {
        if (e.is_object()) {
            Entity entity = entity_from(e);
            by_id.emplace(entity.id, std::move(entity));
        }
    }
    answer.groups = groups_from(member(j, "communities"), by_id);
    answer.modularity = j.value("modularity", 0.0);
    for (const auto& y : member(j, "years")) {
        answer.years.push_back(
            {y.value("year", 0), groups_from(member(y, "communities"), by_id), y.value("modularity", 0.0)});
    }
    for (const auto& e : member(j, "events")) {
        answer.events.push_back({e.value("year", 0), string_of(member(e, "event")),
                                 numbers_from(member(e, "before")), numbers_from(member(e, "after")),
                                 relations_from(member(e, "relations"))});
    }
    answer.left_out = left_out_from(member(j, "left_out"));
    return with_text(std::move(answer), j);
}

ListAnswer list_answer_from(const json& j) {
    ListAnswer answer;
    for (const auto& entity : member(j, "entities")) answer.entities.push_back(entity_from(entity));
    answer.relations = relations_from(member(j, "relations"));
    answer.date_unknown = relations_from(member(j, "date_unknown"));
    return with_text(std::move(answer), j);
}

QueryAnswer query_answer_from(const json& j) {
    QueryAnswer answer;
    for (const auto& column : member(j, "columns")) answer.columns.push_back(string_of(column));
    for (const auto& row : member(j, "rows")) {
        std::map<std::string, Value> values;
        for (const auto& [column, value] : row.items()) values.emplace(column, value_from(value));
        answer.rows.push_back(std::move(values));
    }
    answer.wrote = j.contains("writes");
    return with_text(std::move(answer), j);
}

ImportReport import_report_from(const json& j) {
    ImportReport report;
    report.dry_run = member(j, "dry_run").is_boolean() && j["dry_run"].get<bool>();
    for (auto [key, counts] : {std::pair{"read", &report.read}, std::pair{"changed", &report.changed}}) {
        const json& object = member(j, key);
        if (!object.is_object()) continue;
        counts->relation_types = object.value("relation_types", std::size_t{0});
        counts->entities = object.value("entities", std::size_t{0});
        counts->relations = object.value("relations", std::size_t{0});
        counts->entity_kinds = object.value("entity_kinds", std::size_t{0});
    }
    for (const auto& read_as : member(j, "encodings")) {
        report.encodings.push_back(
            {string_of(member(read_as, "file")), string_of(member(read_as, "encoding"))});
    }
    return with_text(std::move(report), j);
}

DuplicatesAnswer duplicates_answer_from(const json& j) {
    DuplicatesAnswer answer;
    for (const auto& p : member(j, "pairs")) {
        DuplicatesAnswer::Pair pair{
            entity_from(member(p, "a")), entity_from(member(p, "b")), p.value("score", 0.0), {}};
        for (const auto& r : member(p, "reasons"))
            pair.reasons.push_back(
                {string_of(member(r, "reason")), string_of(member(r, "detail")), r.value("weight", 0.0)});
        answer.pairs.push_back(std::move(pair));
    }
    answer.entities = j.value("entities", std::size_t{0});
    answer.candidates = j.value("candidates", std::size_t{0});
    answer.left_out = j.value("left_out", std::size_t{0});
    return with_text(std::move(answer), j);
}

MergeAnswer merge_answer_from(const json& j) {
    MergeAnswer answer;
    answer.dry_run = j.value("dry_run", false);
    answer.change = j.value("change", std::int64_t{0});
    answer.keep = entity_from(member(j, "keep"));
    answer.other = entity_from(member(j, "other"));
    answer.repointed = relations_from(member(j, "repointed"));
    answer.dropped = relations_from(member(j, "dropped"));
    for (const auto& f : member(j, "folded"))
        answer.folded.push_back({relation_from(member(f, "relation")), string_of(member(f, "into"))});
    for (const auto& a : member(j, "added")) answer.added.push_back(string_of(a));
    for (const auto& c : member(j, "conflicts"))
        answer.conflicts.push_back(
            {string_of(member(c, "field")), string_of(member(c, "kept")), string_of(member(c, "dropped"))});
    return with_text(std::move(answer), j);
}

NotDuplicatesAnswer not_duplicates_answer_from(const json& j) {
    NotDuplicatesAnswer answer;
    answer.a = string_of(member(j, "a"));
    answer.b = string_of(member(j, "b"));
    answer.recorded = j.value("recorded", false);
    answer.change = j.value("change", std::int64_t{0});
    return with_text(std::move(answer), j);
}

}  // namespace kizuna::api
