#pragma once
// The data model of PRODUCT.md: entities (nodes), relations (typed edges), relation types, sources.
// Plain values; validation lives in validation.h so that readers can build partial values first.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kizuna/core/partial_date.h"

namespace kizuna {

// Where a fact comes from. title is required; url and locator (page, section) may be empty.
struct Source {
    std::string title;
    std::string url;
    std::string locator;
    friend bool operator==(const Source&, const Source&) = default;
};

// Names in the three languages of the field; at least one is non-empty.
struct Names {
    std::string en;
    std::string ja;
    std::string vi;
    friend bool operator==(const Names&, const Names&) = default;
};

// Free-form attributes (city, website, founded, description, a stake, areas of cooperation ...).
using Attributes = std::map<std::string, std::string>;

struct Entity {
    std::string id;    // stable slug [a-z0-9][a-z0-9-]*
    std::string kind;  // slug from the open kind vocabulary (ministry, company ...)
    Names names;
    std::vector<std::string> aliases;
    std::string country;  // ISO 3166-1 alpha-2, may be empty
    Attributes attributes;
    std::vector<Source> sources;
    friend bool operator==(const Entity&, const Entity&) = default;
};

struct Relation {
    std::string id;    // slug, unique among relations
    std::string type;  // id of a RelationType
    std::string from;  // entity id
    std::string to;    // entity id
    std::optional<PartialDate> start;
    std::optional<PartialDate> end;
    Attributes attributes;
    std::vector<Source> sources;
    friend bool operator==(const Relation&, const Relation&) = default;
};

// An entry of the relation type vocabulary. A symmetric type (mou) reads the same both ways; a directed
// one reads from -> to (acquisition: acquirer -> target). Its category says what kind of tie it is;
// connection queries do not walk evidence (see relation_categories()).
struct RelationType {
    std::string id;
    std::string label_en;
    std::string label_ja;
    bool directed = true;
    std::string description;
    std::string category = "other";
    std::string label_vi;
    friend bool operator==(const RelationType&, const RelationType&) = default;
};

// An entry of the entity kind vocabulary (ministry, company ...): its names in the three languages. The
// vocabulary is open: an entity may have a kind the vocabulary does not list, shown by its id.
struct EntityKind {
    std::string id;
    std::string label_en;
    std::string label_ja;
    std::string label_vi;
    std::string description;
    friend bool operator==(const EntityKind&, const EntityKind&) = default;
};

// The closed set of relation categories, each with what it means (README "Relation categories").
struct RelationCategory {
    const char* id;
    const char* meaning;
};
[[nodiscard]] const std::vector<RelationCategory>& relation_categories();
[[nodiscard]] bool is_relation_category(const std::string& id);
// The category a type gets when its file gives none: the built-in type's, else "other".
[[nodiscard]] std::string default_category(const std::string& type_id);
// Evidence records where a fact was read (a document mentions X); it is never a partnership.
inline constexpr const char* kEvidence = "evidence";
[[nodiscard]] inline bool is_evidence(const RelationType& type) { return type.category == kEvidence; }

// The name to show for an entity in a language ("en", "ja", "vi"), falling back to the others, then the id.
[[nodiscard]] const std::string& display_name(const Entity& entity, const std::string& lang);
// The label of a type in a language ("ja" uses label_ja, "vi" label_vi when present; else label_en), or the
// id.
[[nodiscard]] const std::string& display_label(const RelationType& type, const std::string& lang);

// The label of a kind in a language, as display_label of a type does.
[[nodiscard]] const std::string& display_label(const EntityKind& kind, const std::string& lang);

// The vocabularies a new database starts with; data files may add to them.
[[nodiscard]] const std::vector<RelationType>& default_relation_types();
[[nodiscard]] const std::vector<EntityKind>& default_entity_kinds();

}  // namespace kizuna
