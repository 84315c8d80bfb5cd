// kizuna path FROM TO: how two entities are connected, relation by relation, with dates and sources.
#include <CLI/CLI.hpp>

#include <ostream>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/json.h"
#include "kizuna/queries/path.h"
#include "output.h"
#include "source_notes.h"

namespace kizuna::cli {

namespace {

constexpr std::size_t kDefaultSimpleHops = 4;

struct Options {
    std::string from, to;
    FilterOptions filter;
    bool all = false;
    std::size_t k = 0;
    std::size_t max_hops = 0;  // 0: no bound
    bool simple = false;
    std::size_t cap = 100;
};

PathSet find_paths(const Graph& graph, VertexId from, VertexId to, const Options& options) {
    PathQuery query;
    query.filter = options.filter.filter();
    if (options.max_hops > 0) query.max_hops = options.max_hops;
    if (options.simple) {
        const std::size_t hops = options.max_hops > 0 ? options.max_hops : kDefaultSimpleHops;
        return all_simple_paths(graph, from, to, query.filter, hops, options.cap);
    }
    if (options.all) return all_shortest_paths(graph, from, to, query, options.cap);
    if (options.k > 0) return PathSet{k_shortest_paths(graph, from, to, query, options.k), false};
    PathSet set;
    if (auto path = shortest_path(graph, from, to, query)) set.paths.push_back(std::move(*path));
    return set;
}

nlohmann::json path_json(const Graph& graph, const Path& path) {
    nlohmann::json nodes = nlohmann::json::array();
    for (VertexId v : path.vertices) nodes.push_back(std::string(graph.entity_id(v)));
    nlohmann::json relations = nlohmann::json::array();
    for (RelationIndex r : path.relations) relations.push_back(graph.relation(r));
    return {{"length", path.length()}, {"nodes", nodes}, {"relations", relations}};
}

void print_table(const Context& context, const Graph& graph, const Entity& from, const Entity& to, const PathSet& set,
                 const Options& options) {
    std::ostream& out = context.o();
    const std::string a = display_name(from, context.lang), b = display_name(to, context.lang);
    if (from.id == to.id) {
        out << a << " and " << b << " are the same entity (" << from.id << ")\n";
        return;
    }
    if (set.paths.empty()) {
        out << "no connection between " << a << " and " << b;
        if (options.max_hops > 0 || options.simple) out << " within the hop limit";
        out << " under these filters\n";
        return;
    }
    out << a << " — " << b << ": " << set.paths.size() << (set.paths.size() == 1 ? " path" : " paths") << "\n";
    SourceNotes notes;
    for (std::size_t i = 0; i < set.paths.size(); ++i) {
        const Path& path = set.paths[i];
        out << "\nPath " << i + 1 << " (" << path.length() << (path.length() == 1 ? " hop" : " hops") << ")\n";
        out << "  " << display_name(graph.entity(path.vertices[0]), context.lang) << '\n';
        for (std::size_t s = 0; s < path.relations.size(); ++s) {
            const Relation r = graph.relation(path.relations[s]);
            const RelationType& type = graph.type(path.relations[s]);
            const std::string here(graph.entity_id(path.vertices[s]));
            out << "    " << arrow(type, r, here) << ' ' << display_label(type, context.lang);
            if (const std::string dates = when(r); !dates.empty()) out << ", " << dates;
            out << "  " << notes.mark(r.sources) << "  (" << r.id << ")\n";
            // A caveat belongs to the evidence: say it where the relation is used.
            if (auto caveat = r.attributes.find("caveat"); caveat != r.attributes.end()) {
                out << "      caveat: " << caveat->second << '\n';
            }
            out << "  " << display_name(graph.entity(path.vertices[s + 1]), context.lang) << '\n';
        }
    }
    if (set.truncated) {
        out << "\nshowing the first " << set.paths.size() << " paths; more exist (raise --cap or add filters)\n";
    }
    notes.print(out);
}

}  // namespace

Command add_path(CLI::App& app, Context& context) {
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("path", "how two entities are connected (shortest paths, with evidence)");
    command->add_option("from", options->from, "id or any name or alias")->required()->type_name("FROM");
    command->add_option("to", options->to, "id or any name or alias")->required()->type_name("TO");
    options->filter.add_to(*command);
    auto* all = command->add_flag("--all", options->all, "every shortest path (up to --cap)");
    auto* k = command->add_option("--k", options->k, "the N shortest loopless paths (Yen's algorithm)")
                  ->check(CLI::PositiveNumber)
                  ->type_name("N");
    command->add_option("--max-hops", options->max_hops, "ignore connections longer than N relations")
        ->check(CLI::PositiveNumber)
        ->type_name("N");
    auto* simple = command->add_flag("--simple", options->simple,
                                     "every loopless path up to --max-hops relations (default 4), up to --cap");
    command->add_option("--cap", options->cap, "most paths to list with --all or --simple (default 100)")
        ->check(CLI::PositiveNumber)
        ->type_name("N");
    all->excludes(k)->excludes(simple);
    k->excludes(simple);
    command->footer("Relations are followed both ways unless --directed; each step shows the relation's own "
                    "direction (→ along, ← against, ↔ symmetric). No connection is an answer, not an error.");
    return {command, [&context, options] {
                const Loaded data = load(context);
                const VertexId from = data.vertex(options->from);
                const VertexId to = data.vertex(options->to);
                const PathSet set = find_paths(data.graph, from, to, *options);
                const Entity a = data.graph.entity(from), b = data.graph.entity(to);
                if (context.format == OutputFormat::Json) {
                    nlohmann::json paths = nlohmann::json::array();
                    for (const auto& path : set.paths) paths.push_back(path_json(data.graph, path));
                    print_json(context, {{"from", a.id}, {"to", b.id}, {"paths", paths}, {"truncated", set.truncated}});
                    return;
                }
                if (context.format == OutputFormat::Csv) {
                    std::vector<std::vector<std::string>> rows = {
                        {"path", "step", "from", "relation", "type", "direction", "to", "start", "end", "sources"}};
                    for (std::size_t i = 0; i < set.paths.size(); ++i) {
                        const Path& path = set.paths[i];
                        for (std::size_t s = 0; s < path.relations.size(); ++s) {
                            const Relation r = data.graph.relation(path.relations[s]);
                            const std::string here(data.graph.entity_id(path.vertices[s]));
                            rows.push_back({std::to_string(i + 1), std::to_string(s + 1), here, r.id, r.type,
                                            direction_word(data.graph.type(path.relations[s]), r, here),
                                            std::string(data.graph.entity_id(path.vertices[s + 1])),
                                            date_text(r.start), date_text(r.end), source_titles(r.sources)});
                        }
                    }
                    print_csv(context, rows);
                    return;
                }
                print_table(context, data.graph, a, b, set, *options);
            }};
}

}  // namespace kizuna::cli
