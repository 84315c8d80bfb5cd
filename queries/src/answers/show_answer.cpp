#include "kizuna/queries/answers/show_answer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "answer_builder.h"
#include "kizuna/core/json.h"
#include "kizuna/queries/partners.h"

namespace kizuna {

namespace {

RelationAnswer relation_answer(const Snapshot& snapshot, Relation relation) {
    RelationAnswer answer{std::move(relation), {}};
    const Store& store = snapshot.store();
    if (auto type = store.relation_type(answer.relation.type)) answer.book.types.emplace(type->id, *type);
    for (const auto& id : {answer.relation.from, answer.relation.to}) {
        if (auto entity = store.entity(id)) {
            answer.book.keep_kind(entity->kind, snapshot.graph().entity_kinds());
            answer.book.entities.emplace(id, std::move(*entity));
        }
    }
    return answer;
}

}  // namespace

ShowAnswer answer_show(const Snapshot& snapshot, const std::string& name) {
    const Store& store = snapshot.store();
    if (!store.entity(name)) {
        if (auto relation = store.relation(name)) return relation_answer(snapshot, std::move(*relation));
    }
    const VertexId v = snapshot.vertex(name);
    EntityAnswer answer;
    queries::AnswerBuilder builder(snapshot, answer.book);
    answer.entity = builder.entity(v);
    // The entity's relations from its row of the graph (the store keeps no index by endpoint).
    PartnerQuery everything;
    everything.filter.include_evidence = true;  // show lists every relation, evidence marked as such
    for (const auto& link : partners(snapshot.graph(), v, everything))
        answer.relations.push_back(builder.relation(link.relation));
    auto key = [](const Relation& r) {
        return std::make_tuple(!r.start.has_value(), r.start ? r.start->to_string() : std::string(), r.id);
    };
    std::sort(answer.relations.begin(), answer.relations.end(),
              [&](const Relation& a, const Relation& b) { return key(a) < key(b); });
    return answer;
}

void to_json(nlohmann::json& out, const EntityAnswer& answer) {
    out = {{"entity", answer.entity}, {"relations", relations_json(answer.book, answer.relations)}};
}

void to_json(nlohmann::json& out, const RelationAnswer& answer) {
    out = {{"relation", relation_json(answer.book, answer.relation)}};
}

void to_json(nlohmann::json& out, const ShowAnswer& answer) {
    std::visit([&](const auto& shown) { to_json(out, shown); }, answer);
}

}  // namespace kizuna
