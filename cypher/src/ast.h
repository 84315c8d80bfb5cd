#pragma once
// The syntax tree of a query, as the parser builds it; the binder then resolves variables to row slots
// (Expr::slot) and checks names and scopes.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kizuna/cypher/property_graph.h"
#include "kizuna/cypher/value.h"

namespace kizuna::cypher {

struct Expr;
using ExprPtr = std::shared_ptr<Expr>;
struct PatternPart;
struct SingleQuery;
struct FunctionDef;

enum class ExprKind : std::uint8_t {
    Literal,               // value
    Parameter,             // name
    Variable,              // name, slot
    Property,              // args[0].name
    Index,                 // args[0][args[1]]
    Slice,                 // args[0][args[1]..args[2]] (null Expr for an open end)
    ListLiteral,           // args
    MapLiteral,            // keys, args
    MapProjection,         // args[0]{keys: args[1..]} (keys "" + args .*; see parser)
    Unary,                 // op ("-", "+", "NOT"), args[0]
    Binary,                // op, args[0], args[1] (+ - * / % ^ AND OR XOR IN STARTS ENDS CONTAINS =~)
    Comparison,            // ops[i] between args[i] and args[i+1] (a chain: a < b <= c)
    IsNull,                // args[0]; negated for IS NOT NULL
    LabelCheck,            // args[0]:labels
    Case,                  // args[0] = subject or null; then pairs (when, then); else last when has_else
    Function,              // name, distinct, args; star for count(*)
    ListComprehension,     // [var IN args[0] WHERE args[1] | args[2]] (null Exprs when absent)
    Quantifier,            // name (all/any/none/single), var IN args[0] WHERE args[1]
    Reduce,                // reduce(name2 = args[0], var IN args[1] | args[2])
    PatternPredicate,      // pattern (in WHERE or as exists(...))
    PatternComprehension,  // [pattern WHERE args[0] | args[1]]
    ExistsSubquery,        // EXISTS { MATCH pattern WHERE args[0] }, or EXISTS { clauses } (subquery)
    AggregateSlot,         // the result of the aggregate numbered slot (after binding)
};

struct Expr {
    ExprKind kind;
    int line = 0;
    int column = 0;
    std::string text;  // the source text (column names, matching ORDER BY to projections)
    Value value;
    std::string name;
    std::string name2;
    std::vector<std::string> ops;
    std::vector<std::string> keys;
    std::vector<ExprPtr> args;
    std::vector<std::string> labels;
    bool distinct = false;
    bool star = false;
    bool negated = false;
    bool has_else = false;
    int slot = -1;   // Variable: its row slot; comprehension/quantifier/reduce: the slot of var
    int slot2 = -1;  // Reduce: the accumulator's slot
    std::shared_ptr<std::vector<PatternPart>> pattern;
    std::shared_ptr<SingleQuery> subquery;  // EXISTS { MATCH ... WITH ... RETURN ... }
    const FunctionDef* function = nullptr;  // Function: resolved by the binder (function_table.h)
};

struct NodePattern {
    std::string var;  // "" when anonymous (the binder names it)
    std::vector<std::string> labels;
    ExprPtr properties;  // MapLiteral or Parameter, may be null
    int slot = -1;
    bool prebound = false;  // bound before its clause
    int line = 0, column = 0;
};

struct RelPattern {
    std::string var;
    std::vector<std::string> types;
    ExprPtr properties;
    Direction direction = Direction::Both;
    bool variable_length = false;
    std::optional<std::int64_t> min_hops;
    std::optional<std::int64_t> max_hops;
    int slot = -1;
    bool prebound = false;
    int line = 0, column = 0;
};

struct PatternPart {
    std::string path_var;
    int path_slot = -1;
    enum class Shortest : std::uint8_t { None, One, All } shortest = Shortest::None;
    std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
    std::vector<RelPattern> rels;
    int line = 0, column = 0;
};

struct SortItem {
    ExprPtr expr;
    bool descending = false;
};

struct ProjectionItem {
    ExprPtr expr;
    std::string alias;  // given with AS, else the expression's text
    bool aliased = false;
    int slot = -1;
};

struct Projection {
    bool distinct = false;
    bool star = false;
    std::vector<ProjectionItem> items;
    std::vector<SortItem> order;
    ExprPtr skip;
    ExprPtr limit;
    ExprPtr where;  // WITH ... WHERE
    // Set by the binder: the aggregate calls of the items (each with the slot of its result), whether
    // the projection groups, and the slots visible after it.
    std::vector<ExprPtr> aggregates;
    bool aggregating = false;
    std::vector<int> visible_after;
};

struct SetItem {
    enum class Kind : std::uint8_t { Property, Replace, Merge, Labels } kind;
    ExprPtr target;  // Property: the property expression; else the variable
    ExprPtr value;
    std::vector<std::string> labels;
};

struct RemoveItem {
    ExprPtr target;  // a Property expression, or a variable with labels
    std::vector<std::string> labels;
};

enum class ClauseKind : std::uint8_t { Match, Unwind, With, Return, Create, Merge, Set, Remove, Delete };

struct Clause {
    ClauseKind kind;
    int line = 0, column = 0;
    bool optional = false;  // OPTIONAL MATCH
    bool detach = false;    // DETACH DELETE
    std::vector<PatternPart> patterns;
    ExprPtr where;
    ExprPtr expr;  // UNWIND's list
    std::string var;
    int slot = -1;
    Projection projection;
    std::vector<SetItem> set_items;  // SET; MERGE's ON CREATE (on_create) and ON MATCH
    std::vector<SetItem> on_create;
    std::vector<SetItem> on_match;
    std::vector<RemoveItem> remove_items;
    std::vector<ExprPtr> exprs;   // DELETE
    std::vector<int> introduced;  // set by the binder: the slots this clause binds
};

struct SingleQuery {
    std::vector<Clause> clauses;
};

struct Query {
    std::vector<SingleQuery> parts;  // joined by UNION
    std::vector<bool> union_all;     // union_all[i] joins parts[i] and parts[i+1]
    bool explain = false;
    bool profile = false;
    int slots = 0;  // set by the binder: the width of a row
};

}  // namespace kizuna::cypher
