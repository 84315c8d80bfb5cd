#pragma once
// Loading files into a Store: CSV (entities.csv, relations.csv and optionally relation_types.csv, or a
// folder holding them), JSON Lines, GraphML. Everything is written in one transaction that commits only
// when every row passed its checks; relation CSV files are read, checked and encoded on a second
// thread while rows are written, so a large import is neither held in memory whole nor read before
// writing starts.
// Re-importing the same data changes nothing (upsert by id).
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "kizuna/core/store.h"

namespace kizuna {

struct ImportOptions {
    bool dry_run = false;  // validate only, write nothing
    // Called now and then while writing with (items written so far, 0); at the end once more with
    // (items written, the same number). Relations are read while they are written, so the total is
    // known only at the end. May be empty.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

struct ImportReport {
    std::size_t types_read = 0, entities_read = 0, relations_read = 0;
    Store::WriteSummary changed;  // all zero on a dry run
};

// The most problems reported for one import; the rest are counted.
inline constexpr std::size_t kMaxReportedProblems = 20;

// Throws ImportError with "file:line: message" problems (nothing written) or StorageError.
ImportReport import_files(Store& store, const std::vector<std::filesystem::path>& paths,
                          const ImportOptions& options = {});

}  // namespace kizuna
