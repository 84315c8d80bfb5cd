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

// --by-year: one year's groups, numbered across the years (members as ids; the book holds the first
// kNamedPerGroup of each).
struct CommunityYearRow {
    int year = 0;
    double modularity = 0.0;
    std::size_t entities = 0, relations = 0;
    std::vector<CommunityRow> groups;  // number: the group's number across the years
};
inline constexpr std::size_t kNamedPerGroup = 3;

// --by-year: a birth, death, merge or split, and the relations that began or ended to cause it.
struct CommunityEventRow {
    int year = 0;
    std::string event;  // birth, death, merge, split
    std::vector<std::size_t> before, after;
    std::vector<Relation> relations;  // at most kEventRelations
    std::size_t more_relations = 0;   // beyond those
};
inline constexpr std::size_t kEventRelations = 50;

struct CommunitiesAnswer {
    std::string algorithm;  // "leiden" or "louvain"
    double resolution = 1.0;
    std::uint64_t seed = 1;
    double modularity = 0.0;
    std::size_t entities = 0;               // in a group
    std::size_t relations = 0;              // the partition was found on
    std::vector<CommunityRow> communities;  // without --by-year
    std::vector<CommunityYearRow> years;    // with --by-year
    std::vector<CommunityEventRow> events;  // with --by-year
    LeftOut left_out;                       // evidence and undated relations not used
    AnswerBook book;                        // every member
};

// Throws UsageError (a resolution that is not positive, an unknown type), StorageError.
[[nodiscard]] CommunitiesAnswer answer_communities(const Snapshot& snapshot, const CommunityQuery& query);

// --by-year first..last. Throws as community_history.
[[nodiscard]] CommunitiesAnswer answer_community_history(const Snapshot& snapshot,
                                                         const CommunityQuery& query, int first_year,
                                                         int last_year);

// "leiden" / "louvain".
[[nodiscard]] std::string algorithm_name(CommunityAlgorithm algorithm);

// JSON: {"algorithm", "resolution", "seed", "modularity", "entities", "relations",
// "communities": [{"community", "size", "relations", "members": [entity]}], "left_out"}; with --by-year
// instead of "modularity" ... "communities": "years": [{"year", "modularity", "entities", "relations",
// "communities": [{"community", "size", "relations", "members": [id]}]}], "events": [{"year", "event",
// "before", "after", "relations": [relation], "more_relations"}], and "entities" (the named members).
void to_json(nlohmann::json& out, const CommunitiesAnswer& answer);

}  // namespace kizuna
