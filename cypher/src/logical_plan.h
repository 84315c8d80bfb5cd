#pragma once
// The logical plan of a bound query: a chain of logical operators per part of a UNION, built from the
// bound tree and rewritten before it runs. A MATCH becomes its own operators (match_planner.cpp): a node
// scan or index lookup per pattern part's anchor, an expand per relationship step, or a relationship
// scan, the WHERE's conditions as filters placed just after the operator that binds the last variable
// they read (a WHERE after a WITH that only passes variables on joins them), OPTIONAL MATCH as an
// optional over them. ORDER BY with LIMIT becomes a top-k. EXPLAIN prints it; physical_plan.cpp turns it
// into operators.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ast.h"
#include "evaluator.h"

namespace kizuna::cypher {

enum class LogicalKind : std::uint8_t {
    Start,
    NodeScan,          // a pattern node's candidates (every node, a label, an index), or its check when bound
    Expand,            // one relationship step from a bound node
    VarLengthExpand,   // a variable-length relationship: every trail from a bound node
    RelationshipScan,  // one arrow between two free nodes: the graph's relationships
    ShortestPath,      // shortestPath / allShortestPaths between two bound nodes
    BindPath,          // a named path from the part's nodes and relationships
    Optional,          // OPTIONAL MATCH: the inner operators per row, or the row with nulls
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

// How a NodeScan finds its node.
enum class NodeSource : std::uint8_t { Bound, All, Label, Index };

// A comparison of a relationship's date property with a date literal (r.start >= '2015'), which a
// relationship scan makes on the graph's packed dates (PropertyGraph::rel_packed_date).
struct DateTest {
    int column = -1;          // PropertyGraph::rel_date_column
    std::string op;           // <, <=, >, >=, =, <> with the property on the left
    std::int32_t packed = 0;  // PartialDate::packed() of the literal
};

// What a pattern operator works on: its part and the places in it, decided when planning.
struct PatternStep {
    const PatternPart* part = nullptr;
    std::size_t node = 0;    // NodeScan: the node; Expand: the node reached
    std::size_t rel = 0;     // Expand, VarLengthExpand: the relationship
    bool rightwards = true;  // Expand: walked left to right in the pattern
    NodeSource source = NodeSource::All;
    std::string label;  // NodeSource::Label
    std::string key;    // NodeSource::Index: key = value
    ExprPtr value;
    bool node_bound = false;           // the node reached is bound already: compared, not bound
    bool rel_bound = false;            // the relationship is bound already: compared
    std::vector<int> earlier_rels;     // slots of relationships matched before in the clause (uniqueness)
    std::vector<DateTest> date_tests;  // RelationshipScan: conditions made on packed dates
};

struct LogicalOp {
    LogicalKind kind = LogicalKind::Start;
    std::string name;                  // as EXPLAIN and PROFILE show it
    std::vector<std::string> details;  // EXPLAIN's lines under the name (a match's scans and expands)
    const Clause* clause = nullptr;
    const Projection* projection = nullptr;
    ExprPtr predicate;                        // Filter
    std::size_t count = 0;                    // Skip, Limit, TopK
    std::shared_ptr<const PatternStep> step;  // the pattern operators
    std::unique_ptr<LogicalOp> inner;         // Optional, Merge: the pattern's operators from the row
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

// A pattern's operators on top of input (match_planner.cpp): where may be null; optional wraps them in
// an Optional (the clause's introduced slots are nulled when nothing matches).
[[nodiscard]] std::unique_ptr<LogicalOp> plan_pattern(const std::vector<PatternPart>& parts,
                                                      const ExprPtr& where, std::unique_ptr<LogicalOp> input,
                                                      Context& context);

// Calls visit for every operator of the chain and of the subqueries it applies.
void for_each_logical(const LogicalOp& top, const std::function<void(const LogicalOp&)>& visit);

// The operators that run a logical plan; seed is the enclosing row of a subquery.
[[nodiscard]] std::unique_ptr<class Operator> physical_plan(const LogicalOp& op, Context& context,
                                                            const Row* seed = nullptr);

}  // namespace kizuna::cypher
