#include "legend.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <sstream>

#include "cgraph_helpers.h"
#include "creation_order_ids.h"
#include "kizuna/core/errors.h"
#include "label_text.h"
#include "style.h"

namespace kizuna::viz {

namespace {

// Rows per legend column: enough to stay about as tall as the diagram, within bounds that keep it readable.
constexpr std::size_t kFewestRows = 4, kMostRows = 12, kMostRowsInFrame = 30;
constexpr double kPointsPerRow = 40;    // an item (0.3 in) and the space under it
constexpr double kGapPoints = 36;       // between the diagram and its legend: half an inch
constexpr std::size_t kNoteCells = 30;  // a note's lines in a frame (30 Latin letters, 15 CJK characters)

std::string title(const std::string& lang) {
    if (lang == "ja") return "凡例";
    if (lang == "vi") return "Chú giải";
    return "Legend";
}

// "group 3" in the legend's language; "in no group" for 0; groups past the palette share grey.
std::string group_name(std::size_t n, const std::string& lang) {
    if (n == 0) return lang == "ja" ? "グループなし" : lang == "vi" ? "không thuộc nhóm" : "in no group";
    if (n > kGroupFills)
        return lang == "ja" ? "そのほかのグループ" : lang == "vi" ? "các nhóm khác" : "other groups";
    const std::string number = std::to_string(n);
    return lang == "ja" ? "グループ " + number : lang == "vi" ? "nhóm " + number : "group " + number;
}

// Adds the items to `into`, in columns of at most `rows`, left to right: kinds (by shape), countries (by
// fill), relation types (by pen, as short sample edges). Each column is a rank of its own, read top down.
void add_items(Agraph_t* into, const LegendContent& content, const DiagramOptions& options,
               std::size_t rows) {
    std::size_t serial = 0;
    auto name = [&serial](const char* what) {
        return std::string("legend:") + what + ":" + std::to_string(serial++);
    };
    auto item = [&](const char* what, const std::string& label) {
        Agnode_t* node = agnode(into, c(name(what)), 1);
        set(node, "label", safe_label(label, kMaxLabelBytes));
        set(node, "fontname", options.font);
        set(node, "fontsize", font_points(options.aspect ? 11 : 9, options.text_scale));
        set(node, "height", std::to_string(0.3 * options.text_scale));
        set(node, "margin", "0.08,0.03");
        return node;
    };
    struct Column {
        std::vector<Agnode_t*> nodes;   // top down
        bool follows_previous = false;  // sample heads, tied to their tails by the samples themselves
    };
    std::vector<Column> columns;
    // Columns of up to `rows` of `count` items.
    auto in_columns = [&](std::size_t count, const auto& make) {
        for (std::size_t first = 0; first < count; first += rows) {
            Column column;
            for (std::size_t i = first; i < std::min(first + rows, count); ++i)
                column.nodes.push_back(make(i));
            columns.push_back(std::move(column));
        }
    };
    in_columns(content.kinds.size(), [&](std::size_t i) {
        Agnode_t* node = item("kind", display_label(content.kinds[i], options.lang));
        const auto style = node_style(content.kinds[i].id);
        set(node, "shape", style.shape);
        set(node, "style", style.style);
        set(node, "fillcolor", "#ffffff");
        return node;
    });
    in_columns(content.countries.size(), [&](std::size_t i) {
        Agnode_t* node = item("country", country_name(content.countries[i], options.lang));
        set(node, "shape", "box");
        set(node, "style", "filled");
        set(node, "fillcolor", country_fill(content.countries[i]));
        return node;
    });
    in_columns(content.groups.size(), [&](std::size_t i) {
        const std::size_t n = content.groups[i];
        Agnode_t* node = item("group", group_name(n, options.lang));
        set(node, "shape", "box");
        set(node, "style", "filled");
        set(node, "fillcolor", n == 0 ? "#ffffff" : group_fill(n));
        return node;
    });
    // A type's sample: two points and an edge between them, in the type's pen. The tails make a column;
    // the heads, the column after it.
    std::map<Agnode_t*, Agnode_t*> head_of;
    in_columns(content.types.size(), [&](std::size_t i) {
        const RelationType& type = content.types[i];
        Agnode_t* tail = item("from", "");
        Agnode_t* head = item("to", "");
        for (Agnode_t* point : {tail, head}) {
            set(point, "shape", "point");
            set(point, "width", "0.05");
            set(point, "height", "0.05");
        }
        Agedge_t* edge = agedge(into, tail, head, c(name("type")), 1);
        const auto style = edge_style(type, content.vocabulary);
        set(edge, "label", safe_label(display_label(type, options.lang), kMaxLabelBytes));
        set(edge, "color", style.color);
        set(edge, "fontcolor", style.color);
        set(edge, "style", style.style);
        set(edge, "fontname", options.font);
        set(edge, "fontsize", font_points(options.aspect ? 11 : 9, options.text_scale));
        set(edge, "minlen", "2");
        if (!type.directed) set(edge, "dir", "none");
        head_of[tail] = head;
        return tail;
    });
    in_columns(content.notes.size(), [&](std::size_t i) {
        Agnode_t* node = item("note", content.notes[i]);
        // In a frame a long note wraps: a one-line note would widen the legend by its whole length.
        if (options.aspect) set(node, "label", wrapped_label(content.notes[i], kNoteCells));
        set(node, "shape", "plaintext");
        return node;
    });
    // After each column of tails, the column of their heads.
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (head_of.count(columns[i].nodes.front()) == 0) continue;
        Column column;
        column.follows_previous = true;
        for (Agnode_t* tail : columns[i].nodes) column.nodes.push_back(head_of.at(tail));
        columns.insert(columns.begin() + static_cast<std::ptrdiff_t>(++i), std::move(column));
    }

    for (std::size_t i = 0; i < columns.size(); ++i) {
        Agraph_t* rank = agsubg(into, c(name("rank")), 1);
        set(rank, "rank", "same");
        for (Agnode_t* node : columns[i].nodes) agsubnode(rank, node, 1);
        // Within a rank, an edge keeps its tail before its head: the column reads top down.
        for (std::size_t k = 0; k + 1 < columns[i].nodes.size(); ++k) {
            Agedge_t* next = agedge(into, columns[i].nodes[k], columns[i].nodes[k + 1], c(name("next")), 1);
            set(next, "style", "invis");
        }
        // The top items of neighbouring columns, tied level: columns side by side, top-aligned.
        if (i > 0 && !columns[i].follows_previous) {
            Agedge_t* order =
                agedge(into, columns[i - 1].nodes.front(), columns[i].nodes.front(), c(name("order")), 1);
            set(order, "style", "invis");
        }
    }
}

}  // namespace

// Graphviz's attributes of a laid-out graph are only attached when it is written as DOT: rendering it to
// "dot" (output discarded) gives every object its pos, the graph its bb.
void attach_layout(GVC_t* context, Agraph_t* graph) {
    char* raw = nullptr;
    unsigned int length = 0;
    const int status = gvRenderData(context, graph, "dot", &raw, &length);
    std::unique_ptr<char, RenderDataFreer> data(raw);
    if (status != 0) throw Error("Graphviz could not place the legend: " + last_graphviz_error());
}

Box bounding_box(Agraph_t* graph) {
    Box box;
    const char* bb = agget(graph, c("bb"));
    if (bb == nullptr || std::sscanf(bb, "%lf,%lf,%lf,%lf", &box.x1, &box.y1, &box.x2, &box.y2) != 4) {
        throw Error("Graphviz gave no bounding box for the layout");
    }
    return box;
}

namespace {

// Moves every point of a position attribute: "x,y", a spline "e,x,y s,x,y x,y …" (';' between the
// splines of one edge), or a box "x1,y1,x2,y2".
std::string moved(const std::string& points, double dx, double dy) {
    std::string out;
    std::size_t i = 0;
    while (i < points.size()) {
        const std::size_t end = points.find_first_of(" ;", i);
        std::string token = points.substr(i, end == std::string::npos ? std::string::npos : end - i);
        std::string prefix;
        if (token.size() > 2 && (token[0] == 'e' || token[0] == 's') && token[1] == ',') {
            prefix = token.substr(0, 2);
            token = token.substr(2);
        }
        std::istringstream in(token);
        std::ostringstream shifted;
        double value = 0;
        for (std::size_t n = 0; in >> value; ++n) {
            shifted << (n == 0 ? "" : ",") << value + (n % 2 == 0 ? dx : dy);
            if (in.peek() == ',') in.ignore();
        }
        out += prefix + shifted.str();
        if (end == std::string::npos) break;
        out += points[end];
        i = end + 1;
    }
    return out;
}

bool is_position(const char* attribute) {
    const std::string name = attribute;
    return name == "pos" || name == "lp" || name == "xlp" || name == "head_lp" || name == "tail_lp" ||
           name == "bb";
}

// Copies the attributes `object` has in `from` (of the kind AGNODE, AGEDGE …) to `copy`, moving positions.
void copy_attributes(Agraph_t* from, int kind, void* object, void* copy, double dx, double dy) {
    for (Agsym_t* symbol = agnxtattr(from, kind, nullptr); symbol != nullptr;
         symbol = agnxtattr(from, kind, symbol)) {
        const std::string value = agxget(object, symbol);
        if (value.empty()) continue;
        set(copy, symbol->name, is_position(symbol->name) ? moved(value, dx, dy) : value);
    }
}

}  // namespace

void add_legend_cluster(Agraph_t* graph, const LegendContent& content, const DiagramOptions& options) {
    Agraph_t* cluster = agsubg(graph, c("cluster_legend"), 1);
    set(cluster, "label", title(options.lang));
    set(cluster, "style", "rounded");
    set(cluster, "color", "#d1d5db");
    set(cluster, "fontname", options.font);
    set(cluster, "fontsize", font_points(10, options.text_scale));
    add_items(cluster, content, options, kMostRows);
}

void place_legend(GVC_t* context, Agraph_t* graph, const LegendContent& content,
                  const DiagramOptions& options) {
    attach_layout(context, graph);
    const Box diagram = bounding_box(graph);
    gvFreeLayout(context, graph);

    std::unique_ptr<Agraph_t, GraphCloser> legend(open_in_creation_order("legend", Agdirected));
    if (!legend) throw Error("Graphviz could not create the legend");
    set(legend.get(), "rankdir", "LR");
    set(legend.get(), "nodesep", std::to_string(0.12 * options.text_scale));
    set(legend.get(), "ranksep", std::to_string(0.2 * options.text_scale));
    set(legend.get(), "label", title(options.lang));
    set(legend.get(), "labelloc", "t");
    set(legend.get(), "fontname", options.font);
    set(legend.get(), "fontsize", font_points(options.aspect ? 12 : 10, options.text_scale));
    // In a frame (--fit) the drawing is padded to the frame's height anyway: a taller, narrower legend
    // leaves more of the width to the diagram.
    const double tall = options.aspect
                            ? std::max(diagram.y2 - diagram.y1, (diagram.x2 - diagram.x1) / *options.aspect)
                            : diagram.y2 - diagram.y1;
    const auto rows = std::clamp(static_cast<std::size_t>(tall / (kPointsPerRow * options.text_scale)),
                                 kFewestRows, options.aspect ? kMostRowsInFrame : kMostRows);
    add_items(legend.get(), content, options, rows);
    if (gvLayout(context, legend.get(), "dot") != 0) {
        throw Error("Graphviz could not lay out the legend: " + last_graphviz_error());
    }
    attach_layout(context, legend.get());
    const Box box = bounding_box(legend.get());
    gvFreeLayout(context, legend.get());

    // To the right of the diagram, top-aligned with it (below a title drawn above the diagram).
    const double title_points =
        agget(graph, c("label")) && *agget(graph, c("label")) && agget(graph, c("lheight"))
            ? std::atof(agget(graph, c("lheight"))) * 72
            : 0;
    const double dx = diagram.x2 + kGapPoints - box.x1, dy = diagram.y2 - title_points - box.y2;
    Agraph_t* cluster = agsubg(graph, c("cluster_legend"), 1);
    set(cluster, "style", "rounded");
    set(cluster, "color", "#d1d5db");
    copy_attributes(legend.get(), AGRAPH, legend.get(), cluster, dx, dy);
    for (Agnode_t* node = agfstnode(legend.get()); node; node = agnxtnode(legend.get(), node)) {
        copy_attributes(legend.get(), AGNODE, node, agnode(cluster, agnameof(node), 1), dx, dy);
    }
    for (Agnode_t* node = agfstnode(legend.get()); node; node = agnxtnode(legend.get(), node)) {
        for (Agedge_t* edge = agfstout(legend.get(), node); edge; edge = agnxtout(legend.get(), edge)) {
            Agnode_t* tail = agnode(cluster, agnameof(agtail(edge)), 0);
            Agnode_t* head = agnode(cluster, agnameof(aghead(edge)), 0);
            copy_attributes(legend.get(), AGEDGE, edge, agedge(cluster, tail, head, agnameof(edge), 1), dx,
                            dy);
        }
    }
    // Everything has its place: "nop2" keeps node positions and edge splines as they are.
    if (gvLayout(context, graph, "nop2") != 0) {
        throw Error("Graphviz could not place the legend: " + last_graphviz_error());
    }
}

}  // namespace kizuna::viz
