// Values as the store keeps them (see bulk_write.h): pure, so loaders encode on other threads.
#include <algorithm>
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
    // Every name and alias that has a key, once per language and key.
    std::set<std::pair<std::string, std::string>> seen;
    auto add = [&](const std::string& lang, const std::string& name) {
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
    // Attribute values are searchable too ("Hanoi", "ME-BYO"): up to a few hundred characters each, so
    // that a long description does not swell the trigram index.
    for (const auto& [name, value] : entity.attributes) {
        std::size_t length = std::min<std::size_t>(value.size(), 600);
        while (length > 0 && length < value.size() &&
               (static_cast<unsigned char>(value[length]) & 0xC0) == 0x80)
            --length;  // on a character boundary
        add("attribute:" + name, to_nfc(value.substr(0, length)));
    }
    return encoded;
}

EncodedRelation encode(const Relation& relation) {
    EncodedRelation encoded;
    if (relation.start) encoded.start = relation.start->to_string();
    if (relation.end) encoded.end = relation.end->to_string();
    encoded.attributes = attributes_to_json_text(relation.attributes);
    return encoded;
}

}  // namespace kizuna
