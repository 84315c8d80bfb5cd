#pragma once
// Private to importers: the xlsx export (export.h's ExportFormat::Xlsx).
#include <filesystem>

#include "kizuna/core/store.h"

namespace kizuna::importers {

// Throws StorageError (cannot write, more rows than a sheet holds).
void export_xlsx(const Store& store, const std::filesystem::path& path);

}  // namespace kizuna::importers
