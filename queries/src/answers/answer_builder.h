#pragma once
// Private to queries: fills an answer's book while the answer fetches its rows from one snapshot, each
// entity once.
#include <unordered_map>

#include "kizuna/core/snapshot.h"
#include "kizuna/queries/answers/answer_book.h"

namespace kizuna::queries {

class AnswerBuilder {
  public:
    AnswerBuilder(const Snapshot& snapshot, AnswerBook& book) : snapshot_(snapshot), book_(book) {}

    // The entity of v, fetched once and kept in the book.
    const Entity& entity(VertexId v);
    // The relation r, with its type and both ends kept in the book.
    [[nodiscard]] Relation relation(RelationIndex r);
    [[nodiscard]] const Graph& graph() const { return snapshot_.graph(); }
    [[nodiscard]] const Snapshot& snapshot() const { return snapshot_; }

  private:
    const Snapshot& snapshot_;
    AnswerBook& book_;
    std::unordered_map<VertexId, const Entity*> fetched_;
};

}  // namespace kizuna::queries
