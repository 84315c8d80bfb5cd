#include "words.h"

#include <map>
#include <vector>

namespace kizuna::cli {

namespace {

struct Translation {
    const char* ja;
    const char* vi;
};

const std::map<std::string_view, Translation>& dictionary() {
    static const std::map<std::string_view, Translation> kWords = {
        // column headers
        {"id", {"ID", "mã"}},
        {"name", {"名称", "tên"}},
        {"kind", {"種別", "loại"}},
        {"country", {"国", "quốc gia"}},
        {"also known as", {"別名", "tên khác"}},
        {"partner", {"相手先", "đối tác"}},
        {"relation", {"関係", "quan hệ"}},
        {"relation id", {"関係ID", "mã quan hệ"}},
        {"when", {"期間", "thời gian"}},
        {"state", {"状態", "trạng thái"}},
        {"source", {"出典", "nguồn"}},
        {"start", {"開始", "bắt đầu"}},
        {"end", {"終了", "kết thúc"}},
        {"date", {"日付", "ngày"}},
        {"from", {"起点", "từ"}},
        {"to", {"終点", "đến"}},
        {"entity", {"組織", "tổ chức"}},
        {"entities", {"組織数", "số tổ chức"}},
        {"relations", {"関係数", "số quan hệ"}},
        {"hops", {"ホップ", "bước"}},
        {"relation type", {"関係の種類", "loại quan hệ"}},
        {"category", {"分類", "phân loại"}},
        {"degree", {"次数", "bậc"}},
        {"betweenness", {"媒介中心性", "độ trung gian"}},
        {"group", {"グループ", "nhóm"}},
        {"size", {"組織数", "số tổ chức"}},
        {"relations inside", {"内部の関係数", "số quan hệ bên trong"}},
        {"most connected members", {"つながりの多い組織", "thành viên liên kết nhiều nhất"}},
        {" and {0} more", {" ほか{0}件", " và {0} tổ chức khác"}},
        {", ", {"、", ", "}},
        {"groups", {"グループ数", "số nhóm"}},
        {"year", {"年", "năm"}},
        {"modularity", {"モジュラリティ", "độ mô-đun"}},
        {"change", {"変化", "thay đổi"}},
        {"score", {"スコア", "điểm"}},
        {"reasons", {"理由", "lý do"}},
        {"before", {"前年のグループ", "nhóm năm trước"}},
        {"after", {"その年のグループ", "nhóm năm đó"}},
        {"caused by", {"原因となった関係", "do quan hệ"}},
        {"birth", {"誕生", "hình thành"}},
        {"death", {"消滅", "tan rã"}},
        {"merge", {"合流", "hợp nhất"}},
        {"split", {"分裂", "tách ra"}},
        {"(no relation began or ended between them)",
         {"（その間に始まった・終わった関係はありません）",
          "(không có quan hệ nào bắt đầu hay kết thúc giữa hai năm)"}},
        {"{0} groups of {1} organisations on {2} relations, modularity {3}",
         {"{1}組織・{2}関係に{0}グループ、モジュラリティ {3}",
          "{0} nhóm gồm {1} tổ chức trên {2} quan hệ, độ mô-đun {3}"}},
        {"({0}, resolution {1}, seed {2})",
         {"（{0}、解像度 {1}、シード {2}）", "({0}, độ phân giải {1}, hạt giống {2})"}},
        {"with {0}", {"{0}との関係", "với {0}"}},
        // states, changes, directions
        {"active", {"有効", "còn hiệu lực"}},
        {"possibly active", {"有効の可能性", "có thể còn hiệu lực"}},
        {"inactive", {"無効", "hết hiệu lực"}},
        {"date unknown", {"日付不明", "không rõ ngày"}},
        {"started", {"開始", "bắt đầu"}},
        {"ended", {"終了", "kết thúc"}},
        {"(undated)", {"（日付なし）", "(không có ngày)"}},
        {"(none)", {"（なし）", "(không có)"}},
        {"(evidence)", {"（根拠資料）", "(nguồn tài liệu)"}},
        // titles and lines
        {"Sources:", {"出典:", "Nguồn:"}},
        {"showing the first {0} paths; more exist (raise --cap or add filters)",
         {"最初の{0}本を表示。ほかにもあります（--cap を増やすか条件を追加）",
          "hiển thị {0} đường đầu tiên; còn nữa (tăng --cap hoặc thêm bộ lọc)"}},
        {"the search stopped at its work limit after {0} paths; more may exist (lower --max-hops or add "
         "filters)",
         {"探索は作業上限で{0}本の時点で停止。ほかにもある可能性があります（--max-hops "
          "を下げるか条件を追加）",
          "tìm kiếm dừng ở giới hạn sau {0} đường; có thể còn nữa (giảm --max-hops hoặc thêm bộ lọc)"}},
        {"no connection between {0} and {1} found before the search's work limit (lower --max-hops or add "
         "filters)",
         {"作業上限までに{0}と{1}のつながりは見つかりませんでした（--max-hops を下げるか条件を追加）",
          "không tìm thấy kết nối giữa {0} và {1} trước giới hạn (giảm --max-hops hoặc thêm bộ lọc)"}},
        {"more entities match: show more with -n {0}, or give more of the name",
         {"ほかにも一致する組織があります（-n {0} で表示、または名前を詳しく）",
          "còn tổ chức khớp khác: xem thêm với -n {0}, hoặc nhập tên đầy đủ hơn"}},
        {"betweenness estimated from {0} of {1} entities as sources (--sources N for more)",
         {"媒介中心性は{1}組織のうち{0}組織を起点とした推定値（--sources N で増やせます）",
          "độ trung gian ước tính từ {0} trong {1} tổ chức làm nguồn (--sources N để tăng)"}},
        {"{0} entities", {"{0}組織", "{0} tổ chức"}},
        {"{0} relations", {"{0}件の関係", "{0} quan hệ"}},
        {"matched", {"一致した属性", "thuộc tính khớp"}},
        {"Partners of {0} ({1}): {2} relations",
         {"{0}（{1}）の相手先: {2}件の関係", "Đối tác của {0} ({1}): {2} quan hệ"}},
        {"Date unknown ({0}): no dates, so the date filter cannot say whether they were active",
         {"日付不明（{0}件）: 日付がないため、期間内に有効だったか判断できません",
          "Không rõ ngày ({0}): không có ngày nên bộ lọc ngày không xác định được hiệu lực"}},
        {"Date unknown ({0}): no dates, so the date filter cannot place them",
         {"日付不明（{0}件）: 日付がないため、期間に位置づけられません",
          "Không rõ ngày ({0}): không có ngày nên không xếp được vào thời kỳ"}},
        {"Timeline of {0}: {1} relations", {"{0}の年表: {1}件の関係", "Dòng thời gian của {0}: {1} quan hệ"}},
        {"Changes", {"変化", "Thay đổi"}},
        {" since {0}", {"（{0}以降）", " từ {0}"}},
        {" until {0}", {"（{0}まで）", " đến {0}"}},
        {"* the date is coarser than the period: the change may lie outside it",
         {"* 日付の精度が期間より粗く、期間外の可能性があります",
          "* ngày không đủ chi tiết so với kỳ: thay đổi có thể nằm ngoài kỳ"}},
        {"{0} relations have no dates and cannot be placed in time",
         {"{0}件の関係は日付がなく、時期を特定できません",
          "{0} quan hệ không có ngày, không xếp được theo thời gian"}},
        {"Related to both {0} and {1}: {2}",
         {"{0}と{1}の両方と関係する組織: {2}", "Liên quan đến cả {0} và {1}: {2}"}},
        {"Within {0} hops of {1}: {2} entities, {3} relations",
         {"{1}から{0}ホップ以内: {2}組織、{3}関係",
          "Trong phạm vi {0} bước từ {1}: {2} tổ chức, {3} quan hệ"}},
        {"{0} — {1}: {2} paths", {"{0} — {1}: 経路{2}本", "{0} — {1}: {2} đường"}},
        {"Path {0} ({1} hops)", {"経路{0}（{1}ホップ）", "Đường {0} ({1} bước)"}},
        {"{0} and {1} are the same entity ({2})",
         {"{0}と{1}は同じ組織です（{2}）", "{0} và {1} là cùng một tổ chức ({2})"}},
        {"no connection between {0} and {1} under these filters",
         {"この条件では{0}と{1}のつながりはありません",
          "không có kết nối giữa {0} và {1} với các bộ lọc này"}},
        {"no connection between {0} and {1} within the hop limit under these filters",
         {"この条件・ホップ数の範囲では{0}と{1}のつながりはありません",
          "không có kết nối giữa {0} và {1} trong giới hạn bước với các bộ lọc này"}},
        {"no collaboration connects {0} and {1}; both are mentioned in {2} (--include-evidence walks "
         "evidence: {3} hops)",
         {"{0}と{1}をつなぐ協力関係はありません。両者は{2}に記載されています（--include-evidence "
          "で根拠資料もたどります: {3}ホップ）",
          "không có hợp tác nào nối {0} và {1}; cả hai được nêu trong {2} (--include-evidence đi qua nguồn "
          "tài liệu: {3} bước)"}},
        {"no collaboration connects {0} and {1}; only evidence relations (where facts were read) link them "
         "(--include-evidence walks evidence: {2} hops)",
         {"{0}と{1}をつなぐ協力関係はありません。根拠資料の関係だけがつないでいます（--include-evidence: "
          "{2}ホップ）",
          "không có hợp tác nào nối {0} và {1}; chỉ có quan hệ nguồn tài liệu (--include-evidence: {2} "
          "bước)"}},
        {"no collaboration connects {0} and {1} within {4} hops; both are mentioned in {2} "
         "(--include-evidence walks evidence: {3} hops)",
         {"{4}ホップ以内に{0}と{1}をつなぐ協力関係はありません。両者は{2}に記載されています"
          "（--include-evidence で根拠資料もたどります: {3}ホップ）",
          "không có hợp tác nào nối {0} và {1} trong {4} bước; cả hai được nêu trong {2} "
          "(--include-evidence đi qua nguồn tài liệu: {3} bước)"}},
        {"no collaboration connects {0} and {1} within {3} hops; only evidence relations (where "
         "facts were read) link them (--include-evidence walks evidence: {2} hops)",
         {"{3}ホップ以内に{0}と{1}をつなぐ協力関係はありません。根拠資料の関係だけがつないでいます"
          "（--include-evidence: {2}ホップ）",
          "không có hợp tác nào nối {0} và {1} trong {3} bước; chỉ có quan hệ nguồn tài liệu "
          "(--include-evidence: {2} bước)"}},
        {"{0} evidence relations in the data left out; --include-evidence to walk them",
         {"データ中の根拠資料の関係{0}件はたどっていません（--include-evidence でたどります）",
          "{0} quan hệ nguồn tài liệu trong dữ liệu không được đi qua; --include-evidence để đi qua"}},
        {"{0} relations of unknown date in the data left out by the date filter; --undated include to use "
         "them",
         {"データ中の日付不明の関係{0}件は日付条件により除外しました（--undated include で含めます）",
          "{0} quan hệ không rõ ngày trong dữ liệu bị loại bởi bộ lọc ngày; --undated include để dùng"}},
        {"components and rankings walk ties only; the counts above include every relation that passes the "
         "filters",
         {"連結成分と順位は根拠資料以外の関係のみ。上の件数は条件に合うすべての関係です",
          "thành phần liên thông và xếp hạng chỉ đi qua các quan hệ thực; số đếm ở trên gồm mọi quan hệ qua "
          "bộ lọc"}},
        {"{0} entities, {1} relations, {2} connected components",
         {"{0}組織、{1}関係、連結成分{2}", "{0} tổ chức, {1} quan hệ, {2} thành phần liên thông"}},
        {" (largest: {0} entities)", {"（最大: {0}組織）", " (lớn nhất: {0} tổ chức)"}},
        {"no entity matches '{0}'", {"「{0}」に一致する組織はありません", "không có tổ chức nào khớp '{0}'"}},
        {"no relations", {"関係なし", "không có quan hệ"}},
        {"note: ", {"注: ", "ghi chú: "}},
        {"caveat: ", {"注意: ", "lưu ý: "}},
        {"English", {"英語名", "tên tiếng Anh"}},
        {"Japanese", {"日本語名", "tên tiếng Nhật"}},
        {"Vietnamese", {"ベトナム語名", "tên tiếng Việt"}},
        {"aliases", {"別名", "tên khác"}},
        {"sources", {"出典", "nguồn"}},
        {"type", {"種類", "loại"}},
        {"symmetric", {"相互", "hai chiều"}},
        {"(a relation's attributes: kizuna show RELATION-ID)",
         {"（関係の詳細: kizuna show 関係ID）", "(thuộc tính của quan hệ: kizuna show MÃ-QUAN-HỆ)"}},
        // path --in-time-order
        {"surely in order", {"確実に時系列順", "chắc chắn đúng thứ tự thời gian"}},
        {"possibly in order", {"時系列順の可能性", "có thể đúng thứ tự thời gian"}},
        {"may arrive at any time (no step has a known start)",
         {"いつでも到達しうる（開始日の分かる段階なし）",
          "có thể đến bất cứ lúc nào (không bước nào có ngày bắt đầu)"}},
        {"may arrive from {0} (the start date)",
         {"{0}から到達しうる（起点日）", "có thể đến từ {0} (ngày bắt đầu)"}},
        {"may arrive from {0} (the start of {1})",
         {"{0}から到達しうる（{1}の開始）", "có thể đến từ {0} (khi {1} bắt đầu)"}},
        {"needs {0}, whose dates are unknown (it cannot be placed in time)",
         {"日付不明の{0}を要します（時系列に置けません）",
          "cần {0}, không rõ ngày (không đặt được theo thời gian)"}},
        {"needs {0} after the start date {1}, but it had ended by then",
         {"起点日{1}の後に{0}を要しますが、その時には終了していました",
          "cần {0} sau ngày bắt đầu {1}, nhưng khi đó nó đã kết thúc"}},
        {"needs {0} before {1}, which had ended by then",
         {"{0}より後に{1}を要しますが、その時には終了していました",
          "cần {0} trước {1}, nhưng khi đó quan hệ sau đã kết thúc"}},
        {"no connection between {0} and {1} in time order",
         {"{0}と{1}の間に時系列順のつながりはありません",
          "không có kết nối theo thứ tự thời gian giữa {0} và {1}"}},
        {"every connection of at most {0} relations {1}",
         {"{0}関係以内のどのつながりも、{1}", "mọi kết nối tối đa {0} quan hệ đều {1}"}},
        {"{0} of the {1} connections looked at (at most {2} relations): each {3}",
         {"調べた{1}件のつながり（{2}関係以内）のうち{0}件は、{3}",
          "{0} trong {1} kết nối đã xét (tối đa {2} quan hệ) {3}"}},
        {"(the first {0} connections of at most {1} relations were looked at; more exist)",
         {"（{1}関係以内の最初の{0}件のつながりを調べました。ほかにもあります）",
          "(đã xét {0} kết nối đầu tiên tối đa {1} quan hệ; còn nhiều hơn)"}},
        {"in time order from {0}", {"{0}以降の時系列順", "theo thứ tự thời gian từ {0}"}},
        {"in time order", {"時系列順", "theo thứ tự thời gian"}},
        {"Earliest arrival", {"最も早く到達", "Đến sớm nhất"}},
        {"Fewest hops", {"最少ホップ", "Ít bước nhất"}},
        {"Fewest hops: the same connection", {"最少ホップ: 同じつながり", "Ít bước nhất: cùng kết nối"}},
        {"{0} hops", {"{0}ホップ", "{0} bước"}},
        {"{0} relations of unknown date cannot be placed in time and were not walked",
         {"日付不明の関係{0}件は時系列に置けないため、たどっていません",
          "{0} quan hệ không rõ ngày không đặt được theo thời gian nên không được xét"}},
        // changes
        {"Changes from {0} to {1}", {"{0}から{1}までの変化", "Thay đổi từ {0} đến {1}"}},
        {"Changes of {2} from {0} to {1}", {"{2}の{0}から{1}までの変化", "Thay đổi của {2} từ {0} đến {1}"}},
        {"no relation began, ended or changed state",
         {"開始・終了・状態の変化した関係はありません",
          "không có quan hệ nào bắt đầu, kết thúc hay đổi trạng thái"}},
        {"began", {"開始", "bắt đầu"}},
        {"possibly began", {"開始の可能性", "có thể đã bắt đầu"}},
        {"ended", {"終了", "kết thúc"}},
        {"possibly ended", {"終了の可能性", "có thể đã kết thúc"}},
        {"state changed", {"状態の変化", "đổi trạng thái"}},
        {"between", {"当事者", "giữa"}},
        {"dates", {"期間", "thời gian"}},
        {"Groups", {"グループ", "Nhóm"}},
        // relation categories (model.h), as changes heads its sections
        {"collaboration", {"協力", "hợp tác"}},
        {"ownership", {"出資・所有", "sở hữu"}},
        {"governance", {"所管・統治", "quản lý"}},
        {"programme", {"事業・施策", "chương trình"}},
        {"place", {"所在地", "địa điểm"}},
        {"evidence", {"根拠資料", "bằng chứng"}},
        {"other", {"その他", "khác"}},
        {"{0} relations of unknown date may have changed at any time; not listed",
         {"日付不明の関係{0}件はいつ変化したか分からないため、載せていません",
          "{0} quan hệ không rõ ngày có thể đã thay đổi bất cứ lúc nào; không liệt kê"}},
    };
    return kWords;
}

// The text with each {N} replaced by the N-th value, in one pass (values may themselves hold braces).
std::string fill(const std::string& text, std::initializer_list<std::string> values) {
    const std::vector<std::string> list(values);
    std::string out;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const std::size_t close = text[at] == '{' ? text.find('}', at) : std::string::npos;
        if (close != std::string::npos && close > at + 1 && close - at <= 3) {
            const std::string digits = text.substr(at + 1, close - at - 1);
            if (digits.find_first_not_of("0123456789") == std::string::npos) {
                const std::size_t n = std::stoul(digits);
                if (n < list.size()) {
                    out += list[n];
                    at = close;
                    continue;
                }
            }
        }
        out += text[at];
    }
    return out;
}

}  // namespace

std::string tr(std::string_view english, const std::string& lang) {
    if (lang != "ja" && lang != "vi") return std::string(english);
    const auto found = dictionary().find(english);
    if (found == dictionary().end()) return std::string(english);
    return lang == "ja" ? found->second.ja : found->second.vi;
}

std::string tr(std::string_view english, const std::string& lang, std::initializer_list<std::string> values) {
    return fill(tr(english, lang), values);
}

}  // namespace kizuna::cli
