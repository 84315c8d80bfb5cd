#pragma once
// The words and printers the views share: JSON and CSV printing, and how a table writes a relation's
// direction and dates.
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kizuna/core/model.h"
#include "kizuna/queries/answers/answer_book.h"

namespace kizuna::cli {

using CsvRows = std::vector<std::vector<std::string>>;

// Pretty JSON, UTF-8 as is, one trailing newline.
void print_json(std::ostream& out, const nlohmann::json& value);
// Rows as RFC 4180 CSV (the first row is the header).
void print_csv(std::ostream& out, const CsvRows& rows);

// Writes the bytes to path through a temporary file renamed into place; throws Error naming the file.
void write_file_atomically(const std::string& path, const std::string& bytes);

// 4200000 -> "4,200,000", for people.
[[nodiscard]] std::string thousands(std::size_t n);

// "2024-11-15 –", "2013 – 2019", "– 2019", or "" for an undated relation.
[[nodiscard]] std::string when(const Relation& relation);
[[nodiscard]] std::string date_text(const std::optional<PartialDate>& date);

// The arrow of a direction word ("outgoing" →, "incoming" ←, "symmetric" ↔).
[[nodiscard]] std::string arrow(const std::string& direction);

// The entity at the relation's other end from viewpoint.
[[nodiscard]] std::string other_end(const Relation& relation, const std::string& viewpoint);
// The type's label with the way it reads from -> to: "acquisition →", "MOU ↔".
[[nodiscard]] std::string directed_label(const AnswerBook& book, const Relation& relation,
                                         const std::string& lang);

// The type's label, marked when the relation is evidence: "mentions (evidence)".
[[nodiscard]] std::string type_cell(const AnswerBook& book, const Relation& relation,
                                    const std::string& lang);
// The relation's state under the answer's date filter ("active", "possibly active", "date unknown"), or
// "" without one.
[[nodiscard]] std::string state_text(const AnswerBook& book, const Relation& relation,
                                     const std::string& lang = "en");

// What a connection query did not walk, one line each, with the option that walks it:
// "3 evidence relations left out; --include-evidence to walk them".
[[nodiscard]] std::vector<std::string> left_out_notes(const LeftOut& left_out,
                                                      const std::string& lang = "en");

// Notes under a table: a blank line, then "note: …" lines.
void print_notes(std::ostream& out, const std::vector<std::string>& notes, const std::string& lang = "en");

// Attributes as "name: value" lines, the form of the data's CSV cells.
[[nodiscard]] std::string attributes_text(const Attributes& attributes);
// The sources as "title, locator <url>" joined by "; ", for CSV cells.
[[nodiscard]] std::string source_titles(const std::vector<Source>& sources);

}  // namespace kizuna::cli
