#pragma once
// The shared body of the import fuzz targets: the input is written as a file with the given extension
// and checked by a dry-run import into a store made once. Any outcome but a crash, a sanitizer report
// or an exception other than Kizuna's own errors is a pass: bad input must end in ImportError.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "kizuna/core/errors.h"
#include "kizuna/core/store.h"
#include "kizuna/importers/import.h"

namespace kizuna::fuzz {

inline int import_once(const std::uint8_t* data, std::size_t size, const char* extension) {
    static const std::filesystem::path folder = [] {
        const auto path =
            std::filesystem::temp_directory_path() / ("kizuna-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    static Store store = Store::open(folder / "fuzz.db", Store::Mode::Create);
    const auto file = folder / (std::string("input") + extension);
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    ImportOptions options;
    options.dry_run = true;
    try {
        (void)import_files(store, {file}, options);
    } catch (const Error&) {
        // ImportError (the problems, file:line), InvalidDataError: the answers bad input gets.
    }
    return 0;
}

}  // namespace kizuna::fuzz
