// Runs every case of tests/cli/cases/*.test against the real kizuna binary, each in a fresh folder that
// holds a copy of the curated dataset's database as ./kizuna.db (or an empty one, or none). Set
// KIZUNA_UPDATE_CASES=1 to write the actual outputs into the files instead (then read the diff).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "case_file.h"
#include "cli_runner.h"
#include "temp_dir.h"

using namespace kizuna::test;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// $DATA stands for the curated dataset's folder wherever it appears.
std::string expand(const std::string& text) { return replace_all(text, "$DATA", dataset_dir().string()); }
std::string unexpand(const std::string& text) { return replace_all(text, dataset_dir().string(), "$DATA"); }

std::vector<std::string> expand(std::vector<std::string> words) {
    for (auto& word : words) word = expand(word);
    return words;
}

// Output compared as lines that end in a newline (a last line without one gets it).
std::string as_lines(std::string text) {
    if (!text.empty() && text.back() != '\n') text += '\n';
    return text;
}

// The curated dataset loaded once into a database that every case copies.
const std::filesystem::path& dataset_database() {
    static const TempDir dir;
    static const std::filesystem::path db = [] {
        const auto path = dir / "dataset.db";
        REQUIRE(run_kizuna({"--db", path.string(), "init"}).exit_code == 0);
        REQUIRE(run_kizuna({"--db", path.string(), "import", "--quiet", dataset_dir().string()}).exit_code ==
                0);
        return path;
    }();
    return db;
}

std::vector<std::filesystem::path> case_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(cli_cases_dir())) {
        if (entry.path().extension() == ".test") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool contains_each_line(const std::string& text, const std::string& lines) {
    std::size_t begin = 0;
    while (begin < lines.size()) {
        const std::size_t end = lines.find('\n', begin);
        const std::string line = lines.substr(begin, end - begin);
        if (!line.empty() && text.find(line) == std::string::npos) return false;
        begin = end == std::string::npos ? lines.size() : end + 1;
    }
    return true;
}

// Runs one case; in update mode rewrites its expectations; else checks them.
void run_case(CliCase& c, const std::string& where, bool update) {
    TempDir dir;
    if (c.db == "dataset") std::filesystem::copy_file(dataset_database(), dir / "kizuna.db");
    if (c.db == "empty") REQUIRE(run_kizuna({"init"}, dir.path()).exit_code == 0);
    for (const auto& [name, text] : c.sections) {
        if (name.rfind("file ", 0) != 0) continue;
        const auto file = dir / name.substr(5);
        std::filesystem::create_directories(file.parent_path());
        write_file(file, expand(text));
    }
    for (const auto& setup : c.setup) {
        const auto result = run_kizuna(expand(setup.command), dir.path());
        INFO(where << ": setup kizuna " << join_command(setup.command) << "\n" << result.err);
        REQUIRE(result.exit_code == setup.exit_code);
    }
    const auto command = expand(c.command);
    CliResult plain;
    bool ran_plain = false;
    auto run_plain = [&]() -> const CliResult& {
        if (!ran_plain) plain = run_kizuna(command, dir.path());
        ran_plain = true;
        return plain;
    };
    const int exit_code = run_plain().exit_code;
    if (update) c.exit_code = exit_code;
    INFO(where << ": kizuna " << join_command(c.command) << "\nstderr: " << run_plain().err);
    CHECK(exit_code == c.exit_code);
    for (auto& [name, expected] : c.sections) {
        std::string actual;
        if (name == "table" || name == "stdout contains") {
            actual = run_plain().out;
        } else if (name == "stderr" || name == "stderr contains") {
            actual = run_plain().err;
        } else if (name == "json" || name == "csv") {
            auto formatted = command;
            formatted.insert(formatted.end(), {"--format", name});
            const auto result = run_kizuna(formatted, dir.path());
            CHECK(result.exit_code == c.exit_code);
            actual = result.out;
        } else {
            continue;  // an input file
        }
        INFO("section --- " << name);
        if (name.find("contains") != std::string::npos) {
            CHECK(contains_each_line(actual, expand(expected)));
        } else if (update) {
            expected = unexpand(as_lines(actual));
        } else {
            CHECK(as_lines(actual) == as_lines(expand(expected)));
        }
    }
}

}  // namespace

TEST_CASE("the command line's case files: every command, error exit and README example", "[cli][cases]") {
    const char* update_env = std::getenv("KIZUNA_UPDATE_CASES");
    const bool update = update_env != nullptr && std::string(update_env) == "1";
    const auto files = case_files();
    REQUIRE_FALSE(files.empty());
    std::size_t cases = 0;
    for (const auto& path : files) {
        CaseFile file = read_case_file(path);
        for (auto& c : file.cases) {
            run_case(c, path.filename().string() + ":" + std::to_string(c.line) + " (" + c.name + ")",
                     update);
            ++cases;
        }
        if (update) write_case_file(file);
    }
    CHECK(cases > 0);
}
