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

namespace {

// A vocabulary entry's label in lang, else its English one, else its id (types and kinds alike).
template <typename Entry>
const std::string& entry_label(const Entry& entry, const std::string& lang) {
    if (lang == "ja" && !entry.label_ja.empty()) return entry.label_ja;
    if (lang == "vi" && !entry.label_vi.empty()) return entry.label_vi;
    if (!entry.label_en.empty()) return entry.label_en;
    return entry.id;
}

}  // namespace

const std::string& display_label(const RelationType& type, const std::string& lang) {
    return entry_label(type, lang);
}

const std::string& display_label(const EntityKind& kind, const std::string& lang) {
    return entry_label(kind, lang);
}

const std::vector<EntityKind>& default_entity_kinds() {
    static const std::vector<EntityKind> kKinds = {
        {"agency", "agency", "機関", "cơ quan", "public body under a ministry or government"},
        {"agreement", "agreement", "協定", "thỏa thuận", "an agreement or memorandum as a thing of its own"},
        {"clinic", "clinic", "診療所", "phòng khám", "outpatient clinic"},
        {"company", "company", "企業", "công ty", "company, joint venture or business group"},
        {"department", "department", "部局", "cục", "department or bureau within a ministry"},
        {"document", "document", "文書", "văn bản", "report, article or other document"},
        {"government", "government", "政府", "chính phủ", "national government"},
        {"hospital", "hospital", "病院", "bệnh viện", "hospital"},
        {"ministry", "ministry", "省庁", "bộ", "national ministry"},
        {"municipality", "municipality", "市町村", "thành phố", "city, town or village"},
        {"policy", "policy", "政策", "chính sách", "policy or strategy"},
        {"prefecture", "prefecture", "都道府県", "tỉnh", "prefecture or province"},
        {"programme", "programme", "事業・計画", "chương trình", "programme or project"},
        {"system", "system", "システム", "hệ thống", "information system or platform"},
        {"university", "university", "大学", "trường đại học", "university or research institute"},
    };
    return kKinds;
}

const std::vector<RelationType>& default_relation_types() {
    // id, label_en, label_ja, directed, description, category, label_vi
    static const std::vector<RelationType> kTypes = {
        {"mou", "MOU", "覚書", false, "memorandum of understanding between two parties", "collaboration",
         "biên bản ghi nhớ"},
        {"cooperation", "cooperation", "協力", false, "cooperation without a formal memorandum",
         "collaboration", "hợp tác"},
        {"partnership", "partnership", "提携", false, "business or research partnership", "collaboration",
         "đối tác"},
        {"supports", "supports", "支援", true, "supporter -> supported", "collaboration", "hỗ trợ"},
        {"funds", "funds", "委託", true, "funder or commissioner -> funded work", "collaboration", "tài trợ"},
        {"acquisition", "acquisition", "株式取得", true, "acquirer -> target (shares or control)",
         "ownership", "mua cổ phần"},
        {"subsidiary_of", "subsidiary of", "子会社", true, "subsidiary -> parent", "ownership",
         "công ty con của"},
        {"joint_venture", "joint venture", "合弁", true, "parent -> joint venture company", "ownership",
         "liên doanh"},
        {"established", "established", "設立", true, "founder -> what it founded", "ownership", "thành lập"},
        {"part_of", "part of", "所属", true, "unit -> the organisation it belongs to", "governance",
         "trực thuộc"},
        {"operates", "operates", "運営", true, "operator -> what it runs", "governance", "vận hành"},
        {"oversees", "oversees", "所管", true, "supervising body -> supervised body", "governance",
         "quản lý"},
        {"issued", "issued", "発出", true, "issuer -> decision, plan or regulation", "governance",
         "ban hành"},
        {"implements", "implements", "実施", true, "body -> programme or plan it carries out", "programme",
         "thực hiện"},
        {"developed", "developed", "開発", true, "developer -> system or product", "programme", "phát triển"},
        {"announced", "announced", "発表", true, "announcer -> system, programme or plan it made public",
         "programme", "công bố"},
        {"integrates_with", "integrates with", "連携", true, "system -> the system it feeds", "programme",
         "tích hợp với"},
        {"located_in", "located in", "所在", true, "organisation -> place", "place", "đặt tại"},
        {"authored", "authored", "作成", true, "author -> document", "evidence", "biên soạn"},
        {"publishes", "publishes", "発行", true, "publisher -> document", "evidence", "phát hành"},
        {"mentions", "mentions", "言及", true, "document -> what it describes", "evidence", "đề cập"},
    };
    return kTypes;
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
