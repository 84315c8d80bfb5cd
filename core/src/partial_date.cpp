#include "kizuna/core/partial_date.h"

#include <charconv>

#include "kizuna/core/errors.h"

namespace kizuna {

namespace {

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

bool parse_digits(std::string_view text, std::size_t length, int& out) {
    if (text.size() != length) return false;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    std::from_chars(text.data(), text.data() + text.size(), out);
    return true;
}

// Why the text is not a partial date, or empty when it is one.
std::string problem(std::string_view text, int& year, int& month, int& day) {
    year = month = day = 0;
    const std::string_view year_part = text.substr(0, 4);
    if (!parse_digits(year_part, 4, year) || (text.size() > 4 && text[4] != '-')) {
        return "expected YYYY, YYYY-MM or YYYY-MM-DD";
    }
    if (year < kMinYear || year > kMaxYear) return "year out of range";
    if (text.size() == 4) return {};
    if (!parse_digits(text.substr(5, 2), 2, month) || (text.size() > 7 && text[7] != '-')) {
        return "expected YYYY, YYYY-MM or YYYY-MM-DD";
    }
    if (month < 1 || month > 12) return "month must be 01 to 12";
    if (text.size() == 7) return {};
    if (!parse_digits(text.substr(8), 2, day)) return "expected YYYY, YYYY-MM or YYYY-MM-DD";
    if (day < 1 || day > days_in_month(year, month)) {
        return "day " + std::to_string(day) + " does not exist in " + std::string(text.substr(0, 7));
    }
    return {};
}

}  // namespace

int days_in_month(int year, int month) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<PartialDate> PartialDate::parse(std::string_view text) {
    int year = 0, month = 0, day = 0;
    if (!problem(text, year, month, day).empty()) return std::nullopt;
    return PartialDate(year, month, day);
}

PartialDate PartialDate::parse_or_throw(std::string_view text) {
    int year = 0, month = 0, day = 0;
    const std::string why = problem(text, year, month, day);
    if (!why.empty()) throw InvalidDataError("bad date '" + std::string(text) + "': " + why);
    return PartialDate(year, month, day);
}

std::optional<PartialDate> PartialDate::from_packed(std::int32_t packed) {
    if (packed <= 0) return std::nullopt;
    return PartialDate(packed / 10000, packed / 100 % 100, packed % 100);
}

PartialDate::Precision PartialDate::precision() const {
    if (month_ == 0) return Precision::Year;
    return day_ == 0 ? Precision::Month : Precision::Day;
}

std::string PartialDate::to_string() const {
    char buffer[11];
    auto put2 = [](char* at, int value) {
        at[0] = static_cast<char>('0' + value / 10);
        at[1] = static_cast<char>('0' + value % 10);
    };
    put2(buffer, year_ / 100);
    put2(buffer + 2, year_ % 100);
    std::size_t length = 4;
    if (month_ != 0) {
        buffer[4] = '-';
        put2(buffer + 5, month_);
        length = 7;
    }
    if (day_ != 0) {
        buffer[7] = '-';
        put2(buffer + 8, day_);
        length = 10;
    }
    return std::string(buffer, length);
}

}  // namespace kizuna
