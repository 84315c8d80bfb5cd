// Projection (WITH and RETURN without aggregates): each item evaluated into its slot, row by row.
#include "operators/operator.h"

namespace kizuna::cypher {

void project_items(const Projection& p, Row& row, Context& context) {
    // Evaluated before any is stored, so that `WITH a.x AS a, a AS b` reads the old a.
    std::vector<Value> values;
    values.reserve(p.items.size());
    for (const auto& item : p.items) values.push_back(evaluate(*item.expr, row, context));
    for (std::size_t i = 0; i < values.size(); ++i)
        row[static_cast<std::size_t>(p.items[i].slot)] = std::move(values[i]);
}

namespace {

class Project : public Operator {
  public:
    Project(OperatorPtr input, const Projection& projection)
        : Operator("Project", std::move(input)), p_(projection) {}

  protected:
    bool produce(Row& row, Context& context) override {
        if (!pull(row, context)) return false;
        project_items(p_, row, context);
        return true;
    }

  private:
    const Projection& p_;
};

class Filter : public Operator {
  public:
    Filter(OperatorPtr input, ExprPtr predicate)
        : Operator("Filter", std::move(input)), predicate_(std::move(predicate)) {}

  protected:
    bool produce(Row& row, Context& context) override {
        while (pull(row, context)) {
            if (is_true(*predicate_, row, context)) return true;
        }
        return false;
    }

  private:
    ExprPtr predicate_;
};

}  // namespace

OperatorPtr make_project(OperatorPtr input, const Projection& projection) {
    return std::make_unique<Project>(std::move(input), projection);
}

OperatorPtr make_filter(OperatorPtr input, ExprPtr predicate) {
    return std::make_unique<Filter>(std::move(input), std::move(predicate));
}

}  // namespace kizuna::cypher
