#pragma once
// Loading files into a Store: CSV (entities.csv, relations.csv and optionally relation_types.csv and
// entity_kinds.csv, or a folder holding them; also tab-separated, and in the encodings spreadsheet programs
// save), JSON Lines, GraphML, and xlsx workbooks (the sheets `export --format xlsx` writes). Everything is
// written in one transaction that commits only when every row passed its checks; relation CSV files are read,
// checked and encoded on a second thread while rows are written, so a large import is neither held in memory
// whole nor read before writing starts. Re-importing the same data changes nothing (upsert by id).
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
    // The encoding of the CSV files (--encoding): UTF-8, CP932 (also "Shift_JIS"), UTF-16LE/BE,
    // UTF-32LE/BE. Empty: told by each file (a byte-order mark, else UTF-8 when the file is valid UTF-8,
    // else CP932 when it is valid CP932).
    std::string encoding;
    // Report the new entities whose names (folded, any language) existing entities have too, as proposed
    // merges (import --match names). They are never merged here.
    bool match_names = false;
    // Called every 10,000 rows written and once more when all are written. May be empty.
    std::function<void(const ImportProgress&)> progress;
};

// A file read in another encoding than UTF-8, and which.
struct FileEncoding {
    std::string file, encoding;
    friend bool operator==(const FileEncoding&, const FileEncoding&) = default;
};

// A new entity of an import whose name an existing entity has too: perhaps one organisation.
struct ProposedMerge {
    std::string incoming, existing;  // ids
    std::string name;                // the name they share (as the import gives it)
    std::string place;               // where the new entity is: "file:line"
};

// What an import did: the answer of `kizuna import` (and of the HTTP API's import).
struct ImportReport {
    bool dry_run = false;
    std::size_t types_read = 0, entities_read = 0, relations_read = 0, kinds_read = 0;
    Store::WriteSummary changed;          // all zero on a dry run
    std::vector<FileEncoding> encodings;  // the CSV files not read as UTF-8
    std::size_t redirects_read = 0, judgements_read = 0;
    // Relation records that a merge folded into another or removed: not written again (when writing).
    std::size_t relations_merged_away = 0;
    bool names_matched = false;  // match_names was asked for
    std::vector<ProposedMerge> proposed_merges;
};
// JSON: {"dry_run", "read": {"relation_types", "entities", "relations"}, "changed": {…the same keys}},
// and "encodings": [{"file", "encoding"}] when a file was not read as UTF-8; "redirects" and
// "not_duplicates" read (and "links" changed) when the files held any; "proposed_merges": [{"new",
// "existing", "name", "place"}] when names were matched.
void to_json(nlohmann::json& out, const ImportReport& report);

// The most problems reported for one import; the rest are counted.
inline constexpr std::size_t kMaxReportedProblems = 20;

// Throws ImportError with "file:line: message" problems ("book.xlsx:sheet!A12: message" for a workbook's
// cell; nothing written), UsageError for an unknown encoding, or StorageError.
ImportReport import_files(Store& store, const std::vector<std::filesystem::path>& paths,
                          const ImportOptions& options = {});

}  // namespace kizuna
