#pragma once
// Finds the matches of a MATCH pattern on a row: each part starts from its most selective node (one
// already bound, one an index finds by property, the rarest label, else every node), then expands
// relationship by relationship over PropertyGraph::for_each_step, checking labels, property maps,
// relationship uniqueness and the WHERE conditions on one node as soon as that node is bound.
// shortestPath and allShortestPaths are asked of PropertyGraph::shortest_paths, not expanded.
#include <functional>
#include <string>
#include <vector>

#include "ast.h"
#include "evaluator.h"

namespace kizuna::cypher {

// The plan of one MATCH: how its WHERE splits into conditions checked early and at the end.
struct MatchPlan {
    std::vector<std::pair<int, ExprPtr>> node_filters;  // slot → condition on that node alone
    std::vector<ExprPtr> final_filters;
    std::vector<std::pair<int, std::pair<std::string, ExprPtr>>> lookups;  // slot → key = value
};

// Splits where into conjuncts and sorts them (see MatchPlan). where may be null.
[[nodiscard]] MatchPlan plan_match(const std::vector<PatternPart>& parts, const ExprPtr& where);

// A readable line for EXPLAIN: how each part is anchored and expanded.
[[nodiscard]] std::string describe_match(const std::vector<PatternPart>& parts, const MatchPlan& plan,
                                         const PropertyGraph& graph);

// Calls found(row) for each match (row extended with the pattern's variables); found returns false to
// stop. Slots the pattern binds are left as they were after the call.
void match_pattern(const std::vector<PatternPart>& parts, const MatchPlan& plan, Row& row, Context& context,
                   const std::function<bool(Row&)>& found);

}  // namespace kizuna::cypher
