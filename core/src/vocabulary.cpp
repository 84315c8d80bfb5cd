#include "kizuna/core/vocabulary.h"

#include <functional>
#include <map>

#include "kizuna/core/text.h"

namespace kizuna {

namespace {

struct Words {
    const char* en;
    const char* ja;
    const char* vi;
    [[nodiscard]] std::string in(const std::string& lang) const {
        return lang == "ja" ? ja : lang == "vi" ? vi : en;
    }
};

const std::map<std::string, Words>& countries() {
    static const std::map<std::string, Words> kCountries = {
        {"JP", {"Japan", "日本", "Nhật Bản"}},
        {"VN", {"Vietnam", "ベトナム", "Việt Nam"}},
        {"US", {"United States", "米国", "Hoa Kỳ"}},
        {"KR", {"South Korea", "韓国", "Hàn Quốc"}},
        {"CN", {"China", "中国", "Trung Quốc"}},
        {"TH", {"Thailand", "タイ", "Thái Lan"}},
        {"SG", {"Singapore", "シンガポール", "Singapore"}},
        {"", {"no country", "国なし", "không có quốc gia"}},
    };
    return kCountries;
}

const std::map<std::string, Words>& categories() {
    static const std::map<std::string, Words> kCategories = {
        {"collaboration", {"collaboration", "協力", "hợp tác"}},
        {"ownership", {"ownership", "資本関係", "sở hữu"}},
        {"governance", {"governance", "組織・所管", "quản trị"}},
        {"programme", {"programme", "事業・計画", "chương trình"}},
        {"place", {"place", "所在地", "địa điểm"}},
        {"evidence", {"evidence", "根拠資料", "nguồn tài liệu"}},
        {"other", {"other", "その他", "khác"}},
    };
    return kCategories;
}

// The known id that `wanted` names: the id itself, else an id one of whose names (names_of) it is.
std::optional<std::string> match(
    std::string_view wanted, const std::vector<std::string>& known,
    const std::function<std::vector<std::string>(const std::string&)>& names_of) {
    const std::string key = search_key(wanted);
    for (const auto& id : known) {
        if (id == wanted || search_key(id) == key) return id;
    }
    for (const auto& id : known) {
        for (const auto& name : names_of(id)) {
            if (!name.empty() && search_key(name) == key) return id;
        }
    }
    return std::nullopt;
}

}  // namespace

const EntityKind* find_kind(const std::vector<EntityKind>& vocabulary, const std::string& kind) {
    for (const auto& entry : vocabulary) {
        if (entry.id == kind) return &entry;
    }
    return nullptr;
}

std::string country_name(const std::string& country, const std::string& lang) {
    const auto found = countries().find(country);
    return found == countries().end() ? country : found->second.in(lang);
}

std::string category_name(const std::string& category, const std::string& lang) {
    const auto found = categories().find(category);
    return found == categories().end() ? category : found->second.in(lang);
}

std::optional<std::string> match_kind(std::string_view wanted, const std::vector<std::string>& known,
                                      const std::vector<EntityKind>& vocabulary) {
    return match(wanted, known, [&](const std::string& id) -> std::vector<std::string> {
        const EntityKind* entry = find_kind(vocabulary, id);
        if (entry == nullptr) return {};
        return {entry->label_en, entry->label_ja, entry->label_vi};
    });
}

std::optional<std::string> match_country(std::string_view wanted, const std::vector<std::string>& known) {
    return match(wanted, known, [](const std::string& id) -> std::vector<std::string> {
        const auto found = countries().find(id);
        if (found == countries().end()) return {};
        return {found->second.en, found->second.ja, found->second.vi};
    });
}

std::optional<std::size_t> match_type(std::string_view wanted, const std::vector<RelationType>& types) {
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (types[i].id == wanted) return i;
    }
    const std::string key = search_key(wanted);
    for (std::size_t i = 0; i < types.size(); ++i) {
        for (const std::string* name :
             {&types[i].id, &types[i].label_en, &types[i].label_ja, &types[i].label_vi}) {
            if (!name->empty() && search_key(*name) == key) return i;
        }
    }
    return std::nullopt;
}

}  // namespace kizuna
