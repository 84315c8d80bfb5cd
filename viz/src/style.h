#pragma once
// Private to viz: the visual vocabulary — shapes for kinds, colours for countries, pens for types.
#include <string>

namespace kizuna::viz {

struct NodeStyle {
    const char* shape;
    const char* style;  // Graphviz style list, always including "filled"
};

struct EdgeStyle {
    const char* color;
    const char* style;
};

[[nodiscard]] NodeStyle node_style(const std::string& kind);
// Fill colour for a country (stable for unknown countries, light enough for black text).
[[nodiscard]] std::string country_fill(const std::string& country);
[[nodiscard]] EdgeStyle edge_style(const std::string& type);
// A readable country name for legends and clusters ("JP" -> "Japan"); the code itself when unknown.
// The kind in a language (ja, vi) when known, else the kind id itself.
[[nodiscard]] std::string kind_name(const std::string& kind, const std::string& lang);
[[nodiscard]] std::string country_name(const std::string& country, const std::string& lang);

}  // namespace kizuna::viz
