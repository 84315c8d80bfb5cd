#pragma once
// Loading files into a Store: CSV (entities.csv, relations.csv and optionally relation_types.csv and
// entity_kinds.csv, or a folder holding them), JSON Lines, GraphML. Everything is written in one transaction
// that commits only when every row passed its checks; relation CSV files are read, checked and encoded on a
// second thread while rows are written, so a large import is neither held in memory whole nor read before
// writing starts.
// Re-importing the same data changes nothing (upsert by id).
#include <filesystem>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "kizuna/core/store.h"

namespace kizuna {

// How far the writing of an import has come.
struct ImportProgress {
    std::size_t written = 0;  // rows (types, entities, relations) written so far
    // The share of the work done, 0 to 1: rows read up front count as rows; relation files read while
    // they are written count by the bytes of them written so far (their row count is not known before).
    double fraction = 0;
    bool finished = false;  // every row written (fraction 1); the commit follows
};

struct ImportOptions {
    bool dry_run = false;  // validate only, write nothing
    // Called every 10,000 rows written and once more when all are written. May be empty.
    std::function<void(const ImportProgress&)> progress;
};

// What an import did: the answer of `kizuna import` (and of the HTTP API's import).
struct ImportReport {
    bool dry_run = false;
    std::size_t types_read = 0, entities_read = 0, relations_read = 0, kinds_read = 0;
    Store::WriteSummary changed;  // all zero on a dry run
};
// JSON: {"dry_run", "read": {"relation_types", "entities", "relations"}, "changed": {…the same keys}}.
void to_json(nlohmann::json& out, const ImportReport& report);

// The most problems reported for one import; the rest are counted.
inline constexpr std::size_t kMaxReportedProblems = 20;

// Throws ImportError with "file:line: message" problems (nothing written) or StorageError.
ImportReport import_files(Store& store, const std::vector<std::filesystem::path>& paths,
                          const ImportOptions& options = {});

}  // namespace kizuna
