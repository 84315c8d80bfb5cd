#pragma once
// Warnings, as Neo4j's notifications: a label or relationship type that exists in no vocabulary of the
// graph (`(:Company)` where kinds are lower case) matches nothing, and a query that returns no rows
// because of it should say why.
#include <string>
#include <vector>

#include "ast.h"

namespace kizuna::cypher {

// One message per unknown name read by a MATCH pattern or a label check, with the closest known name
// ("did you mean :company?"). None when the graph has no vocabulary (any name may appear).
[[nodiscard]] std::vector<std::string> vocabulary_warnings(const Query& query, const PropertyGraph& graph);

}  // namespace kizuna::cypher
