#pragma once
// Private to viz: the visual vocabulary — shapes for kinds, colours for countries, pens for types.
#include <string>

#include "kizuna/core/vocabulary.h"

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
// Kind and country names in the diagram's language: kizuna/core/vocabulary.h.

}  // namespace kizuna::viz
