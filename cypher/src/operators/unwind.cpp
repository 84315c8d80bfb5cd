// UNWIND: one row per element of the list (a value that is not a list is one element, null none).
#include "operators/operator.h"

namespace kizuna::cypher {
namespace {

class Unwind : public Operator {
  public:
    Unwind(std::unique_ptr<Operator> input, const Clause& clause)
        : Operator("Unwind", std::move(input)), clause_(clause) {
        detail = clause.expr->text + " AS " + clause.var;
    }

  protected:
    bool produce(Row& row, Context& context) override {
        for (;;) {
            if (at_ < size_) {
                row = current_;
                row[static_cast<std::size_t>(clause_.slot)] =
                    list_.type() == Value::Type::List ? list_.as_list()[at_] : list_;
                ++at_;
                return true;
            }
            if (!pull(current_, context)) return false;
            // The list is shared, not copied: UNWIND range(...) holds it once.
            list_ = evaluate(*clause_.expr, current_, context);
            at_ = 0;
            size_ = list_.type() == Value::Type::List ? list_.as_list().size() : list_.is_null() ? 0 : 1;
        }
    }

  private:
    const Clause& clause_;
    Row current_;
    Value list_;
    std::size_t size_ = 0;
    std::size_t at_ = 0;
};

}  // namespace

OperatorPtr make_unwind(OperatorPtr input, const Clause& clause) {
    return std::make_unique<Unwind>(std::move(input), clause);
}

}  // namespace kizuna::cypher
