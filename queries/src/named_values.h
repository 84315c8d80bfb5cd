#pragma once
// Private to queries: the kinds and countries a user's words name (an id or a name in any language:
// "企業", "Japan", "công ty"). A condition that can never hold is a typo, not an empty answer: "companies",
// "JPN" are refused with the values there are.
#include <string>
#include <vector>

#include "kizuna/core/graph.h"

namespace kizuna::queries {

enum class Vocabulary { Kind, Country };

// The ids the words name among the kinds (or countries) some entity of the graph has. Throws UsageError
// naming `option` when a word names none.
[[nodiscard]] std::vector<std::string> named_values(const Graph& graph, const std::vector<std::string>& words,
                                                    Vocabulary vocabulary, const std::string& option);

}  // namespace kizuna::queries
