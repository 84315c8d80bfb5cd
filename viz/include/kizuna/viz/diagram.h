#pragma once
// Relationship diagrams: a Subgraph of a Snapshot's graph drawn with Graphviz (built through cgraph, laid out
// and rendered by gvc). Node shape by kind, fill by country, edge colour and style by relation type, edge
// label "type year", tooltips with sources, a legend of what appears, optional clusters by country.
//
// Every label is made safe before it reaches Graphviz: escapes (\N, \G …) neutralised, control characters
// removed, long text truncated; links only for http(s) URLs; no image or stylesheet attributes.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/core/date_rule.h"
#include "kizuna/core/graph.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/core/subgraph.h"

namespace kizuna {

enum class DiagramFormat { Dot, Svg, Png, Pdf };

// "dot", "svg", "png", "pdf" -> format; otherwise nullopt.
[[nodiscard]] std::optional<DiagramFormat> parse_diagram_format(std::string_view name);
// The format a file name asks for by its extension, if any.
[[nodiscard]] std::optional<DiagramFormat> diagram_format_of(const std::filesystem::path& path);

struct DiagramOptions {
    std::string lang = "en";     // names and type labels: en, ja, vi
    std::string engine = "dot";  // dot, neato, fdp, sfdp, circo, twopi
    bool cluster_by_country = false;
    // Fill by community group instead of country (render --color-by community): each drawn entity's
    // group number (1 = the largest; entities absent are in none). Empty: by country.
    std::map<VertexId, std::size_t> groups;
    bool legend = true;
    std::string title;                         // drawn above the diagram when not empty
    std::vector<VertexId> highlight_vertices;  // e.g. a path
    std::vector<RelationIndex> highlight_relations;
    bool fade_others = true;  // with a highlight: grey out everything else
    // The date filter's days, when the diagram has one: relations only possibly active in it are drawn
    // faint with "(?)" after their label, relations of unknown date faint with "(no date)"; the legend
    // says so.
    std::optional<DaySpan> window;
    // Lines the legend shows under its items (or the title, without a legend): what was left out.
    std::vector<std::string> notes;
    // A frame to fit (render --fit 16:9, --size): long names wrap onto lines of about 22 characters, edge
    // labels grow a point, positions spread vertically when the frame's height would be left empty, and
    // the drawing is padded to the frame's width:height. With size_inches the output is also scaled to
    // that size.
    std::optional<double> aspect;  // width / height
    // In a frame, with a force-directed engine (fdp by default), each edge label is laid out as a node of
    // its own on its edge, so that the overlap removal keeps labels off other labels and nodes; and the
    // text grows until the smallest is at least this many pixels high on a frame this many pixels wide
    // (a 1920-pixel slide), within a few layouts.
    double least_text_pixels = 10;
    double frame_pixels = 1920;
    double text_scale = 1;  // every font size times this (grown as above in a frame)
    std::optional<std::pair<double, double>> size_inches;
    std::string font = "Noto Sans CJK JP";  // covers Japanese, Vietnamese and Latin glyphs
    // Diagrams with more entities than this are refused with advice (--ego, sfdp).
    std::size_t max_entities = 400;
    // dot's layered layout is refused with advice beyond this many relations (its time grows steeply:
    // bench/README.md, "Diagrams").
    std::size_t max_layered_relations = 300;
    // The other engines route curved edges around the nodes up to this many relations and draw straight
    // lines beyond, which keeps thousands of relations to seconds.
    std::size_t max_curved_relations = 150;
};

// The engines accepted in DiagramOptions::engine.
[[nodiscard]] const std::vector<std::string>& layout_engines();

// The diagram as bytes in the format. Throws UsageError (too large, unknown engine),
// InvalidDataError (text that is not valid UTF-8) or Error (Graphviz failed).
// REQUIRES: subgraph is of snapshot.graph().
[[nodiscard]] std::string render_diagram(const Snapshot& snapshot, const Subgraph& subgraph,
                                         const DiagramOptions& options, DiagramFormat format);

}  // namespace kizuna
