#include "answer_builder.h"

namespace kizuna::queries {

const Entity& AnswerBuilder::entity(VertexId v) {
    if (const auto found = fetched_.find(v); found != fetched_.end()) return *found->second;
    Entity fetched = snapshot_.entity(v);
    std::string id = fetched.id;
    book_.keep_kind(fetched.kind, snapshot_.graph().entity_kinds());
    const Entity& kept = book_.entities.insert_or_assign(std::move(id), std::move(fetched)).first->second;
    fetched_.emplace(v, &kept);
    return kept;
}

Relation AnswerBuilder::relation(RelationIndex r) {
    const Graph& graph = snapshot_.graph();
    const RelationType& type = graph.type(r);
    book_.types.try_emplace(type.id, type);
    (void)entity(graph.from(r));
    (void)entity(graph.to(r));
    return snapshot_.relation(r);
}

}  // namespace kizuna::queries
