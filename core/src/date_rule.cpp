#include "kizuna/core/date_rule.h"

#include "kizuna/core/errors.h"

namespace kizuna {

namespace {

std::int32_t day_number(int year, int month, int day) { return year * 10000 + month * 100 + day; }

}  // namespace

DaySpan days_of(const PartialDate& date) {
    const int y = date.year();
    switch (date.precision()) {
        case PartialDate::Precision::Year:
            return {day_number(y, 1, 1), day_number(y, 12, 31)};
        case PartialDate::Precision::Month:
            return {day_number(y, date.month(), 1),
                    day_number(y, date.month(), days_in_month(y, date.month()))};
        case PartialDate::Precision::Day:
            break;
    }
    const std::int32_t day = day_number(y, date.month(), date.day());
    return {day, day};
}

std::optional<Life> life_of(const std::optional<PartialDate>& start, const std::optional<PartialDate>& end) {
    if (!start && !end) return std::nullopt;
    Life life;
    const DaySpan start_days = start ? days_of(*start) : DaySpan{};
    const DaySpan end_days = end ? days_of(*end) : DaySpan{};
    life.possible = {start_days.first, end_days.last};
    if (start) {
        life.sure = {start_days.last, end ? end_days.first : DaySpan::kAfterAll};
    } else {
        life.sure = {DaySpan::kAfterAll, DaySpan::kBeforeAll};  // an unknown start: never surely alive
    }
    return life;
}

Activity activity(const std::optional<PartialDate>& start, const std::optional<PartialDate>& end,
                  const DaySpan& window) {
    const auto life = life_of(start, end);
    if (!life) return Activity::DateUnknown;
    if (life->sure.overlaps(window)) return Activity::Active;
    if (life->possible.overlaps(window)) return Activity::PossiblyActive;
    return Activity::Inactive;
}

const char* activity_words(Activity activity) {
    switch (activity) {
        case Activity::Active:
            return "active";
        case Activity::PossiblyActive:
            return "possibly active";
        case Activity::Inactive:
            return "inactive";
        case Activity::DateUnknown:
            break;
    }
    return "date unknown";
}

const char* activity_key(Activity activity) {
    switch (activity) {
        case Activity::Active:
            return "active";
        case Activity::PossiblyActive:
            return "possibly_active";
        case Activity::Inactive:
            return "inactive";
        case Activity::DateUnknown:
            break;
    }
    return "date_unknown";
}

std::optional<DaySpan> date_window(const std::optional<PartialDate>& as_of,
                                   const std::optional<PartialDate>& since,
                                   const std::optional<PartialDate>& until) {
    if (as_of && (since || until)) {
        throw UsageError("--as-of is one date; --since/--until a period: give one or the other");
    }
    if (as_of) return days_of(*as_of);
    if (!since && !until) return std::nullopt;
    if (since && until && wholly_before(*until, *since)) {
        throw UsageError("--since " + since->to_string() + " is after --until " + until->to_string() +
                         ": the period is empty");
    }
    return DaySpan{since ? days_of(*since).first : DaySpan::kBeforeAll,
                   until ? days_of(*until).last : DaySpan::kAfterAll};
}

bool wholly_before(const PartialDate& a, const PartialDate& b) { return days_of(a).last < days_of(b).first; }

Placement placement(const PartialDate& date, const DaySpan& window) {
    const DaySpan days = days_of(date);
    if (window.contains(days)) return Placement::Inside;
    return window.overlaps(days) ? Placement::PossiblyInside : Placement::Outside;
}

}  // namespace kizuna
