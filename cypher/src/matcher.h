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

// The plan of one pattern (a MATCH, MERGE or pattern expression), made once before it runs: where each
// part starts, and how the WHERE splits into conditions pushed down to the node they read and
// conditions on whole matches.
struct MatchPlan {
    std::vector<std::pair<int, ExprPtr>> node_filters;  // slot → condition on that node alone
    std::vector<ExprPtr> final_filters;
    std::vector<std::pair<int, std::pair<std::string, ExprPtr>>> lookups;  // slot → key = value
    std::vector<std::size_t> anchors;     // per part: the node it starts from
    std::vector<std::string> anchor_how;  // per part: how that node is found (EXPLAIN)
    // Per part: started from a scan of the relationships (one arrow between two nodes nothing else
    // narrows) instead of every node and its steps.
    std::vector<char> rel_scans;
};

// Splits where into conjuncts (pushed down to a node or kept for whole matches) and chooses each part's
// anchor: a node bound before, then one an index finds (the fewest hits, constants evaluated now), then
// the rarest label, then all nodes. where may be null.
[[nodiscard]] MatchPlan plan_match(const std::vector<PatternPart>& parts, const ExprPtr& where,
                                   Context& context);

// Readable lines for EXPLAIN: how each part is anchored and expanded, and the conditions pushed down.
[[nodiscard]] std::vector<std::string> describe_match(const std::vector<PatternPart>& parts,
                                                      const MatchPlan& plan);

// Calls found(row) for each match (row extended with the pattern's variables); found returns false to
// stop. Slots the pattern binds are left as they were after the call.
void match_pattern(const std::vector<PatternPart>& parts, const MatchPlan& plan, Row& row, Context& context,
                   const std::function<bool(Row&)>& found);

}  // namespace kizuna::cypher
