#pragma once
// The check of the command line's counts (the ranges come from the requests' descriptions, app/): a value
// outside its range is a usage error (exit 2) in CLI11's words, naming the option.
#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>

namespace kizuna::cli {

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
