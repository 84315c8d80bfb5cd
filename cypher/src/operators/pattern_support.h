#pragma once
// What the pattern operators (node_scan.cpp, expand.cpp, var_length_expand.cpp, relationship_scan.cpp,
// shortest_path.cpp, bind_path.cpp) check alike: a node's labels and property map, a relationship's
// property map, a relationship used once per MATCH, and a node reached that is bound or to bind.
#include <vector>

#include "evaluator.h"
#include "logical_plan.h"

namespace kizuna::cypher {

[[nodiscard]] bool node_fits(const NodePattern& p, NodeId n, Row& row, Context& context);
[[nodiscard]] bool rel_fits(const RelPattern& p, RelId r, Row& row, Context& context);
// The relationships held by slots (one relationship, or a list of them as a variable length binds).
void rels_in(const Row& row, const std::vector<int>& slots, std::vector<RelId>& out);
// Reaching node n for the pattern node: a bound one must be n; a free one is bound to n. False when the
// node does not fit.
[[nodiscard]] bool reach_node(const NodePattern& p, bool bound, NodeId n, Row& row, Context& context);

// The direction a relationship is walked in: its own left to right, flipped right to left.
[[nodiscard]] Direction walked_direction(const RelPattern& rel, bool rightwards);

// Turns a logical pattern operator into its physical one (physical_plan.cpp).
class Operator;
[[nodiscard]] std::unique_ptr<Operator> make_node_scan(std::unique_ptr<Operator> input,
                                                       std::shared_ptr<const PatternStep> step);
[[nodiscard]] std::unique_ptr<Operator> make_expand(std::unique_ptr<Operator> input,
                                                    std::shared_ptr<const PatternStep> step);
[[nodiscard]] std::unique_ptr<Operator> make_var_length_expand(std::unique_ptr<Operator> input,
                                                               std::shared_ptr<const PatternStep> step);
[[nodiscard]] std::unique_ptr<Operator> make_relationship_scan(std::unique_ptr<Operator> input,
                                                               std::shared_ptr<const PatternStep> step);
[[nodiscard]] std::unique_ptr<Operator> make_shortest_path(std::unique_ptr<Operator> input,
                                                           std::shared_ptr<const PatternStep> step);
[[nodiscard]] std::unique_ptr<Operator> make_bind_path(std::unique_ptr<Operator> input,
                                                       std::shared_ptr<const PatternStep> step);
// OPTIONAL MATCH: the inner operators (from an Argument seeded with each input row), or the input row
// with the clause's new variables null when they give nothing.
[[nodiscard]] std::unique_ptr<Operator> make_optional(std::unique_ptr<Operator> input, const Clause& clause,
                                                      const LogicalOp& inner);

}  // namespace kizuna::cypher
