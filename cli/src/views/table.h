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

// The width tables must fit: the terminal's columns when standard output is one, else $COLUMNS, else 0
// (no limit: a file or a pipe gets whole names).
void set_line_width(std::size_t columns);
[[nodiscard]] std::size_t line_width();

class Table {
  public:
    // Headers are English words, shown in lang (words.h).
    explicit Table(std::vector<std::string> headers, const std::string& lang = "en");
    void add(std::vector<std::string> row);
    [[nodiscard]] bool empty() const { return rows_.empty(); }
    // Prints the header, a rule and the rows, within the line width (set_line_width): when the cells do
    // not fit, the widest columns are cut first, never below a few cells. max_cell caps every cell.
    void print(std::ostream& out, std::size_t max_cell = 0) const;

  private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace kizuna::cli
