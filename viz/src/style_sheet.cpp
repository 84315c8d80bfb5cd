#include "kizuna/viz/style_sheet.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "kizuna/core/vocabulary.h"
#include "style.h"

namespace kizuna::viz {

std::string style_sheet_json(const std::vector<EntityKind>& kind_vocabulary,
                             const std::vector<std::string>& used_kinds,
                             const std::vector<RelationType>& types,
                             const std::vector<std::string>& countries, const std::string& lang) {
    nlohmann::json sheet = {{"lang", lang}};
    // The explorer draws the strongest ties first: working together, then ownership, programmes, governance.
    static const char* const kRank[] = {"collaboration", "ownership", "programme", "governance",
                                        "other",         "place",     "evidence"};
    auto& categories = sheet["categories"] = nlohmann::json::array();
    for (const auto& category : relation_categories()) {
        const auto at = std::find_if(std::begin(kRank), std::end(kRank),
                                     [&](const char* id) { return category.id == std::string(id); });
        categories.push_back({{"id", category.id},
                              {"name", category_name(category.id, lang)},
                              {"colour", category_colour(category.id)},
                              {"rank", at - std::begin(kRank)}});
    }
    auto& type_list = sheet["types"] = nlohmann::json::array();
    for (const auto& type : types) {
        type_list.push_back({{"id", type.id},
                             {"label", display_label(type, lang)},
                             {"category", type.category},
                             {"colour", edge_style(type, types).color},
                             {"directed", type.directed}});
    }
    std::vector<std::string> kind_ids;
    for (const auto& kind : kind_vocabulary) kind_ids.push_back(kind.id);
    for (const auto& kind : used_kinds)
        if (std::find(kind_ids.begin(), kind_ids.end(), kind) == kind_ids.end()) kind_ids.push_back(kind);
    auto& kinds = sheet["kinds"] = nlohmann::json::array();
    for (const auto& id : kind_ids) {
        const EntityKind* named = find_kind(kind_vocabulary, id);
        kinds.push_back({{"id", id},
                         {"label", named != nullptr ? display_label(*named, lang) : id},
                         {"shape", node_style(id).web_shape},
                         {"used", std::find(used_kinds.begin(), used_kinds.end(), id) != used_kinds.end()}});
    }
    auto& country_list = sheet["countries"] = nlohmann::json::array();
    for (const auto& code : countries)
        country_list.push_back(
            {{"code", code}, {"name", country_name(code, lang)}, {"fill", country_fill(code)}});
    // Community groups (colour by community): the fills of groups 1 to kGroupFills, then one for the rest.
    auto& group_fills = sheet["groups"] = nlohmann::json::array();
    for (std::size_t n = 1; n <= kGroupFills + 1; ++n) group_fills.push_back(group_fill(n));
    sheet["fallback"] = {
        {"shape", node_style("").web_shape}, {"fill", country_fill("")}, {"colour", "#374151"}};
    return sheet.dump();
}

}  // namespace kizuna::viz
