#pragma once
// Connections that respect time (`path A B --in-time-order`): a walk along relations, each taken on a day
// it is alive, the days never going back. A relation may already be alive when the previous one began;
// it must not have ended before the walk reached it. This is the time-respecting path of temporal graphs
// (Wu et al., "Path Problems in Temporal Graphs", VLDB 2014; Holme & Saramäki), with relations that live
// over intervals instead of instant contacts, and with partial dates read by date_rule.h's interval rule:
//   - possibly in order: in order for some reading of the partial dates, i.e. along possible lives;
//   - surely in order: in order for every reading, i.e. along sure lives. A relation without a known
//     start is never surely alive (date_rule.h), so a step along one is at best possible.
// The walk starts on the first day of --from (possibly) or its last day (surely); without --from, at any
// time. Relations of unknown date (neither start nor end) cannot be placed in time and are not walked.
// Evidence and the other relation conditions are the filter's, as in every connection query.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "kizuna/core/date_rule.h"
#include "kizuna/core/graph.h"
#include "kizuna/queries/filter.h"
#include "kizuna/queries/path.h"

namespace kizuna {

struct TimePathQuery {
    RelationFilter filter;
    std::optional<PartialDate> from;      // the walk starts no earlier than this
    std::optional<std::size_t> max_hops;  // longer connections are not answers
};

// A connection in time order, with each step's state and when it arrives.
struct TimedPath {
    Path path;
    // Per relation: true when steps 1..i are in order for every reading of the dates (surely), false
    // when only for some (possibly). Once a step is possible, so is every later one.
    std::vector<bool> surely;
    // The earliest day the walk can possibly reach the end (DaySpan::kBeforeAll: at any time), and what
    // sets it: the relation whose start it is, or nullopt for --from (or no dated start at all).
    std::int32_t arrival = DaySpan::kBeforeAll;
    std::optional<RelationIndex> arrival_set_by;
};

// Why a connection is not in time order: it needs `later` after `earlier` began (or after --from, when
// earlier is nullopt), but later had ended by then; or later's dates are unknown.
struct TimeBlock {
    enum class Kind { EndedBefore, Undated };
    Kind kind = Kind::EndedBefore;
    std::optional<RelationIndex> earlier;
    RelationIndex later = 0;
    std::size_t connections = 0;  // of the connections examined, how many this blocks first
    friend bool operator==(const TimeBlock&, const TimeBlock&) = default;
};

// The most loopless connections looked at to explain an answer of none, and the longest.
inline constexpr std::size_t kBlockedConnections = 100;
inline constexpr std::size_t kBlockedHops = 6;

struct TimePaths {
    std::optional<TimedPath> earliest_arrival;  // the earliest arrival; fewer hops among equals
    std::optional<TimedPath> fewest_hops;       // the fewest relations; the earliest arrival among equals
    // When there is no connection in time order: whether there is one at all (within max_hops), and the
    // blocks met first along the connections looked at (at most kBlockedConnections loopless ones of at
    // most max(kBlockedHops, the shortest) relations), most often met first.
    bool connected = false;
    std::vector<TimeBlock> blocks;
    std::size_t connections_examined = 0;
    std::size_t examined_hops = 0;           // the longest connection looked at
    bool every_connection_examined = false;  // every loopless one of at most examined_hops relations
    std::size_t undated = 0;                 // relations of unknown date the filter would walk
};

// Throws UsageError for a type the graph does not know. from == to gives the path of length 0.
[[nodiscard]] TimePaths time_respecting_paths(const Graph& graph, VertexId from, VertexId to,
                                              const TimePathQuery& query);

// The walk along path's relations in order, by possible lives (and surely, by sure lives) from the
// query's --from: the TimedPath, or nullopt when not even possibly in order.
[[nodiscard]] std::optional<TimedPath> walk_in_time(const Graph& graph, const Path& path,
                                                    const std::optional<PartialDate>& from);

}  // namespace kizuna
