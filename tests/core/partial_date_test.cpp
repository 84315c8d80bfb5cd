#include "kizuna/core/partial_date.h"

#include <catch2/catch.hpp>

#include "kizuna/core/errors.h"

using kizuna::PartialDate;

namespace {
PartialDate d(const char* text) { return PartialDate::parse_or_throw(text); }
}  // namespace

TEST_CASE("partial dates parse at three precisions", "[core][date]") {
    CHECK(d("2014").precision() == PartialDate::Precision::Year);
    CHECK(d("2014-03").precision() == PartialDate::Precision::Month);
    CHECK(d("2024-11-15").precision() == PartialDate::Precision::Day);
    CHECK(d("2024-11-15").year() == 2024);
    CHECK(d("2024-11-15").month() == 11);
    CHECK(d("2024-11-15").day() == 15);
    CHECK(d("2024-02-29").to_string() == "2024-02-29");
    CHECK(d("2014-03").to_string() == "2014-03");
    CHECK(PartialDate::from_packed(d("2014-03").packed()) == d("2014-03"));
    CHECK_FALSE(PartialDate::from_packed(0).has_value());
}

TEST_CASE("impossible dates are rejected with the reason", "[core][date]") {
    for (const char* bad : {"", "24", "2024-1", "2024-13", "2024-00", "2024-11-5", "2024/11/15",
                            "2024-11-15T00", "２０２４", " 2024", "2024-"}) {
        INFO(bad);
        CHECK_FALSE(PartialDate::parse(bad).has_value());
        CHECK_THROWS_AS(PartialDate::parse_or_throw(bad), kizuna::InvalidDataError);
    }
    CHECK_THROWS_WITH(PartialDate::parse_or_throw("2024-13-40"),
                      "bad date '2024-13-40': month must be 01 to 12");
    CHECK_THROWS_WITH(PartialDate::parse_or_throw("2023-02-29"),
                      "bad date '2023-02-29': day 29 does not exist in 2023-02");
    CHECK_THROWS_WITH(PartialDate::parse_or_throw("2024-04-31"),
                      "bad date '2024-04-31': day 31 does not exist in 2024-04");
}

TEST_CASE("partial dates keep their precision in identity", "[core][date]") {
    CHECK_FALSE(d("2014") == d("2014-01"));
    CHECK(d("2014-03") == d("2014-03"));
}
