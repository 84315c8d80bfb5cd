#pragma once
// The executor's operators. Each pulls rows from its input (Volcano style); those that must see every
// row first (sorting, grouping, DISTINCT, and every writing clause, so that a clause never reads its own
// writes) gather their input before giving any row. Each counts its rows and time for PROFILE.
#include <chrono>
#include <memory>
#include <string>

#include "ast.h"
#include "evaluator.h"
#include "matcher.h"

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

// One empty row: where every query starts; or, for a subquery, the row of the enclosing query.
[[nodiscard]] std::unique_ptr<Operator> make_start(int width, const Row* seed = nullptr);
[[nodiscard]] std::unique_ptr<Operator> make_match(std::unique_ptr<Operator> input, const Clause& clause,
                                                   const PropertyGraph& graph);
[[nodiscard]] std::unique_ptr<Operator> make_unwind(std::unique_ptr<Operator> input, const Clause& clause);
[[nodiscard]] std::unique_ptr<Operator> make_projection(std::unique_ptr<Operator> input, const Clause& clause,
                                                        Context& context);
[[nodiscard]] std::unique_ptr<Operator> make_create(std::unique_ptr<Operator> input, const Clause& clause);
[[nodiscard]] std::unique_ptr<Operator> make_merge(std::unique_ptr<Operator> input, const Clause& clause);
[[nodiscard]] std::unique_ptr<Operator> make_set(std::unique_ptr<Operator> input, const Clause& clause);
[[nodiscard]] std::unique_ptr<Operator> make_remove(std::unique_ptr<Operator> input, const Clause& clause);
[[nodiscard]] std::unique_ptr<Operator> make_delete(std::unique_ptr<Operator> input, const Clause& clause);

}  // namespace kizuna::cypher
