#pragma once
// The executor's physical operators (operators/*.cpp, one per file or small family), made from the
// logical plan (logical_plan.h). Each pulls rows from its input (Volcano style); those that must see
// every row first (sorting, grouping, and every writing clause, so that a clause never reads its own
// writes) gather their input before giving any row. Each counts its rows and time for PROFILE, and
// every row of every operator ticks the budget's clock (Operator::next).
#include <chrono>
#include <memory>
#include <string>

#include "ast.h"
#include "evaluator.h"

namespace kizuna::cypher {

class Operator {
  public:
    Operator(std::string name, std::unique_ptr<Operator> input)
        : name_(std::move(name)), input_(std::move(input)) {}
    virtual ~Operator() = default;
    // The next row, or false when there are no more.
    bool next(Row& row, Context& context);
    // Runs what must run even when no row is asked for (writes), down the chain.
    virtual void finish(Context& context);

    [[nodiscard]] const std::string& name() const { return name_; }
    std::string detail;
    [[nodiscard]] const Operator* input() const { return input_.get(); }
    [[nodiscard]] std::size_t rows() const { return rows_; }
    [[nodiscard]] std::chrono::nanoseconds time() const { return time_; }

  protected:
    virtual bool produce(Row& row, Context& context) = 0;
    bool pull(Row& row, Context& context) { return input_->next(row, context); }
    // Rows (or keys, or values) this operator keeps, counted on the memory budget until released.
    void hold(const Row& row, Context& context);
    void release(const Row& row, Context& context);
    void release_held(Context& context);
    std::size_t held_bytes_ = 0;
    std::string name_;
    std::unique_ptr<Operator> input_;

  private:
    std::size_t rows_ = 0;
    std::chrono::nanoseconds time_{0};
};

// An operator that gathers its rows first (gather() fills out_), then gives them;, releasing what was held at
// the end.
class GatheringOperator : public Operator {
  public:
    using Operator::Operator;

  protected:
    bool produce(Row& row, Context& context) override {
        if (!gathered_) {
            gathered_ = true;
            gather(context);
        }
        if (at_ >= out_.size()) {
            out_.clear();
            release_held(context);
            return false;
        }
        row = std::move(out_[at_++]);
        return true;
    }
    virtual void gather(Context& context) = 0;
    std::vector<Row> out_;

  private:
    bool gathered_ = false;
    std::size_t at_ = 0;
};

// Helpers the operators share.
void check_held(std::size_t held, const Context& context);
struct RowLess {
    bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
        for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
            if (auto c = order(a[i], b[i])) return c < 0;
        }
        return a.size() < b.size();
    }
};

struct LogicalOp;
using OperatorPtr = std::unique_ptr<Operator>;

// One empty row: where every query starts; or, for a subquery, the row of the enclosing query.
[[nodiscard]] OperatorPtr make_start(int width, const Row* seed = nullptr);
[[nodiscard]] OperatorPtr make_unwind(OperatorPtr input, const Clause& clause);
// WITH and RETURN, as a chain: project or aggregate, filter (WITH ... WHERE), distinct, sort or top-k,
// skip, limit.
[[nodiscard]] OperatorPtr make_project(OperatorPtr input, const Projection& projection);
[[nodiscard]] OperatorPtr make_aggregate(OperatorPtr input, const Projection& projection);
[[nodiscard]] OperatorPtr make_filter(OperatorPtr input, ExprPtr predicate);
[[nodiscard]] OperatorPtr make_distinct(OperatorPtr input, const Projection& projection);
[[nodiscard]] OperatorPtr make_sort(OperatorPtr input, const Projection& projection);
// The first `keep` rows in the order of ORDER BY, held in a heap as they come.
[[nodiscard]] OperatorPtr make_top_k(OperatorPtr input, const Projection& projection, std::size_t keep);
[[nodiscard]] OperatorPtr make_skip(OperatorPtr input, std::size_t count);
[[nodiscard]] OperatorPtr make_limit(OperatorPtr input, std::size_t count);
[[nodiscard]] OperatorPtr make_create(OperatorPtr input, const Clause& clause);
// MERGE: the pattern's operators (inner, from an argument seeded with each row), else its creation.
[[nodiscard]] OperatorPtr make_merge(OperatorPtr input, const Clause& clause, const LogicalOp& inner);
[[nodiscard]] OperatorPtr make_set(OperatorPtr input, const Clause& clause);
[[nodiscard]] OperatorPtr make_remove(OperatorPtr input, const Clause& clause);
[[nodiscard]] OperatorPtr make_delete(OperatorPtr input, const Clause& clause);

}  // namespace kizuna::cypher
