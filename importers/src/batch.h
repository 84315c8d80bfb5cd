#pragma once
// Private to importers: what the readers produce, each value with the place it came from.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "kizuna/core/model.h"

namespace kizuna::importers {

// Where a value came from: a line of a file, or a cell of a workbook's sheet. The file name is shared by
// every value of the file (an import may hold millions of them).
struct Place {
    Place(std::shared_ptr<const std::string> file_name, std::size_t line_number)
        : file(std::move(file_name)), line(line_number) {}
    Place(const std::string& file_name, std::size_t line_number)
        : Place(std::make_shared<const std::string>(file_name), line_number) {}
    // A cell: file is "book.xlsx:sheet", line the row, column 1 for A.
    Place(std::shared_ptr<const std::string> sheet, std::size_t row, std::uint32_t cell_column)
        : file(std::move(sheet)), line(row), column(cell_column) {}
    std::shared_ptr<const std::string> file;
    std::size_t line = 0;
    std::uint32_t column = 0;  // 0: a line of a text file
    // "file:12", or "book.xlsx:relations!G12" for a cell.
    [[nodiscard]] std::string where() const;
    [[nodiscard]] std::string prefix() const { return where() + ": "; }
};

template <typename T>
struct Located {
    T value;
    Place place;
};

// Two entity ids a merge or a judgement links: a redirect (first: the merged-away id, second: the kept
// one) or a not-duplicates judgement (a, b).
struct IdLink {
    std::string first, second;
};

struct Batch {
    std::vector<Located<RelationType>> types;
    std::vector<Located<EntityKind>> kinds;
    std::vector<Located<Entity>> entities;
    std::vector<Located<Relation>> relations;
    std::vector<Located<IdLink>> redirects, judgements;
    std::vector<Located<IdLink>> relation_redirects;  // second: "" for a relation a merge removed
};

// A redirect {"from", "to"} or a judgement {"a", "b"} read from JSON (JSON Lines, GraphML's graph data).
// Throws InvalidDataError naming what is missing.
[[nodiscard]] IdLink parse_redirect(const nlohmann::json& value);
[[nodiscard]] IdLink parse_judgement(const nlohmann::json& value);
// A relation folded by a merge: {"from": relation id, "to": relation id or ""}.
[[nodiscard]] IdLink parse_relation_redirect(const nlohmann::json& value);

// Collects "file:line: message" problems; keeps the first kMaxReportedProblems, counts all.
class Problems {
  public:
    void add(const Place& place, const std::string& message);
    // Appends another collection's problems after this one's.
    void add_all(const Problems& other);
    [[nodiscard]] bool empty() const { return total_ == 0; }
    // Throws ImportError when any problem was added.
    void throw_if_any() const;

  private:
    std::vector<std::string> kept_;
    std::size_t total_ = 0;
};

// Receives relations read so far (and may move them away), with how many bytes of the file have been
// read through the last of them; returns false to stop the reading.
using RelationHandOver = std::function<bool(std::vector<Located<Relation>>&, std::uint64_t bytes_read)>;

// Readers append what they read to the batch and report problems; they never throw for bad data.
// read_csv reads the file in the encoding given (empty: detected, see text_encoding.h) and returns the
// one it used; it hands relations over in chunks while it reads, when given a hand-over. A file whose
// header has tabs and no commas is read as tab-separated (Excel's "Unicode text").
// Every reader but read_jsonl(istream) reads the file named, or, when bytes is given, those bytes (an
// upload held in memory) as the file of that name.
std::string read_csv(const std::string& file, const std::string& encoding, Batch& batch, Problems& problems,
                     const RelationHandOver* hand_over = nullptr, const std::string* bytes = nullptr);
// Whether a CSV file's header names a relations table (it has 'from' or 'to'). False for unreadable files
// and for files that are not comma-separated ASCII-compatible text (these are read whole, not streamed).
[[nodiscard]] bool csv_holds_relations(const std::string& file);
void read_xlsx(const std::string& file, Batch& batch, Problems& problems, const std::string* bytes = nullptr);
void read_jsonl(const std::string& file, Batch& batch, Problems& problems);
// The same from a stream (records given in memory); file names their place in problems.
void read_jsonl(std::istream& in, const std::string& file, Batch& batch, Problems& problems);
void read_graphml(const std::string& file, Batch& batch, Problems& problems,
                  const std::string* bytes = nullptr);

}  // namespace kizuna::importers
