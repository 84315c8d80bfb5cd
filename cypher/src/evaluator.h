#pragma once
// Evaluating expressions on a row, with Cypher's three-valued logic and null propagation.
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "ast.h"
#include "budget.h"
#include "kizuna/cypher/engine.h"

namespace kizuna::cypher {

using Row = std::vector<Value>;
class RegexCache;

// What an expression may need besides its row: the graph, the parameters, the budget of the limits,
// and the pattern matcher (for pattern predicates and comprehensions).
struct Context {
    PropertyGraph* graph = nullptr;
    const Map* parameters = nullptr;
    Budget budget;
    WriteCounts* writes = nullptr;
    // Calls back for each match of the pattern extending row; the callback returns false to stop.
    std::function<void(const std::vector<PatternPart>&, Row&, const ExprPtr& where,
                       const std::function<bool(Row&)>&)>
        match;
    // Whether a subquery (EXISTS { ... }) has a row when it starts from row.
    std::function<bool(const SingleQuery&, const Row&)> exists;
    std::size_t width = 0;  // slots in a row
    bool profile = false;   // operators time themselves
    // Regular expressions compiled once per query (=~ is usually evaluated on every row).
    std::shared_ptr<RegexCache> regexes;
    // Counts work; reads the clock now and then. Throws LimitReached past the time limit.
    void tick(std::size_t cost = 1) { budget.tick(cost); }
};

[[nodiscard]] Value evaluate(const Expr& expr, Row& row, Context& context);
// A predicate's verdict: true only when the value is true (null and false both fail).
[[nodiscard]] bool is_true(const Expr& expr, Row& row, Context& context);

[[noreturn]] void type_error(const std::string& what);

}  // namespace kizuna::cypher
