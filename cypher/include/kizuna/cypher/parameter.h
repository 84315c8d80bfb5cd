#pragma once
// A query parameter's value from text, as front ends take it (`--param name=value`, the API's
// `param=name=value`): JSON when the text is JSON (42, true, [1,2], {"a": 1}, "text"), else the text.
#include <string>
#include <utility>

#include "kizuna/cypher/value.h"

namespace kizuna::cypher {

// How deep a parameter's lists and maps may nest (the reader and the values stay off the stack's edge).
inline constexpr int kMaxParameterNesting = 64;

// Throws std::invalid_argument for JSON nested deeper than kMaxParameterNesting.
[[nodiscard]] Value parameter_value(const std::string& text);

// "name=value" → {name, parameter_value(value)}. Throws std::invalid_argument when there is no name.
[[nodiscard]] std::pair<std::string, Value> parameter_assignment(const std::string& assignment);

}  // namespace kizuna::cypher
