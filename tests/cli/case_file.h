#pragma once
// The command line's case files (tests/cli/cases/*.test; the format is in cases/README.md): each case
// is a command line, its exit code and its expected output, as table, JSON or CSV, and stderr.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kizuna::test {

struct CliCase {
    std::string name;
    int line = 0;                      // of its "===" header, for messages
    std::string db = "dataset";        // dataset | empty | none
    std::vector<std::string> command;  // after "kizuna"
    struct Setup {
        int exit_code = 0;  // what the command must exit with
        std::vector<std::string> command;
    };
    std::vector<Setup> setup;  // commands run first
    int exit_code = 0;
    // Expected outputs by section: "table", "json", "csv", "stderr" (exact), "stdout contains",
    // "stderr contains" (each non-empty line must appear), "file PATH" (input written first).
    std::vector<std::pair<std::string, std::string>> sections;
};

struct CaseFile {
    std::filesystem::path path;
    std::vector<std::string> preamble;  // comment lines before the first case, kept on rewrite
    std::vector<CliCase> cases;
};

// Throws std::runtime_error naming file:line for a malformed file.
[[nodiscard]] CaseFile read_case_file(const std::filesystem::path& path);
// Writes the file back (the runner's update mode: expected outputs replaced by actual ones).
void write_case_file(const CaseFile& file);

// A command line split as a shell would: words, "double" or 'single' quoted.
[[nodiscard]] std::vector<std::string> split_command(const std::string& text);
// The command line written back, quoting words that need it.
[[nodiscard]] std::string join_command(const std::vector<std::string>& words);

}  // namespace kizuna::test
