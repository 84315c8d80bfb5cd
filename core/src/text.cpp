#include "kizuna/core/text.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <unordered_set>
#include <vector>

#include "kizuna/core/errors.h"

namespace kizuna {

namespace {

struct FreeDeleter {
    void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string map(std::string_view text, int options) {
    utf8proc_uint8_t* raw = nullptr;
    const utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                                 static_cast<utf8proc_ssize_t>(text.size()), &raw,
                                                 static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(raw);
    if (length < 0) throw InvalidDataError(std::string("invalid UTF-8 text: ") + utf8proc_errmsg(length));
    return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(length));
}

// Kana voicing marks are combining marks too, but stripping them would merge distinct Japanese words.
bool is_kana_voicing_mark(utf8proc_int32_t c) { return c == 0x3099 || c == 0x309A; }

void append_utf8(std::string& out, utf8proc_int32_t codepoint) {
    utf8proc_uint8_t buffer[4];
    const auto length = utf8proc_encode_char(codepoint, buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

}  // namespace

std::string to_nfc(std::string_view text) { return map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE); }

std::string search_key(std::string_view text) {
    // Decompose with compatibility mappings and case folding, then drop the marks we do not want.
    const std::string decomposed =
        map(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    std::string kept;
    kept.reserve(decomposed.size());
    bool pending_space = false;
    auto* at = reinterpret_cast<const utf8proc_uint8_t*>(decomposed.data());
    auto remaining = static_cast<utf8proc_ssize_t>(decomposed.size());
    while (remaining > 0) {
        utf8proc_int32_t c = 0;
        const auto length = utf8proc_iterate(at, remaining, &c);
        at += length;
        remaining -= length;
        const auto category = utf8proc_category(c);
        if (category == UTF8PROC_CATEGORY_MN && !is_kana_voicing_mark(c)) continue;
        if (category == UTF8PROC_CATEGORY_ZS || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !kept.empty();
            continue;
        }
        if (pending_space) {
            kept += ' ';
            pending_space = false;
        }
        append_utf8(kept, c == 0x0111 ? 'd' : c);  // đ has no decomposition: fold it by hand
    }
    return map(kept, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::vector<std::string_view> code_points(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 1; i <= text.size(); ++i) {
        if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            out.push_back(text.substr(start, i - start));
            start = i;
        }
    }
    return out;
}

bool is_name_separator(std::string_view character) {
    if (character.size() == 1) {
        const auto c = static_cast<unsigned char>(character[0]);
        return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80);
    }
    static const std::unordered_set<std::string_view> kMarks = {"・", "、", "。", "「", "」", "『", "』",
                                                                "·",  "–",  "—",  "‐",  "〜", "　"};
    return kMarks.count(character) > 0;
}

bool is_legal_form(std::string_view word) {
    static const std::unordered_set<std::string_view> kLegalForms = {
        "co",    "co.",   "company",     "ltd",      "ltd.",     "limited", "inc",  "inc.",
        "corp",  "corp.", "corporation", "jsc",      "plc",      "llc",     "gmbh", "k.k.",
        "joint", "stock", "(株)",        "株式会社", "有限会社", "㈱"};
    return kLegalForms.count(word) > 0;
}

std::string folded_name(const std::string& name) {
    const std::string key = search_key(name);
    std::string out;
    std::size_t start = 0;
    while (start <= key.size()) {
        std::size_t end = key.find(' ', start);
        if (end == std::string::npos) end = key.size();
        std::string_view word(key.data() + start, end - start);
        while (!word.empty() && word.back() == ',') word.remove_suffix(1);
        if (!is_legal_form(word)) {
            for (const auto character : code_points(word)) {
                if (!is_name_separator(character)) out += character;
            }
        }
        start = end + 1;
    }
    return out;
}

}  // namespace kizuna
