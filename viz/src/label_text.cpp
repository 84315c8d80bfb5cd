#include "label_text.h"

#include "kizuna/core/errors.h"
#include "kizuna/core/validation.h"

namespace kizuna::viz {

std::string safe_label(std::string_view text, std::size_t max_bytes, bool keep_newlines) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool starts_character = (c & 0xC0) != 0x80;
        if (starts_character && i >= max_bytes) {
            out += "…";
            break;
        }
        if (c == '\\') {
            // Graphviz unescapes a tooltip once more than a label before it expands \N, \G …
            out += keep_newlines ? "\\\\\\\\" : "\\\\";
        } else if (c == '\n' && keep_newlines) {
            out += "\\n";
        } else if (c < 0x20 || c == 0x7f) {
            out += ' ';
        } else {
            out += static_cast<char>(c);
        }
    }
    // Control characters are gone by now; what remains must be valid UTF-8 before Graphviz sees it.
    if (!is_clean_utf8(out)) throw InvalidDataError("label text is not valid UTF-8");
    return out;
}

std::string safe_url(std::string_view url) {
    const bool http = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
    if (!http || url.size() > kMaxTooltipBytes) return {};
    for (const char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') return {};
    }
    // Graphviz writes a URL into SVG as it is given: an & must already be XML's &amp; there.
    std::string out;
    for (const char c : url) out += c == '&' ? std::string("&amp;") : std::string(1, c);
    return out;
}

}  // namespace kizuna::viz
