#pragma once
// A partial ISO date: a year, a year-month, or a full date ("2014", "2014-03", "2024-11-15").
// It stands for an interval of days; how dates compare, and what "active" means, is date_rule.h.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kizuna {

// Days in a month of the Gregorian calendar (1..12), leap years counted.
[[nodiscard]] int days_in_month(int year, int month);

class PartialDate {
  public:
    enum class Precision { Year, Month, Day };

    // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date). Returns nullopt otherwise.
    [[nodiscard]] static std::optional<PartialDate> parse(std::string_view text);
    // As parse(), but throws InvalidDataError with a message that quotes the text and says why.
    static PartialDate parse_or_throw(std::string_view text);

    int year() const { return year_; }
    int month() const { return month_; }  // 0 when the precision is Year
    int day() const { return day_; }      // 0 when the precision is Year or Month
    Precision precision() const;
    std::string to_string() const;

    // A compact 32-bit form (YYYYMMDD, zeros for missing parts) for the in-memory graph; 0 is reserved
    // for "no date". from_packed(packed()) == *this.
    [[nodiscard]] std::int32_t packed() const { return year_ * 10000 + month_ * 100 + day_; }
    [[nodiscard]] static std::optional<PartialDate> from_packed(std::int32_t packed);

    // Exact identity (same fields, same precision).
    friend bool operator==(const PartialDate&, const PartialDate&) = default;

  private:
    PartialDate(int year, int month, int day) : year_(year), month_(month), day_(day) {}
    int year_ = 0;
    int month_ = 0;
    int day_ = 0;
};

}  // namespace kizuna
