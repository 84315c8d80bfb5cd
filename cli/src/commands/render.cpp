// kizuna render: a relationship diagram of the whole graph, an ego network or a path, via Graphviz.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fstream>
#include <ostream>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/core/errors.h"
#include "kizuna/queries/answers/diagram_scope.h"
#include "kizuna/viz/diagram.h"
#include "option_limits.h"
#include "views/output.h"

namespace kizuna::cli {

namespace {

struct Options {
    std::string ego;
    std::size_t radius = 1;
    std::vector<std::string> path;
    bool path_only = false;
    FilterOptions filter;
    std::string format;
    std::string output;
    std::string engine = "dot";
    std::string cluster;
    bool no_legend = false;
    std::size_t max_entities = DiagramOptions{}.max_entities;
    std::size_t max_relations = DiagramOptions{}.max_layered_relations;
    std::string title;
    bool isolated = false;
    std::string fit, size;
};

// "16:9" -> 16/9.
double aspect_of(const std::string& text) {
    const auto colon = text.find(':');
    char* end = nullptr;
    const double w = std::strtod(text.c_str(), &end);
    const double h = colon == std::string::npos ? 0 : std::strtod(text.c_str() + colon + 1, nullptr);
    if (colon == std::string::npos || end != text.c_str() + colon || !(w > 0) || !(h > 0) || w / h > 20 ||
        h / w > 20) {
        throw UsageError("--fit '" + text + "': write width:height, such as 16:9 or 4:3");
    }
    return w / h;
}

// "13.33x7.5" (inches), "1920x1080px" -> inches at Graphviz's 96 pixels per inch.
std::pair<double, double> size_of(const std::string& text) {
    std::string body = text;
    double per_inch = 1;
    if (body.size() > 2 && body.compare(body.size() - 2, 2, "px") == 0) {
        body.resize(body.size() - 2);
        per_inch = 96;
    } else if (body.size() > 2 && body.compare(body.size() - 2, 2, "in") == 0) {
        body.resize(body.size() - 2);
    }
    const auto x = body.find('x');
    char* end = nullptr;
    const double w = std::strtod(body.c_str(), &end);
    const double h = x == std::string::npos ? 0 : std::strtod(body.c_str() + x + 1, nullptr);
    if (x == std::string::npos || end != body.c_str() + x || !(w > 0) || !(h > 0) || w / per_inch > 200 ||
        h / per_inch > 200) {
        throw UsageError("--size '" + text + "': write WxH in inches (13.33x7.5) or pixels (1920x1080px)");
    }
    return {w / per_inch, h / per_inch};
}

DiagramFormat chosen_format(const Options& options) {
    if (!options.format.empty()) return *parse_diagram_format(options.format);
    if (!options.output.empty()) {
        if (auto by_extension = diagram_format_of(options.output)) return *by_extension;
        throw UsageError("-o " + options.output +
                         ": cannot tell the format from the extension; add --format svg|png|pdf|dot");
    }
    return DiagramFormat::Svg;
}

void write_output(const Context& context, const Options& options, DiagramFormat format,
                  const std::string& bytes) {
    if (options.output.empty() || options.output == "-") {
        const bool binary = format == DiagramFormat::Png || format == DiagramFormat::Pdf;
        if (binary && isatty(STDOUT_FILENO) == 1) {
            throw UsageError("will not write a binary diagram to the terminal; give -o FILE");
        }
        context.o() << bytes;
        return;
    }
    std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.close();
    if (!file) throw Error("cannot write " + options.output);
}

void add_options(CLI::App& command, Options& options) {
    auto* ego = command.add_option("--ego", options.ego, "draw the neighbourhood of this entity")
                    ->type_name("ENTITY");
    command.add_option("--radius,-r", options.radius, "hops around --ego or --path (default 1, at most 50)")
        ->check(count_between(0, kLargestRadius))
        ->type_name("N");
    auto* path =
        command.add_option("--path", options.path, "draw the shortest connections from A to B, highlighted")
            ->expected(2)
            ->type_name("A B");
    command.add_flag("--path-only", options.path_only, "with --path: leave out the surrounding entities");
    ego->excludes(path);
    options.filter.add_to(
        command, {.directed = true, .evidence = true},
        std::string("Names and labels follow --lang (en, ja, vi); Japanese and Vietnamese render with Noto "
                    "Sans CJK.\n"
                    "Examples:\n"
                    "  kizuna render --ego vn-moh --radius 1 --lang ja -o moh.png\n"
                    "  kizuna render --path kanagawa mhlw -o path.svg\n"
                    "  kizuna render --cluster country --as-of 2020 -o 2020.pdf") +
            "\n--ego and --path walk connections; the whole graph is drawn with its evidence.");
    command
        .add_option("--format,-f", options.format,
                    "svg (default), png, pdf or dot; else told by -o's extension")
        ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}))
        ->type_name("FORMAT");
    command
        .add_option("-o,--output", options.output, "output file (default: standard output, svg or dot only)")
        ->type_name("PATH");
    command
        .add_option("--engine", options.engine,
                    "Graphviz layout: dot (default), neato, fdp, sfdp, circo, twopi")
        ->check(CLI::IsMember(layout_engines()))
        ->type_name("ENGINE");
    command.add_option("--cluster", options.cluster, "group entities in boxes: country")
        ->check(CLI::IsMember({"country"}))
        ->type_name("BY");
    command.add_flag("--no-legend", options.no_legend, "leave out the legend");
    command.add_option("--title", options.title, "a title above the diagram (default: what is drawn)")
        ->type_name("TEXT");
    command
        .add_option("--max-entities", options.max_entities,
                    "refuse diagrams larger than this (default 400, at most 5000)")
        ->check(count_between(1, kMostDiagramEntities))
        ->type_name("N");
    command
        .add_option("--max-relations", options.max_relations,
                    "refuse dot layouts with more relations than this (default 300: beyond, dot takes "
                    "minutes; at most 20000); other engines draw straight edges beyond 150")
        ->check(count_between(1, kMostDiagramRelations))
        ->type_name("N");
    command.add_flag("--isolated", options.isolated, "whole graph: also draw entities without relations");
    auto* fit = command
                    .add_option("--fit", options.fit,
                                "lay the diagram out for a frame of this shape, e.g. 16:9 for a slide: names "
                                "wrap, and the drawing is padded to the frame (engine fdp unless --engine)")
                    ->type_name("W:H");
    command
        .add_option("--size", options.size,
                    "the output's size, WxH in inches (13.33x7.5) or pixels (1920x1080px); implies --fit W:H")
        ->type_name("WxH")
        ->excludes(fit);
}

}  // namespace

Command add_render(CLI::App& app, Context& context) {
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("render", "draw a relationship diagram (SVG, PNG, PDF or DOT)");
    add_options(*command, *options);
    return {command, [&context, options, command] {
                // Options that shape a neighbourhood or a path mean nothing for the whole graph.
                const bool scoped = !options->ego.empty() || !options->path.empty();
                for (const char* name : {"--radius", "--path-only", "--directed", "--include-evidence"}) {
                    if (!scoped && command->count(name) > 0)
                        throw UsageError(std::string(name) + " applies to --ego or --path");
                }
                if (options->path.empty() && command->count("--path-only") > 0)
                    throw UsageError("--path-only applies to --path");
                if (scoped && options->isolated) throw UsageError("--isolated applies to the whole graph");
                const DiagramFormat format = chosen_format(*options);
                const Loaded data(context);
                DiagramRequest request;
                if (!options->ego.empty()) request.ego = data.vertex(options->ego);
                if (!options->path.empty())
                    request.path = {data.vertex(options->path[0]), data.vertex(options->path[1])};
                request.radius = options->radius;
                request.path_only = options->path_only;
                request.isolated = options->isolated;
                request.filter = options->filter.filter();
                request.lang = context.lang;
                const DiagramScope scope = select_diagram(data.snapshot, request);

                DiagramOptions diagram;
                diagram.lang = context.lang;
                diagram.engine = options->engine;
                if (!options->fit.empty()) diagram.aspect = aspect_of(options->fit);
                if (!options->size.empty()) {
                    diagram.size_inches = size_of(options->size);
                    diagram.aspect = diagram.size_inches->first / diagram.size_inches->second;
                }
                // A frame is filled best by a force-directed layout of wrapped names (bench/README.md).
                if (diagram.aspect && command->count("--engine") == 0) diagram.engine = "fdp";
                diagram.cluster_by_country = options->cluster == "country";
                diagram.legend = !options->no_legend;
                diagram.max_entities = options->max_entities;
                diagram.max_layered_relations = options->max_relations;
                diagram.title = options->title.empty() ? scope.title : options->title;
                diagram.highlight_vertices = scope.highlight_vertices;
                diagram.highlight_relations = scope.highlight_relations;
                diagram.fade_others = scope.fade_others;
                diagram.window = scope.window;
                diagram.notes = scope.notes;
                write_output(context, *options, format,
                             render_diagram(data.snapshot, scope.subgraph, diagram, format));
                if (!options->output.empty() && options->output != "-") {
                    context.e() << "wrote " << options->output << " (" << scope.subgraph.vertices.size()
                                << " entities, " << scope.subgraph.relations.size() << " relations)\n";
                    for (const auto& note : left_out_notes(scope.left_out))
                        context.e() << "note: " << note << '\n';
                }
            }};
}

}  // namespace kizuna::cli
