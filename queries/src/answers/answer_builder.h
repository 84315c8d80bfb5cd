#pragma once
// Private to queries: fills an answer's book while the answer fetches its rows from one snapshot, each
// entity once.
#include <unordered_map>
#include <vector>

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

// Where a row of a listing goes under the filter's undated policy (filter.h): a relation with a state in
// the window (or any relation without a window) into rows; one of unknown date into date_unknown
// (Separate), the left-out count (Exclude) or rows (Include).
template <typename Row>
void place_by_date(const AnswerBook& book, UndatedPolicy policy, const Relation& relation, Row row,
                   std::vector<Row>& rows, std::vector<Row>& date_unknown, LeftOut& left_out) {
    if (book.activity(relation) != Activity::DateUnknown || policy == UndatedPolicy::Include) {
        rows.push_back(std::move(row));
    } else if (policy == UndatedPolicy::Separate) {
        date_unknown.push_back(std::move(row));
    } else {
        ++left_out.undated;
    }
}

}  // namespace kizuna::queries
