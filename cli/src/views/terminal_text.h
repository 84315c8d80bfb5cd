#pragma once
// Text from the data made safe for a terminal: control characters (a carriage return that rewrites a
// line, an escape sequence) and bidirectional overrides (U+202E and its kin, which make a name read
// backwards) are shown as <U+XXXX> instead of acting; invalid UTF-8 bytes as <0xNN>. Line feeds stay.
// Only table output goes through it: JSON and CSV keep the data as it is.
#include <string>
#include <string_view>

namespace kizuna::cli {

[[nodiscard]] std::string visible_text(std::string_view text);

}  // namespace kizuna::cli
