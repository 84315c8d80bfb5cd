#pragma once
// Private to viz: text made safe for Graphviz attributes.
#include <string>
#include <string_view>

namespace kizuna::viz {

// The longest label or tooltip text we hand to Graphviz, in bytes (Graphviz fails on quoted strings
// over 16 KiB; labels this long are unreadable anyway).
inline constexpr std::size_t kMaxLabelBytes = 200;
inline constexpr std::size_t kMaxTooltipBytes = 2000;

// Plain text for an escString attribute (label, tooltip): backslashes escaped so \N, \G, \L and a
// trailing backslash lose their meaning (twice over in tooltips, which Graphviz unescapes twice); control
// characters become spaces; cut at max_bytes on a character boundary with an ellipsis. Lines are joined with
// Graphviz's own "\n" escape when keep_newlines. Throws InvalidDataError for invalid UTF-8.
[[nodiscard]] std::string safe_label(std::string_view text, std::size_t max_bytes,
                                     bool keep_newlines = false);

// A label of several lines for a node: the text broken at spaces (or anywhere, for scripts without
// spaces) into lines of at most `cells` terminal cells, each made safe as by safe_label, joined with
// Graphviz's centred line break.
[[nodiscard]] std::string wrapped_label(std::string_view text, std::size_t cells);

// The URL when it is a plain http(s) URL safe to link to, else empty; & written as &amp;, which
// Graphviz passes into SVG as it is.
[[nodiscard]] std::string safe_url(std::string_view url);

}  // namespace kizuna::viz
