#pragma once
// Recursive-descent parser of the Cypher-compatible subset (docs/cypher.md) into the syntax tree.
#include <string>

#include "ast.h"

namespace kizuna::cypher {

// Throws CypherError (SyntaxError, compile time) with the line and column of the offending token.
[[nodiscard]] Query parse_query(const std::string& text);

}  // namespace kizuna::cypher
