#include "temporary_output.h"

#include <unistd.h>

#include <string>

#include "kizuna/core/errors.h"

namespace kizuna::importers {

TemporaryOutput::TemporaryOutput(std::filesystem::path final_path) : final_(std::move(final_path)) {
    // The process id keeps two exports to the same path from writing one temporary file.
    std::string name = ".";  // appended, not "." + …: gcc 12 warns wrongly (-Wrestrict) of the operator
    name += final_.filename().string();
    name += ".kizuna-tmp-";
    name += std::to_string(::getpid());
    temporary_ = final_.parent_path() / name;
}

TemporaryOutput::~TemporaryOutput() {
    if (committed_) return;
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
}

void TemporaryOutput::commit() {
    std::error_code error;
    std::filesystem::rename(temporary_, final_, error);
    if (error) throw StorageError(final_.string() + ": cannot write here: " + error.message());
    committed_ = true;
}

}  // namespace kizuna::importers
