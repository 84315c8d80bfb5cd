#pragma once
// The relation filter options shared by the query commands: --type, --exclude-type, --as-of, --since,
// --until, --undated, and where they mean something --directed and --include-evidence.
#include <string>
#include <vector>

#include "kizuna/queries/filter.h"

namespace CLI {
class App;
}

namespace kizuna::cli {

struct FilterOptions {
    // Which of the optional options a command takes (a command never takes an option it ignores).
    struct Takes {
        bool directed = true;  // direction has a meaning for the command
        bool evidence = true;  // the command walks connections (partners, show and timeline list evidence)
    };

    std::vector<std::string> types, exclude_types;
    std::string as_of, since, until, undated;
    bool directed = false;
    bool include_evidence = false;

    // Adds the options, and the rules they follow to the command's footer (after `footer`).
    void add_to(CLI::App& command, Takes takes, const std::string& footer = "");
    // The filter; throws UsageError for a bad date, --since after --until, --as-of with --since/--until,
    // or --undated without a date filter.
    [[nodiscard]] RelationFilter filter() const;
};

}  // namespace kizuna::cli
