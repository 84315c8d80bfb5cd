#include "brief_words.h"

#include <map>

namespace kizuna::app {

namespace {

struct SheetTranslation {
    const char* ja;
    const char* vi;
};

const std::map<std::string_view, SheetTranslation>& sheet_dictionary() {
    static const std::map<std::string_view, SheetTranslation> kSheetWords = {
        {"Partner introduction", {"連携先機関のご紹介", "Giới thiệu đối tác"}},
        {"as of {0}", {"{0}時点", "tính đến {0}"}},
        {"(1) What is it?", {"（１）どのような機関ですか？", "(1) Đây là tổ chức nào?"}},
        {"(2) Its relation with {0}", {"（２）{0}との関係は？", "(2) Quan hệ với {0}"}},
        {"(3) What does it do?", {"（３）どのような取組をしていますか？", "(3) Tổ chức này làm gì?"}},
        {"(4) Collaborations with {0}",
         {"（４）{0}とどのようなコラボレーションをしていますか？", "(4) Hợp tác với {0}"}},
        {"(a) Between governments", {"（ａ）国家間・政府間の協力", "(a) Giữa các chính phủ"}},
        {"(b) Between companies and institutions",
         {"（ｂ）企業・機関の間の事業", "(b) Giữa các doanh nghiệp và tổ chức"}},
        {"Other relations and documents that mention it",
         {"その他の関係・言及している資料", "Quan hệ khác và tài liệu nhắc đến"}},
        {"Organisation", {"組織", "Cơ cấu"}},
        {"Relationship map", {"関係図", "Sơ đồ quan hệ"}},
        {"Timeline", {"年表", "Dòng thời gian"}},
        {"Sources", {"出典", "Nguồn"}},
        {"Name ({0})", {"名称（{0}）", "Tên ({0})"}},
        {"English", {"英語", "tiếng Anh"}},
        {"Japanese", {"日本語", "tiếng Nhật"}},
        {"Vietnamese", {"ベトナム語", "tiếng Việt"}},
        {"Also known as", {"別名", "Tên khác"}},
        {"Kind", {"種別", "Loại"}},
        {"Country", {"国", "Quốc gia"}},
        {"Website", {"Webサイト", "Trang web"}},
        {"Description", {"概要", "Mô tả"}},
        {"Relation", {"関係", "Quan hệ"}},
        {"When", {"時期", "Thời gian"}},
        {"State on {0}", {"{0}時点の状態", "Trạng thái ngày {0}"}},
        {"Caveat", {"留意点", "Lưu ý"}},
        {"none recorded", {"記録なし", "chưa có dữ liệu"}},
        {"The data records no such relation.",
         {"データに該当する関係はありません。", "Dữ liệu không ghi nhận quan hệ nào như vậy."}},
        {"Showing {0} of {1} relations (at most {2} per section; raise --limit).",
         {"{1}件中{0}件を表示（各節最大{2}件。--limit で変更）。",
          "Hiển thị {0} trên {1} quan hệ (tối đa {2} mỗi mục; tăng --limit)."}},
        {"The diagram draws {0} of the sheet's {1} relations.",
         {"関係図には本資料の{1}件中{0}件の関係を描いています。",
          "Sơ đồ vẽ {0} trên {1} quan hệ của tài liệu."}},
        {"The timeline shows {0} of {1} dated relations.",
         {"年表には日付のある{1}件中{0}件を示しています。",
          "Dòng thời gian hiển thị {0} trên {1} quan hệ có ngày."}},
        {"No relation of the sheet has a date.",
         {"日付のある関係はありません。", "Không quan hệ nào có ngày."}},
        {"Parts: {0}", {"下部組織：{0}", "Đơn vị trực thuộc: {0}"}},
        {"Written by Kizuna from the database {0} on {1}; every statement is footnoted to its sources.",
         {"Kizuna がデータベース {0} から {1} に作成。各記述に出典を付しています。",
          "Kizuna lập từ cơ sở dữ liệu {0} ngày {1}; mỗi nội dung đều ghi nguồn."}},
        {"States are those on {0} under the interval rule of partial dates: a year or a month is the whole "
         "period it may stand for.",
         {"状態は{0}時点のもの。年・月だけの日付はその期間全体として扱います。",
          "Trạng thái tính đến ngày {0}: một năm hay một tháng được hiểu là cả khoảng thời gian đó."}},
        {"since {0}", {"{0}〜", "từ {0}"}},
        {"until {0}", {"〜{0}", "đến {0}"}},
        {"{0} – {1}", {"{0}〜{1}", "{0} – {1}"}},
        {"today", {"本日", "hôm nay"}},
        {"other", {"その他", "khác"}},
    };
    return kSheetWords;
}

// The names of the attributes relations and entities carry in the data (data/README.md).
const std::map<std::string_view, SheetTranslation>& attribute_dictionary() {
    static const std::map<std::string_view, SheetTranslation> kAttributeWords = {
        {"title", {"名称", "Tên văn bản"}},
        {"purpose", {"目的", "Mục đích"}},
        {"area", {"協力分野", "Lĩnh vực hợp tác"}},
        {"stake", {"出資", "Cổ phần"}},
        {"note", {"注記", "Ghi chú"}},
        {"caveat", {"留意点", "Lưu ý"}},
        {"role", {"役割", "Vai trò"}},
        {"basis", {"根拠", "Căn cứ"}},
        {"how", {"方法", "Cách thức"}},
        {"commission", {"委託内容", "Nội dung ủy thác"}},
        {"fiscal_year", {"年度", "Năm tài chính"}},
        {"city", {"所在地", "Thành phố"}},
        {"founded", {"設立", "Thành lập"}},
        {"opened", {"開設", "Khai trương"}},
        {"launched", {"開始", "Ra mắt"}},
        {"started", {"開始", "Bắt đầu"}},
        {"issued", {"発出", "Ban hành"}},
        {"announced", {"発表", "Công bố"}},
        {"date", {"日付", "Ngày"}},
        {"records", {"記録数", "Số hồ sơ"}},
        {"coverage", {"加入率", "Tỷ lệ bao phủ"}},
        {"activities", {"事業内容", "Hoạt động"}},
        {"main_products", {"主力製品", "Sản phẩm chính"}},
        {"training", {"研修", "Đào tạo"}},
        {"integration", {"統合", "Tích hợp"}},
        {"digital_transformation", {"デジタル化の取組", "Chuyển đổi số"}},
        {"vietnam_business", {"ベトナムでの事業", "Kinh doanh tại Việt Nam"}},
        {"health_records_integrated", {"統合された健康記録", "Hồ sơ sức khỏe đã tích hợp"}},
        {"citizens_integrated", {"統合した市民", "Số công dân đã tích hợp"}},
        {"promoted_by", {"推進主体", "Đơn vị thúc đẩy"}},
        {"universal_coverage_law", {"皆保険の法律", "Luật bảo hiểm toàn dân"}},
        {"email", {"メール", "Email"}},
        {"phone", {"電話", "Điện thoại"}},
        {"fiscal", {"年度", "Năm tài chính"}},
    };
    return kAttributeWords;
}

std::string sheet_fill(std::string text, std::initializer_list<std::string> values) {
    std::size_t n = 0;
    for (const auto& value : values) {
        std::string mark = "{";
        mark.append(std::to_string(n++)).append("}");
        for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + value.size()))
            text.replace(at, mark.size(), value);
    }
    return text;
}

std::string two_digits(int n) {
    std::string text = std::to_string(n);
    if (n < 10) text.insert(text.begin(), '0');
    return text;
}

}  // namespace

std::string sheet_word(std::string_view english, const std::string& lang,
                       std::initializer_list<std::string> values) {
    std::string text(english);
    if (lang == "ja" || lang == "vi") {
        if (auto found = sheet_dictionary().find(english); found != sheet_dictionary().end())
            text = lang == "ja" ? found->second.ja : found->second.vi;
    }
    return sheet_fill(std::move(text), values);
}

std::string attribute_word(const std::string& name, const std::string& lang) {
    // area_1, area_2 …: the areas of an agreement, numbered.
    std::string base = name, number;
    if (const auto underscore = name.rfind('_');
        underscore != std::string::npos &&
        name.find_first_not_of("0123456789", underscore + 1) == std::string::npos &&
        underscore + 1 < name.size()) {
        base = name.substr(0, underscore);
        number = name.substr(underscore + 1);
    }
    const auto found = attribute_dictionary().find(base);
    if (found == attribute_dictionary().end()) return "";
    std::string word = lang == "ja"   ? found->second.ja
                       : lang == "vi" ? found->second.vi
                                      : std::string(found->first);
    if (lang == "en") {
        for (auto& c : word) c = c == '_' ? ' ' : c;
        if (!word.empty() && word[0] >= 'a' && word[0] <= 'z')
            word[0] = static_cast<char>(word[0] - 'a' + 'A');
    }
    return number.empty() ? word : word + " " + number;
}

std::string state_word(Activity state, const std::string& lang) {
    switch (state) {
        case Activity::Active:
            return lang == "ja" ? "有効" : lang == "vi" ? "còn hiệu lực" : "active";
        case Activity::PossiblyActive:
            return lang == "ja" ? "有効の可能性" : lang == "vi" ? "có thể còn hiệu lực" : "possibly active";
        case Activity::Inactive:
            return lang == "ja" ? "終了" : lang == "vi" ? "hết hiệu lực" : "inactive";
        case Activity::DateUnknown:
            break;
    }
    return lang == "ja" ? "日付不明" : lang == "vi" ? "không rõ ngày" : "date unknown";
}

std::string date_words(const PartialDate& date, const std::string& lang) {
    const std::string year = std::to_string(date.year());
    if (lang == "ja") {
        std::string text = year + "年";
        if (date.month() > 0) text += std::to_string(date.month()) + "月";
        if (date.day() > 0) text += std::to_string(date.day()) + "日";
        return text;
    }
    if (lang == "vi") {
        if (date.day() > 0) return two_digits(date.day()) + "/" + two_digits(date.month()) + "/" + year;
        if (date.month() > 0) return "tháng " + std::to_string(date.month()) + "/" + year;
        return "năm " + year;
    }
    return date.to_string();
}

std::string span_words(const std::optional<PartialDate>& start, const std::optional<PartialDate>& end,
                       const std::string& lang) {
    if (start && end)
        return sheet_word("{0} – {1}", lang, {date_words(*start, lang), date_words(*end, lang)});
    if (start) return sheet_word("since {0}", lang, {date_words(*start, lang)});
    if (end) return sheet_word("until {0}", lang, {date_words(*end, lang)});
    return "";
}

}  // namespace kizuna::app
