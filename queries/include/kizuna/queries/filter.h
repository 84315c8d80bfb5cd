#pragma once
// Which relations a query may use. Types: --type keeps only the types named, --exclude-type drops types.
// Evidence (a document mentions X; model.h) is not walked by connection queries unless include_evidence
// is set or --type names an evidence type. Dates: date_rule.h; a relation passes a date filter when it
// is active or possibly active in the window. Relations without dates are "date unknown": under a date
// filter they pass only with UndatedPolicy::Include (Separate lists them apart where an answer lists
// relations, and otherwise leaves them out with a count).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kizuna/core/date_rule.h"
#include "kizuna/core/graph.h"
#include "kizuna/core/partial_date.h"

namespace kizuna {

enum class UndatedPolicy { Include, Exclude, Separate };

struct RelationFilter {
    std::vector<std::string> types;          // only these (empty: all)
    std::vector<std::string> exclude_types;  // never these
    std::optional<PartialDate> as_of;
    std::optional<PartialDate> since;
    std::optional<PartialDate> until;
    // Follow relations only in their own direction (symmetric types still go both ways).
    bool directed = false;
    bool include_evidence = false;
    UndatedPolicy undated = UndatedPolicy::Separate;

    // The days the date filter covers (date_window); nullopt without one. Throws UsageError for
    // --as-of with --since/--until, or --since after --until.
    [[nodiscard]] std::optional<DaySpan> window() const { return date_window(as_of, since, until); }
};

// Whether relation r passes the filter (not the direction). Throws UsageError for a type the graph
// does not know.
[[nodiscard]] bool relation_matches(const Graph& graph, RelationIndex r, const RelationFilter& filter);

// What a connection query did not walk although every other condition held: evidence relations, and
// relations of unknown date under a date filter. Each is counted once: an undated evidence relation
// as evidence.
struct LeftOut {
    std::size_t evidence = 0;
    std::size_t undated = 0;
    friend bool operator==(const LeftOut&, const LeftOut&) = default;
};
[[nodiscard]] LeftOut left_out(const Graph& graph, const RelationFilter& filter);
// The ids of the evidence types the filter's type conditions (--type, --exclude-type) let through when
// evidence is walked. Throws UsageError for a type no name matches.
[[nodiscard]] std::vector<std::string> evidence_types_allowed(const Graph& graph,
                                                              const RelationFilter& filter);

// "undated": "include", "exclude" or "separate"; nullopt for anything else.
[[nodiscard]] std::optional<UndatedPolicy> parse_undated_policy(const std::string& word);

}  // namespace kizuna
