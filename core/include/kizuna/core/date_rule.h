#pragma once
// PRODUCT.md's one rule for dates. A partial date is the interval of days it may stand for ("2014" is
// 2014-01-01..2014-12-31). A relation surely lives from the last day its start may be to the first day
// its end may be, and possibly from the first day its start may be to the last day its end may be (no
// end: still alive; no start: never surely alive). Against a window of days (--as-of D is D's interval,
// --since A --until B is A's first day to B's last), a relation is active when its sure life overlaps
// the window, possibly active when only its possible life does, inactive otherwise, and date unknown
// when it has no dates at all. Every date comparison of the product goes through this file.
#include <cstdint>
#include <optional>

#include "kizuna/core/partial_date.h"

namespace kizuna {

// Days as YYYYMMDD integers, whose integer order is the calendar's order. Inclusive; empty when
// first > last.
struct DaySpan {
    static constexpr std::int32_t kBeforeAll = 0;
    static constexpr std::int32_t kAfterAll = 99999999;
    std::int32_t first = kBeforeAll;
    std::int32_t last = kAfterAll;
    [[nodiscard]] bool empty() const { return first > last; }
    [[nodiscard]] bool overlaps(const DaySpan& other) const {
        return !empty() && !other.empty() && first <= other.last && other.first <= last;
    }
    [[nodiscard]] bool contains(const DaySpan& other) const {
        return !other.empty() && first <= other.first && other.last <= last;
    }
    friend bool operator==(const DaySpan&, const DaySpan&) = default;
};

// The days a partial date may stand for.
[[nodiscard]] DaySpan days_of(const PartialDate& date);

// A relation's lives; possible always contains sure.
struct Life {
    DaySpan sure;
    DaySpan possible;
};
// nullopt when the relation has neither a start nor an end (date unknown).
[[nodiscard]] std::optional<Life> life_of(const std::optional<PartialDate>& start,
                                          const std::optional<PartialDate>& end);

enum class Activity : std::uint8_t { Active, PossiblyActive, Inactive, DateUnknown };

[[nodiscard]] Activity activity(const std::optional<PartialDate>& start,
                                const std::optional<PartialDate>& end, const DaySpan& window);
// "active", "possibly active", "inactive", "date unknown".
[[nodiscard]] const char* activity_words(Activity activity);
// The same for JSON: "active", "possibly_active", "inactive", "date_unknown".
[[nodiscard]] const char* activity_key(Activity activity);

// The window of a date filter: --as-of D, or --since A and/or --until B (either may be absent).
// Throws UsageError when both kinds are given, or when since lies wholly after until.
[[nodiscard]] std::optional<DaySpan> date_window(const std::optional<PartialDate>& as_of,
                                                 const std::optional<PartialDate>& since,
                                                 const std::optional<PartialDate>& until);

// a lies wholly before b: every day a may be comes before every day b may be. An end wholly before its
// start is refused on import ("2014-05" is not before "2014-05-20"; "2014-05-01" is).
[[nodiscard]] bool wholly_before(const PartialDate& a, const PartialDate& b);

// Where a dated event (a start or an end) lies against a window: surely inside, possibly inside (its
// interval straddles an edge of the window), or outside.
enum class Placement : std::uint8_t { Inside, PossiblyInside, Outside };
[[nodiscard]] Placement placement(const PartialDate& date, const DaySpan& window);

}  // namespace kizuna
