#pragma once
// Unicode text handling for names. Display text is stored in NFC; search keys are NFKC (full-/half-width
// folded), case-folded, with Latin diacritics stripped and Vietnamese đ folded to d, so that "Bo Y te",
// "bộ y tế", "ＭＯＨ" and "MOH" meet. Japanese voicing marks (゛゜) are kept: バ and ハ stay distinct.
#include <string>
#include <string_view>

namespace kizuna {

// NFC form of valid UTF-8. REQUIRES: is_clean_utf8(text).
[[nodiscard]] std::string to_nfc(std::string_view text);
// The search key described above, with runs of white space collapsed to one space and trimmed.
[[nodiscard]] std::string search_key(std::string_view text);

}  // namespace kizuna
