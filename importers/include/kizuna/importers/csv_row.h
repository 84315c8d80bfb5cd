#pragma once
// One RFC 4180 CSV row, for every writer of CSV (exports and the CLI's --format csv).
#include <string>
#include <vector>

namespace kizuna {

// The fields joined by commas and ended by CRLF; a field is quoted (quotes doubled) only when it holds a
// comma, quote, CR or LF, or starts or ends with a space, so files stay readable.
[[nodiscard]] std::string format_csv_row(const std::vector<std::string>& fields);

}  // namespace kizuna
