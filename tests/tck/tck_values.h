#pragma once
// The TCK's notation for values in expected results and parameters: null, booleans, numbers, 'strings',
// [lists], {maps}, (:Label {nodes}), [:TYPE {relationships}] and <(paths)-[:T]->()>. Both expected and
// actual values are brought to one canonical text (labels and keys sorted) and compared as text.
#include <string>

#include "kizuna/cypher/property_graph.h"

namespace kizuna::tck {

// Canonical text of an expected value; sort_lists sorts the elements of every list (the TCK's
// "ignoring element order for lists"). Throws std::runtime_error for notation it cannot read.
[[nodiscard]] std::string canonical_expected(const std::string& text, bool sort_lists);
// Canonical text of a value the engine returned.
[[nodiscard]] std::string canonical_actual(const cypher::Value& value, const cypher::PropertyGraph& graph,
                                           bool sort_lists);
// A parameter's value (no nodes, relationships or paths).
[[nodiscard]] cypher::Value parameter_value(const std::string& text);

}  // namespace kizuna::tck
