#pragma once
// A partial ISO date: a year, a year-month, or a full date ("2014", "2014-03", "2024-11-15").
// Two partial dates are compared at the coarser of their precisions, so "2014" equals "2014-03-01"
// and "2014-03" is before "2014-04-02".
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kizuna {

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

    // Compares at the coarser precision of the two: "2014" <=> "2014-03-05" is equivalent.
    friend std::weak_ordering compare_coarse(const PartialDate& a, const PartialDate& b);
    // Exact identity (same fields, same precision).
    friend bool operator==(const PartialDate&, const PartialDate&) = default;

  private:
    PartialDate(int year, int month, int day) : year_(year), month_(month), day_(day) {}
    int year_ = 0;
    int month_ = 0;
    int day_ = 0;
};

std::weak_ordering compare_coarse(const PartialDate& a, const PartialDate& b);

// PRODUCT.md's rule: active at D when start <= D and (end absent or end >= D), at the coarser precision.
// An absent start means "since always".
[[nodiscard]] bool active_at(const std::optional<PartialDate>& start, const std::optional<PartialDate>& end,
                             const PartialDate& when);

// Active at some time within [from, to] (either bound may be absent): the relation's interval overlaps.
[[nodiscard]] bool overlaps(const std::optional<PartialDate>& start, const std::optional<PartialDate>& end,
                            const std::optional<PartialDate>& from, const std::optional<PartialDate>& to);

}  // namespace kizuna
