#include "kizuna/core/model.h"

namespace kizuna {

const std::string& display_name(const Entity& entity, const std::string& lang) {
    const std::string* preferred = &entity.names.en;
    if (lang == "ja") preferred = &entity.names.ja;
    if (lang == "vi") preferred = &entity.names.vi;
    if (!preferred->empty()) return *preferred;
    for (const std::string* name : {&entity.names.en, &entity.names.ja, &entity.names.vi}) {
        if (!name->empty()) return *name;
    }
    return entity.id;
}

const std::string& display_label(const RelationType& type, const std::string& lang) {
    if (lang == "ja" && !type.label_ja.empty()) return type.label_ja;
    if (!type.label_en.empty()) return type.label_en;
    return type.id;
}

const std::vector<RelationType>& default_relation_types() {
    static const std::vector<RelationType> kTypes = {
        {"mou", "MOU", "覚書", false, "memorandum of understanding between two parties"},
        {"cooperation", "cooperation", "協力", false, "cooperation without a formal memorandum"},
        {"partnership", "partnership", "提携", false, "business or research partnership"},
        {"acquisition", "acquisition", "株式取得", true, "acquirer -> target (shares or control)"},
        {"subsidiary_of", "subsidiary of", "子会社", true, "subsidiary -> parent"},
        {"joint_venture", "joint venture", "合弁", true, "parent -> joint venture company"},
        {"part_of", "part of", "所属", true, "unit -> the organisation it belongs to"},
        {"operates", "operates", "運営", true, "operator -> what it runs"},
        {"oversees", "oversees", "所管", true, "supervising body -> supervised body"},
        {"established", "established", "設立", true, "founder -> what it founded"},
        {"developed", "developed", "開発", true, "developer -> system or product"},
        {"integrates_with", "integrates with", "連携", true, "system -> the system it feeds"},
        {"supports", "supports", "支援", true, "supporter -> supported"},
        {"implements", "implements", "実施", true, "body -> programme or plan it carries out"},
        {"issued", "issued", "発表", true, "issuer -> document, plan or decision"},
        {"funds", "funds", "委託", true, "funder or commissioner -> funded work"},
        {"authored", "authored", "作成", true, "author -> document"},
        {"publishes", "publishes", "発行", true, "publisher -> document"},
        {"mentions", "mentions", "言及", true, "document -> what it describes"},
        {"located_in", "located in", "所在", true, "organisation -> place"},
    };
    return kTypes;
}

}  // namespace kizuna
