#pragma once
// `communities`: the groups of organisations that work more with one another than with the rest
// (communities.h), each with its members, most connected first, and the modularity of the partition.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/queries/answers/answer_book.h"
#include "kizuna/queries/communities.h"

namespace kizuna {

struct CommunityRow {
    std::size_t number = 0;            // 1 = the largest
    std::vector<std::string> members;  // entity ids, in the book; most connected first
    std::size_t relations = 0;         // relations inside the group
};

struct CommunitiesAnswer {
    std::string algorithm;  // "leiden" or "louvain"
    double resolution = 1.0;
    std::uint64_t seed = 1;
    double modularity = 0.0;
    std::size_t entities = 0;   // in a group
    std::size_t relations = 0;  // the partition was found on
    std::vector<CommunityRow> communities;
    LeftOut left_out;  // evidence and undated relations not used
    AnswerBook book;   // every member
};

// Throws UsageError (a resolution that is not positive, an unknown type), StorageError.
[[nodiscard]] CommunitiesAnswer answer_communities(const Snapshot& snapshot, const CommunityQuery& query);

// "leiden" / "louvain".
[[nodiscard]] std::string algorithm_name(CommunityAlgorithm algorithm);

// JSON: {"algorithm", "resolution", "seed", "modularity", "entities", "relations",
// "communities": [{"community", "size", "relations", "members": [entity]}], "left_out"}.
void to_json(nlohmann::json& out, const CommunitiesAnswer& answer);

}  // namespace kizuna
