#include "kizuna/queries/answers/answer_book.h"

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

std::string AnswerBook::direction(const Relation& relation, const std::string& viewpoint) const {
    const RelationType* found = type(relation.type);
    if (found != nullptr && !found->directed) return "symmetric";
    return relation.from == viewpoint ? "outgoing" : "incoming";
}

}  // namespace kizuna
