#pragma once
// The binder: resolves every variable of a parsed query to a slot of the row, checks scopes (a variable
// used before it is bound, a name bound twice, WITH items without an alias), the functions' names and
// where aggregates may appear, and splits projections into grouping keys and aggregates.
#include "ast.h"

namespace kizuna::cypher {

// The bound tree of a parsed query (bound_tree.cpp): a copy in which every variable has its slot, every
// function call its entry of the function table, every aggregate its result slot; the parsed tree is
// not changed. Throws CypherError (SyntaxError at compile time) with the line and column of the
// offending name.
[[nodiscard]] Query bind(const Query& parsed);
// Binds a tree the caller owns (the copy bind() makes).
void bind_in_place(Query& query);

// The variable slots an expression reads (not those it binds itself, as a comprehension does).
void slots_read(const Expr& expr, std::vector<int>& out);

}  // namespace kizuna::cypher
