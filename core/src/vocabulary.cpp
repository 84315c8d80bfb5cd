#include "kizuna/core/vocabulary.h"

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

const std::map<std::string, Words>& kinds() {
    static const std::map<std::string, Words> kKinds = {
        {"government", {"government", "政府", "chính phủ"}},
        {"ministry", {"ministry", "省庁", "bộ"}},
        {"agency", {"agency", "機関", "cơ quan"}},
        {"department", {"department", "部局", "cục"}},
        {"prefecture", {"prefecture", "都道府県", "tỉnh"}},
        {"municipality", {"municipality", "市町村", "thành phố"}},
        {"company", {"company", "企業", "công ty"}},
        {"university", {"university", "大学", "trường đại học"}},
        {"hospital", {"hospital", "病院", "bệnh viện"}},
        {"clinic", {"clinic", "診療所", "phòng khám"}},
        {"programme", {"programme", "事業・計画", "chương trình"}},
        {"system", {"system", "システム", "hệ thống"}},
        {"document", {"document", "文書", "văn bản"}},
        {"agreement", {"agreement", "協定", "thỏa thuận"}},
        {"policy", {"policy", "政策", "chính sách"}},
    };
    return kKinds;
}

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

// The known id that `wanted` names, through the names of `words`.
std::optional<std::string> match(std::string_view wanted, const std::vector<std::string>& known,
                                 const std::map<std::string, Words>& words) {
    const std::string key = search_key(wanted);
    for (const auto& id : known) {
        if (id == wanted || search_key(id) == key) return id;
    }
    for (const auto& id : known) {
        const auto found = words.find(id);
        if (found == words.end()) continue;
        for (const char* name : {found->second.en, found->second.ja, found->second.vi}) {
            if (search_key(name) == key) return id;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string kind_name(const std::string& kind, const std::string& lang) {
    const auto found = kinds().find(kind);
    return found == kinds().end() ? kind : found->second.in(lang);
}

std::string country_name(const std::string& country, const std::string& lang) {
    const auto found = countries().find(country);
    return found == countries().end() ? country : found->second.in(lang);
}

std::string category_name(const std::string& category, const std::string& lang) {
    const auto found = categories().find(category);
    return found == categories().end() ? category : found->second.in(lang);
}

std::optional<std::string> match_kind(std::string_view wanted, const std::vector<std::string>& known) {
    return match(wanted, known, kinds());
}

std::optional<std::string> match_country(std::string_view wanted, const std::vector<std::string>& known) {
    return match(wanted, known, countries());
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
