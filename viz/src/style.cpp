#include "style.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

namespace kizuna::viz {

NodeStyle node_style(const std::string& kind) {
    static const std::map<std::string, NodeStyle> kStyles = {
        {"government", {"doubleoctagon", "filled", "octagon"}},
        {"ministry", {"box", "filled,bold", "rectangle"}},
        {"agency", {"box", "filled,rounded", "round-rectangle"}},
        {"department", {"box", "filled,rounded,dashed", "round-rectangle"}},
        {"prefecture", {"house", "filled", "pentagon"}},
        {"municipality", {"house", "filled", "pentagon"}},
        {"company", {"ellipse", "filled", "ellipse"}},
        {"university", {"tab", "filled", "cut-rectangle"}},
        {"hospital", {"octagon", "filled", "octagon"}},
        {"clinic", {"octagon", "filled,dashed", "octagon"}},
        {"programme", {"parallelogram", "filled", "rhomboid"}},
        {"system", {"cylinder", "filled", "barrel"}},
        {"document", {"note", "filled", "tag"}},
        {"agreement", {"note", "filled,dashed", "tag"}},
        {"policy", {"component", "filled", "hexagon"}},
    };
    const auto found = kStyles.find(kind);
    return found == kStyles.end() ? NodeStyle{"ellipse", "filled,dashed", "ellipse"} : found->second;
}

std::string font_points(double points, double scale) {
    char text[32];
    // Up to the next tenth: the text is never smaller than the scale asks.
    std::snprintf(text, sizeof text, "%.1f", std::ceil(points * scale * 10 - 1e-9) / 10);
    return text;
}

std::string country_fill(const std::string& country) {
    static const std::map<std::string, std::string> kFills = {
        {"JP", "#fde2e4"}, {"VN", "#fff1c1"}, {"", "#eeeeee"},   {"US", "#dbeafe"},
        {"KR", "#e0f2e9"}, {"CN", "#fde8d7"}, {"TH", "#ede4fb"}, {"SG", "#d9f2f7"},
    };
    if (const auto found = kFills.find(country); found != kFills.end()) return found->second;
    static const char* const kPalette[] = {"#e8f5e9", "#e3f2fd", "#f3e5f5", "#fff8e1", "#e0f7fa", "#fbe9e7"};
    return kPalette[std::hash<std::string>{}(country) % std::size(kPalette)];
}

std::string group_fill(std::size_t n) {
    static const char* const kFills[kGroupFills] = {"#c7e9f1", "#fde2b8", "#d4edc9", "#f8cfd9",
                                                    "#e2d6f3", "#fff3a8", "#cde0f7", "#f6d5c3",
                                                    "#c9efe0", "#eadcc9", "#f3d0f0", "#dfe6c3"};
    return n >= 1 && n <= kGroupFills ? kFills[n - 1] : "#e5e7eb";
}

namespace {

// HSL (degrees, 0..1, 0..1) as #rrggbb.
std::string hsl(double hue, double saturation, double lightness) {
    const double chroma = (1 - std::fabs(2 * lightness - 1)) * saturation;
    const double h = std::fmod(hue, 360.0) / 60.0;
    const double x = chroma * (1 - std::fabs(std::fmod(h, 2.0) - 1));
    double r = 0, g = 0, b = 0;
    if (h < 1)
        r = chroma, g = x;
    else if (h < 2)
        r = x, g = chroma;
    else if (h < 3)
        g = chroma, b = x;
    else if (h < 4)
        g = x, b = chroma;
    else if (h < 5)
        r = x, b = chroma;
    else
        r = chroma, b = x;
    const double m = lightness - chroma / 2;
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", static_cast<unsigned>(std::lround((r + m) * 255)),
                  static_cast<unsigned>(std::lround((g + m) * 255)),
                  static_cast<unsigned>(std::lround((b + m) * 255)));
    return text;
}

// Evidence and "other" are greyish (little saturation): they are not ties of their own kind.
double category_saturation(const std::string& category) {
    return category == "evidence" ? 0.12 : category == "other" ? 0.25 : 0.7;
}

}  // namespace

int category_hue(const std::string& category) {
    static const std::map<std::string, int> kHues = {
        {"collaboration", 220}, {"ownership", 0},  {"governance", 28}, {"programme", 140},
        {"place", 285},         {"evidence", 215}, {"other", 180},
    };
    const auto found = kHues.find(category);
    return found == kHues.end() ? 180 : found->second;
}

std::string category_colour(const std::string& category) {
    return hsl(category_hue(category), category_saturation(category), 0.42);
}

EdgeStyle edge_style(const RelationType& type, const std::vector<RelationType>& vocabulary) {
    static const std::map<std::string, const char*> kPens = {
        {"mou", "bold"},
        {"acquisition", "bold"},
        {"subsidiary_of", "dashed"},
        {"joint_venture", "bold"},
        {"part_of", "dashed"},
        {"oversees", "dotted"},
        {"integrates_with", "dashed"},
        {"issued", "dotted"},
        {"funds", "dashed"},
        {"authored", "dotted"},
        {"publishes", "dashed"},
        {"mentions", "dotted"},
        {"located_in", "dashed"},
    };
    // The type's place among its category's types, by id (the vocabulary is ordered by id).
    std::vector<std::string> siblings;
    for (const auto& other : vocabulary)
        if (other.category == type.category) siblings.push_back(other.id);
    if (std::find(siblings.begin(), siblings.end(), type.id) == siblings.end()) siblings.push_back(type.id);
    std::sort(siblings.begin(), siblings.end());
    const auto index =
        static_cast<double>(std::find(siblings.begin(), siblings.end(), type.id) - siblings.begin());
    const double count = static_cast<double>(siblings.size());
    // Shades from 28 % to 58 % lightness: the darkest and lightest still read on white and stay lines.
    const double lightness = count <= 1 ? 0.42 : 0.28 + 0.30 * index / (count - 1);
    const auto pen = kPens.find(type.id);
    return {hsl(category_hue(type.category), category_saturation(type.category), lightness),
            pen == kPens.end() ? "solid" : pen->second};
}

}  // namespace kizuna::viz
