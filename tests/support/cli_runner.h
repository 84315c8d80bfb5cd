#pragma once
// Runs the real kizuna binary, as a user would, and captures what it says.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace kizuna::test {

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs `kizuna args…` with KIZUNA_DB, KIZUNA_LANG, LANG and COLUMNS unset (answers do not depend on the
// machine running the tests), then `env` set, in the working folder `cwd` (default: the current one).
[[nodiscard]] CliResult run_kizuna(const std::vector<std::string>& args,
                                   const std::filesystem::path& cwd = {},
                                   const std::vector<std::pair<std::string, std::string>>& env = {});

}  // namespace kizuna::test
