// kizuna ego ENTITY --radius N: the neighbourhood within N hops.
#include <CLI/CLI.hpp>

#include <ostream>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/core/json.h"
#include "kizuna/queries/ego.h"
#include "output.h"
#include "source_notes.h"
#include "table.h"

namespace kizuna::cli {

Command add_ego(CLI::App& app, Context& context) {
    struct Options {
        std::string entity;
        std::size_t radius = 1;
        FilterOptions filter;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("ego", "the neighbourhood of an entity within N hops");
    command->add_option("entity", options->entity, "id or any name or alias")->required()->type_name("ENTITY");
    command->add_option("--radius,-r", options->radius, "hops from the entity (default 1)")->type_name("N");
    options->filter.add_to(*command);
    command->footer("Draw it with: kizuna render --ego ENTITY --radius N -o ego.svg");
    return {command, [&context, options] {
                const Loaded data = load(context);
                const VertexId centre = data.vertex(options->entity);
                const Subgraph sub = ego_network(data.graph, centre, options->radius, options->filter.filter());
                const std::string centre_id(data.graph.entity_id(centre));
                if (context.format == OutputFormat::Json) {
                    nlohmann::json entities = nlohmann::json::array(), relations = nlohmann::json::array();
                    for (std::size_t i = 0; i < sub.vertices.size(); ++i) {
                        nlohmann::json e = data.graph.entity(sub.vertices[i]);
                        e["distance"] = sub.distance[i];
                        entities.push_back(std::move(e));
                    }
                    for (auto r : sub.relations) relations.push_back(data.graph.relation(r));
                    print_json(context, {{"centre", centre_id},
                                         {"radius", options->radius},
                                         {"entities", entities},
                                         {"relations", relations}});
                    return;
                }
                if (context.format == OutputFormat::Csv) {
                    std::vector<std::vector<std::string>> rows = {{"entity", "name", "kind", "country", "distance"}};
                    for (std::size_t i = 0; i < sub.vertices.size(); ++i) {
                        const Entity e = data.graph.entity(sub.vertices[i]);
                        rows.push_back({e.id, display_name(e, context.lang), e.kind, e.country,
                                        std::to_string(sub.distance[i])});
                    }
                    print_csv(context, rows);
                    return;
                }
                context.o() << "Within " << options->radius << (options->radius == 1 ? " hop" : " hops") << " of "
                            << display_name(data.graph.entity(centre), context.lang) << ": " << sub.vertices.size()
                            << (sub.vertices.size() == 1 ? " entity, " : " entities, ") << sub.relations.size()
                            << (sub.relations.size() == 1 ? " relation" : " relations") << "\n\n";
                Table entities({"hops", "entity", "kind", "country", "id"});
                std::vector<std::size_t> order(sub.vertices.size());
                for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
                std::stable_sort(order.begin(), order.end(),
                                 [&](std::size_t x, std::size_t y) { return sub.distance[x] < sub.distance[y]; });
                for (std::size_t i : order) {
                    const Entity e = data.graph.entity(sub.vertices[i]);
                    entities.add({std::to_string(sub.distance[i]), display_name(e, context.lang), e.kind, e.country, e.id});
                }
                entities.print(context.o());
                if (sub.relations.empty()) return;
                context.o() << '\n';
                SourceNotes notes;
                Table relations({"from", "relation", "to", "when", "source"});
                for (auto index : sub.relations) {
                    const Relation r = data.graph.relation(index);
                    const RelationType& type = data.graph.type(index);
                    relations.add({display_name(data.graph.entity(data.graph.from(index)), context.lang),
                                   display_label(type, context.lang) + (type.directed ? " →" : " ↔"),
                                   display_name(data.graph.entity(data.graph.to(index)), context.lang), when(r),
                                   notes.mark(r.sources)});
                }
                relations.print(context.o());
                notes.print(context.o());
            }};
}

}  // namespace kizuna::cli
