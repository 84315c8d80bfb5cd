#pragma once
// The JSON shapes of PRODUCT.md for model values, through nlohmann's ADL hooks. Only the forward
// declaration of nlohmann::json is exposed here. from_json throws InvalidDataError naming the field.
#include <nlohmann/json_fwd.hpp>

#include "kizuna/core/model.h"

namespace kizuna {

void to_json(nlohmann::json& out, const Source& source);
void to_json(nlohmann::json& out, const Entity& entity);
void to_json(nlohmann::json& out, const Relation& relation);
void to_json(nlohmann::json& out, const RelationType& type);
void to_json(nlohmann::json& out, const EntityKind& kind);

void from_json(const nlohmann::json& in, Source& source);
void from_json(const nlohmann::json& in, Entity& entity);
void from_json(const nlohmann::json& in, Relation& relation);
void from_json(const nlohmann::json& in, RelationType& type);
void from_json(const nlohmann::json& in, EntityKind& kind);

// Attributes and sources as compact JSON text (how the store and the CSV files keep them).
[[nodiscard]] std::string attributes_to_json_text(const Attributes& attributes);
[[nodiscard]] Attributes attributes_from_json_text(const std::string& text);
[[nodiscard]] std::string sources_to_json_text(const std::vector<Source>& sources);
[[nodiscard]] std::vector<Source> sources_from_json_text(const std::string& text);
[[nodiscard]] std::string strings_to_json_text(const std::vector<std::string>& strings);
[[nodiscard]] std::vector<std::string> strings_from_json_text(const std::string& text);

}  // namespace kizuna
