#pragma once
// Private to importers: an export's file written beside its final path and renamed over it only when
// complete, so that a failed or refused export leaves no half file (and an older file at the path stays
// as it was until the rename).
#include <filesystem>

namespace kizuna::importers {

class TemporaryOutput {
  public:
    explicit TemporaryOutput(std::filesystem::path final_path);
    ~TemporaryOutput();  // removes the temporary file unless committed
    TemporaryOutput(const TemporaryOutput&) = delete;
    TemporaryOutput& operator=(const TemporaryOutput&) = delete;

    // Where to write: a hidden name in the final path's folder (a rename within one file system).
    [[nodiscard]] const std::filesystem::path& path() const { return temporary_; }
    [[nodiscard]] const std::filesystem::path& final_path() const { return final_; }
    // Renames the written file to the final path. Throws StorageError.
    void commit();

  private:
    std::filesystem::path final_, temporary_;
    bool committed_ = false;
    bool direct_ = false;  // a device or pipe, written in place
};

}  // namespace kizuna::importers
