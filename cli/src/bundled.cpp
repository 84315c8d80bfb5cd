#include "bundled.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "kizuna/core/errors.h"

namespace kizuna::cli {

namespace fs = std::filesystem;

namespace {

bool holds(const fs::path& folder, const std::string& marker) {
    std::error_code error;
    return fs::is_regular_file(folder / marker, error);
}

// Whether the running executable lies in the build folder (then the source tree is its own).
bool in_build_folder(const fs::path& executable) {
    std::error_code error;
    const fs::path build = fs::weakly_canonical(KIZUNA_BUILD_DIR, error);
    if (error || executable.empty()) return false;
    const auto [end, at] = std::mismatch(build.begin(), build.end(), executable.begin(), executable.end());
    return end == build.end();
}

}  // namespace

fs::path find_bundled(const Bundled& folder) {
    std::vector<std::string> looked;
    std::error_code error;
    const fs::path executable = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed = executable.parent_path().parent_path() / "share" / "kizuna" / folder.name;
        if (holds(installed, folder.marker)) return installed;
        looked.push_back(installed.string() + " (next to " + executable.string() + ")");
    }
    if (const char* env = std::getenv(folder.variable.c_str()); env != nullptr && *env != '\0') {
        if (holds(env, folder.marker)) return env;
        looked.push_back(std::string(env) + " ($" + folder.variable + ", without " + folder.marker + ")");
    } else {
        looked.push_back("$" + folder.variable + " (not set)");
    }
    const fs::path source = fs::path(KIZUNA_SOURCE_DIR) / folder.name;
    if (in_build_folder(executable)) {
        if (holds(source, folder.marker)) return source;
        looked.push_back(source.string() + " (the source tree)");
    }
    std::string places;
    for (const auto& place : looked) places += "\n  " + place;
    throw StorageError(folder.what + " is not installed; looked in:" + places + "\nset " + folder.variable +
                       " to the folder that holds " + folder.marker);
}

}  // namespace kizuna::cli
