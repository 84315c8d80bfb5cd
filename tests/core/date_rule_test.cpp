// The date rule of PRODUCT.md (date_rule.h), checked on worked examples and against a day-by-day count
// made with std::chrono's calendar: a relation is active in a window when some day of the window lies
// in every life its dates allow, possibly active when some day lies in some life.
#include "kizuna/core/date_rule.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <vector>

#include "kizuna/core/errors.h"

using kizuna::Activity;
using kizuna::DaySpan;
using kizuna::PartialDate;

namespace {

PartialDate d(const char* text) { return PartialDate::parse_or_throw(text); }
std::optional<PartialDate> od(const char* text) {
    if (text == nullptr) return std::nullopt;
    return d(text);
}

Activity at(const char* start, const char* end, const char* as_of) {
    return kizuna::activity(od(start), od(end), kizuna::days_of(d(as_of)));
}

// Every day of [from, to] with std::chrono, as sys_days.
std::vector<std::chrono::sys_days> days_between(std::chrono::year_month_day from,
                                                std::chrono::year_month_day to) {
    std::vector<std::chrono::sys_days> out;
    for (std::chrono::sys_days day = from; day <= std::chrono::sys_days(to); day += std::chrono::days(1))
        out.push_back(day);
    return out;
}

// The days a partial date may be, by the calendar (not by date_rule.cpp's arithmetic).
std::pair<std::chrono::sys_days, std::chrono::sys_days> calendar_span(const PartialDate& date) {
    using namespace std::chrono;
    const year y(date.year());
    if (date.precision() == PartialDate::Precision::Year)
        return {sys_days(y / January / 1), sys_days(y / December / last)};
    const month m(static_cast<unsigned>(date.month()));
    if (date.precision() == PartialDate::Precision::Month)
        return {sys_days(y / m / 1), sys_days(y / m / last)};
    const sys_days day(y / m / static_cast<unsigned>(date.day()));
    return {day, day};
}

PartialDate random_date(std::mt19937& random) {
    std::uniform_int_distribution<int> year(2013, 2015), month(1, 12), precision(0, 2);
    const int y = year(random), m = month(random);
    std::string text = std::to_string(y);
    const int p = precision(random);
    if (p >= 1) text += (m < 10 ? "-0" : "-") + std::to_string(m);
    if (p == 2) {
        const int days = static_cast<int>(static_cast<unsigned>(
            std::chrono::year_month_day_last(std::chrono::year(y),
                                             std::chrono::month_day_last(std::chrono::month(m)))
                .day()));
        const int day = std::uniform_int_distribution<int>(1, days)(random);
        text += (day < 10 ? "-0" : "-") + std::to_string(day);
    }
    return d(text.c_str());
}

}  // namespace

TEST_CASE("a partial date is the interval of days it may be", "[core][date]") {
    CHECK(kizuna::days_of(d("2014")) == DaySpan{20140101, 20141231});
    CHECK(kizuna::days_of(d("2014-02")) == DaySpan{20140201, 20140228});
    CHECK(kizuna::days_of(d("2016-02")) == DaySpan{20160201, 20160229});
    CHECK(kizuna::days_of(d("2024-11-15")) == DaySpan{20241115, 20241115});
}

TEST_CASE("the README's worked examples", "[core][date]") {
    // A relation starting "2014", open-ended.
    CHECK(at("2014", nullptr, "2014-03") == Activity::PossiblyActive);  // may not have begun by March
    CHECK(at("2014", nullptr, "2014") == Activity::Active);             // 2014-12-31 surely
    CHECK(at("2014", nullptr, "2015-01") == Activity::Active);
    CHECK(at("2014", nullptr, "2013") == Activity::Inactive);
    // The Kanagawa MOU, 2024-11-15, open-ended.
    CHECK(at("2024-11-15", nullptr, "2024-11-14") == Activity::Inactive);
    CHECK(at("2024-11-15", nullptr, "2024-11") == Activity::Active);
    CHECK(at("2024-11-15", nullptr, "2024") == Activity::Active);
    // 2014-03 to 2019.
    CHECK(at("2014-03", "2019", "2014-02-28") == Activity::Inactive);
    CHECK(at("2014-03", "2019", "2014-03-01") == Activity::PossiblyActive);
    CHECK(at("2014-03", "2019", "2014-03") == Activity::Active);
    CHECK(at("2014-03", "2019", "2019-06") == Activity::PossiblyActive);  // may have ended in January
    CHECK(at("2014-03", "2019", "2020") == Activity::Inactive);
    // Started and ended within the same year: never surely alive for a whole month.
    CHECK(at("2014", "2014", "2014-06") == Activity::PossiblyActive);
    CHECK(at("2014", "2014", "2014") == Activity::PossiblyActive);
    // No start: never surely alive.
    CHECK(at(nullptr, "2019", "2010") == Activity::PossiblyActive);
    CHECK(at(nullptr, "2019", "2020") == Activity::Inactive);
    // No dates at all.
    CHECK(at(nullptr, nullptr, "2020") == Activity::DateUnknown);
}

TEST_CASE("the old coarse comparison's contradictions are gone", "[core][date]") {
    // "2014" was equal to both "2014-03" and "2014-11", which are not equal to each other.
    CHECK_FALSE(kizuna::wholly_before(d("2014"), d("2014-03")));
    CHECK_FALSE(kizuna::wholly_before(d("2014-11"), d("2014")));
    CHECK(kizuna::wholly_before(d("2014-03"), d("2014-11")));
    // --as-of 2014 kept a relation starting 2014-12-31 and one ending in 2014 as if both were alive.
    CHECK(at("2014-12-31", nullptr, "2014") == Activity::Active);
    CHECK(at("2010", "2014-01-01", "2014") == Activity::Active);
    CHECK(at("2014-12-31", nullptr, "2014-06") == Activity::Inactive);
    // An end of 2014-05 may be after a start of 2014-05-20; an end of 2014-05-01 is not.
    CHECK_FALSE(kizuna::wholly_before(d("2014-05"), d("2014-05-20")));
    CHECK(kizuna::wholly_before(d("2014-05-01"), d("2014-05-20")));
}

TEST_CASE("date windows refuse --since after --until and --as-of with a period", "[core][date]") {
    CHECK(kizuna::date_window(std::nullopt, std::nullopt, std::nullopt) == std::nullopt);
    CHECK(*kizuna::date_window(d("2014-03"), std::nullopt, std::nullopt) == DaySpan{20140301, 20140331});
    CHECK(*kizuna::date_window(std::nullopt, d("2014"), d("2014-06")) == DaySpan{20140101, 20140630});
    CHECK(*kizuna::date_window(std::nullopt, d("2019"), std::nullopt) ==
          DaySpan{20190101, DaySpan::kAfterAll});
    CHECK_NOTHROW(kizuna::date_window(std::nullopt, d("2014-05"), d("2014")));  // within the year
    CHECK_THROWS_AS(kizuna::date_window(std::nullopt, d("2015"), d("2014")), kizuna::UsageError);
    CHECK_THROWS_AS(kizuna::date_window(d("2014"), d("2013"), std::nullopt), kizuna::UsageError);
}

TEST_CASE("activity agrees with a day-by-day count on random dates", "[core][date]") {
    using namespace std::chrono;
    std::mt19937 random(20141115);
    const auto all_days = days_between(year(2012) / January / 1, year(2016) / December / 31);
    int checked = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        const std::optional<PartialDate> start =
            trial % 7 == 0 ? std::nullopt : std::optional(random_date(random));
        const std::optional<PartialDate> end =
            trial % 3 == 0 ? std::nullopt : std::optional(random_date(random));
        if (start && end && kizuna::wholly_before(*end, *start)) continue;  // refused on import
        const PartialDate window = random_date(random);
        const auto [w_first, w_last] = calendar_span(window);
        // Sure life: after every day the start may be, before every day the end may be.
        const sys_days far_past = sys_days(year(2000) / 1 / 1), far_future = sys_days(year(2100) / 1 / 1);
        const auto [s_first, s_last] = start ? calendar_span(*start) : std::pair{far_past, far_future};
        const auto [e_first, e_last] = end ? calendar_span(*end) : std::pair{far_future, far_future};
        bool surely = false, possibly = false;
        for (const sys_days day : all_days) {
            if (day < w_first || day > w_last) continue;
            // With no start the relation may have begun any time: never surely alive.
            if (start && day >= s_last && day <= e_first) surely = true;
            if (day >= (start ? s_first : far_past) && day <= e_last) possibly = true;
        }
        Activity expected = surely     ? Activity::Active
                            : possibly ? Activity::PossiblyActive
                                       : Activity::Inactive;
        if (!start && !end) expected = Activity::DateUnknown;
        INFO((start ? start->to_string() : "-")
             << " .. " << (end ? end->to_string() : "-") << " at " << window.to_string());
        REQUIRE(kizuna::activity(start, end, kizuna::days_of(window)) == expected);
        ++checked;
    }
    CHECK(checked > 2000);
}

TEST_CASE("wholly-before agrees with the calendar and is transitive", "[core][date]") {
    std::mt19937 random(749);
    std::vector<PartialDate> dates;
    for (int i = 0; i < 60; ++i) dates.push_back(random_date(random));
    for (const auto& a : dates) {
        for (const auto& b : dates) {
            CHECK(kizuna::wholly_before(a, b) == (calendar_span(a).second < calendar_span(b).first));
            for (const auto& c : dates) {
                if (kizuna::wholly_before(a, b) && kizuna::wholly_before(b, c))
                    CHECK(kizuna::wholly_before(a, c));
            }
        }
    }
}

TEST_CASE("events are placed inside, possibly inside or outside a window", "[core][date]") {
    const DaySpan since_june_2019 = *kizuna::date_window(std::nullopt, d("2019-06"), std::nullopt);
    CHECK(kizuna::placement(d("2019-07-01"), since_june_2019) == kizuna::Placement::Inside);
    CHECK(kizuna::placement(d("2019"), since_june_2019) == kizuna::Placement::PossiblyInside);
    CHECK(kizuna::placement(d("2019-05"), since_june_2019) == kizuna::Placement::Outside);
    CHECK(kizuna::placement(d("2020"), since_june_2019) == kizuna::Placement::Inside);
}
