#include "kizuna/queries/answers/answer_book.h"

#include <nlohmann/json.hpp>

#include "kizuna/core/json.h"
#include "kizuna/core/vocabulary.h"

namespace kizuna {

const Entity* AnswerBook::entity(const std::string& id) const {
    const auto found = entities.find(id);
    return found == entities.end() ? nullptr : &found->second;
}

const RelationType* AnswerBook::type(const std::string& id) const {
    const auto found = types.find(id);
    return found == types.end() ? nullptr : &found->second;
}

std::string AnswerBook::name(const std::string& id, const std::string& lang) const {
    const Entity* found = entity(id);
    return found != nullptr ? display_name(*found, lang) : id;
}

std::string AnswerBook::label(const std::string& type_id, const std::string& lang) const {
    const RelationType* found = type(type_id);
    return found != nullptr ? display_label(*found, lang) : type_id;
}

std::string AnswerBook::kind_name(const std::string& kind, const std::string& lang) const {
    const auto found = kinds.find(kind);
    return found != kinds.end() ? display_label(found->second, lang) : kind;
}

void AnswerBook::keep_kind(const std::string& kind, const std::vector<EntityKind>& vocabulary) {
    if (kinds.count(kind) != 0) return;
    if (const EntityKind* entry = find_kind(vocabulary, kind)) kinds.emplace(kind, *entry);
}

std::string AnswerBook::direction(const Relation& relation, const std::string& viewpoint) const {
    const RelationType* found = type(relation.type);
    if (found != nullptr && !found->directed) return "symmetric";
    return relation.from == viewpoint ? "outgoing" : "incoming";
}

std::string AnswerBook::category(const Relation& relation) const {
    const RelationType* found = type(relation.type);
    return found != nullptr ? found->category : "other";
}

std::optional<Activity> AnswerBook::activity(const Relation& relation) const {
    if (!window) return std::nullopt;
    return kizuna::activity(relation.start, relation.end, *window);
}

nlohmann::json relation_json(const AnswerBook& book, const Relation& relation) {
    nlohmann::json out = relation;
    out["category"] = book.category(relation);
    if (const auto state = book.activity(relation)) out["activity"] = activity_key(*state);
    return out;
}

nlohmann::json relations_json(const AnswerBook& book, const std::vector<Relation>& relations) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& relation : relations) out.push_back(relation_json(book, relation));
    return out;
}

void to_json(nlohmann::json& out, const LeftOut& left_out) {
    out = {{"evidence", left_out.evidence}, {"undated", left_out.undated}};
}

}  // namespace kizuna
