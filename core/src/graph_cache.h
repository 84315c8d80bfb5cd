#pragma once
// Private to core: the graph cache, a binary snapshot of the in-memory graph kept beside the database so
// that a command answers without re-reading millions of relations from SQLite. It is stamped with the
// schema version, the database's instance number and its generation; any other stamp means "rebuild".
// The file is replaced atomically (write a temporary file, then rename), so readers never see half of it.
#include <cstdint>
#include <filesystem>
#include <memory>

#include "graph_impl.h"

namespace kizuna {

// The cached graph when the file exists, is intact and carries exactly this stamp; else nullptr.
std::unique_ptr<Graph::Impl> read_graph_cache(const std::filesystem::path& file, int schema_version,
                                              std::int64_t instance, std::int64_t generation);

// Writes the graph (stamped with its own instance and generation). False when the file cannot be written.
bool write_graph_cache(const Graph::Impl& graph, const std::filesystem::path& file, int schema_version);

}  // namespace kizuna
