#pragma once
// Which relations a query may use. The date rule is PRODUCT.md's: as_of keeps relations active at that
// date; since/until keep relations active at some time in [since, until]. Empty types means all types.
#include <optional>
#include <string>
#include <vector>

#include "kizuna/core/graph.h"
#include "kizuna/core/partial_date.h"

namespace kizuna {

struct RelationFilter {
    std::vector<std::string> types;
    std::optional<PartialDate> as_of;
    std::optional<PartialDate> since;
    std::optional<PartialDate> until;
    // Follow relations only in their own direction (symmetric types still go both ways).
    bool directed = false;
};

// Whether relation r passes the type and date parts of the filter (not the direction).
// Throws UsageError for a type the graph does not know.
[[nodiscard]] bool relation_matches(const Graph& graph, RelationIndex r, const RelationFilter& filter);

}  // namespace kizuna
