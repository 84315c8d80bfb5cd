#pragma once
// Private to viz: the legend of a diagram - the kinds, countries and relation types it shows.
//
// Laid out inside the diagram, a legend shares the diagram's ranks (dot) or springs (neato …) and is
// spread thin across it. So a rendered diagram is laid out first without it; the legend is then laid
// out on its own, in a few compact columns, and pinned beside the diagram, which is drawn as laid out
// ("nop2": positions and splines kept).
#include <graphviz/gvc.h>

#include <string>
#include <vector>

#include "kizuna/core/model.h"
#include "kizuna/viz/diagram.h"

namespace kizuna::viz {

struct LegendContent {
    std::vector<EntityKind> kinds;  // in the order shown; a kind without names has only its id
    std::vector<std::string> countries;
    std::vector<std::size_t> groups;  // instead of countries when filled by group (0: in no group)
    std::vector<RelationType> types;
    std::vector<RelationType> vocabulary;  // every type: a type's shade is its place in its category
    std::vector<std::string> notes;        // plain lines: date states drawn, what was left out
    [[nodiscard]] bool empty() const {
        return kinds.empty() && countries.empty() && groups.empty() && types.empty() && notes.empty();
    }
};

// REQUIRES: graph laid out. Attaches the layout to the graph as attributes (pos, bb): Graphviz only does
// so when it writes DOT. Throws Error when Graphviz fails.
void attach_layout(GVC_t* context, Agraph_t* graph);
// The graph's bounding box in points. REQUIRES: attach_layout.
struct Box {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};
[[nodiscard]] Box bounding_box(Agraph_t* graph);

// Adds the legend to an unlaid graph as a cluster of its own (DOT output: whoever reads it lays it out).
void add_legend_cluster(Agraph_t* graph, const LegendContent& content, const DiagramOptions& options);

// REQUIRES: graph laid out by gvLayout. Attaches the layout to the graph as attributes, frees it, adds the
// legend laid out on its own to the right of the diagram, top-aligned, and lays the whole out again with
// "nop2", which keeps every position. Throws Error when Graphviz fails.
void place_legend(GVC_t* context, Agraph_t* graph, const LegendContent& content,
                  const DiagramOptions& options);

}  // namespace kizuna::viz
