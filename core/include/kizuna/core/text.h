#pragma once
// Unicode text handling for names. Display text is stored in NFC; search keys are NFKC (full-/half-width
// folded), case-folded, with Latin diacritics stripped and Vietnamese đ folded to d, so that "Bo Y te",
// "bộ y tế", "ＭＯＨ" and "MOH" meet. Japanese voicing marks (゛゜) are kept: バ and ハ stay distinct.
#include <string>
#include <string_view>
#include <vector>

namespace kizuna {

// NFC form of valid UTF-8. REQUIRES: is_clean_utf8(text).
[[nodiscard]] std::string to_nfc(std::string_view text);
// The search key described above, with runs of white space collapsed to one space and trimmed.
[[nodiscard]] std::string search_key(std::string_view text);
// The characters (code points) of UTF-8 text, each as the bytes it takes.
[[nodiscard]] std::vector<std::string_view> code_points(std::string_view text);
// The key names are compared by when looking for duplicates: the search key without spaces, punctuation
// and legal forms, so that "Ha Tay Pharma", "HA-TAY PHARMA", "Ha Tay Pharma Co., Ltd." and
// "ＨａＴａｙ Ｐｈａｒｍａ" meet (OpenSanctions' name fingerprints treat legal forms so).
[[nodiscard]] std::string folded_name(const std::string& name);
// Whether a word of a search key is a legal form ("co", "ltd", "株式会社"): it says what kind of company,
// not which.
[[nodiscard]] bool is_legal_form(std::string_view word);
// Whether a character separates words without being part of a name.
[[nodiscard]] bool is_name_separator(std::string_view character);

}  // namespace kizuna
