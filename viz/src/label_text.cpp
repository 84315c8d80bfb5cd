#include "label_text.h"

#include <vector>

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

std::string wrapped_label(std::string_view text, std::size_t cells) {
    std::vector<std::string> lines(1);
    std::size_t used = 0;  // cells on the current line
    std::size_t last_space = std::string::npos;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        const std::string character(text.substr(i, length));
        const std::size_t width = lead >= 0xE3 ? 2 : 1;  // CJK scripts take two cells
        i += length;
        if (character == " " && used == 0) continue;
        if (used + width > cells) {
            if (last_space != std::string::npos && character != " ") {
                // Move the unfinished word to the next line.
                std::string rest = lines.back().substr(last_space + 1);
                lines.back().erase(last_space);
                lines.push_back(rest);
                used = rest.size();
            } else {
                lines.emplace_back();
                used = 0;
            }
            last_space = std::string::npos;
            if (character == " ") continue;
        }
        if (character == " ") last_space = lines.back().size();
        lines.back() += character;
        used += width;
    }
    std::string out;
    for (const auto& line : lines) {
        if (line.empty()) continue;
        out += (out.empty() ? "" : "\\n") + safe_label(line, kMaxLabelBytes);
    }
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
