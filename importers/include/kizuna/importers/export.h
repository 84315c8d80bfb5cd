#pragma once
// Writing a whole database to files that import_files() reads back into the same database.
#include <filesystem>
#include <optional>
#include <string_view>

#include "kizuna/core/store.h"

namespace kizuna {

enum class ExportFormat {
    Csv,      // a folder: relation_types.csv, entity_kinds.csv, entities.csv, relations.csv
    Jsonl,    // one file, one {"type"|"entity"|"relation": ...} object per line
    Graphml,  // one file, readable by Gephi, yEd, NetworkX and Boost's read_graphml
    Xlsx,  // an Excel workbook (sheets of entities, relations, types, kinds, sources), edited and re-imported
};

[[nodiscard]] std::optional<ExportFormat> parse_export_format(std::string_view name);

// Every value is checked as an import checks it; a damaged one throws StorageError naming its table and row
// ("database problem: …"), and nothing is left at the output (files are written under temporary names
// and renamed when complete). Throws StorageError when the output cannot be written.
void export_database(const Store& store, ExportFormat format, const std::filesystem::path& output);

}  // namespace kizuna
