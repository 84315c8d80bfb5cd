#include "table.h"

#include <utf8proc.h>

#include <algorithm>
#include <ostream>

#include "terminal_text.h"
#include "words.h"

namespace kizuna::cli {

namespace {

// Calls visit(codepoint_bytes, cells) for each character; invalid bytes count as one cell each.
template <typename Visit>
void for_each_char(std::string_view text, Visit visit) {
    std::size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                  static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        std::size_t length = n > 0 ? static_cast<std::size_t>(n) : 1;
        std::size_t cells = 1;
        if (n > 0) {
            int w = utf8proc_charwidth(cp);
            cells = w < 0 ? 0 : static_cast<std::size_t>(w);
            if (cp == '\n' || cp == '\t') cells = 1;
        }
        visit(text.substr(i, length), cells);
        i += length;
    }
}

// Table cells are one line: newlines, tabs and carriage returns become spaces.
std::string one_line(std::string_view text) {
    std::string line(text);
    std::replace(line.begin(), line.end(), '\n', ' ');
    std::replace(line.begin(), line.end(), '\t', ' ');
    std::replace(line.begin(), line.end(), '\r', ' ');
    return line;
}

}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for_each_char(text, [&](std::string_view, std::size_t cells) { width += cells; });
    return width;
}

std::string fit_width(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    std::string cut;
    std::size_t used = 0;
    bool full = false;
    for_each_char(text, [&](std::string_view bytes, std::size_t cells) {
        if (full || used + cells + 1 > width) {
            full = true;
            return;
        }
        cut += bytes;
        used += cells;
    });
    return cut + "…";
}

Table::Table(std::vector<std::string> headers, const std::string& lang) : headers_(std::move(headers)) {
    for (auto& header : headers_) header = tr(header, lang);
}

void Table::add(std::vector<std::string> row) {
    row.resize(headers_.size());
    rows_.push_back(std::move(row));
}

namespace {

std::size_t g_line_width = 0;

// The narrowest a column is cut to: enough for a short name or a date.
constexpr std::size_t kNarrowestColumn = 10;

}  // namespace

void set_line_width(std::size_t columns) { g_line_width = columns; }
std::size_t line_width() { return g_line_width; }

void Table::print(std::ostream& out, std::size_t max_cell) const {
    std::vector<std::vector<std::string>> cells;
    cells.reserve(rows_.size() + 1);
    cells.push_back(headers_);
    for (const auto& row : rows_) {
        std::vector<std::string> clean;
        for (const auto& cell : row) {
            std::string text = visible_text(one_line(cell));
            clean.push_back(max_cell > 0 ? fit_width(text, max_cell) : std::move(text));
        }
        cells.push_back(std::move(clean));
    }
    std::vector<std::size_t> widths(headers_.size(), 0);
    for (const auto& row : cells) {
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    // Too wide for the line: take a cell at a time from the widest column that can still give one.
    if (g_line_width > 0 && !widths.empty()) {
        auto total = [&] {
            std::size_t sum = 2 * (widths.size() - 1);
            for (const auto w : widths) sum += w;
            return sum;
        };
        while (total() > g_line_width) {
            const auto widest = std::max_element(widths.begin(), widths.end());
            if (*widest <= kNarrowestColumn) break;  // as narrow as it gets: the line wraps
            --*widest;
        }
        for (auto& row : cells) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                if (display_width(row[c]) > widths[c]) row[c] = fit_width(row[c], widths[c]);
            }
        }
    }
    auto print_row = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size()) line += std::string(widths[c] - display_width(row[c]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    };
    print_row(cells.front());
    std::string rule;
    for (std::size_t c = 0; c < widths.size(); ++c) {
        for (std::size_t i = 0; i < widths[c]; ++i) rule += "─";
        if (c + 1 < widths.size()) rule += "  ";
    }
    out << rule << '\n';
    for (std::size_t r = 1; r < cells.size(); ++r) print_row(cells[r]);
}

}  // namespace kizuna::cli
