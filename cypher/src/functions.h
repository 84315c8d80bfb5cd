#pragma once
// The functions of the language: which names exist, which aggregate, and calling the scalar ones.
#include <string>

#include "kizuna/cypher/property_graph.h"

namespace kizuna::cypher {

[[nodiscard]] bool is_aggregate_function(const std::string& lower_name);
[[nodiscard]] bool is_scalar_function(const std::string& lower_name);
// How many arguments a scalar function takes: [min, max].
[[nodiscard]] std::pair<std::size_t, std::size_t> function_arity(const std::string& lower_name);

// Throws CypherError (TypeError, ArgumentError) at runtime, LimitReached.
struct Context;
// Calls a scalar function, counting its work and the memory of what it builds on the context's budget.
[[nodiscard]] Value call_scalar(Context& context, const std::string& lower_name, const List& args);

}  // namespace kizuna::cypher
