// DISTINCT: the first row of each combination of the projected items, in input order; the keys seen
// are held (and counted on the budget) until the operator is done.
#include <set>

#include "operators/operator.h"

namespace kizuna::cypher {
namespace {

class Distinct : public Operator {
  public:
    Distinct(OperatorPtr input, const Projection& projection)
        : Operator("Distinct", std::move(input)), p_(projection) {}

  protected:
    bool produce(Row& row, Context& context) override {
        while (pull(row, context)) {
            std::vector<Value> key;
            key.reserve(p_.items.size());
            for (const auto& item : p_.items) key.push_back(row[static_cast<std::size_t>(item.slot)]);
            if (seen_.count(key)) continue;
            hold(key, context);
            seen_.insert(std::move(key));
            check_held(seen_.size(), context);
            return true;
        }
        seen_.clear();
        release_held(context);
        return false;
    }

  private:
    const Projection& p_;
    std::set<std::vector<Value>, RowLess> seen_;
};

}  // namespace

OperatorPtr make_distinct(OperatorPtr input, const Projection& projection) {
    return std::make_unique<Distinct>(std::move(input), projection);
}

}  // namespace kizuna::cypher
