// The base of every operator: counting rows (and time under PROFILE), ticking the clock for every row,
// and the memory the operator holds; and Start, the first operator of every chain.
#include "operators/operator.h"

namespace kizuna::cypher {

void Operator::finish(Context& context) {
    if (input_) input_->finish(context);
}

void Operator::hold(const Row& row, Context& context) {
    const auto bytes = footprint(row);
    context.budget.hold(bytes);
    held_bytes_ += bytes;
}

void Operator::release(const Row& row, Context& context) {
    const auto bytes = std::min(footprint(row), held_bytes_);
    context.budget.release(bytes);
    held_bytes_ -= bytes;
}

void Operator::release_held(Context& context) {
    context.budget.release(held_bytes_);
    held_bytes_ = 0;
}

bool Operator::next(Row& row, Context& context) {
    context.tick();  // every row of every operator counts on the clock
    if (!context.profile) {
        const bool got = produce(row, context);
        rows_ += got ? 1 : 0;
        return got;
    }
    // Reading the clock for every row costs a few percent: PROFILE only.
    const auto start = std::chrono::steady_clock::now();
    const bool got = produce(row, context);
    time_ += std::chrono::steady_clock::now() - start;
    if (got) ++rows_;
    return got;
}

void check_held(std::size_t held, const Context& context) {
    context.budget.check_rows(held, "the query holds");
}

namespace {

class Start : public Operator {
  public:
    Start(int width, const Row* seed) : Operator("Start", nullptr), width_(width), seed_(seed) {}

  protected:
    bool produce(Row& row, Context&) override {
        if (done_) return false;
        done_ = true;
        if (seed_) {
            row = *seed_;
        } else {
            row.assign(static_cast<std::size_t>(width_), Value());
        }
        return true;
    }

  private:
    int width_;
    const Row* seed_;
    bool done_ = false;
};

}  // namespace

OperatorPtr make_start(int width, const Row* seed) { return std::make_unique<Start>(width, seed); }

}  // namespace kizuna::cypher
