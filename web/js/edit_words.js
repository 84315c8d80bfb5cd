// The words of safe editing (edit.js): an add that would replace, an edit that came too late, a source
// without a title, a draft that Escape would throw away. Merged into i18n.js's tables.
export const EDIT_WORDS = {
  en: {
    'a token is needed': 'a token is needed: paste the one the server printed at start',
    'id taken': 'this id is taken: {n} is suggested instead',
    'a source needs a title': 'a source with a URL or locator needs a title',
    'at least one source': 'at least one source with a title is needed',
    'changed meanwhile': 'Someone changed this record since you opened it.',
    'Read it again': 'Read it again (your changes here are lost)',
    'Discard your changes?': 'Discard your changes?',
    'Discard': 'Discard', 'Keep editing': 'Keep editing',
  },
  ja: {
    'a token is needed': 'トークンが必要です。起動時に表示されたトークンを入力してください',
    'id taken': 'この ID は使われています。代わりに {n} を提案します',
    'a source needs a title': 'URL または箇所のある出典には表題が必要です',
    'at least one source': '表題のある出典が少なくとも 1 つ必要です',
    'changed meanwhile': 'この記録は開いた後にほかの人が変更しました。',
    'Read it again': '読み直す（ここでの変更は失われます）',
    'Discard your changes?': '変更を破棄しますか？',
    'Discard': '破棄', 'Keep editing': '編集を続ける',
  },
  vi: {
    'a token is needed': 'cần mã ghi: hãy nhập mã in ra khi máy chủ khởi động',
    'id taken': 'mã này đã có: đề xuất {n} thay thế',
    'a source needs a title': 'nguồn có URL hoặc vị trí cần có tiêu đề',
    'at least one source': 'cần ít nhất một nguồn có tiêu đề',
    'changed meanwhile': 'Bản ghi này đã bị người khác sửa sau khi bạn mở.',
    'Read it again': 'Đọc lại (các thay đổi của bạn ở đây sẽ mất)',
    'Discard your changes?': 'Bỏ các thay đổi?',
    'Discard': 'Bỏ', 'Keep editing': 'Tiếp tục sửa',
  },
};
