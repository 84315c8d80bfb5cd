// kizuna render: a relationship diagram of the whole graph, an ego network or a path, via Graphviz.
#include <CLI/CLI.hpp>

#include <fstream>
#include <ostream>
#include <unistd.h>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/core/errors.h"
#include "kizuna/queries/ego.h"
#include "kizuna/queries/path.h"
#include "kizuna/viz/diagram.h"

namespace kizuna::cli {

namespace {

constexpr std::size_t kHighlightedPaths = 20;

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
};

DiagramFormat chosen_format(const Options& options) {
    if (!options.format.empty()) return *parse_diagram_format(options.format);
    if (!options.output.empty()) {
        if (auto by_extension = diagram_format_of(options.output)) return *by_extension;
        throw UsageError("-o " + options.output + ": cannot tell the format from the extension; add --format svg|png|pdf|dot");
    }
    return DiagramFormat::Svg;
}

// The filter as the title's ending, in the diagram's language: " — acquisition, joint venture, as of 2020".
std::string filter_in_title(const Graph& graph, const RelationFilter& filter, const std::string& lang) {
    std::string types;
    for (const auto& id : filter.types) {
        for (const auto& type : graph.relation_types()) {
            if (type.id == id) types += (types.empty() ? "" : lang == "ja" ? "・" : ", ") + display_label(type, lang);
        }
    }
    std::string text = types.empty() ? "" : " — " + types;
    auto add = [&](const std::optional<PartialDate>& date, const char* en, const char* ja, const char* vi) {
        if (!date) return;
        const std::string d = date->to_string();
        text += lang == "ja" ? "（" + d + ja + "）" : lang == "vi" ? std::string(", ") + vi + " " + d : std::string(", ") + en + " " + d;
    };
    add(filter.as_of, "as of", "時点", "tính đến");
    add(filter.since, "since", "以降", "từ");
    add(filter.until, "until", "まで", "đến");
    return text;
}

void write_output(const Context& context, const Options& options, DiagramFormat format, const std::string& bytes) {
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

}  // namespace

Command add_render(CLI::App& app, Context& context) {
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("render", "draw a relationship diagram (SVG, PNG, PDF or DOT)");
    auto* ego = command->add_option("--ego", options->ego, "draw the neighbourhood of this entity")->type_name("ENTITY");
    command->add_option("--radius,-r", options->radius, "hops around --ego or --path (default 1)")->type_name("N");
    auto* path = command->add_option("--path", options->path, "draw the shortest connections from A to B, highlighted")
                     ->expected(2)
                     ->type_name("A B");
    command->add_flag("--path-only", options->path_only, "with --path: leave out the surrounding entities");
    ego->excludes(path);
    options->filter.add_to(*command);
    command->add_option("--format,-f", options->format, "svg (default), png, pdf or dot; else told by -o's extension")
        ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}))
        ->type_name("FORMAT");
    command->add_option("-o,--output", options->output, "output file (default: standard output, svg or dot only)")
        ->type_name("PATH");
    command->add_option("--engine", options->engine, "Graphviz layout: dot (default), neato, fdp, sfdp, circo, twopi")
        ->check(CLI::IsMember(layout_engines()))
        ->type_name("ENGINE");
    command->add_option("--cluster", options->cluster, "group entities in boxes: country")
        ->check(CLI::IsMember({"country"}))
        ->type_name("BY");
    command->add_flag("--no-legend", options->no_legend, "leave out the legend");
    command->add_option("--title", options->title, "a title above the diagram (default: what is drawn)")
        ->type_name("TEXT");
    command->add_option("--max-entities", options->max_entities, "refuse diagrams larger than this (default 400)")
        ->check(CLI::PositiveNumber)
        ->type_name("N");
    command->add_option("--max-relations", options->max_relations,
                        "refuse dot layouts with more relations than this (default 300: beyond, dot takes "
                        "minutes); other engines draw straight edges beyond 150")
        ->check(CLI::PositiveNumber)
        ->type_name("N");
    command->add_flag("--isolated", options->isolated, "whole graph: also draw entities without relations");
    command->footer("Names and labels follow --lang (en, ja, vi); Japanese and Vietnamese render with Noto Sans CJK.\n"
                    "Examples:\n"
                    "  kizuna render --ego vn-moh --radius 1 --lang ja -o moh.png\n"
                    "  kizuna render --path kanagawa hau-giang-pharma -o path.svg\n"
                    "  kizuna render --cluster country --as-of 2020 -o 2020.pdf");
    return {command, [&context, options] {
                const DiagramFormat format = chosen_format(*options);
                const Loaded data = load(context);
                const RelationFilter filter = options->filter.filter();
                DiagramOptions diagram;
                diagram.lang = context.lang;
                diagram.engine = options->engine;
                diagram.cluster_by_country = options->cluster == "country";
                diagram.legend = !options->no_legend;
                diagram.max_entities = options->max_entities;
                diagram.max_layered_relations = options->max_relations;
                Subgraph scope;
                std::string title;
                if (!options->ego.empty()) {
                    const VertexId centre = data.vertex(options->ego);
                    scope = ego_network(data.graph, centre, options->radius, filter);
                    diagram.highlight_vertices = {centre};
                    diagram.fade_others = false;
                    const std::string name = display_name(data.graph.entity(centre), context.lang);
                    const std::string hops = std::to_string(options->radius);
                    title = context.lang == "ja"   ? name + "の周辺（" + hops + "ホップ）"
                            : context.lang == "vi" ? name + ": trong phạm vi " + hops + " bước"
                                                   : name + ": within " + hops + (options->radius == 1 ? " hop" : " hops");
                } else if (!options->path.empty()) {
                    const VertexId a = data.vertex(options->path[0]), b = data.vertex(options->path[1]);
                    const PathSet paths = all_shortest_paths(data.graph, a, b, PathQuery{filter, std::nullopt},
                                                             kHighlightedPaths);
                    if (paths.paths.empty()) {
                        throw UsageError("no connection between " + std::string(data.graph.entity_id(a)) + " and " +
                                         std::string(data.graph.entity_id(b)) + " under these filters: nothing to draw");
                    }
                    std::vector<VertexId> on_path;
                    for (const auto& p : paths.paths) {
                        on_path.insert(on_path.end(), p.vertices.begin(), p.vertices.end());
                        diagram.highlight_relations.insert(diagram.highlight_relations.end(), p.relations.begin(),
                                                           p.relations.end());
                    }
                    diagram.highlight_vertices = on_path;
                    scope = neighbourhood(data.graph, on_path, options->path_only ? 0 : options->radius, filter);
                    title = display_name(data.graph.entity(a), context.lang) + " — " +
                            display_name(data.graph.entity(b), context.lang);
                } else {
                    scope = whole_graph(data.graph, filter, options->isolated);
                    const std::string entities = std::to_string(scope.vertices.size());
                    const std::string relations = std::to_string(scope.relations.size());
                    title = context.lang == "ja"   ? "Kizuna：" + entities + "組織・" + relations + "関係"
                            : context.lang == "vi" ? "Kizuna: " + entities + " tổ chức, " + relations + " quan hệ"
                                                   : "Kizuna: " + entities + " entities, " + relations + " relations";
                }
                diagram.title = options->title.empty() ? title + filter_in_title(data.graph, filter, context.lang) : options->title;
                const std::string bytes = render_diagram(data.graph, scope, diagram, format);
                write_output(context, *options, format, bytes);
                if (!options->output.empty() && options->output != "-") {
                    context.e() << "wrote " << options->output << " (" << scope.vertices.size() << " entities, "
                                << scope.relations.size() << " relations)\n";
                }
            }};
}

}  // namespace kizuna::cli
