#pragma once
// A fresh folder for one test, removed with everything in it when the test ends.
#include <filesystem>
#include <string>

namespace kizuna::test {

class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

// Writes text to a file (bytes as given).
void write_file(const std::filesystem::path& path, const std::string& text);
[[nodiscard]] std::string read_file(const std::filesystem::path& path);
// The file's bytes as a fingerprint, to assert that a database did not change.
[[nodiscard]] std::string database_dump(const std::filesystem::path& db);

// The bundled dataset folder, and the folder of the command line's case files (tests/cli/cases).
[[nodiscard]] std::filesystem::path dataset_dir();
[[nodiscard]] std::filesystem::path cli_cases_dir();

}  // namespace kizuna::test
