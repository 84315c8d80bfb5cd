#pragma once
// Writing CSV (RFC 4180): the one place where fields are quoted, for every writer of CSV (the exporters,
// the command line's --format csv, the benchmark's generated files).
#include <string>
#include <vector>

namespace kizuna {

// The fields joined by commas and ended by CRLF; a field is quoted (quotes doubled) only when it holds a
// comma, quote, CR or LF, or starts or ends with a space, so files stay readable.
[[nodiscard]] std::string format_csv_row(const std::vector<std::string>& fields);

}  // namespace kizuna
