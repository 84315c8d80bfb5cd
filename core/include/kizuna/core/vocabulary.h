#pragma once
// The words of the data's vocabularies in English, Japanese and Vietnamese: entity kinds (from the
// database's vocabulary), countries and relation categories (built in), and how a word a user types (an id or
// a name in any language, any case or width) finds the value it names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/core/model.h"

namespace kizuna {

// The entry of a kind vocabulary (the database's: Graph::entity_kinds()) with this id; nullptr when the
// vocabulary does not name the kind.
[[nodiscard]] const EntityKind* find_kind(const std::vector<EntityKind>& vocabulary, const std::string& kind);
// The name of a country code ("JP": Japan, 日本, Nhật Bản); "" is "no country"; unknown codes as they are.
[[nodiscard]] std::string country_name(const std::string& country, const std::string& lang);
// The name of a relation category ("evidence": 根拠資料, nguồn tài liệu).
[[nodiscard]] std::string category_name(const std::string& category, const std::string& lang);

// The id among `known` that `wanted` names: the id itself, or one of its names in any language,
// compared by search_key (case, width and diacritics folded). nullopt when none does.
[[nodiscard]] std::optional<std::string> match_kind(std::string_view wanted,
                                                    const std::vector<std::string>& known,
                                                    const std::vector<EntityKind>& vocabulary);
[[nodiscard]] std::optional<std::string> match_country(std::string_view wanted,
                                                       const std::vector<std::string>& known);
// The index of the type `wanted` names among `types` (its id or its label in any language).
[[nodiscard]] std::optional<std::size_t> match_type(std::string_view wanted,
                                                    const std::vector<RelationType>& types);

}  // namespace kizuna
