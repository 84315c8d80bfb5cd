#pragma once
// Records given in memory rather than in files (a record sent to `kizuna serve`, a program embedding
// Kizuna): imported as import_files imports a file, all or nothing.
#include <string>
#include <vector>

#include "kizuna/importers/import.h"

namespace kizuna {

// The lines of text, read as a JSON Lines file named name (problems say "name:line: message"). Throws as
// import_files does.
ImportReport import_jsonl_text(Store& store, const std::string& name, const std::string& text,
                               const ImportOptions& options = {});

// A file held in memory (an upload): its name, whose extension tells its format (.csv, .tsv, .txt,
// .jsonl, .graphml, .xlsx) and which problems name, and its bytes.
struct FileInMemory {
    std::string name;
    std::string bytes;
};
// The files imported as import_files imports files from disk, all or nothing; nothing is written to disk
// but the database.
ImportReport import_files_in_memory(Store& store, const std::vector<FileInMemory>& files,
                                    const ImportOptions& options = {});

}  // namespace kizuna
