// Entities, relations and values between the JSON the engine writes and the API's plain types.
#include "facade_internal.h"

namespace kizuna::api {

namespace {

using nlohmann::json;

std::optional<std::string> text_or_null(const json& value) {
    if (value.is_null()) return std::nullopt;
    return value.is_string() ? value.get<std::string>() : value.dump();
}

std::string text_of(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    return value.is_null() ? std::string() : value.dump();
}

// Attributes are text; anything else (a number a file gave) keeps its JSON spelling.
std::map<std::string, std::string> attributes_from(const json& json_object) {
    std::map<std::string, std::string> out;
    if (!json_object.is_object()) return out;
    for (const auto& [key, value] : json_object.items()) out.emplace(key, text_of(value));
    return out;
}

std::vector<Source> sources_from(const json& list) {
    std::vector<Source> out;
    if (!list.is_array()) return out;
    for (const auto& source : list) {
        out.push_back({text_of(source.value("title", json())), text_or_null(source.value("url", json())),
                       text_or_null(source.value("locator", json()))});
    }
    return out;
}

json sources_json(const std::vector<Source>& sources) {
    json out = json::array();
    for (const auto& source : sources) {
        json one = {{"title", source.title}};
        if (source.url) one["url"] = *source.url;
        if (source.locator) one["locator"] = *source.locator;
        out.push_back(std::move(one));
    }
    return out;
}

}  // namespace

Entity entity_from(const json& j) {
    Entity entity;
    entity.id = text_of(j.value("id", json()));
    entity.kind = text_of(j.value("kind", json()));
    entity.country = text_of(j.value("country", json()));
    if (const auto names = j.find("names"); names != j.end() && names->is_object()) {
        for (const auto& [lang, name] : names->items()) {
            if (!name.is_null()) entity.names.emplace(lang, text_of(name));
        }
    }
    if (const auto aliases = j.find("aliases"); aliases != j.end() && aliases->is_array()) {
        for (const auto& alias : *aliases) entity.aliases.push_back(text_of(alias));
    }
    entity.attributes = attributes_from(j.value("attributes", json()));
    entity.sources = sources_from(j.value("sources", json()));
    return entity;
}

Relation relation_from(const json& j) {
    Relation relation;
    relation.id = text_of(j.value("id", json()));
    relation.type = text_of(j.value("type", json()));
    relation.from = text_of(j.value("from", json()));
    relation.to = text_of(j.value("to", json()));
    relation.start = text_or_null(j.value("start", json()));
    relation.end = text_or_null(j.value("end", json()));
    relation.attributes = attributes_from(j.value("attributes", json()));
    relation.sources = sources_from(j.value("sources", json()));
    relation.category = text_of(j.value("category", json()));
    relation.activity = text_or_null(j.value("activity", json()));
    return relation;
}

LeftOut left_out_from(const json& j) {
    if (!j.is_object()) return {};
    return {j.value("evidence", std::size_t{0}), j.value("undated", std::size_t{0})};
}

Value value_from(const json& j) {
    switch (j.type()) {
        case json::value_t::boolean:
            return j.get<bool>();
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
            return j.get<std::int64_t>();
        case json::value_t::number_float:
            return j.get<double>();
        case json::value_t::string:
            return j.get<std::string>();
        case json::value_t::array: {
            Value::List list;
            for (const auto& item : j) list.push_back(value_from(item));
            return list;
        }
        case json::value_t::object: {
            Value::Map map;
            for (const auto& [key, item] : j.items()) map.emplace(key, value_from(item));
            return map;
        }
        default:
            return {};
    }
}

json json_of(const Value& value) {
    if (value.is_bool()) return value.as_bool();
    if (value.is_int()) return value.as_int();
    if (value.is_double()) return value.as_double();
    if (value.is_string()) return value.as_string();
    if (value.is_list()) {
        json out = json::array();
        for (const auto& item : value.as_list()) out.push_back(json_of(item));
        return out;
    }
    if (value.is_map()) {
        json out = json::object();
        for (const auto& [key, item] : value.as_map()) out[key] = json_of(item);
        return out;
    }
    return nullptr;
}

// The JSON Lines shapes of an import (README, "File formats").
json json_of(const Entity& entity) {
    json out = {{"id", entity.id},
                {"kind", entity.kind},
                {"country", entity.country},
                {"names", entity.names},
                {"aliases", entity.aliases},
                {"attributes", entity.attributes},
                {"sources", sources_json(entity.sources)}};
    return out;
}

json json_of(const Relation& relation) {
    json out = {{"id", relation.id},
                {"type", relation.type},
                {"from", relation.from},
                {"to", relation.to},
                {"attributes", relation.attributes},
                {"sources", sources_json(relation.sources)}};
    out["start"] = relation.start ? json(*relation.start) : json(nullptr);
    out["end"] = relation.end ? json(*relation.end) : json(nullptr);
    return out;
}

const Value& Value::operator[](const std::string& key) const {
    static const Value null;
    if (!is_map()) return null;
    const auto found = as_map().find(key);
    return found == as_map().end() ? null : found->second;
}

std::string Value::to_json() const {
    return json_of(*this).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string Entity::name(const std::string& lang) const {
    if (const auto found = names.find(lang); found != names.end()) return found->second;
    if (const auto english = names.find("en"); english != names.end()) return english->second;
    return id;
}

}  // namespace kizuna::api
