#include "temporary_output.h"

#include <unistd.h>

#include <string>

#include "kizuna/core/errors.h"

namespace kizuna::importers {

TemporaryOutput::TemporaryOutput(std::filesystem::path final_path) : final_(std::move(final_path)) {
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) has no folder to rename within: written to
    // directly; a refused export then says so by its exit code, and leaves no file behind either.
    std::error_code error;
    const auto status = std::filesystem::status(final_, error);
    if (!error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
        !std::filesystem::is_directory(status)) {
        temporary_ = final_;
        direct_ = true;
        return;
    }
    // The process id keeps two exports to the same path from writing one temporary file.
    std::string name = ".";  // appended, not "." + …: gcc 12 warns wrongly (-Wrestrict) of the operator
    name += final_.filename().string();
    name += ".kizuna-tmp-";
    name += std::to_string(::getpid());
    temporary_ = final_.parent_path() / name;
}

TemporaryOutput::~TemporaryOutput() {
    if (committed_ || direct_) return;
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
}

void TemporaryOutput::commit() {
    if (direct_) {
        committed_ = true;
        return;
    }
    std::error_code error;
    std::filesystem::rename(temporary_, final_, error);
    if (error) throw StorageError(final_.string() + ": cannot write here: " + error.message());
    committed_ = true;
}

}  // namespace kizuna::importers
