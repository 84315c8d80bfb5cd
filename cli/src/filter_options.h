#pragma once
// The relation filter options shared by the query commands: --type, --as-of, --since, --until, --directed.
#include <string>
#include <vector>

#include "kizuna/queries/filter.h"

namespace CLI {
class App;
}

namespace kizuna::cli {

struct FilterOptions {
    std::vector<std::string> types;
    std::string as_of, since, until;
    bool directed = false;

    // Adds the options to a command. with_directed=false for commands where direction has no meaning.
    void add_to(CLI::App& command, bool with_directed = true);
    // The filter; throws UsageError for a bad date.
    [[nodiscard]] RelationFilter filter() const;
};

}  // namespace kizuna::cli
