#pragma once
// Private to core: the graph cache, a binary snapshot of the in-memory graph kept beside the database so
// that a command answers without re-reading millions of relations from SQLite. It is stamped with the
// schema version and the data's stamp (the database's instance number, its generation and the random
// data version of its last write); any other stamp means "rebuild". Its arrays are aligned so that a
// reader maps the file and uses them in place. Everything but the arrays' bytes (header, vocabularies,
// array heads, the block table) is checked whole when the file is opened; the arrays are checked block
// by block as reads reach them (kizuna/core/cache_blocks.h), whatever the file's times say. The file is
// replaced atomically (write a temporary file, then rename), so readers never see half of it; temporary
// files of killed writers are removed by the next writer.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

#include "graph_impl.h"

namespace kizuna {

// The cached graph (with the file's stamp) when the file exists, its stamp is one `usable` accepts and its
// header, vocabularies and block table are intact; else nullptr. rebuild: the same graph built from the
// database, called (once) when a block of the file turns out damaged; its bytes replace the damaged ones and
// the file is rewritten.
std::unique_ptr<Graph::Impl> read_graph_cache(const std::filesystem::path& file, int schema_version,
                                              const std::function<bool(const Store::DataStamp&)>& usable,
                                              std::function<std::unique_ptr<Graph::Impl>()> rebuild);

// Writes the graph (stamped with its own data stamp). False when the file cannot be written, or the
// graph has a delta (graph_delta.h: the file holds none).
bool write_graph_cache(const Graph::Impl& graph, const std::filesystem::path& file, int schema_version);

}  // namespace kizuna
