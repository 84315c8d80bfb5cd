#pragma once
// Private to viz: the visual vocabulary — shapes for kinds, colours for countries, pens for types. The
// explorer page gets the same values from style_sheet.h (GET /api/style), so both draw alike.
#include <string>
#include <vector>

#include "kizuna/core/model.h"
#include "kizuna/core/vocabulary.h"

namespace kizuna::viz {

struct NodeStyle {
    const char* shape;      // Graphviz shape
    const char* style;      // Graphviz style list, always including "filled"
    const char* web_shape;  // the nearest Cytoscape.js shape (the explorer page)
};

struct EdgeStyle {
    std::string color;
    const char* style;
};

[[nodiscard]] NodeStyle node_style(const std::string& kind);
// A font size in points for Graphviz: `points` times the diagram's text scale (above 1 when a frame's
// text is grown to stay readable).
[[nodiscard]] std::string font_points(double points, double scale);
// Fill colour for a country (stable for unknown countries, light enough for black text).
[[nodiscard]] std::string country_fill(const std::string& country);
// Fill colour for community group n (1 = the largest): twelve distinct light hues, then grey.
[[nodiscard]] std::string group_fill(std::size_t n);
inline constexpr std::size_t kGroupFills = 12;
// The palette rule: each relation category has a hue of its own (category_hue); the types of a category
// are shades of it, from dark to light in the order of the vocabulary (by id), so categories stay apart
// however many types the data adds. The pen is the type's own (bold, dashed …: diagrams only).
[[nodiscard]] EdgeStyle edge_style(const RelationType& type, const std::vector<RelationType>& vocabulary);
// The hue of a category (degrees) and its colour at mid lightness: the legend's swatch of the category.
[[nodiscard]] int category_hue(const std::string& category);
[[nodiscard]] std::string category_colour(const std::string& category);
// Kind and country names in the diagram's language: kizuna/core/vocabulary.h.

}  // namespace kizuna::viz
