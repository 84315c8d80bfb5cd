#include "style.h"

#include <functional>
#include <map>

namespace kizuna::viz {

NodeStyle node_style(const std::string& kind) {
    static const std::map<std::string, NodeStyle> kStyles = {
        {"government", {"doubleoctagon", "filled"}},
        {"ministry", {"box", "filled,bold"}},
        {"agency", {"box", "filled,rounded"}},
        {"department", {"box", "filled,rounded,dashed"}},
        {"prefecture", {"house", "filled"}},
        {"municipality", {"house", "filled"}},
        {"company", {"ellipse", "filled"}},
        {"university", {"tab", "filled"}},
        {"hospital", {"octagon", "filled"}},
        {"clinic", {"octagon", "filled,dashed"}},
        {"programme", {"parallelogram", "filled"}},
        {"system", {"cylinder", "filled"}},
        {"document", {"note", "filled"}},
        {"agreement", {"note", "filled,dashed"}},
        {"policy", {"component", "filled"}},
    };
    const auto found = kStyles.find(kind);
    return found == kStyles.end() ? NodeStyle{"ellipse", "filled,dashed"} : found->second;
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

EdgeStyle edge_style(const std::string& type) {
    static const std::map<std::string, EdgeStyle> kStyles = {
        {"mou", {"#1d4ed8", "bold"}},
        {"cooperation", {"#2563eb", "solid"}},
        {"partnership", {"#0891b2", "solid"}},
        {"acquisition", {"#b91c1c", "bold"}},
        {"subsidiary_of", {"#dc2626", "dashed"}},
        {"joint_venture", {"#7c3aed", "bold"}},
        {"part_of", {"#6b7280", "dashed"}},
        {"operates", {"#15803d", "solid"}},
        {"oversees", {"#4b5563", "dotted"}},
        {"established", {"#c2410c", "solid"}},
        {"developed", {"#0f766e", "solid"}},
        {"integrates_with", {"#0d9488", "dashed"}},
        {"supports", {"#65a30d", "solid"}},
        {"implements", {"#a16207", "solid"}},
        {"issued", {"#9333ea", "dotted"}},
        {"funds", {"#be185d", "dashed"}},
        {"authored", {"#64748b", "dotted"}},
        {"publishes", {"#64748b", "dashed"}},
        {"mentions", {"#94a3b8", "dotted"}},
        {"located_in", {"#94a3b8", "dashed"}},
    };
    const auto found = kStyles.find(type);
    return found == kStyles.end() ? EdgeStyle{"#374151", "solid"} : found->second;
}

}  // namespace kizuna::viz
