#pragma once
// A plain-text table for terminals: columns padded by display width, so Japanese (two cells per
// character) and Vietnamese (combining marks) line up. Over-long cells are cut with an ellipsis.
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace kizuna::cli {

// Terminal cells the text takes (wide characters count 2, combining marks 0).
[[nodiscard]] std::size_t display_width(std::string_view text);
// The text cut to at most width cells, ending in "…" when cut.
[[nodiscard]] std::string fit_width(std::string_view text, std::size_t width);

class Table {
  public:
    // Headers are English words, shown in lang (words.h).
    explicit Table(std::vector<std::string> headers, const std::string& lang = "en");
    void add(std::vector<std::string> row);
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    // Prints the header, a rule and the rows; each cell at most max_cell cells wide.
    void print(std::ostream& out, std::size_t max_cell = 48) const;

  private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace kizuna::cli
