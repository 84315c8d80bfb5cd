#include "kizuna/core/validation.h"

#include <utf8proc.h>

#include "kizuna/core/date_rule.h"
#include "kizuna/core/errors.h"

namespace kizuna {

namespace {

void fail(std::string message) { throw InvalidDataError(std::move(message)); }

void validate_sources(const std::vector<Source>& sources) {
    for (const auto& source : sources) {
        if (source.title.empty()) fail("a source needs a title");
        validate_text("source title", source.title);
        validate_text("source url", source.url);
        validate_text("source locator", source.locator);
    }
}

void validate_attributes(const Attributes& attributes) {
    for (const auto& [key, value] : attributes) {
        if (key.empty()) fail("an attribute needs a name");
        validate_text("attribute name", key);
        validate_text("attribute '" + key + "'", value);
    }
}

}  // namespace

namespace {
bool is_identifier(std::string_view text, bool allow_underscore) {
    if (text.empty()) return false;
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!alnum(text.front())) return false;
    for (char c : text) {
        if (!alnum(c) && c != '-' && !(allow_underscore && c == '_')) return false;
    }
    return true;
}
}  // namespace

bool is_slug(std::string_view text) { return is_identifier(text, false); }

bool is_vocabulary_id(std::string_view text) { return is_identifier(text, true); }

bool is_clean_utf8(std::string_view text) {
    auto* at = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        utf8proc_int32_t codepoint = 0;
        const utf8proc_ssize_t length = utf8proc_iterate(at, remaining, &codepoint);
        if (length <= 0) return false;
        if ((codepoint < 0x20 && codepoint != '\t' && codepoint != '\n' && codepoint != '\r') ||
            codepoint == 0x7f) {
            return false;
        }
        at += length;
        remaining -= length;
    }
    return true;
}

void validate_text(std::string_view field, std::string_view text) {
    if (text.size() > kMaxFieldBytes) {
        fail(std::string(field) + " is too long (" + std::to_string(text.size()) + " bytes, at most " +
             std::to_string(kMaxFieldBytes) + ")");
    }
    if (!is_clean_utf8(text)) {
        fail(std::string(field) + " is not valid UTF-8 text (invalid bytes, NUL or control characters)");
    }
}

void validate_entity(const Entity& entity) {
    if (!is_slug(entity.id)) {
        fail("bad entity id '" + entity.id + "': use lower-case letters, digits and '-', e.g. vn-moh");
    }
    if (!is_vocabulary_id(entity.kind)) fail("entity " + entity.id + ": bad kind '" + entity.kind + "'");
    if (entity.names.en.empty() && entity.names.ja.empty() && entity.names.vi.empty()) {
        fail("entity " + entity.id + ": needs at least one name (en, ja or vi)");
    }
    validate_text("name_en", entity.names.en);
    validate_text("name_ja", entity.names.ja);
    validate_text("name_vi", entity.names.vi);
    for (const auto& alias : entity.aliases) {
        if (alias.empty()) fail("entity " + entity.id + ": empty alias");
        validate_text("alias", alias);
    }
    const auto& c = entity.country;
    if (!c.empty() && (c.size() != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z')) {
        fail("entity " + entity.id + ": bad country '" + c + "': use ISO 3166-1 alpha-2 such as JP or VN");
    }
    validate_attributes(entity.attributes);
    validate_sources(entity.sources);
}

namespace {

// An entry of a vocabulary (a relation type, an entity kind): a vocabulary id, clean labels.
void validate_vocabulary_entry(const char* what, const std::string& id,
                               std::initializer_list<std::pair<const char*, const std::string*>> texts) {
    if (!is_vocabulary_id(id)) fail(std::string("bad ") + what + " id '" + id + "'");
    for (const auto& [field, text] : texts) validate_text(field, *text);
}

}  // namespace

void validate_relation_type(const RelationType& type) {
    validate_vocabulary_entry("relation type", type.id,
                              {{"label_en", &type.label_en},
                               {"label_ja", &type.label_ja},
                               {"label_vi", &type.label_vi},
                               {"description", &type.description}});
    if (!is_relation_category(type.category)) {
        std::string known;
        for (const auto& category : relation_categories())
            known += (known.empty() ? "" : ", ") + std::string(category.id);
        fail("relation type " + type.id + ": unknown category '" + type.category + "' (categories: " + known +
             ")");
    }
}

void validate_entity_kind(const EntityKind& kind) {
    validate_vocabulary_entry("entity kind", kind.id,
                              {{"label_en", &kind.label_en},
                               {"label_ja", &kind.label_ja},
                               {"label_vi", &kind.label_vi},
                               {"description", &kind.description}});
}

void validate_relation(const Relation& relation, const std::function<bool(const std::string&)>& knows_type,
                       const std::function<bool(const std::string&)>& knows_entity) {
    if (!is_slug(relation.id)) {
        fail("bad relation id '" + relation.id + "': use lower-case letters, digits and '-'");
    }
    if (!knows_type(relation.type))
        fail("relation " + relation.id + ": unknown type '" + relation.type + "'");
    for (const std::string* end : {&relation.from, &relation.to}) {
        if (end->empty())
            fail("relation " + relation.id + ": missing " + (end == &relation.from ? "from" : "to"));
        if (!knows_entity(*end)) fail("relation " + relation.id + ": unknown entity '" + *end + "'");
    }
    if (relation.from == relation.to) fail("relation " + relation.id + ": from and to are the same entity");
    if (relation.start && relation.end && wholly_before(*relation.end, *relation.start)) {
        fail("relation " + relation.id + ": end " + relation.end->to_string() + " is before start " +
             relation.start->to_string() +
             " (every day the end may be comes before every day the start may be)");
    }
    validate_attributes(relation.attributes);
    validate_sources(relation.sources);
}

}  // namespace kizuna
