// The page's own words in English, Japanese and Vietnamese. Names of kinds, countries, relation types and
// categories are not here: they come with the style from the server (/api/style, viz/), like the data.
// Every text of the page chrome goes through word(); a test switches language and finds no English left.
import { EDIT_WORDS } from './edit_words.js';

const WORDS = {
  en: {},
  ja: {
    'Kizuna explorer': 'Kizuna エクスプローラー',
    'Search an organisation: MOH, 保健省, Bo Y te': '組織を検索：MOH、保健省、Bo Y te',
    'Search': '検索', 'Language': '言語', 'as of': '時点', 'until': '〜まで', 'period': '期間',
    'How are they connected?': 'どうつながっているか', 'from': '起点', 'to': '終点',
    'walk evidence': '根拠資料もたどる', 'all shortest': '最短経路をすべて', 'Find': '探す',
    'Show': '表示', 'category': '分類', 'kind': '種別', 'country': '国', 'Legend': '凡例',
    'English': '英語', 'Japanese': '日本語', 'Vietnamese': 'ベトナム語', 'aliases': '別名',
    'relations': '関係', 'sources': '出典', 'hops': 'ホップ', 'no connection': 'つながりは見つかりません',
    'only evidence connects them': '根拠資料だけがつないでいます',
    'show the evidence chain': '根拠資料のつながりを表示', 'documents': '資料',
    'date unknown': '日付不明', 'possibly active': '有効の可能性', 'not active then': 'その時点で無効',
    'active': '有効', 'start': '開始', 'end': '終了', 'ongoing': '継続中',
    'line solid': '実線：有効（日付の条件なしでは、すべて）', 'line dashed': '破線：有効の可能性（日付の精度が粗い）',
    'line dotted': '点線：日付不明', 'line faded': '薄い表示：その時点で有効な関係がない',
    'evidence line': '細い灰色の線：根拠資料（出典となる記録）', 'highlight line': '橙色：見つかった経路',
    'chain line': '紫：根拠資料のつながり', 'states': '線の意味', 'kinds': '種別', 'countries': '国', 'types': '関係の種類',
    'Fit': '全体表示', 'Zoom in': '拡大', 'Zoom out': '縮小', 'Reset': 'リセット', 'Undo': '元に戻す',
    'Redo': 'やり直す', 'Layout': '配置', 'force-directed': '力学モデル', 'concentric': '選択を中心に同心円',
    'by country': '国別', 'Pin': '固定', 'Unpin': '固定解除', 'Hide': '非表示', 'Expand': '展開',
    'more': '件ほか', 'More neighbours': 'ほかのつながり', 'Filter the list': '一覧を絞り込む',
    'all categories': 'すべての分類', 'Add selected': '選んだものを追加', 'Close': '閉じる',
    'Export': '書き出し', 'Image (SVG)': '画像（SVG）', 'Image (PNG)': '画像（PNG）', 'Panel': 'パネル',
    'organisations': '組織', 'shown': '表示中', 'of': '／', 'neighbours': 'つながり',
    'at most N new at once': '一度に追加するのは最大 {n} 件（協力、所有、プログラム、統治の順、次に新しいもの）',
    'nothing new': '新しいつながりはありません', 'loading': '読み込み中…',
    'error 2': '要求を処理できません（対象が見つからないか、条件が正しくありません）',
    'error 3': 'データが正しくありません', 'error 4': 'データベースを利用できません（使用中か、開けません）',
    'error other': '予期しないエラー', 'error network': 'サーバーに接続できません',
    'Relation': '関係', 'Organisation': '組織', 'the map': '関係図', 'date': '日付',
    'Arrow keys: move between organisations; Enter: open; +: expand; Delete: hide; P: pin':
      '矢印キー：組織間を移動、Enter：開く、＋：展開、Delete：非表示、P：固定',
    'is': 'は', 'evidence': '根拠資料', 'pinned': '固定済み', 'Map': '関係図',
    'Sources': '出典', 'drawn': '表示', 'and N more': 'ほか {n} 件', 'no date filter': '日付の条件なし',
    'Add': '追加', 'select': '選択', 'with the path highlighted': '経路を強調して',
    'Compare two years': '2つの年を比較', 'first year': '比較元の年', 'second year': '比較先の年', 'Compare': '比較',
    'Changes': '変化', 'began': '開始', 'ended': '終了', 'possibly began': '開始の可能性', 'possibly ended': '終了の可能性',
    'state changed': '状態が変化', 'Groups that changed': '変化したグループ', 'birth': '誕生', 'death': '消滅',
    'merge': '合併', 'split': '分裂', 'N relations of unknown date not compared': '日付不明の関係 {n} 件は比較していません',
    'Colour': '色分け', 'community': 'コミュニティ', 'groups': 'グループ', 'group N': 'グループ {n}',
    'other groups': 'そのほかのグループ', 'in no group': 'グループなし（白）', 'modularity': 'モジュラリティ',
    'groups found': 'データ全体のグループ数：{n}（表示中の分類の絞り込みと日付による）',
    // Editing (edit.js)
    'Editing': '編集', 'Add an organisation': '組織を追加', 'Add a relation': '関係を追加',
    'History of changes': '変更履歴', 'Edit the organisation': '組織を編集', 'Edit the relation': '関係を編集',
    'Edit': '編集', 'Save': '保存', 'Cancel': 'キャンセル', 'title': '表題', 'locator': '箇所（頁など）',
    'Remove': '削除', 'Add a source': '出典を追加', 'id': 'ID', 'type': '関係の種類', 'one per line': '1 行に 1 つ',
    'write token': '書き込みトークン', 'token hint': '`kizuna serve --allow-write` が起動時に表示するトークン（このタブの間だけ保存）',
    'the token was refused': 'トークンが受け付けられませんでした。起動時に表示されたトークンを入力してください',
    'The server refused the change:': 'サーバーが変更を受け付けませんでした：',
    'made from the ends and type': '空欄なら両端と種類から作成', 'empty: ongoing': '空欄：継続中',
    'date format': '日付は YYYY、YYYY-MM、YYYY-MM-DD の形で', 'end before start': '終了が開始より前です',
    'choose both ends from the search': '両端を検索結果から選んでください',
    'changed entities': '組織', 'changed relations': '関係', 'changed relation_types': '関係の種類', 'changed entity_kinds': '種別',
    'op added': '追加', 'op changed': '変更', 'op removed': '削除',
    'what entity': '組織', 'what relation': '関係', 'what type': '関係の種類', 'what kind': '種別', 'what data': 'データ',
    'undoes #N': '#{n} を取り消し', 'undone by #N': '#{n} で取り消し済み', 'Show the change': '変更内容',
    'Undo…': '取り消す…', 'Confirm the undo': '取り消しを実行', 'The undo would do this:': '取り消すと次のようになります：',
    'no changes yet': 'まだ変更はありません',
    'changed redirects_and_judgements': '転送・判断', 'what redirect': '転送', 'what relation redirect': '関係の転送',
    'what judgement': '「別の組織」の判断', 'saved as change #N': '変更 #{n} として保存しました',
    'bad month': '{n}月はありません（月は01〜12）', 'bad day': 'その月に{n}日はありません', 'bad year': '年は0001〜9999です',
    'field id': 'ID', 'field kind': '種別', 'field name_en': '英語名', 'field name_ja': '日本語名', 'field name_vi': 'ベトナム語名',
    'field aliases': '別名', 'field country': '国', 'field attributes': '属性', 'field sources': '出典', 'field type': '関係の種類',
    'field from': '起点', 'field to': '終点', 'field start': '開始', 'field end': '終了', 'field label_en': '英語ラベル',
    'field label_ja': '日本語ラベル', 'field label_vi': 'ベトナム語ラベル', 'field directed': '向き', 'field description': '説明',
    'field target': '転送先', 'field a': '組織A', 'field b': '組織B', 'field name': '名称', 'field attribute': '属性',
    'field alias': '別名', 'field source': '出典', 'field relation': '関係',
    // Duplicates (duplicates.js)
    'Possible duplicates…': '重複の候補…', 'Possible duplicates of': '重複の候補：',
    'Merge…': '統合…', 'Not the same': '別の組織', 'Confirm the merge': '統合を実行',
    'Keep the other instead': 'もう一方を残す', 'The merge would do this:': '統合すると次のようになります：',
    'no likely duplicates': '重複の候補はありません', 'merge re-point': '付け替え', 'merge fold': '一つにまとめる',
    'merge remove': '削除', 'merge add': '追加', 'merge conflict': '食い違い（残す値）', 'merge redirect': '転送',
    'set aside': '残さない値',
  },
  vi: {
    'Kizuna explorer': 'Kizuna – khám phá',
    'Search an organisation: MOH, 保健省, Bo Y te': 'Tìm tổ chức: MOH, 保健省, Bộ Y tế',
    'Search': 'Tìm', 'Language': 'Ngôn ngữ', 'as of': 'tại thời điểm', 'until': 'đến', 'period': 'giai đoạn',
    'How are they connected?': 'Liên kết thế nào?', 'from': 'từ', 'to': 'đến',
    'walk evidence': 'đi qua cả nguồn tài liệu', 'all shortest': 'mọi đường ngắn nhất', 'Find': 'Tìm đường',
    'Show': 'Hiển thị', 'category': 'phân loại', 'kind': 'loại', 'country': 'quốc gia', 'Legend': 'Chú giải',
    'English': 'tiếng Anh', 'Japanese': 'tiếng Nhật', 'Vietnamese': 'tiếng Việt', 'aliases': 'tên khác',
    'relations': 'quan hệ', 'sources': 'nguồn', 'hops': 'bước', 'no connection': 'không tìm thấy liên kết',
    'only evidence connects them': 'chỉ nguồn tài liệu nối họ',
    'show the evidence chain': 'hiện chuỗi nguồn tài liệu', 'documents': 'tài liệu',
    'date unknown': 'không rõ ngày', 'possibly active': 'có thể còn hiệu lực', 'not active then': 'không hiệu lực khi đó',
    'active': 'hiệu lực', 'start': 'bắt đầu', 'end': 'kết thúc', 'ongoing': 'đang tiếp diễn',
    'line solid': 'nét liền: còn hiệu lực (không lọc ngày: tất cả)',
    'line dashed': 'nét đứt: có thể còn hiệu lực (ngày không đủ chi tiết)',
    'line dotted': 'nét chấm: không rõ ngày', 'line faded': 'mờ: không có quan hệ hiệu lực tại thời điểm',
    'evidence line': 'nét mảnh màu xám: nguồn tài liệu (nơi ghi nhận)', 'highlight line': 'màu cam: đường tìm được',
    'chain line': 'màu tím: chuỗi nguồn tài liệu', 'states': 'ý nghĩa nét', 'kinds': 'loại', 'countries': 'quốc gia',
    'types': 'kiểu quan hệ',
    'Fit': 'Vừa khung', 'Zoom in': 'Phóng to', 'Zoom out': 'Thu nhỏ', 'Reset': 'Đặt lại', 'Undo': 'Hoàn tác',
    'Redo': 'Làm lại', 'Layout': 'Bố cục', 'force-directed': 'mô hình lực', 'concentric': 'đồng tâm quanh mục chọn',
    'by country': 'theo quốc gia', 'Pin': 'Ghim', 'Unpin': 'Bỏ ghim', 'Hide': 'Ẩn', 'Expand': 'Mở rộng',
    'more': 'mục khác', 'More neighbours': 'Liên kết khác', 'Filter the list': 'Lọc danh sách',
    'all categories': 'mọi phân loại', 'Add selected': 'Thêm mục đã chọn', 'Close': 'Đóng',
    'Export': 'Xuất', 'Image (SVG)': 'Ảnh (SVG)', 'Image (PNG)': 'Ảnh (PNG)', 'Panel': 'Bảng',
    'organisations': 'tổ chức', 'shown': 'đang hiện', 'of': 'trên', 'neighbours': 'liên kết',
    'at most N new at once': 'mỗi lần thêm tối đa {n} mục (hợp tác, sở hữu, chương trình, quản lý, rồi mới nhất)',
    'nothing new': 'không có liên kết mới', 'loading': 'đang tải…',
    'error 2': 'không xử lý được yêu cầu (không tìm thấy đối tượng hoặc điều kiện sai)',
    'error 3': 'dữ liệu không hợp lệ', 'error 4': 'không dùng được cơ sở dữ liệu (đang bận hoặc không mở được)',
    'error other': 'lỗi không mong đợi', 'error network': 'không kết nối được máy chủ',
    'Relation': 'Quan hệ', 'Organisation': 'Tổ chức', 'the map': 'sơ đồ quan hệ', 'date': 'ngày',
    'Arrow keys: move between organisations; Enter: open; +: expand; Delete: hide; P: pin':
      'Phím mũi tên: di chuyển giữa các tổ chức; Enter: mở; +: mở rộng; Delete: ẩn; P: ghim',
    'is': 'là', 'evidence': 'nguồn tài liệu', 'pinned': 'đã ghim', 'Map': 'Sơ đồ',
    'Sources': 'Nguồn', 'drawn': 'hiển thị', 'and N more': 'và {n} mục khác', 'no date filter': 'không lọc ngày',
    'Add': 'Thêm', 'select': 'chọn', 'with the path highlighted': 'làm nổi bật đường đi',
    'Compare two years': 'So sánh hai năm', 'first year': 'năm thứ nhất', 'second year': 'năm thứ hai', 'Compare': 'So sánh',
    'Changes': 'Thay đổi', 'began': 'bắt đầu', 'ended': 'kết thúc', 'possibly began': 'có thể đã bắt đầu',
    'possibly ended': 'có thể đã kết thúc', 'state changed': 'đổi trạng thái', 'Groups that changed': 'Các nhóm đã thay đổi',
    'birth': 'hình thành', 'death': 'tan rã', 'merge': 'hợp nhất', 'split': 'tách ra',
    'N relations of unknown date not compared': '{n} quan hệ không rõ ngày không được so sánh',
    'Colour': 'Màu', 'community': 'cộng đồng', 'groups': 'nhóm', 'group N': 'nhóm {n}',
    'other groups': 'các nhóm khác', 'in no group': 'không thuộc nhóm (trắng)', 'modularity': 'độ mô-đun',
    'groups found': '{n} nhóm trong toàn bộ dữ liệu, theo bộ lọc phân loại và ngày đang chọn',
    // Editing (edit.js)
    'Editing': 'Chỉnh sửa', 'Add an organisation': 'Thêm tổ chức', 'Add a relation': 'Thêm quan hệ',
    'History of changes': 'Lịch sử thay đổi', 'Edit the organisation': 'Sửa tổ chức', 'Edit the relation': 'Sửa quan hệ',
    'Edit': 'Sửa', 'Save': 'Lưu', 'Cancel': 'Hủy', 'title': 'tiêu đề', 'locator': 'vị trí (trang…)',
    'Remove': 'Xóa', 'Add a source': 'Thêm nguồn', 'id': 'mã', 'type': 'kiểu quan hệ', 'one per line': 'mỗi dòng một tên',
    'write token': 'mã ghi', 'token hint': 'mã do `kizuna serve --allow-write` in ra khi khởi động (chỉ lưu trong thẻ này)',
    'the token was refused': 'mã ghi bị từ chối: hãy nhập mã in ra khi máy chủ khởi động',
    'The server refused the change:': 'Máy chủ từ chối thay đổi:',
    'made from the ends and type': 'để trống: tạo từ hai đầu và kiểu', 'empty: ongoing': 'để trống: đang tiếp diễn',
    'date format': 'ngày theo dạng YYYY, YYYY-MM, YYYY-MM-DD', 'end before start': 'ngày kết thúc trước ngày bắt đầu',
    'choose both ends from the search': 'hãy chọn cả hai đầu từ kết quả tìm kiếm',
    'changed entities': 'tổ chức', 'changed relations': 'quan hệ', 'changed relation_types': 'kiểu quan hệ', 'changed entity_kinds': 'loại',
    'op added': 'thêm', 'op changed': 'sửa', 'op removed': 'xóa',
    'what entity': 'tổ chức', 'what relation': 'quan hệ', 'what type': 'kiểu quan hệ', 'what kind': 'loại', 'what data': 'dữ liệu',
    'undoes #N': 'hoàn tác #{n}', 'undone by #N': 'đã hoàn tác bởi #{n}', 'Show the change': 'Xem thay đổi',
    'Undo…': 'Hoàn tác…', 'Confirm the undo': 'Xác nhận hoàn tác', 'The undo would do this:': 'Hoàn tác sẽ làm như sau:',
    'no changes yet': 'chưa có thay đổi nào',
    'changed redirects_and_judgements': 'chuyển hướng và đánh giá', 'what redirect': 'chuyển hướng',
    'what relation redirect': 'chuyển hướng quan hệ', 'what judgement': 'đánh giá “không trùng”',
    'saved as change #N': 'đã lưu thành thay đổi #{n}',
    'bad month': 'không có tháng {n} (tháng từ 01 đến 12)', 'bad day': 'tháng đó không có ngày {n}',
    'bad year': 'năm từ 0001 đến 9999',
    'field id': 'mã', 'field kind': 'loại', 'field name_en': 'tên tiếng Anh', 'field name_ja': 'tên tiếng Nhật',
    'field name_vi': 'tên tiếng Việt', 'field aliases': 'tên khác', 'field country': 'quốc gia', 'field attributes': 'thuộc tính',
    'field sources': 'nguồn', 'field type': 'kiểu quan hệ', 'field from': 'điểm đầu', 'field to': 'điểm cuối',
    'field start': 'bắt đầu', 'field end': 'kết thúc', 'field label_en': 'nhãn tiếng Anh', 'field label_ja': 'nhãn tiếng Nhật',
    'field label_vi': 'nhãn tiếng Việt', 'field directed': 'có hướng', 'field description': 'mô tả',
    'field target': 'chuyển tới', 'field a': 'tổ chức A', 'field b': 'tổ chức B', 'field name': 'tên',
    'field attribute': 'thuộc tính', 'field alias': 'tên khác', 'field source': 'nguồn', 'field relation': 'quan hệ',
    // Duplicates (duplicates.js)
    'Possible duplicates…': 'Có thể trùng…', 'Possible duplicates of': 'Có thể trùng với',
    'Merge…': 'Gộp…', 'Not the same': 'Không trùng', 'Confirm the merge': 'Xác nhận gộp',
    'Keep the other instead': 'Giữ bản kia', 'The merge would do this:': 'Gộp sẽ làm như sau:',
    'no likely duplicates': 'không có bản nào có thể trùng', 'merge re-point': 'chuyển quan hệ',
    'merge fold': 'gộp quan hệ', 'merge remove': 'xoá', 'merge add': 'thêm',
    'merge conflict': 'khác nhau (giữ giá trị)', 'merge redirect': 'chuyển hướng', 'set aside': 'bỏ giá trị',
  },
};
// English words that are keys for longer sentences.
const ENGLISH = {
  'line solid': 'solid: active (without a date filter: all)', 'line dashed': 'dashed: possibly active (coarse dates)',
  'line dotted': 'dotted: date unknown', 'line faded': 'faded: no relation alive at the date',
  'evidence line': 'thin grey: evidence (where a fact was read)', 'highlight line': 'orange: the path found',
  'chain line': 'purple: the evidence chain', 'states': 'lines', 'more': 'more',
  'at most N new at once': 'at most {n} new at once (collaboration, ownership, programme, governance first, then the most recent)',
  'error 2': 'the request cannot be answered (nothing of that name, or a wrong condition)',
  'error 3': 'the data is not valid', 'error 4': 'the database cannot be used (busy, or cannot be opened)',
  'error other': 'unexpected error', 'error network': 'the server cannot be reached', 'of': 'of',
  'and N more': 'and {n} more',
  'N relations of unknown date not compared': '{n} relations of unknown date are not compared',
  'group N': 'group {n}', 'in no group': 'in no group (white)',
  'groups found': '{n} groups in the whole data, under the category filters and the date shown',
  // Editing (edit.js)
  'token hint': 'the token `kizuna serve --allow-write` prints at start (kept for this tab only)',
  'the token was refused': 'the token was refused: paste the one the server printed at start',
  'made from the ends and type': 'empty: made from the ends and the type', 'date format': 'a date is YYYY, YYYY-MM or YYYY-MM-DD',
  'end before start': 'the end is before the start', 'changed entities': 'organisations', 'changed relations': 'relations',
  'changed relation_types': 'relation types', 'changed entity_kinds': 'kinds', 'op added': 'added', 'op changed': 'changed',
  'op removed': 'removed', 'what entity': 'organisation', 'what relation': 'relation', 'what type': 'relation type',
  'what kind': 'kind', 'what data': 'data', 'undoes #N': 'undoes #{n}', 'undone by #N': 'undone by #{n}',
  'changed redirects_and_judgements': 'redirects and judgements', 'what redirect': 'redirect',
  'what relation redirect': 'relation redirect', 'what judgement': 'judgement "not the same"',
  'saved as change #N': 'saved as change #{n}',
  'bad month': 'month {n} does not exist (a month is 01 to 12)', 'bad day': 'day {n} does not exist in that month',
  'bad year': 'a year is 0001 to 9999',
  'field id': 'id', 'field kind': 'kind', 'field name_en': 'English name', 'field name_ja': 'Japanese name',
  'field name_vi': 'Vietnamese name', 'field aliases': 'aliases', 'field country': 'country', 'field attributes': 'attributes',
  'field sources': 'sources', 'field type': 'relation type', 'field from': 'from', 'field to': 'to', 'field start': 'start',
  'field end': 'end', 'field label_en': 'English label', 'field label_ja': 'Japanese label', 'field label_vi': 'Vietnamese label',
  'field directed': 'directed', 'field description': 'description', 'field target': 'redirected to',
  'field a': 'organisation A', 'field b': 'organisation B', 'field name': 'name', 'field attribute': 'attribute',
  'field alias': 'alias', 'field source': 'source', 'field relation': 'relation',
  // Duplicates (duplicates.js)
  'merge re-point': 're-point relation', 'merge fold': 'fold relation', 'merge remove': 'remove relation',
  'merge add': 'add', 'merge conflict': 'conflict (kept)', 'merge redirect': 'redirect',
};

// Attribute names of the data as words of the page; an unknown name is shown as it is (it is data).
const ATTRIBUTES = {
  ja: { description: '説明', website: 'ウェブサイト', caveat: '注意', role: '役割', stake: '出資', basis: '根拠',
        date: '日付', fiscal_year: '年度', purpose: '目的', purpose_ja: '目的（日本語）', title: '名称',
        title_ja: '名称（日本語）', note: '注記', issued: '発行', main_products: '主な製品', city: '所在地',
        founded: '設立', activities: '活動', announced: '発表', area: '分野', commission: '委託', coverage: '対象範囲',
        digital_transformation: 'デジタル変革', email: 'メール', phone: '電話', how: '方法', integration: '連携',
        launched: '開始', opened: '開設', promoted_by: '推進', records: '記録', started: '開始', training: '研修',
        citizens_integrated: '連携した住民数', health_records_integrated: '連携した健康記録',
        universal_coverage_law: '皆保険の法律', vietnam_business: 'ベトナム事業' },
  vi: { description: 'mô tả', website: 'trang web', caveat: 'lưu ý', role: 'vai trò', stake: 'phần vốn', basis: 'căn cứ',
        date: 'ngày', fiscal_year: 'năm tài chính', purpose: 'mục đích', purpose_ja: 'mục đích (tiếng Nhật)',
        title: 'tiêu đề', title_ja: 'tiêu đề (tiếng Nhật)', note: 'ghi chú', issued: 'ban hành',
        main_products: 'sản phẩm chính', city: 'thành phố', founded: 'thành lập', activities: 'hoạt động',
        announced: 'công bố', area: 'lĩnh vực', commission: 'ủy thác', coverage: 'phạm vi', digital_transformation:
        'chuyển đổi số', email: 'thư điện tử', phone: 'điện thoại', how: 'cách thức', integration: 'tích hợp',
        launched: 'ra mắt', opened: 'khai trương', promoted_by: 'thúc đẩy bởi', records: 'hồ sơ', started: 'bắt đầu',
        training: 'đào tạo', citizens_integrated: 'số người dân đã tích hợp',
        health_records_integrated: 'hồ sơ sức khỏe đã tích hợp', universal_coverage_law: 'luật bao phủ toàn dân',
        vietnam_business: 'kinh doanh tại Việt Nam' },
};

for (const code of ['ja', 'vi']) Object.assign(WORDS[code], EDIT_WORDS[code]);
Object.assign(ENGLISH, EDIT_WORDS.en);

let lang = 'en';
export const LANGUAGES = ['en', 'ja', 'vi'];
export function setLanguage(code) { lang = LANGUAGES.includes(code) ? code : 'en'; }
export function language() { return lang; }

// The word in the page's language; {n} in it is replaced.
export function word(key, n) {
  const text = (WORDS[lang] && WORDS[lang][key]) || ENGLISH[key] || key;
  return n === undefined ? text : text.replace('{n}', String(n));
}

// An attribute's name: [text, known] (unknown names are data, shown as they are).
export function attributeName(key) {
  if (lang === 'en') return [key.replace(/_/g, ' '), true];
  const table = ATTRIBUTES[lang];
  if (table[key]) return [table[key], true];
  const numbered = key.match(/^([a-z_]+?)_(\d+)$/);
  if (numbered && table[numbered[1]]) return [`${table[numbered[1]]} ${numbered[2]}`, true];
  return [key, false];
}

// A failed request's message in the page's language (the server's own words stay in the tooltip).
export function errorText(error) {
  if (!error || !('exit' in error)) return word('error other');
  if (error.exit === undefined) return word('error network');
  return word([2, 3, 4].includes(error.exit) ? `error ${error.exit}` : 'error other');
}

// Every element marked data-word gets its word; data-word-placeholder, -title and -aria the same.
export function translatePage(root = document) {
  document.documentElement.lang = lang;
  for (const node of root.querySelectorAll('[data-word]')) node.textContent = word(node.dataset.word);
  for (const node of root.querySelectorAll('[data-word-placeholder]')) node.placeholder = word(node.dataset.wordPlaceholder);
  for (const node of root.querySelectorAll('[data-word-title]')) {
    node.title = word(node.dataset.wordTitle);
    node.setAttribute('aria-label', node.title);
  }
  for (const node of root.querySelectorAll('[data-word-aria]')) node.setAttribute('aria-label', word(node.dataset.wordAria));
  document.title = word('Kizuna explorer');
}
