#include "kizuna/viz/diagram.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "cgraph_helpers.h"
#include "creation_order_ids.h"
#include "kizuna/core/errors.h"
#include "label_text.h"
#include "legend.h"
#include "style.h"

namespace kizuna {

namespace {

// The mark after the label of a relation whose date is unknown, in the diagram's language.
std::string no_date_mark(const std::string& lang) {
    return lang == "ja" ? "(日付なし)" : lang == "vi" ? "(không rõ ngày)" : "(no date)";
}

// Under --fit, node names wrap at about this many cells (22 Latin letters, 11 CJK characters).
constexpr std::size_t kWrapCells = 22;

using viz::kMaxLabelBytes;
using viz::kMaxTooltipBytes;
using viz::safe_label;
using viz::safe_url;

using viz::c;
using viz::GraphCloser;
using viz::last_graphviz_error;
using viz::RenderDataFreer;
using viz::set;

// One Graphviz context for the process, kept until it ends. Graphviz 2.42's text layout (the pango
// plugin) remembers a pointer to the last font name across renders, and that name lives in the context's
// font table: a context freed after each render left it dangling for the next render in the same
// process (AddressSanitizer: use after free). Graphviz is not thread-safe: renders take turns.
GVC_t* graphviz_context() {
    static GVC_t* const context = gvContext();
    return context;
}
std::mutex& graphviz_turn() {
    static std::mutex turn;
    return turn;
}
struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

const char* const kFaded = "#c0c0c0";
const char* const kHighlight = "#d7263d";

std::string year_of(const std::optional<PartialDate>& date) {
    return date ? std::to_string(date->year()) : "";
}

std::string dates_text(const Graph& graph, RelationIndex r) {
    const auto start = graph.start(r), end = graph.end(r);
    if (!start && !end) return "undated";
    return (start ? start->to_string() : "?") + " – " + (end ? end->to_string() : "");
}

std::string sources_text(const std::vector<Source>& sources) {
    std::string text;
    for (const auto& source : sources) {
        text += "\nsource: " + source.title;
        if (!source.locator.empty()) text += ", " + source.locator;
        if (!source.url.empty()) text += " <" + source.url + ">";
    }
    return text;
}

std::string first_link(const std::vector<Source>& sources) {
    for (const auto& source : sources) {
        if (auto url = safe_url(source.url); !url.empty()) return url;
    }
    return {};
}

class DiagramBuilder {
  public:
    // relations: how many the diagram will draw (labels become nodes of their own only for few).
    DiagramBuilder(const Snapshot& snapshot, const DiagramOptions& options, std::size_t relations)
        : snapshot_(snapshot),
          graph_(snapshot.graph()),
          options_(options),
          label_nodes_(options.aspect && options.engine != "dot" &&
                       relations <= options.max_curved_relations),
          root_(viz::open_in_creation_order("kizuna", Agdirected)) {
        if (!root_) throw Error("Graphviz could not create a graph");
        set(root_.get(), "fontname", options.font);
        set(root_.get(), "rankdir", "LR");
        set(root_.get(), "nodesep", "0.35");
        set(root_.get(), "ranksep", "0.6");
        set(root_.get(), "pad", "0.3");
        set(root_.get(), "overlap", "false");
        set(root_.get(), "splines", "true");
        set(root_.get(), "bgcolor", "white");
        // Without a legend, what was left out is said under the title (Graphviz's "\n" between lines).
        std::string title = options.title.empty() ? "" : safe_label(options.title, kMaxLabelBytes);
        if (!options.legend) {
            for (const auto& note : options.notes)
                title += (title.empty() ? "" : "\\n") + safe_label(note, kMaxLabelBytes);
        }
        if (!title.empty()) {
            set(root_.get(), "label", title);
            set(root_.get(), "labelloc", "t");
            set(root_.get(), "fontsize", viz::font_points(18, options.text_scale));
        }
        highlighted_vertices_.insert(options.highlight_vertices.begin(), options.highlight_vertices.end());
        highlighted_relations_.insert(options.highlight_relations.begin(), options.highlight_relations.end());
    }

    void add(const Subgraph& subgraph) {
        for (const VertexId v : subgraph.vertices) add_vertex(v);
        for (const RelationIndex r : subgraph.relations) add_relation(r);
    }

    Agraph_t* graph() const { return root_.get(); }
    // In a frame laid out by a force-directed engine, with the few relations whose edges are curved (see
    // DiagramOptions::least_text_pixels): a layout of thousands of label nodes ran for minutes, and beyond
    // that many relations the edges are straight lines anyway.
    bool labels_as_nodes() const { return label_nodes_; }

    // What the diagram shows: the legend's content (empty when options.legend is off).
    [[nodiscard]] viz::LegendContent legend() const {
        viz::LegendContent content;
        if (!options_.legend) return content;
        for (const auto& kind : kinds_) {
            const EntityKind* named = find_kind(graph_.entity_kinds(), kind);
            content.kinds.push_back(named != nullptr ? *named : EntityKind{kind, "", "", "", ""});
        }
        if (options_.groups.empty()) {
            content.countries.assign(countries_.begin(), countries_.end());
        } else {
            content.groups.assign(groups_.begin(), groups_.end());
        }
        for (const auto& type : graph_.relation_types()) {
            if (types_.count(type.id)) content.types.push_back(type);
        }
        content.vocabulary = graph_.relation_types();
        const std::string& lang = options_.lang;
        if (states_.count(Activity::PossiblyActive)) {
            content.notes.push_back(lang == "ja" ? "(?) 期間内に有効だった可能性あり（日付の精度が粗い）"
                                    : lang == "vi"
                                        ? "(?) có thể còn hiệu lực trong kỳ (ngày không đủ chi tiết)"
                                        : "(?) possibly active in the period (coarse dates)");
        }
        if (states_.count(Activity::DateUnknown)) {
            content.notes.push_back(no_date_mark(lang) + (lang == "ja"   ? " 日付不明"
                                                          : lang == "vi" ? " ngày không rõ"
                                                                         : " date unknown"));
        }
        content.notes.insert(content.notes.end(), options_.notes.begin(), options_.notes.end());
        return content;
    }

  private:
    bool faded_vertex(VertexId v) const {
        return options_.fade_others && !highlighted_vertices_.empty() && !highlighted_vertices_.count(v);
    }
    bool faded_relation(RelationIndex r) const {
        return options_.fade_others && !highlighted_relations_.empty() && !highlighted_relations_.count(r);
    }

    Agraph_t* parent_for(const std::string& country) {
        if (!options_.cluster_by_country) return root_.get();
        auto& cluster = clusters_[country];
        if (!cluster) {
            cluster =
                agsubg(root_.get(), c("cluster_" + (country.empty() ? std::string("none") : country)), 1);
            set(cluster, "label", safe_label(country_name(country, options_.lang), kMaxLabelBytes));
            set(cluster, "style", "rounded,dashed");
            set(cluster, "color", "#9ca3af");
            set(cluster, "fontname", options_.font);
        }
        return cluster;
    }

    void add_vertex(VertexId v) {
        const Entity entity = snapshot_.entity(v);
        kinds_.insert(entity.kind);
        countries_.insert(entity.country);
        country_of_[v] = entity.country;
        Agnode_t* node = agnode(parent_for(entity.country), c(entity.id), 1);
        nodes_[v] = node;
        const auto style = viz::node_style(entity.kind);
        set(node, "label",
            options_.aspect ? viz::wrapped_label(display_name(entity, options_.lang), kWrapCells)
                            : safe_label(display_name(entity, options_.lang), kMaxLabelBytes));
        set(node, "shape", style.shape);
        set(node, "style", style.style);
        if (options_.groups.empty()) {
            set(node, "fillcolor", viz::country_fill(entity.country));
        } else {
            const auto group = options_.groups.find(v);
            // The legend lists the coloured groups, then one grey swatch for the rest.
            groups_.insert(group != options_.groups.end() ? std::min(group->second, viz::kGroupFills + 1)
                                                          : 0);
            set(node, "fillcolor",
                group != options_.groups.end() ? viz::group_fill(group->second) : "#ffffff");
        }
        set(node, "fontname", options_.font);
        set(node, "fontsize", viz::font_points(options_.aspect ? 12 : 11, options_.text_scale));
        std::string tooltip = entity.names.en;
        for (const auto* other : {&entity.names.ja, &entity.names.vi}) {
            if (!other->empty()) tooltip += (tooltip.empty() ? "" : "\n") + *other;
        }
        tooltip += "\n" + entity.kind + (entity.country.empty() ? "" : ", " + entity.country) +
                   sources_text(entity.sources);
        set(node, "tooltip", safe_label(tooltip, kMaxTooltipBytes, true));
        const auto website = entity.attributes.find("website");
        if (website != entity.attributes.end()) {
            if (auto url = safe_url(website->second); !url.empty()) set(node, "URL", url);
        }
        if (faded_vertex(v)) {
            set(node, "color", kFaded);
            set(node, "fontcolor", "#9ca3af");
            set(node, "fillcolor", "#f5f5f5");
        } else if (highlighted_vertices_.count(v)) {
            set(node, "color", kHighlight);
            set(node, "penwidth", "2.5");
        }
    }

    void add_relation(RelationIndex r) {
        const auto from = nodes_.find(graph_.from(r)), to = nodes_.find(graph_.to(r));
        if (from == nodes_.end() || to == nodes_.end()) return;
        const Relation relation = snapshot_.relation(r);
        const RelationType& type = graph_.type(r);
        types_.insert(type.id);
        const auto style = viz::edge_style(type, graph_.relation_types());
        const std::string year = year_of(relation.start);
        std::string label = display_label(type, options_.lang) + (year.empty() ? "" : " " + year);
        // Under a date filter, what the filter cannot call active is drawn faint and marked.
        const Activity state =
            options_.window ? activity(relation.start, relation.end, *options_.window) : Activity::Active;
        const char* faint = "";
        if (state == Activity::PossiblyActive || state == Activity::DateUnknown) {
            states_.insert(state);
            label += state == Activity::PossiblyActive ? " (?)" : " " + no_date_mark(options_.lang);
            faint = state == Activity::PossiblyActive ? "99" : "66";  // alpha of the pen
        }
        const std::string pen = faded_relation(r)                 ? std::string(kFaded)
                                : highlighted_relations_.count(r) ? std::string(kHighlight)
                                                                  : std::string(style.color) + faint;
        const std::string ink = faded_relation(r)                 ? std::string(kFaded)
                                : highlighted_relations_.count(r) ? std::string(kHighlight)
                                                                  : style.color;
        const std::string tooltip = safe_label(display_label(type, options_.lang) + ": " +
                                                   dates_text(graph_, r) + sources_text(relation.sources),
                                               kMaxTooltipBytes, true);
        const std::string url = first_link(relation.sources);
        const auto draw = [&](Agedge_t* edge, bool head) {
            set(edge, "color", pen);
            set(edge, "style", style.style);
            if (!type.directed || !head) set(edge, "dir", "none");
            if (highlighted_relations_.count(r)) set(edge, "penwidth", "3");
            set(edge, "tooltip", tooltip);
            if (!url.empty()) set(edge, "URL", url);
        };
        if (labels_as_nodes()) {
            // The label is a node on the edge's way: from -> label -> to, the arrow at the end.
            // Inside the ends' country box when they share one, else between the boxes.
            const std::string& country = country_of_.at(graph_.from(r));
            Agraph_t* home = country == country_of_.at(graph_.to(r)) ? parent_for(country) : root_.get();
            Agnode_t* text = agnode(home, c("label " + relation.id), 1);
            set(text, "label", viz::wrapped_label(label, kWrapCells));
            set(text, "shape", "plaintext");
            set(text, "margin", "0.02,0.01");
            set(text, "width", "0");
            set(text, "height", "0");
            set(text, "fontname", options_.font);
            set(text, "fontsize", viz::font_points(11, options_.text_scale));
            set(text, "fontcolor", ink);
            set(text, "tooltip", tooltip);
            if (!url.empty()) set(text, "URL", url);
            draw(agedge(root_.get(), from->second, text, c(relation.id + " from"), 1), false);
            draw(agedge(root_.get(), text, to->second, c(relation.id), 1), true);
            return;
        }
        Agedge_t* edge = agedge(root_.get(), from->second, to->second, c(relation.id), 1);
        draw(edge, true);
        // Graphviz 2.42's dot frees a cluster's rank array twice (in gvFreeLayout) when a labelled edge
        // lies flat on the top rank of a clustered layout; external labels never enter the ranking.
        set(edge, options_.cluster_by_country ? "xlabel" : "label", safe_label(label, kMaxLabelBytes));
        set(edge, "fontname", options_.font);
        set(edge, "fontsize", viz::font_points(options_.aspect ? 11 : 9, options_.text_scale));
        set(edge, "fontcolor", ink);
        set(edge, "labeltooltip", tooltip);
    }

    const Snapshot& snapshot_;
    const Graph& graph_;
    const DiagramOptions& options_;
    bool label_nodes_;
    std::unique_ptr<Agraph_t, GraphCloser> root_;
    std::map<VertexId, Agnode_t*> nodes_;
    std::map<VertexId, std::string> country_of_;
    std::map<std::string, Agraph_t*> clusters_;
    std::set<std::string> kinds_, countries_, types_;
    std::set<std::size_t> groups_;  // with options.groups: the groups drawn (0: in none)
    std::set<Activity> states_;     // the date states drawn faint
    std::set<VertexId> highlighted_vertices_;
    std::set<RelationIndex> highlighted_relations_;
};

std::string write_dot(Agraph_t* g) {
    char* buffer = nullptr;
    std::size_t size = 0;
    {
        std::unique_ptr<std::FILE, FileCloser> stream(open_memstream(&buffer, &size));
        if (!stream) throw Error("cannot allocate memory for the DOT text");
        if (agwrite(g, stream.get()) != 0)
            throw Error("Graphviz could not write DOT: " + last_graphviz_error());
    }
    std::string text(buffer, size);
    std::free(buffer);
    return text;
}

const char* renderer(DiagramFormat format) {
    switch (format) {
        case DiagramFormat::Svg:
            return "svg";
        case DiagramFormat::Png:
            return "png:cairo";
        case DiagramFormat::Pdf:
            return "pdf:cairo";
        case DiagramFormat::Dot:
            break;
    }
    return "dot";
}

// How a laid-out drawing sits in its frame.
struct Framing {
    double frame_points = 0;  // the frame's width
    double empty_height = 0;  // the share of the frame's height left empty above and below
};

// Pads the laid-out drawing to width:height = aspect ("pad" is read when rendering, the layout stays).
Framing pad_to_aspect(GVC_t* context, Agraph_t* graph, double aspect) {
    viz::attach_layout(context, graph);
    const viz::Box box = viz::bounding_box(graph);
    const double width = (box.x2 - box.x1) / 72, height = (box.y2 - box.y1) / 72;  // inches
    constexpr double kMargin = 0.1;
    double pad_x = kMargin, pad_y = kMargin;
    if (width + 2 * kMargin < aspect * (height + 2 * kMargin)) {
        pad_x = (aspect * (height + 2 * kMargin) - width) / 2;
    } else {
        pad_y = ((width + 2 * kMargin) / aspect - height) / 2;
    }
    set(graph, "pad", std::to_string(pad_x) + "," + std::to_string(pad_y));
    return {(width + 2 * pad_x) * 72, 2 * pad_y / (height + 2 * pad_y)};
}

// The smallest text of a frame is edge labels' and legend items' 11 points, times the text scale.
constexpr double kSmallestFramePoints = 11;
// Layouts tried while the text grows and the drawing spreads: each costs one more layout (about 0.3 s
// on the curated map).
constexpr int kMostFrameLayouts = 5;
// In a frame, edges are routed around the nodes up to this many relations (the curated map has 38), and
// drawn as plain curves beyond (see render_diagram).
constexpr std::size_t kMostRoutedFrameRelations = 40;
constexpr double kTextHeadroom = 1.03;
// Past this share of the frame's height empty, positions are spread to fill this share of it (at most
// this many times as far apart).
constexpr double kMostEmptyHeight = 0.1, kFilledHeight = 0.92, kMostStretch = 3;

// Sets graph attributes' defaults on cgraph's prototype graph (every graph opened after takes them) and
// puts Graphviz's own defaults back when it goes. Held under graphviz_turn().
class ProtoDefaults {
  public:
    struct Setting {
        const char* name;
        std::string value, graphviz_default;
    };
    explicit ProtoDefaults(std::vector<Setting> settings) : settings_(std::move(settings)) {
        for (const auto& s : settings_) agattr(nullptr, AGRAPH, c(s.name), c(s.value));
    }
    ~ProtoDefaults() {
        for (const auto& s : settings_) agattr(nullptr, AGRAPH, c(s.name), c(s.graphviz_default));
    }
    ProtoDefaults(const ProtoDefaults&) = delete;
    ProtoDefaults& operator=(const ProtoDefaults&) = delete;

  private:
    std::vector<Setting> settings_;
};

// Lays the graph out with its engine. In a frame (labels as nodes), overlaps are removed by Graphviz's
// prism from a compact start (twice the average node size, not four times: the frame's text stays
// large), a few points between any two boxes.
void lay_out(GVC_t* context, DiagramBuilder& builder, const std::string& engine) {
    const bool framed = builder.labels_as_nodes();
    if (framed) {
        set(builder.graph(), "overlap", "prism");
        set(builder.graph(), "sep", "+6");
        set(builder.graph(), "esep", "+3");
    }
    // fdp and neato read overlap_scaling from the graphs they derive, which take the defaults of cgraph's
    // prototype graph only (what `fdp -G` sets): set there for this layout alone.
    const ProtoDefaults defaults({{"overlap_scaling", framed ? "2" : "-4", "-4"}});
    if (gvLayout(context, builder.graph(), engine.c_str()) != 0) {
        throw Error("Graphviz layout '" + engine + "' failed: " + last_graphviz_error());
    }
}

// Spreads a laid-out graph's node positions apart vertically by `factor` (sizes stay: boxes apart stay
// apart), then routes the edges again between them (Graphviz's "nop": neato -n).
void spread_vertically(GVC_t* context, Agraph_t* graph, double factor) {
    viz::attach_layout(context, graph);
    std::vector<std::pair<Agnode_t*, std::string>> positions;
    for (Agnode_t* node = agfstnode(graph); node; node = agnxtnode(graph, node)) {
        double x = 0, y = 0;
        if (std::sscanf(agget(node, c("pos")), "%lf,%lf", &x, &y) != 2) continue;
        positions.emplace_back(node, std::to_string(x) + "," + std::to_string(y * factor));
    }
    gvFreeLayout(context, graph);
    for (const auto& [node, pos] : positions) set(node, "pos", pos);
    // The drawing's box and its title's place are found again for the new positions.
    set(graph, "bb", "");
    set(graph, "lp", "");
    if (gvLayout(context, graph, "nop") != 0) {
        throw Error("Graphviz could not route the spread edges: " + last_graphviz_error());
    }
}

viz::Box laid_out_box(GVC_t* context, Agraph_t* graph) {
    viz::attach_layout(context, graph);
    return viz::bounding_box(graph);
}

// Renders a laid-out graph in the format, then frees its layout.
std::string render_laid_out(GVC_t* context, Agraph_t* graph, DiagramFormat format) {
    char* raw = nullptr;
    unsigned int length = 0;
    const int status = gvRenderData(context, graph, renderer(format), &raw, &length);
    std::unique_ptr<char, RenderDataFreer> data(raw);
    gvFreeLayout(context, graph);
    if (status != 0 || !raw) throw Error("Graphviz could not render: " + last_graphviz_error());
    return std::string(raw, length);
}

}  // namespace

std::optional<DiagramFormat> parse_diagram_format(std::string_view name) {
    if (name == "dot" || name == "gv") return DiagramFormat::Dot;
    if (name == "svg") return DiagramFormat::Svg;
    if (name == "png") return DiagramFormat::Png;
    if (name == "pdf") return DiagramFormat::Pdf;
    return std::nullopt;
}

std::optional<DiagramFormat> diagram_format_of(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    if (extension.empty()) return std::nullopt;
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return parse_diagram_format(std::string_view(extension).substr(1));
}

const std::vector<std::string>& layout_engines() {
    static const std::vector<std::string> kEngines = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
    return kEngines;
}

std::string render_diagram(const Snapshot& snapshot, const Subgraph& subgraph, const DiagramOptions& options,
                           DiagramFormat format) {
    const auto& engines = layout_engines();
    if (std::find(engines.begin(), engines.end(), options.engine) == engines.end()) {
        throw UsageError("unknown layout engine '" + options.engine +
                         "' (use dot, neato, fdp, sfdp, circo or twopi)");
    }
    if (subgraph.vertices.size() > options.max_entities) {
        throw UsageError("the diagram would hold " + std::to_string(subgraph.vertices.size()) +
                         " entities (the limit is " + std::to_string(options.max_entities) +
                         "); draw a neighbourhood with --ego ENTITY --radius N, filter with --type, or raise "
                         "--max-entities and use --engine sfdp");
    }
    if (options.engine == "dot" && subgraph.relations.size() > options.max_layered_relations) {
        throw UsageError(
            "the diagram would hold " + std::to_string(subgraph.relations.size()) +
            " relations, too many for dot's layered layout (the limit is " +
            std::to_string(options.max_layered_relations) +
            "; it would run for minutes); use --engine sfdp (straight edges, seconds), draw a "
            "neighbourhood with --ego ENTITY --radius N or filter with --type, or raise --max-relations");
    }
    const std::lock_guard<std::mutex> turn(graphviz_turn());
    agseterr(AGERR);  // warnings (e.g. about fonts) are not the user's business; errors are
    agseterrf(viz::remember_graphviz_error);
    GVC_t* const context = graphviz_context();
    if (context == nullptr) throw Error("Graphviz could not start");
    DiagramOptions scaled = options;
    double stretch = 1;  // how far the layout's positions are spread vertically, to fill a wide frame
    for (int layout = 1;; ++layout) {
        DiagramBuilder builder(snapshot, scaled, subgraph.relations.size());
        builder.add(subgraph);
        // Routing curved edges around every node is what makes the force-directed engines slow; with
        // label nodes (twice the edges, a node per label) it grows faster still: one fdp layout of 50
        // relations took 3 s of CPU, of 110 13 s, of 150 24 s routed, 1 s as plain curves.
        if (options.engine != "dot" && subgraph.relations.size() > options.max_curved_relations) {
            set(builder.graph(), "splines", "line");
        } else if (builder.labels_as_nodes() && subgraph.relations.size() > kMostRoutedFrameRelations) {
            set(builder.graph(), "splines", "curved");
        }
        const viz::LegendContent legend = builder.legend();
        if (format == DiagramFormat::Dot) {
            if (!legend.empty()) viz::add_legend_cluster(builder.graph(), legend, scaled);
            return write_dot(builder.graph());
        }
        if (options.size_inches) {
            const auto [width, height] = *options.size_inches;
            set(builder.graph(), "size", std::to_string(width) + "," + std::to_string(height) + "!");
        }
        lay_out(context, builder, options.engine);
        if (stretch > 1) spread_vertically(context, builder.graph(), stretch);
        const viz::Box diagram = laid_out_box(context, builder.graph());
        if (!legend.empty()) viz::place_legend(context, builder.graph(), legend, scaled);
        if (!options.aspect) return render_laid_out(context, builder.graph(), format);
        const Framing framing = pad_to_aspect(context, builder.graph(), *options.aspect);
        const bool again = builder.labels_as_nodes() && layout < kMostFrameLayouts;
        const double smallest =
            kSmallestFramePoints * scaled.text_scale * options.frame_pixels / framing.frame_points;
        // A little over the least: measured from the SVG, text must not round to just under it.
        if (again && smallest < kTextHeadroom * options.least_text_pixels) {
            // Text grows faster than the layout it widens: a little more than the shortfall.
            scaled.text_scale *= 1.15 * options.least_text_pixels / smallest;
        } else if (again && stretch < kMostStretch && framing.empty_height > kMostEmptyHeight &&
                   !options.cluster_by_country) {
            // Bands above and below: the next layout's positions spread to the frame's height.
            const double frame_height = framing.frame_points / *options.aspect;
            stretch =
                std::min(kMostStretch, stretch * kFilledHeight * frame_height / (diagram.y2 - diagram.y1));
        } else {
            return render_laid_out(context, builder.graph(), format);
        }
        gvFreeLayout(context, builder.graph());
    }
}

}  // namespace kizuna
