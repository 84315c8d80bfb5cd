#pragma once
// What a diagram draws (`render`, and the HTTP API's SVG): the whole graph, an entity's neighbourhood or
// the shortest connections between two entities and their surroundings, with what to highlight and a
// title in the diagram's language that says what is drawn.
#include <optional>
#include <string>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/core/subgraph.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

struct DiagramRequest {
    std::optional<VertexId> ego;                        // an entity's neighbourhood
    std::optional<std::pair<VertexId, VertexId>> path;  // the shortest connections from A to B
    std::size_t radius = 1;                             // hops around the ego or the path
    bool path_only = false;                             // with path: no surroundings
    bool isolated = false;                              // whole graph: entities without relations too
    RelationFilter filter;
    std::string lang = "en";  // of the title
};

struct DiagramScope {
    Subgraph subgraph;
    std::vector<VertexId> highlight_vertices;
    std::vector<RelationIndex> highlight_relations;
    bool fade_others = true;        // grey out what is not highlighted
    std::string title;              // "Kizuna: 7 entities, 4 relations — acquisition, as of 2020"
    std::optional<DaySpan> window;  // the date filter's days: the diagram marks each relation's state
    LeftOut left_out;               // not drawn: evidence, and relations of unknown date
    // What was left out, in the diagram's language, for the legend: "7 evidence relations not drawn".
    std::vector<std::string> notes;
};

// The most shortest paths a path diagram highlights (the title says how many it highlights).
inline constexpr std::size_t kHighlightedPaths = 20;

// --ego and --path walk connections as path and ego do (evidence left out unless the filter includes
// it); the whole graph is drawn with its evidence. Throws UsageError (no connection to draw, unknown
// type), StorageError.
[[nodiscard]] DiagramScope select_diagram(const Snapshot& snapshot, const DiagramRequest& request);

}  // namespace kizuna
