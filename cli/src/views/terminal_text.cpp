#include "terminal_text.h"

#include <utf8proc.h>

#include <cstdio>

namespace kizuna::cli {

namespace {

bool acts_on_terminal(utf8proc_int32_t cp) {
    if (cp == '\n' || cp == '\t') return false;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;  // C0, DEL, C1 controls
    // Bidirectional marks, embeddings, overrides and isolates.
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string visible_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        char shown[16];
        if (n <= 0) {
            std::snprintf(shown, sizeof shown, "<0x%02X>", static_cast<unsigned char>(text[i]));
            out += shown;
            ++i;
            continue;
        }
        if (acts_on_terminal(cp)) {
            std::snprintf(shown, sizeof shown, "<U+%04X>", static_cast<unsigned>(cp));
            out += shown;
        } else {
            out.append(text.substr(i, static_cast<std::size_t>(n)));
        }
        i += static_cast<std::size_t>(n);
    }
    return out;
}

}  // namespace kizuna::cli
