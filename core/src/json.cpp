#include "kizuna/core/json.h"

#include <nlohmann/json.hpp>
#include <set>

#include "kizuna/core/errors.h"

namespace kizuna {

using nlohmann::json;

namespace {

const std::set<std::string> kEntityJsonKeys = {"id",      "kind",       "names",  "aliases",
                                               "country", "attributes", "sources"};
const std::set<std::string> kRelationJsonKeys = {"id",    "type", "from",       "to",
                                                 "start", "end",  "attributes", "sources"};
const std::set<std::string> kTypeKeys = {"id", "labels", "directed", "description", "category"};
const std::set<std::string> kKindKeys = {"id", "labels", "description"};

void require_object(const json& in, const char* what, const std::set<std::string>& allowed) {
    if (!in.is_object()) throw InvalidDataError(std::string(what) + " must be a JSON object");
    for (const auto& item : in.items()) {
        if (!allowed.count(item.key())) {
            throw InvalidDataError(std::string("unknown field '") + item.key() + "' in " + what);
        }
    }
}

std::string string_field(const json& in, const char* key, bool required = false) {
    const auto found = in.find(key);
    if (found == in.end() || found->is_null()) {
        if (required) throw InvalidDataError(std::string("missing field '") + key + "'");
        return {};
    }
    if (!found->is_string()) throw InvalidDataError(std::string("field '") + key + "' must be a string");
    return found->get<std::string>();
}

std::optional<PartialDate> date_field(const json& in, const char* key) {
    // A year written as a number ("start": 2014), as people writing JSON by hand do, is that year.
    if (const auto found = in.find(key); found != in.end() && found->is_number_integer()) {
        return PartialDate::parse_or_throw(std::to_string(found->get<long long>()));
    }
    const std::string text = string_field(in, key);
    if (text.empty()) return std::nullopt;
    return PartialDate::parse_or_throw(text);
}

Attributes attributes_field(const json& in) {
    Attributes attributes;
    const auto found = in.find("attributes");
    if (found == in.end() || found->is_null()) return attributes;
    if (!found->is_object()) throw InvalidDataError("'attributes' must be an object of strings");
    for (const auto& item : found->items()) {
        if (!item.value().is_string()) {
            throw InvalidDataError("attribute '" + item.key() + "' must be a string");
        }
        attributes[item.key()] = item.value().get<std::string>();
    }
    return attributes;
}

std::vector<Source> sources_field(const json& in) {
    const auto found = in.find("sources");
    if (found == in.end() || found->is_null()) return {};
    if (!found->is_array()) throw InvalidDataError("'sources' must be an array of {title, url, locator}");
    return found->get<std::vector<Source>>();
}

json nullable(const std::optional<PartialDate>& date) {
    return date ? json(date->to_string()) : json(nullptr);
}

json nullable(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

}  // namespace

void to_json(json& out, const Source& source) {
    out = {{"title", source.title}, {"url", nullable(source.url)}, {"locator", nullable(source.locator)}};
}

void from_json(const json& in, Source& source) {
    require_object(in, "source", {"title", "url", "locator"});
    source.title = string_field(in, "title", true);
    source.url = string_field(in, "url");
    source.locator = string_field(in, "locator");
}

void to_json(json& out, const Entity& entity) {
    out = {{"id", entity.id},
           {"kind", entity.kind},
           {"names",
            {{"en", nullable(entity.names.en)},
             {"ja", nullable(entity.names.ja)},
             {"vi", nullable(entity.names.vi)}}},
           {"aliases", entity.aliases},
           {"country", nullable(entity.country)},
           {"attributes", entity.attributes},
           {"sources", entity.sources}};
}

void from_json(const json& in, Entity& entity) {
    require_object(in, "entity", kEntityJsonKeys);
    entity.id = string_field(in, "id", true);
    entity.kind = string_field(in, "kind", true);
    entity.names = {};
    if (const auto names = in.find("names"); names != in.end() && !names->is_null()) {
        require_object(*names, "names", {"en", "ja", "vi"});
        entity.names = {string_field(*names, "en"), string_field(*names, "ja"), string_field(*names, "vi")};
    }
    entity.aliases.clear();
    if (const auto aliases = in.find("aliases"); aliases != in.end() && !aliases->is_null()) {
        if (!aliases->is_array()) throw InvalidDataError("'aliases' must be an array of strings");
        for (const auto& alias : *aliases) {
            if (!alias.is_string()) throw InvalidDataError("'aliases' must be an array of strings");
            entity.aliases.push_back(alias.get<std::string>());
        }
    }
    entity.country = string_field(in, "country");
    entity.attributes = attributes_field(in);
    entity.sources = sources_field(in);
}

void to_json(json& out, const Relation& relation) {
    out = {{"id", relation.id},
           {"type", relation.type},
           {"from", relation.from},
           {"to", relation.to},
           {"start", nullable(relation.start)},
           {"end", nullable(relation.end)},
           {"attributes", relation.attributes},
           {"sources", relation.sources}};
}

void from_json(const json& in, Relation& relation) {
    require_object(in, "relation", kRelationJsonKeys);
    relation.id = string_field(in, "id", true);
    relation.type = string_field(in, "type", true);
    relation.from = string_field(in, "from", true);
    relation.to = string_field(in, "to", true);
    relation.start = date_field(in, "start");
    relation.end = date_field(in, "end");
    relation.attributes = attributes_field(in);
    relation.sources = sources_field(in);
}

namespace {

// {"en", "ja", "vi"} of a vocabulary entry (a relation type, an entity kind); empty labels are null.
template <typename Entry>
json labels_json(const Entry& entry) {
    return {
        {"en", nullable(entry.label_en)}, {"ja", nullable(entry.label_ja)}, {"vi", nullable(entry.label_vi)}};
}

// The entry's labels from its "labels" object (absent or null: none).
template <typename Entry>
void read_labels(const json& in, Entry& entry) {
    entry.label_en.clear();
    entry.label_ja.clear();
    entry.label_vi.clear();
    if (const auto labels = in.find("labels"); labels != in.end() && !labels->is_null()) {
        require_object(*labels, "labels", {"en", "ja", "vi"});
        entry.label_en = string_field(*labels, "en");
        entry.label_ja = string_field(*labels, "ja");
        entry.label_vi = string_field(*labels, "vi");
    }
}

}  // namespace

void to_json(json& out, const RelationType& type) {
    out = {{"id", type.id},
           {"labels", labels_json(type)},
           {"directed", type.directed},
           {"description", nullable(type.description)},
           {"category", type.category}};
}

void to_json(json& out, const EntityKind& kind) {
    out = {{"id", kind.id}, {"labels", labels_json(kind)}, {"description", nullable(kind.description)}};
}

void from_json(const json& in, EntityKind& kind) {
    require_object(in, "kind", kKindKeys);
    kind.id = string_field(in, "id", true);
    read_labels(in, kind);
    kind.description = string_field(in, "description");
}

void from_json(const json& in, RelationType& type) {
    require_object(in, "type", kTypeKeys);
    type.id = string_field(in, "id", true);
    read_labels(in, type);
    const auto directed = in.find("directed");
    if (directed == in.end() || !directed->is_boolean()) {
        throw InvalidDataError("field 'directed' must be true or false");
    }
    type.directed = directed->get<bool>();
    type.description = string_field(in, "description");
    type.category = string_field(in, "category");
    if (type.category.empty()) type.category = default_category(type.id);
}

std::string attributes_to_json_text(const Attributes& attributes) { return json(attributes).dump(); }

std::string sources_to_json_text(const std::vector<Source>& sources) { return json(sources).dump(); }

std::string strings_to_json_text(const std::vector<std::string>& strings) { return json(strings).dump(); }

namespace {
json parse_text(const std::string& text, const char* what) {
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        throw InvalidDataError(std::string(what) + " is not valid JSON: " + e.what());
    }
}
}  // namespace

Attributes attributes_from_json_text(const std::string& text) {
    if (text.empty()) return {};
    return attributes_field(json{{"attributes", parse_text(text, "attributes")}});
}

std::vector<Source> sources_from_json_text(const std::string& text) {
    if (text.empty()) return {};
    return sources_field(json{{"sources", parse_text(text, "sources")}});
}

std::vector<std::string> strings_from_json_text(const std::string& text) {
    if (text.empty()) return {};
    const json parsed = parse_text(text, "list");
    std::vector<std::string> out;
    if (!parsed.is_array()) throw InvalidDataError("expected a JSON array of strings");
    for (const auto& item : parsed) {
        if (!item.is_string()) throw InvalidDataError("expected a JSON array of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

}  // namespace kizuna
