#pragma once
// Evaluating expressions on a row, with Cypher's three-valued logic and null propagation.
#include <chrono>
#include <functional>
#include <vector>

#include "ast.h"
#include "kizuna/cypher/engine.h"

namespace kizuna::cypher {

using Row = std::vector<Value>;

// What an expression may need besides its row: the graph, the parameters, the clock of the limits,
// and the pattern matcher (for pattern predicates and comprehensions).
struct Context {
    PropertyGraph* graph = nullptr;
    const Map* parameters = nullptr;
    Limits limits;
    std::chrono::steady_clock::time_point deadline;
    WriteCounts* writes = nullptr;
    // Calls back for each match of the pattern extending row; the callback returns false to stop.
    std::function<void(const std::vector<PatternPart>&, Row&, const ExprPtr& where,
                       const std::function<bool(Row&)>&)>
        match;
    // Whether a subquery (EXISTS { ... }) has a row when it starts from row.
    std::function<bool(const SingleQuery&, const Row&)> exists;
    std::size_t width = 0;  // slots in a row
    bool profile = false;   // operators time themselves
    std::size_t ticks = 0;
    // Checks the timeout now and then. Throws LimitReached.
    void tick() {
        if ((++ticks & 1023) != 0) return;
        if (std::chrono::steady_clock::now() > deadline) {
            throw LimitReached("the query ran longer than its time limit (--timeout " +
                               std::to_string(limits.timeout.count()) + " ms)");
        }
        if (limits.cancelled && limits.cancelled()) throw LimitReached("the query was cancelled");
    }
};

[[nodiscard]] Value evaluate(const Expr& expr, Row& row, Context& context);
// A predicate's verdict: true only when the value is true (null and false both fail).
[[nodiscard]] bool is_true(const Expr& expr, Row& row, Context& context);

[[noreturn]] void type_error(const std::string& what);

}  // namespace kizuna::cypher
