#pragma once
// Relationship diagrams: a Subgraph of the Graph drawn with Graphviz (built through cgraph, laid out and
// rendered by gvc). Node shape by kind, fill by country, edge colour and style by relation type, edge
// label "type year", tooltips with sources, a legend of what appears, optional clusters by country.
//
// Every label is made safe before it reaches Graphviz: escapes (\N, \G …) neutralised, control characters
// removed, long text truncated; links only for http(s) URLs; no image or stylesheet attributes.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/core/graph.h"
#include "kizuna/queries/ego.h"

namespace kizuna {

enum class DiagramFormat { Dot, Svg, Png, Pdf };

// "dot", "svg", "png", "pdf" -> format; otherwise nullopt.
[[nodiscard]] std::optional<DiagramFormat> parse_diagram_format(std::string_view name);
// The format a file name asks for by its extension, if any.
[[nodiscard]] std::optional<DiagramFormat> diagram_format_of(const std::filesystem::path& path);

struct DiagramOptions {
    std::string lang = "en";           // names and type labels: en, ja, vi
    std::string engine = "dot";        // dot, neato, fdp, sfdp, circo, twopi
    bool cluster_by_country = false;
    bool legend = true;
    std::string title;                 // drawn above the diagram when not empty
    std::vector<VertexId> highlight_vertices;     // e.g. a path
    std::vector<RelationIndex> highlight_relations;
    bool fade_others = true;           // with a highlight: grey out everything else
    std::string font = "Noto Sans CJK JP";  // covers Japanese, Vietnamese and Latin glyphs
    // Diagrams larger than this are refused with advice (--ego, sfdp) instead of running for minutes.
    std::size_t max_entities = 400;
    // dot's layered layout slows steeply with relations (measured on random graphs: 150 relations 0.3 s,
    // 300 about 7 s, 500 about a minute): with more than this it is refused with advice.
    std::size_t max_layered_relations = 300;
    // The other engines route curved edges around the nodes for up to this many relations (300: about
    // 4 s, 800: 35 s) and straight lines beyond (2,600 relations: under a second).
    std::size_t max_curved_relations = 150;
};

// The engines accepted in DiagramOptions::engine.
[[nodiscard]] const std::vector<std::string>& layout_engines();

// The diagram as bytes in the format. Throws UsageError (too large, unknown engine),
// InvalidDataError (text that is not valid UTF-8) or Error (Graphviz failed).
[[nodiscard]] std::string render_diagram(const Graph& graph, const Subgraph& subgraph, const DiagramOptions& options,
                                         DiagramFormat format);

}  // namespace kizuna
