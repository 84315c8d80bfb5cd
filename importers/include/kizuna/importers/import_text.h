#pragma once
// Records given in memory rather than in files (a record sent to `kizuna serve`, a program embedding
// Kizuna): imported as import_files imports a file, all or nothing.
#include <string>

#include "kizuna/importers/import.h"

namespace kizuna {

// The lines of text, read as a JSON Lines file named name (problems say "name:line: message"). Throws as
// import_files does.
ImportReport import_jsonl_text(Store& store, const std::string& name, const std::string& text,
                               const ImportOptions& options = {});

}  // namespace kizuna
