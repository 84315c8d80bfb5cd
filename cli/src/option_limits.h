#pragma once
// The largest values of the options that scale a command's work, so that no option can make a command
// run without end; `--help` states each one. A value outside its range is a usage error (exit 2).
#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>

namespace kizuna::cli {

inline constexpr std::size_t kMostPaths = 10000;             // path --cap
inline constexpr std::size_t kMostShortestPaths = 1000;      // path --k
inline constexpr std::size_t kMostHops = 100;                // path --max-hops
inline constexpr std::size_t kMostSimpleHops = 10;           // path --simple --max-hops
inline constexpr std::size_t kLargestRadius = 50;            // ego and render --radius
inline constexpr std::size_t kMostRanked = 10000;            // stats --top
inline constexpr std::size_t kMostSources = 1000000;         // stats --sources
inline constexpr std::size_t kMostSearchResults = 1000;      // search --limit
inline constexpr std::size_t kMostDiagramEntities = 5000;    // render --max-entities
inline constexpr std::size_t kMostDiagramRelations = 20000;  // render --max-relations

// A whole number from least to most; anything else (negative, a fraction, a word) is refused with the
// range it must lie in.
inline CLI::Validator count_between(std::size_t least, std::size_t most) {
    return CLI::Validator(
        [least, most](std::string& text) -> std::string {
            const std::string range =
                "a whole number from " + std::to_string(least) + " to " + std::to_string(most);
            if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos ||
                text.size() > 12) {
                return "'" + text + "' is not " + range;
            }
            const auto value = std::stoull(text);
            if (value < least || value > most) return "'" + text + "' is not " + range;
            return {};
        },
        std::to_string(least) + ".." + std::to_string(most));
}

}  // namespace kizuna::cli
