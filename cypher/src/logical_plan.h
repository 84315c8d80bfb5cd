#pragma once
// The logical plan of a bound query: a chain of logical operators per part of a UNION, built from the
// bound tree and rewritten before it runs (each pattern's anchors chosen and the WHERE's conditions
// pushed down to the node they read, in MatchPlan; ORDER BY with LIMIT turned into a top-k). EXPLAIN
// prints it; physical_plan.cpp turns it into operators.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ast.h"
#include "evaluator.h"
#include "matcher.h"

namespace kizuna::cypher {

enum class LogicalKind : std::uint8_t {
    Start,
    Match,  // MATCH / OPTIONAL MATCH: scans, expands and filters of its patterns (MatchPlan)
    Unwind,
    Project,
    Aggregate,
    Filter,
    Distinct,
    Sort,
    TopK,
    Skip,
    Limit,
    Create,
    Merge,
    Set,
    Remove,
    Delete
};

struct LogicalOp {
    LogicalKind kind = LogicalKind::Start;
    std::string name;                  // as EXPLAIN and PROFILE show it
    std::vector<std::string> details;  // EXPLAIN's lines under the name (a match's scans and expands)
    const Clause* clause = nullptr;
    const Projection* projection = nullptr;
    ExprPtr predicate;                       // Filter
    std::size_t count = 0;                   // Skip, Limit, TopK
    std::shared_ptr<const MatchPlan> match;  // Match, Merge
    // The EXISTS { } subqueries the clause's expressions run per row (an apply), planned with it.
    std::vector<std::pair<const SingleQuery*, std::unique_ptr<LogicalOp>>> applies;
    std::unique_ptr<LogicalOp> input;
};

struct LogicalPlan {
    std::vector<std::unique_ptr<LogicalOp>> parts;  // joined by UNION
    std::vector<bool> union_all;
};

// Throws CypherError for SKIP and LIMIT that are not non-negative integers.
[[nodiscard]] LogicalPlan plan_query(const Query& bound, Context& context);
[[nodiscard]] std::unique_ptr<LogicalOp> plan_single(const SingleQuery& part, Context& context);

// EXPLAIN: one line per operator, the last operator first, inputs indented under it.
[[nodiscard]] std::vector<std::string> explain_lines(const LogicalPlan& plan);

// Calls visit for every operator of the chain and of the subqueries it applies.
void for_each_logical(const LogicalOp& top, const std::function<void(const LogicalOp&)>& visit);

// The operators that run a logical plan; seed is the enclosing row of a subquery.
[[nodiscard]] std::unique_ptr<class Operator> physical_plan(const LogicalOp& op, Context& context,
                                                            const Row* seed = nullptr);

}  // namespace kizuna::cypher
