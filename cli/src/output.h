#pragma once
// Shared pieces of the three output formats: JSON printing, CSV rows, and the words a table uses for
// relations (type label, direction arrow, dates).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "context.h"
#include "kizuna/core/model.h"

namespace kizuna::cli {

// Pretty JSON, UTF-8 as is, one trailing newline.
void print_json(const Context& context, const nlohmann::json& value);
// Rows as RFC 4180 CSV (the first row is the header).
void print_csv(const Context& context, const std::vector<std::vector<std::string>>& rows);

// "2024-11-15 –", "2013 – 2019", "– 2019", or "" for an undated relation.
[[nodiscard]] std::string when(const Relation& relation);
[[nodiscard]] std::string date_text(const std::optional<PartialDate>& date);

// How a relation reads from `viewpoint`: "↔" symmetric, "→" viewpoint is its from, "←" its to.
[[nodiscard]] std::string arrow(const RelationType& type, const Relation& relation, const std::string& viewpoint);
// "outgoing", "incoming" or "symmetric", for JSON and CSV.
[[nodiscard]] std::string direction_word(const RelationType& type, const Relation& relation, const std::string& viewpoint);

// The source titles joined by "; ", for CSV cells.
[[nodiscard]] std::string source_titles(const std::vector<Source>& sources);

}  // namespace kizuna::cli
