#pragma once
// Groups of organisations that work more with one another than with the rest: a partition of the
// entities that maximises modularity, found by igraph's Leiden or Louvain (multilevel) algorithm on the
// relations a filter keeps (evidence left out as in every connection query; dates by the interval rule).
// Parallel relations between two entities each count (a weighted pair). Entities without a relation the
// filter keeps belong to no group.
#include <cstdint>
#include <functional>
#include <vector>

#include "kizuna/core/graph.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

enum class CommunityAlgorithm { Leiden, Louvain };

struct CommunityQuery {
    RelationFilter filter;
    CommunityAlgorithm algorithm = CommunityAlgorithm::Leiden;
    double resolution = 1.0;  // > 1: more, smaller groups; < 1: fewer, larger
    std::uint64_t seed = 1;   // the same seed, data and settings give the same groups
    // Called before each partition of a --by-year history with the year it is for; throws to stop the
    // work (a time limit, a client gone). One partition runs to its end: igraph's interruption handler
    // is one global for every thread.
    std::function<void(int year)> before_year{};
};

struct Community {
    std::vector<VertexId> members;  // most connected first (relations kept), then by vertex
    std::size_t relations = 0;      // kept relations with both ends inside
};

struct Communities {
    std::vector<Community> groups;  // largest first, then by their first member's id
    double modularity = 0.0;        // of this partition, at the query's resolution
    std::size_t relations = 0;      // the relations the partition was found on
    std::size_t entities = 0;       // the entities in a group (with at least one such relation)
};

// Throws UsageError for a resolution that is not a positive number, or a type the graph does not know.
[[nodiscard]] Communities find_communities(const Graph& graph, const CommunityQuery& query);

}  // namespace kizuna

namespace kizuna {

// How the groups change from year to year (--by-year): each year's partition of the relations alive that
// year (as --as-of YEAR), matched with the year before by shared members. A group of one year and one
// of the next are linked when at least half of the smaller of the two is in both. Then a group with no
// link to the year before is born, one with no link to the year after dies, one linked to two or more
// groups of the year before is a merge of them, and one linked to two or more of the year after splits.
// A group keeps its number while it goes on (through a merge or split, along its largest link); new
// groups get new numbers.
struct CommunityEvent {
    enum class Kind { Birth, Death, Merge, Split };
    int year = 0;  // the later year of the two compared
    Kind kind = Kind::Birth;
    std::vector<std::size_t> before, after;  // group numbers in the year before and in this year
    std::vector<RelationIndex> relations;    // what caused it: relations that began or ended between
                                             // the two years among the groups' members
};

struct CommunityYear {
    int year = 0;
    Communities found;
    std::vector<std::size_t> numbers;  // the number of each group of found.groups
};

struct CommunityHistory {
    std::vector<CommunityYear> years;
    std::vector<CommunityEvent> events;  // in year order; births, deaths, merges, splits
};

// query.filter must have no date condition (each year sets its own). Throws UsageError as
// find_communities, and for a range that is empty or longer than kMostCommunityYears.
inline constexpr int kMostCommunityYears = 100;
[[nodiscard]] CommunityHistory community_history(const Graph& graph, const CommunityQuery& query,
                                                 int first_year, int last_year);

// The name of an event's kind: "birth", "death", "merge", "split".
[[nodiscard]] const char* event_name(CommunityEvent::Kind kind);

}  // namespace kizuna
