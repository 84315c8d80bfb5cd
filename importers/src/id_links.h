#pragma once
// Private to importers: what merges and judgements mean for an import. A record of a merged-away id lands
// on the entity it was merged into: an entity record is united with it (the kept entity's values win), a
// relation's end is re-pointed (RelationStream::Checks::redirects). Redirects and judgements read from
// the files are checked against the entities there will be.
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "batch.h"
#include "kizuna/core/store.h"

namespace kizuna::importers {

// Merged-away id -> kept id, the store's and the batch's, each followed to its end.
using Redirects = std::unordered_map<std::string, std::string>;

// The redirects there will be after the import; problems for a batch redirect that cannot be.
[[nodiscard]] Redirects gather_redirects(const Store& store, const Batch& batch, Problems& problems);

// The relations merges folded or removed (the store's and the batch's): records of them are not written
// again. Problems for a batch redirect of a relation that exists.
[[nodiscard]] std::unordered_set<std::string> merged_relations(const Store& store, const Batch& batch,
                                                               Problems& problems);

// Replaces each entity record of a merged-away id by the kept entity united with it (or unites it into the
// batch's record of the kept entity), and checks the judgements' ends, re-pointed the same way.
void apply_redirects(const Store& store, const Redirects& redirects, Batch& batch, Problems& problems);

}  // namespace kizuna::importers
