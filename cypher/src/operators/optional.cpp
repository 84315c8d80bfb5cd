// Optional (OPTIONAL MATCH): for each input row, the rows of the inner operators started from it (an
// argument seeded with the row); when they give none, the row itself with the clause's new variables
// null.
#include "operators/operator.h"
#include "operators/pattern_support.h"

namespace kizuna::cypher {
namespace {

class Optional : public Operator {
  public:
    Optional(OperatorPtr input, const Clause& clause, const LogicalOp& inner)
        : Operator("Optional", std::move(input)), clause_(clause), inner_(inner) {}

  protected:
    bool produce(Row& row, Context& context) override {
        for (;;) {
            if (running_) {
                if (running_->next(row, context)) {
                    matched_ = true;
                    return true;
                }
                running_.reset();
                if (!matched_) {
                    row = std::move(in_);
                    for (int s : clause_.introduced) row[static_cast<std::size_t>(s)] = Value();
                    return true;
                }
            }
            if (!pull(in_, context)) return false;
            running_ = physical_plan(inner_, context, &in_);
            matched_ = false;
        }
    }

  private:
    const Clause& clause_;
    const LogicalOp& inner_;
    Row in_;
    OperatorPtr running_;
    bool matched_ = false;
};

}  // namespace

OperatorPtr make_optional(OperatorPtr input, const Clause& clause, const LogicalOp& inner) {
    return std::make_unique<Optional>(std::move(input), clause, inner);
}

}  // namespace kizuna::cypher
