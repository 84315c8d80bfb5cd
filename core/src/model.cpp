#include "kizuna/core/model.h"

#include <map>

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
    if (lang == "vi" && !type.label_vi.empty()) return type.label_vi;
    if (!type.label_en.empty()) return type.label_en;
    return type.id;
}

const std::vector<RelationType>& default_relation_types() {
    static const std::vector<RelationType> kTypes = {
        {"mou", "MOU", "覚書", false, "memorandum of understanding between two parties", "collaboration"},
        {"cooperation", "cooperation", "協力", false, "cooperation without a formal memorandum",
         "collaboration"},
        {"partnership", "partnership", "提携", false, "business or research partnership", "collaboration"},
        {"supports", "supports", "支援", true, "supporter -> supported", "collaboration"},
        {"funds", "funds", "委託", true, "funder or commissioner -> funded work", "collaboration"},
        {"acquisition", "acquisition", "株式取得", true, "acquirer -> target (shares or control)",
         "ownership"},
        {"subsidiary_of", "subsidiary of", "子会社", true, "subsidiary -> parent", "ownership"},
        {"joint_venture", "joint venture", "合弁", true, "parent -> joint venture company", "ownership"},
        {"established", "established", "設立", true, "founder -> what it founded", "ownership"},
        {"part_of", "part of", "所属", true, "unit -> the organisation it belongs to", "governance"},
        {"operates", "operates", "運営", true, "operator -> what it runs", "governance"},
        {"oversees", "oversees", "所管", true, "supervising body -> supervised body", "governance"},
        {"issued", "issued", "発出", true, "issuer -> decision, plan or regulation", "governance"},
        {"implements", "implements", "実施", true, "body -> programme or plan it carries out", "programme"},
        {"developed", "developed", "開発", true, "developer -> system or product", "programme"},
        {"announced", "announced", "発表", true, "announcer -> system, programme or plan it made public",
         "programme"},
        {"integrates_with", "integrates with", "連携", true, "system -> the system it feeds", "programme"},
        {"located_in", "located in", "所在", true, "organisation -> place", "place"},
        {"authored", "authored", "作成", true, "author -> document", "evidence"},
        {"publishes", "publishes", "発行", true, "publisher -> document", "evidence"},
        {"mentions", "mentions", "言及", true, "document -> what it describes", "evidence"},
    };
    static const std::vector<RelationType> kWithVietnamese = [] {
        static const std::map<std::string, std::string> kVietnamese = {
            {"mou", "biên bản ghi nhớ"},
            {"cooperation", "hợp tác"},
            {"partnership", "đối tác"},
            {"supports", "hỗ trợ"},
            {"funds", "tài trợ"},
            {"acquisition", "mua cổ phần"},
            {"subsidiary_of", "công ty con của"},
            {"joint_venture", "liên doanh"},
            {"established", "thành lập"},
            {"part_of", "trực thuộc"},
            {"operates", "vận hành"},
            {"oversees", "quản lý"},
            {"issued", "ban hành"},
            {"implements", "thực hiện"},
            {"developed", "phát triển"},
            {"announced", "công bố"},
            {"integrates_with", "tích hợp với"},
            {"located_in", "đặt tại"},
            {"authored", "biên soạn"},
            {"publishes", "phát hành"},
            {"mentions", "đề cập"},
        };
        std::vector<RelationType> types = kTypes;
        for (auto& type : types) type.label_vi = kVietnamese.at(type.id);
        return types;
    }();
    return kWithVietnamese;
}

const std::vector<RelationCategory>& relation_categories() {
    static const std::vector<RelationCategory> kCategories = {
        {"collaboration", "parties working together: MOUs, cooperation, partnerships, support, funding"},
        {"ownership", "shares, control and founding: acquisitions, subsidiaries, joint ventures"},
        {"governance",
         "one body within or over another, and its official acts: part of, operates, "
         "oversees, issued"},
        {"programme", "taking part in or carrying out a programme, plan or system"},
        {"place", "where an organisation is"},
        {"evidence",
         "where a fact was read: a document mentions, authored, publishes; never walked as a "
         "connection unless asked"},
        {"other", "a type whose data names no category; walked like the ties above"},
    };
    return kCategories;
}

bool is_relation_category(const std::string& id) {
    for (const auto& category : relation_categories()) {
        if (id == category.id) return true;
    }
    return false;
}

std::string default_category(const std::string& type_id) {
    for (const auto& type : default_relation_types()) {
        if (type.id == type_id) return type.category;
    }
    return "other";
}

}  // namespace kizuna
