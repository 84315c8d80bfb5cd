// SKIP and LIMIT. Limit stops pulling once it has given its rows, so that nothing upstream runs on.
#include "operators/operator.h"

namespace kizuna::cypher {
namespace {

class Skip : public Operator {
  public:
    Skip(OperatorPtr input, std::size_t count) : Operator("Skip", std::move(input)), count_(count) {}

  protected:
    bool produce(Row& row, Context& context) override {
        for (; skipped_ < count_; ++skipped_) {
            if (!pull(row, context)) return false;
        }
        return pull(row, context);
    }

  private:
    std::size_t count_;
    std::size_t skipped_ = 0;
};

class Limit : public Operator {
  public:
    Limit(OperatorPtr input, std::size_t count) : Operator("Limit", std::move(input)), count_(count) {}

  protected:
    bool produce(Row& row, Context& context) override {
        if (given_ >= count_ || !pull(row, context)) return false;
        ++given_;
        return true;
    }

  private:
    std::size_t count_;
    std::size_t given_ = 0;
};

}  // namespace

OperatorPtr make_skip(OperatorPtr input, std::size_t count) {
    return std::make_unique<Skip>(std::move(input), count);
}

OperatorPtr make_limit(OperatorPtr input, std::size_t count) {
    return std::make_unique<Limit>(std::move(input), count);
}

}  // namespace kizuna::cypher
