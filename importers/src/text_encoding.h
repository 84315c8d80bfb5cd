#pragma once
// Private to importers: the encodings a CSV file may come in, and its reading as UTF-8 text. Excel saves
// "CSV UTF-8" as UTF-8 (with a byte-order mark), plain "CSV" in the system's code page (CP932, Microsoft's
// Shift_JIS, on Japanese Windows), and "Unicode text" as tab-separated UTF-16LE with a byte-order mark.
// Other encodings are converted with glibc's iconv.
#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace kizuna::importers {

// The encodings supported, as iconv and messages name them.
[[nodiscard]] const char* supported_encodings_text();  // "UTF-8, CP932 (Shift_JIS), UTF-16LE, …"
// The name of a supported encoding given in any usual spelling (case and '-'/'_' ignored; "Shift_JIS",
// "SJIS" and "Windows-31J" mean CP932; "UTF-16" and "UTF-32" mean little-endian unless a byte-order mark
// says otherwise), or nullopt.
[[nodiscard]] std::optional<std::string> supported_encoding(std::string_view name);

// What a file's first bytes say of its encoding: a byte-order mark, or the NUL bytes that UTF-16 and
// UTF-32 text of mostly ASCII characters has. Empty when they say nothing.
[[nodiscard]] std::string encoding_by_marks(std::string_view head);

// A CSV file opened as UTF-8 text (a UTF-8 byte-order mark may remain at its start).
struct TextFile {
    std::string encoding;              // what the file was read as; "UTF-8" when left as it is
    std::unique_ptr<std::istream> in;  // null when problem is set
    std::size_t problem_line = 0;      // where the problem is: a line of the file, 1 for the whole file
    std::string problem;               // why the file cannot be read as text
};
// Opens a file in the encoding given (empty: detected, see encoding_by_marks, else UTF-8 when the file
// is valid UTF-8, else CP932 when valid CP932). Files not in UTF-8 are converted whole into memory
// (they come from spreadsheet programs: a million rows at most).
// bytes: the file's contents, when they are in memory already (file is then only its name).
[[nodiscard]] TextFile open_text(const std::string& file, const std::string& encoding,
                                 const std::string* bytes = nullptr);

}  // namespace kizuna::importers
