#include "kizuna/app/message_words.h"

#include <re2/re2.h>

#include <cctype>
#include <memory>
#include <optional>
#include <vector>

namespace kizuna::app {

namespace {

// One message in three languages. In the English, {0} is a value kept as it is (an id, a date), {=0} a
// value that is itself a message or a field's name and is translated in turn; ja and vi write both {0}.
struct MessageEntry {
    const char* en;
    const char* ja;
    const char* vi;
};

// Every message the forms, imports, undo and merge give (core/src/validation.cpp, partial_date.cpp,
// json.cpp, history.cpp, merge.cpp, name_lookup.cpp; app's summary of an import), the words they put in
// them (fields, tables, conflicts), and the reasons of duplicate candidates (queries/src/duplicates.cpp).
constexpr MessageEntry kMessages[] = {
    // Dates (partial_date.cpp).
    {"bad date '{0}': {=1}", "日付 '{0}' が正しくありません：{1}", "ngày '{0}' không hợp lệ: {1}"},
    {"expected YYYY, YYYY-MM or YYYY-MM-DD", "YYYY、YYYY-MM、YYYY-MM-DD のいずれかで書きます",
     "cần viết YYYY, YYYY-MM hoặc YYYY-MM-DD"},
    {"year out of range", "年が範囲外です（0001〜9999）", "năm nằm ngoài phạm vi (0001–9999)"},
    {"month must be 01 to 12", "月は01〜12です", "tháng phải từ 01 đến 12"},
    {"day {0} does not exist in {1}", "{1}に{0}日はありません", "tháng {1} không có ngày {0}"},
    // Entities, relations, vocabularies (validation.cpp).
    {"a source needs a title", "出典には題名が必要です", "nguồn cần có tiêu đề"},
    {"a source needs a title before its url", "出典にはURLの前に題名が必要です",
     "nguồn cần có tiêu đề trước URL"},
    {"{=0} is too long ({1} bytes, at most {2})", "{0}が長すぎます（{1}バイト、最大{2}バイト）",
     "{0} quá dài ({1} byte, tối đa {2})"},
    {"{=0} is not valid UTF-8 text (invalid bytes, NUL or control characters)",
     "{0}が正しいUTF-8のテキストではありません（不正なバイト、NUL、制御文字）",
     "{0} không phải văn bản UTF-8 hợp lệ (byte sai, NUL hoặc ký tự điều khiển)"},
    {"an attribute needs a name", "属性には名前が必要です", "thuộc tính cần có tên"},
    {"bad entity id '{0}': use lower-case letters, digits and '-', e.g. vn-moh",
     "組織のID '{0}' が正しくありません：英小文字・数字・'-' で書きます（例：vn-moh）",
     "mã tổ chức '{0}' không hợp lệ: dùng chữ thường, chữ số và '-', ví dụ vn-moh"},
    {"entity {0}: bad kind '{1}'", "組織 {0}：種別 '{1}' が正しくありません",
     "tổ chức {0}: loại '{1}' không hợp lệ"},
    {"entity {0}: needs at least one name (en, ja or vi)",
     "組織 {0}：名称が一つ以上必要です（英語・日本語・ベトナム語）",
     "tổ chức {0}: cần ít nhất một tên (tiếng Anh, tiếng Nhật hoặc tiếng Việt)"},
    {"entity {0}: empty alias", "組織 {0}：空の別名があります", "tổ chức {0}: có tên khác để trống"},
    {"entity {0}: bad country '{1}': use ISO 3166-1 alpha-2 such as JP or VN",
     "組織 {0}：国 '{1}' が正しくありません：JP、VN のような ISO 3166-1 の2文字コードで書きます",
     "tổ chức {0}: quốc gia '{1}' không hợp lệ: dùng mã ISO 3166-1 hai chữ như JP hoặc VN"},
    {"bad {=0} id '{1}'", "{0}のID '{1}' が正しくありません", "mã {0} '{1}' không hợp lệ"},
    {"relation type {0}: unknown category '{1}' (categories: {2})",
     "関係の種類 {0}：分類 '{1}' はありません（分類：{2}）",
     "loại quan hệ {0}: không có nhóm '{1}' (các nhóm: {2})"},
    {"bad relation id '{0}': use lower-case letters, digits and '-'",
     "関係のID '{0}' が正しくありません：英小文字・数字・'-' で書きます",
     "mã quan hệ '{0}' không hợp lệ: dùng chữ thường, chữ số và '-'"},
    {"relation {0}: unknown type '{1}'", "関係 {0}：種類 '{1}' はありません",
     "quan hệ {0}: không có loại '{1}'"},
    {"relation {0}: missing from", "関係 {0}：起点がありません", "quan hệ {0}: thiếu điểm đầu"},
    {"relation {0}: missing to", "関係 {0}：終点がありません", "quan hệ {0}: thiếu điểm cuối"},
    {"relation {0}: unknown entity '{1}'", "関係 {0}：組織 '{1}' はありません",
     "quan hệ {0}: không có tổ chức '{1}'"},
    {"relation {0}: from and to are the same entity", "関係 {0}：起点と終点が同じ組織です",
     "quan hệ {0}: điểm đầu và điểm cuối là cùng một tổ chức"},
    {"relation {0}: end {1} is before start {2} (every day the end may be comes before every day the start "
     "may be)",
     "関係 {0}：終了 {1} が開始 {2} より前です（終了のどの日も開始のどの日より前になります）",
     "quan hệ {0}: ngày kết thúc {1} trước ngày bắt đầu {2} (mọi ngày có thể kết thúc đều trước mọi ngày có "
     "thể bắt đầu)"},
    // A record's JSON (json.cpp, jsonl_reader.cpp).
    {"unknown field '{=0}' in {=1}", "{1}に不明な項目 '{0}' があります", "{1} có trường không rõ '{0}'"},
    {"missing field '{=0}'", "項目 '{0}' がありません", "thiếu trường '{0}'"},
    {"field '{=0}' must be a string", "項目 '{0}' は文字列で書きます", "trường '{0}' phải là chuỗi"},
    {"'attributes' must be an object of strings", "'attributes' は文字列のオブジェクトで書きます",
     "'attributes' phải là một đối tượng gồm các chuỗi"},
    {"attribute '{0}' must be a string", "属性 '{0}' は文字列で書きます", "thuộc tính '{0}' phải là chuỗi"},
    {"'sources' must be an array of {title, url, locator}",
     "'sources' は {title, url, locator} の配列で書きます",
     "'sources' phải là một mảng {title, url, locator}"},
    {"'aliases' must be an array of strings", "'aliases' は文字列の配列で書きます",
     "'aliases' phải là một mảng các chuỗi"},
    {"the key '{0}' appears twice in one object", "キー '{0}' が一つのオブジェクトに2回あります",
     "khóa '{0}' xuất hiện hai lần trong một đối tượng"},
    // An import's summary (app/src/translate.cpp).
    {"1 problem; nothing was written", "問題が1件あります。何も書き込んでいません", "có 1 lỗi; chưa ghi gì"},
    {"{0} problems; nothing was written", "問題が{0}件あります。何も書き込んでいません",
     "có {0} lỗi; chưa ghi gì"},
    {"{0} problems (first {1} shown); nothing was written",
     "問題が{0}件あります（最初の{1}件を表示）。何も書き込んでいません",
     "có {0} lỗi (hiển thị {1} lỗi đầu); chưa ghi gì"},
    // Undo (history.cpp).
    {"change {0} cannot be undone: its rows are not as it left them ({=1})",
     "変更 #{0} は取り消せません：その行が変更直後の状態ではありません（{1}）",
     "không thể hoàn tác thay đổi #{0}: các dòng của nó không còn như lúc nó để lại ({1})"},
    {"rows written later still refer to rows it would remove, e.g. relations added to its entities: undo "
     "those first",
     "後から書き込まれた行が、取り消しで消える行をまだ参照しています（例：その組織に後から加えた関係）。先に"
     "それらを取り"
     "消してください",
     "các dòng ghi sau vẫn tham chiếu tới dòng sẽ bị xóa, ví dụ quan hệ thêm vào tổ chức của nó: hãy hoàn "
     "tác "
     "chúng trước"},
    {"{=0} row {1}: {=2}", "{0}の行 {1}：{2}", "dòng {0} {1}: {2}"},
    {"change {0} cannot be undone: later change {=1} touched the same rows; undo it first (newest first), or "
     "edit the rows by hand",
     "変更 #{0} は取り消せません：後の変更 {1}"
     "が同じ行を変えています。先にそれを取り消すか（新しい順に）、行を直接編集して"
     "ください",
     "không thể hoàn tác thay đổi #{0}: thay đổi sau {1} đã sửa cùng các dòng; hãy hoàn tác nó trước (mới "
     "nhất "
     "trước), hoặc sửa các dòng bằng tay"},
    {"change {0} cannot be undone: later changes {1} touched the same rows; undo them first (newest first), "
     "or edit the rows by hand",
     "変更 #{0} は取り消せません：後の変更 {1}"
     "が同じ行を変えています。先にそれらを取り消すか（新しい順に）、行を直接編集"
     "してください",
     "không thể hoàn tác thay đổi #{0}: các thay đổi sau {1} đã sửa cùng các dòng; hãy hoàn tác chúng trước "
     "(mới nhất trước), hoặc sửa các dòng bằng tay"},
    {"change {0} was undone already, by change {1}", "変更 #{0} は変更 #{1} で取り消し済みです",
     "thay đổi #{0} đã được hoàn tác bởi thay đổi #{1}"},
    {"change {0} does not exist ({=1})", "変更 #{0} はありません（{1}）", "không có thay đổi #{0} ({1})"},
    {"the history is empty", "履歴は空です", "lịch sử còn trống"},
    {"the changes are numbered 1 to {0}", "変更の番号は1〜{0}です", "các thay đổi được đánh số từ 1 đến {0}"},
    {"change {0} emptied the bulk load {1}, whose rows were not recorded one by one: import its files again",
     "変更 #{0} は一括読み込み #{1} "
     "を空にしました。その行は一つずつ記録されていないため、ファイルをもう一度読み込んで"
     "ください",
     "thay đổi #{0} đã làm trống lần nạp hàng loạt #{1}, các dòng của nó không được ghi từng dòng: hãy nhập "
     "lại "
     "các tệp"},
    // Merge and names (merge.cpp, name_lookup.cpp).
    {"'{0}' is one entity: there is nothing to merge", "'{0}' は一つの組織です。統合するものはありません",
     "'{0}' là một tổ chức: không có gì để hợp nhất"},
    {"'{0}' was merged into '{1}' already: they are one entity",
     "'{0}' はすでに '{1}' に統合されています。同じ組織です",
     "'{0}' đã được hợp nhất vào '{1}': chúng là một tổ chức"},
    {"'{0}' and '{1}' both name '{2}': they are one entity",
     "'{0}' と '{1}' はどちらも '{2}' です。同じ組織です",
     "'{0}' và '{1}' đều chỉ '{2}': chúng là một tổ chức"},
    // Hand writes (record_checks.cpp): sources required, an add never replaces, an edit of a stale record.
    {"sources: at least one source is required (a title, and a URL or locator if any)",
     "出典：出典が少なくとも1つ必要です（題名と、あればURLか所在）",
     "nguồn: cần ít nhất một nguồn (tiêu đề, và URL hoặc vị trí nếu có)"},
    {"sources: source {0} has no title (a source with a URL or locator needs one)",
     "出典：出典 {0} に題名がありません（URLや所在のある出典には題名が必要です）",
     "nguồn: nguồn {0} không có tiêu đề (nguồn có URL hoặc vị trí cần có tiêu đề)"},
    {"entity '{0}' exists already ({1}): an add never replaces; choose another id, or edit that one",
     "組織 '{0}' "
     "はすでにあります（{1}）：追加は既存のものを置き換えません。別のIDを選ぶか、そちらを編集してください",
     "tổ chức '{0}' đã có ({1}): thêm mới không bao giờ thay thế; hãy chọn mã khác, hoặc sửa bản đó"},
    {"entity id '{0}' was merged into '{1}': an add never replaces; choose another id, or edit that one",
     "ID '{0}' は '{1}' "
     "に統合されています：追加は既存のものを置き換えません。別のIDを選ぶか、そちらを編集してください",
     "mã '{0}' đã được hợp nhất vào '{1}': thêm mới không bao giờ thay thế; hãy chọn mã khác, hoặc sửa bản "
     "đó"},
    {"relation '{0}' exists already ({1}): an add never replaces; choose another id, or edit that one",
     "関係 '{0}' "
     "はすでにあります（{1}）：追加は既存のものを置き換えません。別のIDを選ぶか、そちらを編集してください",
     "quan hệ '{0}' đã có ({1}): thêm mới không bao giờ thay thế; hãy chọn mã khác, hoặc sửa bản đó"},
    {"relation type '{0}' exists already: an add never replaces; choose another id, or edit that one",
     "関係の種類 '{0}' "
     "はすでにあります：追加は既存のものを置き換えません。別のIDを選ぶか、そちらを編集してください",
     "loại quan hệ '{0}' đã có: thêm mới không bao giờ thay thế; hãy chọn mã khác, hoặc sửa bản đó"},
    {"entity kind '{0}' exists already: an add never replaces; choose another id, or edit that one",
     "組織の種類 '{0}' "
     "はすでにあります：追加は既存のものを置き換えません。別のIDを選ぶか、そちらを編集してください",
     "loại tổ chức '{0}' đã có: thêm mới không bao giờ thay thế; hãy chọn mã khác, hoặc sửa bản đó"},
    {"entity '{0}' was changed since you opened it by change #{1} ({2}, {3}): read it again and make your "
     "edit on what is there now",
     "組織 '{0}' は開いた後に変更 #{1}（{2}、{3}）で変更されました：読み直して、今ある内容に編集してください",
     "tổ chức '{0}' đã bị thay đổi sau khi bạn mở, bởi thay đổi #{1} ({2}, {3}): hãy đọc lại và sửa trên nội "
     "dung hiện có"},
    {"entity '{0}' was changed since you opened it: read it again and make your edit on what is there now",
     "組織 '{0}' は開いた後に変更されました：読み直して、今ある内容に編集してください",
     "tổ chức '{0}' đã bị thay đổi sau khi bạn mở: hãy đọc lại và sửa trên nội dung hiện có"},
    {"entity '{0}' was removed since you opened it by change #{1} ({2}, {3}): read it again and make your "
     "edit on what is there now",
     "組織 '{0}' は開いた後に変更 #{1}（{2}、{3}）で削除されました：読み直して、今ある内容に編集してください",
     "tổ chức '{0}' đã bị xóa sau khi bạn mở, bởi thay đổi #{1} ({2}, {3}): hãy đọc lại và sửa trên nội dung "
     "hiện có"},
    {"entity '{0}' was removed since you opened it: read it again and make your edit on what is there now",
     "組織 '{0}' は開いた後に削除されました：読み直して、今ある内容に編集してください",
     "tổ chức '{0}' đã bị xóa sau khi bạn mở: hãy đọc lại và sửa trên nội dung hiện có"},
    {"relation '{0}' was changed since you opened it by change #{1} ({2}, {3}): read it again and make your "
     "edit on what is there now",
     "関係 '{0}' は開いた後に変更 #{1}（{2}、{3}）で変更されました：読み直して、今ある内容に編集してください",
     "quan hệ '{0}' đã bị thay đổi sau khi bạn mở, bởi thay đổi #{1} ({2}, {3}): hãy đọc lại và sửa trên nội "
     "dung hiện có"},
    {"relation '{0}' was changed since you opened it: read it again and make your edit on what is there now",
     "関係 '{0}' は開いた後に変更されました：読み直して、今ある内容に編集してください",
     "quan hệ '{0}' đã bị thay đổi sau khi bạn mở: hãy đọc lại và sửa trên nội dung hiện có"},
    {"relation '{0}' was removed since you opened it by change #{1} ({2}, {3}): read it again and make your "
     "edit on what is there now",
     "関係 '{0}' は開いた後に変更 #{1}（{2}、{3}）で削除されました：読み直して、今ある内容に編集してください",
     "quan hệ '{0}' đã bị xóa sau khi bạn mở, bởi thay đổi #{1} ({2}, {3}): hãy đọc lại và sửa trên nội dung "
     "hiện có"},
    {"relation '{0}' was removed since you opened it: read it again and make your edit on what is there now",
     "関係 '{0}' は開いた後に削除されました：読み直して、今ある内容に編集してください",
     "quan hệ '{0}' đã bị xóa sau khi bạn mở: hãy đọc lại và sửa trên nội dung hiện có"},
    {"unknown entity '{0}'", "組織 '{0}' はありません", "không có tổ chức '{0}'"},
    {"unknown entity '{0}'; closest:{1}", "組織 '{0}' はありません。近いもの：{1}",
     "không có tổ chức '{0}'; gần nhất:{1}"},
    // A change named in a message (history.cpp's describe): its number, command, author and time.
    {"{#0} ({1}, by {2} at {3})", "#{0}（{3}、{2}、{1}）", "#{0} ({1}, bởi {2} lúc {3})"},
};

// Words put in the messages above, and the reasons of duplicate candidates: translated as values and
// reasons, never as a message of their own (a message ending in ": missing" is not the word "missing").
constexpr MessageEntry kWords[] = {
    // Fields, what a row is, how an undo meets a row.
    {"name_en", "英語名", "tên tiếng Anh"},
    {"name_ja", "日本語名", "tên tiếng Nhật"},
    {"name_vi", "ベトナム語名", "tên tiếng Việt"},
    {"alias", "別名", "tên khác"},
    {"aliases", "別名", "tên khác"},
    {"source title", "出典の題名", "tiêu đề nguồn"},
    {"source url", "出典のURL", "URL nguồn"},
    {"source locator", "出典の箇所", "vị trí trong nguồn"},
    {"attribute name", "属性名", "tên thuộc tính"},
    {"attribute '{0}'", "属性 '{0}'", "thuộc tính '{0}'"},
    {"label_en", "英語ラベル", "nhãn tiếng Anh"},
    {"label_ja", "日本語ラベル", "nhãn tiếng Nhật"},
    {"label_vi", "ベトナム語ラベル", "nhãn tiếng Việt"},
    {"description", "説明", "mô tả"},
    {"relation type", "関係の種類", "loại quan hệ"},
    {"entity kind", "組織の種別", "loại tổ chức"},
    {"entity", "組織", "tổ chức"},
    {"relation", "関係", "quan hệ"},
    {"type", "関係の種類", "loại quan hệ"},
    {"kind", "種別", "loại"},
    {"redirect", "転送", "chuyển hướng"},
    {"relation redirect", "関係の転送", "chuyển hướng quan hệ"},
    {"judgement", "別の組織という判断", "đánh giá không trùng"},
    {"changed since", "その後に変更あり", "đã thay đổi sau đó"},
    {"missing", "見つかりません", "không còn"},
    {"already there", "すでにあります", "đã có"},
    {"constraint", "制約違反", "vi phạm ràng buộc"},
    {"foreign key", "参照の制約", "ràng buộc tham chiếu"},
    // Reasons of duplicate candidates (queries/src/duplicates.cpp).
    {"same name", "同じ名称", "cùng tên"},
    {"similar name", "似た名称", "tên gần giống"},
    {"same kind", "同じ種別", "cùng loại"},
    {"different kind", "異なる種別", "khác loại"},
    {"same country", "同じ国", "cùng quốc gia"},
    {"different country", "異なる国", "khác quốc gia"},
    {"1 shared neighbour", "共通の関係先 1件", "1 đối tác chung"},
    {"{0} shared neighbours", "共通の関係先 {0}件", "{0} đối tác chung"},
    {"same website", "同じWebサイト", "cùng trang web"},
    {"same {0}", "同じ {0}", "cùng {0}"},
};

struct CompiledMessage {
    const MessageEntry* entry;
    std::unique_ptr<RE2> pattern;
    std::vector<int> numbers;      // the placeholder each capture fills
    std::vector<bool> translated;  // whether that capture is a message translated in turn
    std::size_t literal = 0;       // characters outside placeholders: the longest match wins
    bool word = false;             // of kWords
};

// {0}, {=0} or {#0} at text[at]: where it ends (past '}'), else npos.
std::size_t placeholder_end(const std::string& text, std::size_t at) {
    if (text[at] != '{') return std::string::npos;
    std::size_t digits = at + 1;
    if (digits < text.size() && (text[digits] == '=' || text[digits] == '#')) ++digits;
    std::size_t end = digits;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) ++end;
    return end > digits && end < text.size() && text[end] == '}' ? end + 1 : std::string::npos;
}

CompiledMessage compile_message(const MessageEntry& entry, bool word) {
    static const RE2::Options options = [] {
        RE2::Options made;
        made.set_dot_nl(true);  // a candidate list goes on over lines
        made.set_log_errors(false);
        return made;
    }();
    CompiledMessage compiled{&entry, nullptr, {}, {}, 0, word};
    const std::string english = entry.en;
    std::string pattern;
    std::string literal;
    std::size_t at = 0;
    while (at < english.size()) {
        const std::size_t end = placeholder_end(english, at);
        if (end == std::string::npos) {
            literal += english[at++];
            continue;
        }
        pattern += RE2::QuoteMeta(literal);
        compiled.literal += literal.size();
        literal.clear();
        const char mark = english[at + 1];
        compiled.numbers.push_back(std::stoi(english.substr(at + (mark == '=' || mark == '#' ? 2 : 1))));
        compiled.translated.push_back(mark == '=');
        // {#0} is a number; a message that begins with a value (a field's name) takes no place before it
        // ("file:1: ").
        pattern += mark == '#' ? "([0-9]+)" : at == 0 ? "([^:]*?)" : "(.*?)";
        at = end;
    }
    pattern += RE2::QuoteMeta(literal);
    compiled.literal += literal.size();
    compiled.pattern = std::make_unique<RE2>(pattern, options);
    return compiled;
}

const std::vector<CompiledMessage>& compiled_messages() {
    static const std::vector<CompiledMessage> compiled = [] {
        std::vector<CompiledMessage> out;
        for (const auto& entry : kMessages) out.push_back(compile_message(entry, false));
        for (const auto& entry : kWords) out.push_back(compile_message(entry, true));
        return out;
    }();
    return compiled;
}

std::optional<std::string> whole_message(const std::string& text, const std::string& lang, bool words);

// A value put in a message: translated when it is a message or a word, or a list of them ("a; b").
std::string value_in(const std::string& value, const std::string& lang) {
    std::string out;
    std::size_t at = 0;
    while (true) {
        const std::size_t next = value.find("; ", at);
        const std::string part = value.substr(at, next == std::string::npos ? std::string::npos : next - at);
        out += whole_message(part, lang, true).value_or(part);
        if (next == std::string::npos) break;
        out += "; ";
        at = next + 2;
    }
    return out;
}

// The text in lang when it is one message of the table (with words: or one word), whole; lang "" only
// asks whether it is.
std::optional<std::string> whole_message(const std::string& text, const std::string& lang, bool words) {
    const CompiledMessage* best = nullptr;
    std::vector<std::string> values;
    for (const auto& compiled : compiled_messages()) {
        if ((compiled.word && !words) || (best != nullptr && compiled.literal <= best->literal)) continue;
        const int count = compiled.pattern->NumberOfCapturingGroups();
        std::vector<std::string> found(static_cast<std::size_t>(count));
        std::vector<RE2::Arg> args(found.size());
        std::vector<const RE2::Arg*> pointers;
        for (std::size_t i = 0; i < found.size(); ++i) {
            args[i] = RE2::Arg(&found[i]);
            pointers.push_back(&args[i]);
        }
        if (!RE2::FullMatchN(text, *compiled.pattern, pointers.data(), count)) continue;
        best = &compiled;
        values = std::move(found);
    }
    if (best == nullptr) return std::nullopt;
    if (lang.empty()) return text;
    std::string out = lang == "ja" ? best->entry->ja : best->entry->vi;
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::string mark(1, '{');  // built by appending: "{" + to_string(…) trips GCC 12's -Wrestrict
        mark += std::to_string(best->numbers[i]);
        mark += '}';
        const std::string value = best->translated[i] ? value_in(values[i], lang) : values[i];
        for (std::size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + value.size()))
            out.replace(at, mark.size(), value);
    }
    return out;
}

// The message in lang, a place before it ("relation:1: ", "records.jsonl:3: ") kept; or nothing.
std::optional<std::string> placed_message(const std::string& message, const std::string& lang) {
    if (auto whole = whole_message(message, lang, false)) return whole;
    for (std::size_t at = message.find(": "); at != std::string::npos; at = message.find(": ", at + 2)) {
        if (auto rest = whole_message(message.substr(at + 2), lang, false))
            return message.substr(0, at + 2) + *rest;
    }
    return std::nullopt;
}

}  // namespace

std::string message_in(const std::string& message, const std::string& lang) {
    if (lang != "ja" && lang != "vi") return message;
    return placed_message(message, lang).value_or(message);
}

bool message_known(const std::string& message) { return placed_message(message, "").has_value(); }

std::string reason_in(const std::string& reason, const std::string& lang) {
    if (lang != "ja" && lang != "vi") return reason;
    return whole_message(reason, lang, true).value_or(reason);
}

}  // namespace kizuna::app
