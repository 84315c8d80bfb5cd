#pragma once
// The folders that come with Kizuna: the explorer page (web, for `kizuna serve`) and the curated data
// (data, for `kizuna demo`). Each is looked for in this order:
//   1. next to the installation: ../share/kizuna/NAME from the executable's folder (/proc/self/exe), as
//      `cmake --install` and the Debian package lay it out;
//   2. the environment variable (KIZUNA_WEB, KIZUNA_DATA);
//   3. the source tree, for a binary that runs from the build folder it was built in (a copy elsewhere
//      does not reach back into a source tree that may be gone or changed).
#include <filesystem>
#include <string>

namespace kizuna::cli {

struct Bundled {
    std::string name;      // web, data: the folder's name under share/kizuna/ and in the source tree
    std::string variable;  // KIZUNA_WEB
    std::string marker;    // a file the folder holds (index.html)
    std::string what;      // "the explorer page": the subject of the message
};

// The first place that holds the folder. Throws StorageError (exit 4) naming every place looked at.
[[nodiscard]] std::filesystem::path find_bundled(const Bundled& folder);

}  // namespace kizuna::cli
