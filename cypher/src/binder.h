#pragma once
// The binder: resolves every variable of a parsed query to a slot of the row, checks scopes (a variable
// used before it is bound, a name bound twice, WITH items without an alias), the functions' names and
// where aggregates may appear, and splits projections into grouping keys and aggregates.
#include "ast.h"

namespace kizuna::cypher {

// Throws CypherError (SyntaxError at compile time) with the line and column of the offending name.
void bind(Query& query, const PropertyGraph& graph);

// The variable slots an expression reads (not those it binds itself, as a comprehension does).
void slots_read(const Expr& expr, std::vector<int>& out);

}  // namespace kizuna::cypher
