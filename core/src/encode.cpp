// Values as the store keeps them (see bulk_write.h): pure, so loaders encode on other threads.
#include <set>
#include <utility>

#include "kizuna/core/bulk_write.h"
#include "kizuna/core/json.h"
#include "kizuna/core/text.h"

namespace kizuna {

EncodedEntity encode(const Entity& entity) {
    EncodedEntity encoded;
    encoded.name_en = to_nfc(entity.names.en);
    encoded.name_ja = to_nfc(entity.names.ja);
    encoded.name_vi = to_nfc(entity.names.vi);
    std::vector<std::string> aliases;
    for (const auto& alias : entity.aliases) aliases.push_back(to_nfc(alias));
    encoded.aliases = strings_to_json_text(aliases);
    encoded.attributes = attributes_to_json_text(entity.attributes);
    encoded.sources = sources_to_json_text(entity.sources);
    // Every name and alias that has a key, once per language and key.
    std::set<std::pair<std::string, std::string>> seen;
    auto add = [&](const char* lang, const std::string& name) {
        if (name.empty()) return;
        std::string key = search_key(name);
        if (key.empty() || !seen.emplace(lang, key).second) return;
        encoded.search_names.push_back({lang, name, std::move(key)});
    };
    add("id", entity.id);
    add("en", encoded.name_en);
    add("ja", encoded.name_ja);
    add("vi", encoded.name_vi);
    for (const auto& alias : aliases) add("alias", alias);
    return encoded;
}

EncodedRelation encode(const Relation& relation) {
    EncodedRelation encoded;
    if (relation.start) encoded.start = relation.start->to_string();
    if (relation.end) encoded.end = relation.end->to_string();
    encoded.attributes = attributes_to_json_text(relation.attributes);
    encoded.sources = sources_to_json_text(relation.sources);
    return encoded;
}

}  // namespace kizuna
