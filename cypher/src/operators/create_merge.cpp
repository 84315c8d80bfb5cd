// CREATE, and MERGE (match the whole pattern, else create it; ON MATCH / ON CREATE SET).
#include "kizuna/cypher/errors.h"
#include "logical_plan.h"
#include "operators/write_support.h"

namespace kizuna::cypher {
namespace {

using T = Value::Type;

class Create : public Eager {
  public:
    Create(std::unique_ptr<Operator> input, const Clause& clause)
        : Eager("Create", std::move(input)), clause_(clause) {}

  protected:
    void apply(Row& row, Context& context) override { create_pattern(clause_.patterns, row, context); }

  private:
    const Clause& clause_;
};

class Merge : public Eager {
  public:
    Merge(OperatorPtr input, const Clause& clause, const LogicalOp& inner)
        : Eager("Merge", std::move(input)), clause_(clause), inner_(inner) {}

  protected:
    // Each input row may match several times: every match is a row that follows.
    void write(Row&& r, Context& context, std::vector<Row>& out) override {
        for (const auto& part : clause_.patterns) {
            for (const auto& n : part.nodes) {
                if (n.prebound && r[static_cast<std::size_t>(n.slot)].is_null()) {
                    throw CypherError("SemanticError", CypherError::Phase::Runtime,
                                      "MERGE cannot use the null node '" + n.var + "'");
                }
            }
            // A relationship map that is not a map is an error before anything is written.
            for (const auto& rel : part.rels) (void)properties_of(rel.properties, r, context);
        }
        std::vector<Row> found;
        auto matches = physical_plan(inner_, context, &r);
        for (Row m; matches->next(m, context);) found.push_back(std::move(m));
        if (found.empty()) {
            for (const auto& part : clause_.patterns) {
                for (const auto& n : part.nodes) check_null_properties(n.properties, r, context);
                for (const auto& rel : part.rels) check_null_properties(rel.properties, r, context);
            }
            create_pattern(clause_.patterns, r, context);
            apply_set(clause_.on_create, r, context);
            out.push_back(std::move(r));
            return;
        }
        for (auto& m : found) {
            apply_set(clause_.on_match, m, context);
            out.push_back(std::move(m));
        }
    }
    void apply(Row&, Context&) override {}

  private:
    static void check_null_properties(const ExprPtr& e, Row& row, Context& context) {
        if (!e) return;
        const auto v = evaluate(*e, row, context);
        if (v.type() != T::Map) return;
        for (const auto& [k, x] : v.as_map()) {
            if (x.is_null()) {
                throw CypherError("SemanticError", CypherError::Phase::Runtime,
                                  "MergeReadOwnWrites: MERGE cannot match or create the property '" + k +
                                      "' with a null value");
            }
        }
    }
    const Clause& clause_;
    const LogicalOp& inner_;
};

}  // namespace

OperatorPtr make_create(OperatorPtr input, const Clause& clause) {
    return std::make_unique<Create>(std::move(input), clause);
}

OperatorPtr make_merge(OperatorPtr input, const Clause& clause, const LogicalOp& inner) {
    return std::make_unique<Merge>(std::move(input), clause, inner);
}

}  // namespace kizuna::cypher
