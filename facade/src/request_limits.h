#pragma once
// The bounds of the requests' numbers, the same as the command line's (cli/src/option_limits.h) until
// the application layer (app/) holds them in one place for every front end.
#include <cstddef>

namespace kizuna::api {

inline constexpr std::size_t kMostSearchResults = 1000;  // search limit
inline constexpr std::size_t kMostPaths = 10000;         // path cap
inline constexpr std::size_t kMostShortestPaths = 1000;  // path k
inline constexpr std::size_t kMostHops = 100;            // path max_hops
inline constexpr std::size_t kMostSimpleHops = 10;       // path max_hops with Mode::Simple
inline constexpr std::size_t kLargestRadius = 50;        // ego radius
inline constexpr std::size_t kMostRanked = 10000;        // stats top
inline constexpr std::size_t kMostSources = 1000000;     // stats sources

}  // namespace kizuna::api
