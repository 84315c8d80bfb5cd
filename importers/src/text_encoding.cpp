#include "text_encoding.h"

#include <errno.h>
#include <iconv.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace kizuna::importers {

namespace {

constexpr const char* kUtf8 = "UTF-8";
constexpr const char* kCp932 = "CP932";

// Files up to this size are checked whole for UTF-8 before they are taken as UTF-8; of larger ones (made
// by programs, not saved by spreadsheets), the first part.
constexpr std::size_t kCheckedWhole = 64u << 20;

std::string folded(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == '-' || c == '_' || c == ' ') continue;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

// Where the valid UTF-8 text ends (text.size() when all of it is valid). A sequence cut by the end of
// the text counts as valid when the text is only the first part of a file.
std::size_t utf8_valid_prefix(std::string_view text, bool first_part) {
    auto* at = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        utf8proc_int32_t codepoint = 0;
        const utf8proc_ssize_t length = utf8proc_iterate(at, remaining, &codepoint);
        if (length <= 0) {
            if (first_part && remaining < 4) return text.size();
            return text.size() - static_cast<std::size_t>(remaining);
        }
        at += length;
        remaining -= length;
    }
    return text.size();
}

struct Conversion {
    std::string text;                        // UTF-8, as far as the input was valid
    std::size_t bad_at = std::string::npos;  // the input's byte offset of the first invalid sequence
};

Conversion convert(std::string_view input, const std::string& encoding) {
    Conversion out;
    iconv_t cd = iconv_open(kUtf8, encoding.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        out.bad_at = 0;
        return out;
    }
    std::array<char, 64 * 1024> buffer{};
    char* in = const_cast<char*>(input.data());  // iconv's signature; it does not write the input
    std::size_t in_left = input.size();
    bool flushing = false;
    while (true) {
        char* to = buffer.data();
        std::size_t to_left = buffer.size();
        const std::size_t result =
            flushing ? iconv(cd, nullptr, nullptr, &to, &to_left) : iconv(cd, &in, &in_left, &to, &to_left);
        out.text.append(buffer.data(), buffer.size() - to_left);
        if (result != static_cast<std::size_t>(-1)) {
            if (flushing) break;
            flushing = true;  // all input taken: write what a stateful decoder still holds
            continue;
        }
        if (errno == E2BIG) continue;
        out.bad_at = input.size() - in_left;  // EILSEQ, or EINVAL: a sequence cut by the end of the file
        break;
    }
    iconv_close(cd);
    return out;
}

std::size_t line_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(
                   std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::string read_whole(std::istream& in) {
    in.clear();
    in.seekg(0);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TextFile converted(std::istream& in, const std::string& encoding, const std::string& why) {
    const std::string bytes = read_whole(in);
    Conversion conversion = convert(bytes, encoding);
    TextFile text;
    text.encoding = encoding;
    if (conversion.bad_at != std::string::npos) {
        // The line of the bad bytes, counted in the text converted before them.
        text.problem_line = line_at(conversion.text, conversion.text.size());
        text.problem = "not valid " + encoding + " text here (" + why + "); give the file's encoding with " +
                       "--encoding (" + supported_encodings_text() + ")";
        return text;
    }
    text.in = std::make_unique<std::istringstream>(std::move(conversion.text));
    return text;
}

}  // namespace

const char* supported_encodings_text() {
    return "UTF-8, CP932 (Shift_JIS), UTF-16LE, UTF-16BE, UTF-32LE, UTF-32BE";
}

std::optional<std::string> supported_encoding(std::string_view name) {
    const std::string key = folded(name);
    if (key == "UTF8") return std::string(kUtf8);
    if (key == "CP932" || key == "SHIFTJIS" || key == "SJIS" || key == "WINDOWS31J" || key == "MS932")
        return std::string(kCp932);
    for (const char* known : {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
        if (key == folded(known)) return std::string(known);
    }
    if (key == "UTF16" || key == "UNICODE") return std::string("UTF-16");
    if (key == "UTF32") return std::string("UTF-32");
    return std::nullopt;
}

std::string encoding_by_marks(std::string_view head) {
    auto at = [&](std::size_t i) { return i < head.size() ? static_cast<unsigned char>(head[i]) : 0x100u; };
    // UTF-32's marks first: UTF-32LE's starts with UTF-16LE's.
    if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) return "UTF-32LE";
    if (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) return "UTF-32BE";
    if (at(0) == 0xFF && at(1) == 0xFE) return "UTF-16LE";
    if (at(0) == 0xFE && at(1) == 0xFF) return "UTF-16BE";
    // No mark: an ASCII first character (as every header has) with its NUL bytes.
    if (head.size() >= 4 && at(0) != 0 && at(1) == 0 && at(2) == 0 && at(3) == 0) return "UTF-32LE";
    if (head.size() >= 4 && at(0) == 0 && at(1) == 0 && at(2) == 0 && at(3) != 0) return "UTF-32BE";
    if (head.size() >= 2 && at(0) != 0 && at(1) == 0) return "UTF-16LE";
    if (head.size() >= 2 && at(0) == 0 && at(1) != 0) return "UTF-16BE";
    return "";
}

TextFile open_text(const std::string& file, const std::string& encoding, const std::string* bytes) {
    TextFile text;
    std::unique_ptr<std::istream> in;
    if (bytes != nullptr) {
        in = std::make_unique<std::istringstream>(*bytes);
    } else {
        in = std::make_unique<std::ifstream>(file, std::ios::binary);
    }
    if (!*in) {
        text.problem_line = 0;
        text.problem = "cannot open the file";
        return text;
    }
    std::error_code error;
    const auto size =
        bytes != nullptr ? std::uintmax_t{bytes->size()} : std::filesystem::file_size(file, error);
    const bool whole = !error && size <= kCheckedWhole;
    std::string head(whole ? static_cast<std::size_t>(size) : std::size_t{1} << 20, '\0');
    in->read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in->gcount()));

    std::string chosen = encoding;
    std::string why = "as --encoding says";
    if (chosen.empty()) {
        chosen = encoding_by_marks(head);
        why = "as its first bytes say";
    }
    if (chosen.empty()) {
        const std::size_t valid = utf8_valid_prefix(head, !whole);
        if (valid == head.size()) {
            chosen = kUtf8;
        } else {
            // Not UTF-8: CP932 if it is valid CP932; else the one whose valid text goes further.
            std::string whole_text = read_whole(*in);
            Conversion cp932 = convert(whole_text, kCp932);
            if (cp932.bad_at == std::string::npos) {
                text.encoding = kCp932;
                text.in = std::make_unique<std::istringstream>(std::move(cp932.text));
                return text;
            }
            const bool utf8_likelier = valid >= cp932.bad_at;
            text.encoding = utf8_likelier ? kUtf8 : kCp932;
            text.problem_line =
                utf8_likelier ? line_at(whole_text, valid) : line_at(cp932.text, cp932.text.size());
            text.problem = std::string("not valid text in any supported encoding: most likely ") +
                           (utf8_likelier ? "UTF-8 with damaged or foreign bytes here"
                                          : "CP932 (Shift_JIS) with damaged bytes here") +
                           " (UTF-8 breaks at line " + std::to_string(line_at(whole_text, valid)) +
                           ", CP932 at line " + std::to_string(line_at(cp932.text, cp932.text.size())) +
                           "); give the file's encoding with --encoding (" + supported_encodings_text() + ")";
            return text;
        }
    }
    if (chosen == kUtf8) {
        in->clear();
        in->seekg(0);
        text.encoding = kUtf8;
        text.in = std::move(in);
        return text;
    }
    // "UTF-16"/"UTF-32" without an order: the file's mark says which, else little-endian (Windows').
    if (chosen == "UTF-16" || chosen == "UTF-32") {
        const std::string marked = encoding_by_marks(head);
        chosen = marked.rfind(chosen, 0) == 0 ? marked : chosen + "LE";
    }
    return converted(*in, chosen, why);
}

}  // namespace kizuna::importers
