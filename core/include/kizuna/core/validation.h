#pragma once
// Checks that model values obey PRODUCT.md. Each function throws InvalidDataError whose message names
// the field and the offending value; callers prefix the place (file:line).
#include <functional>
#include <string>
#include <string_view>

#include "kizuna/core/model.h"

namespace kizuna {

// The longest text accepted in any single field, in bytes (keeps diagrams and tables sane).
inline constexpr std::size_t kMaxFieldBytes = 16 * 1024;

// Entity and relation ids: [a-z0-9][a-z0-9-]*.
[[nodiscard]] bool is_slug(std::string_view text);
// Vocabulary ids (relation types, kinds) also allow '_': [a-z0-9][a-z0-9_-]*.
[[nodiscard]] bool is_vocabulary_id(std::string_view text);
// Valid UTF-8 without NUL or other C0 control characters except tab and newline.
[[nodiscard]] bool is_clean_utf8(std::string_view text);

void validate_text(std::string_view field, std::string_view text);
void validate_entity(const Entity& entity);
void validate_relation_type(const RelationType& type);
void validate_entity_kind(const EntityKind& kind);
// REQUIRES: the caller checks endpoints and type against the database (knows_type, knows_entity).
void validate_relation(const Relation& relation, const std::function<bool(const std::string&)>& knows_type,
                       const std::function<bool(const std::string&)>& knows_entity);

}  // namespace kizuna
