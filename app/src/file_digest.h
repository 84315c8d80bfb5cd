#pragma once
// Private to app: the SHA-256 of the files a write reads, for the history (nettle's implementation).
#include <filesystem>
#include <string>
#include <vector>

#include "kizuna/core/history.h"
#include "kizuna/importers/import_text.h"

namespace kizuna::app {

// The files under the paths an import names (a folder: its .csv files, sorted, as import reads it), each with
// its SHA-256 in lower-case hex; a file that cannot be read gets an empty digest (the import itself says
// why).
[[nodiscard]] std::vector<ChangeFile> file_digests(const std::vector<std::string>& paths);
// The same of files held in memory (uploads), by their names.
[[nodiscard]] std::vector<ChangeFile> upload_digests(const std::vector<FileInMemory>& uploads);

}  // namespace kizuna::app
