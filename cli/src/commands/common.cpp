// kizuna common A B: entities that both A and B are related to, with the relations on each side.
#include <CLI/CLI.hpp>

#include <ostream>

#include "commands.h"
#include "kizuna/core/errors.h"
#include "filter_options.h"
#include "kizuna/core/json.h"
#include "kizuna/queries/partners.h"
#include "output.h"
#include "source_notes.h"
#include "table.h"

namespace kizuna::cli {

namespace {

// "MOU ↔ 2024-11-15 – [1]; …" for the relations between an entity and the common partner.
std::string relations_cell(const Context& context, const Graph& graph, const std::vector<RelationIndex>& relations,
                           const std::string& viewpoint, SourceNotes& notes) {
    std::string text;
    for (RelationIndex index : relations) {
        const Relation r = graph.relation(index);
        const RelationType& type = graph.type(index);
        if (!text.empty()) text += "; ";
        text += arrow(type, r, viewpoint) + " " + display_label(type, context.lang);
        if (r.start) text += " " + r.start->to_string();
        text += " " + notes.mark(r.sources);
    }
    return text;
}

}  // namespace

Command add_common(CLI::App& app, Context& context) {
    struct Options {
        std::string a, b;
        FilterOptions filter;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("common", "entities that both A and B are related to");
    command->add_option("a", options->a, "id or any name or alias")->required()->type_name("A");
    command->add_option("b", options->b, "id or any name or alias")->required()->type_name("B");
    options->filter.add_to(*command, false);
    return {command, [&context, options] {
                const Loaded data = load(context);
                const VertexId a = data.vertex(options->a), b = data.vertex(options->b);
                if (a == b) {
                    const std::string id(data.graph.entity_id(a));
                    throw UsageError("'" + options->a + "' and '" + options->b + "' are the same entity (" + id +
                                     "): its partners are `kizuna partners " + id + "`");
                }
                const auto shared = common_partners(data.graph, a, b, options->filter.filter());
                const std::string a_id(data.graph.entity_id(a)), b_id(data.graph.entity_id(b));
                if (context.format == OutputFormat::Json) {
                    nlohmann::json list = nlohmann::json::array();
                    for (const auto& c : shared) {
                        nlohmann::json with_a = nlohmann::json::array(), with_b = nlohmann::json::array();
                        for (auto r : c.with_a) with_a.push_back(data.graph.relation(r));
                        for (auto r : c.with_b) with_b.push_back(data.graph.relation(r));
                        list.push_back({{"entity", data.graph.entity(c.partner)}, {"with_a", with_a}, {"with_b", with_b}});
                    }
                    print_json(context, {{"a", a_id}, {"b", b_id}, {"common", list}});
                    return;
                }
                if (context.format == OutputFormat::Csv) {
                    std::vector<std::vector<std::string>> rows = {{"entity", "name", "side", "relation", "type",
                                                                   "start", "end", "sources"}};
                    for (const auto& c : shared) {
                        const Entity e = data.graph.entity(c.partner);
                        auto add = [&](const std::string& side, RelationIndex index) {
                            const Relation r = data.graph.relation(index);
                            rows.push_back({e.id, display_name(e, context.lang), side, r.id, r.type,
                                            date_text(r.start), date_text(r.end), source_titles(r.sources)});
                        };
                        for (auto r : c.with_a) add(a_id, r);
                        for (auto r : c.with_b) add(b_id, r);
                    }
                    print_csv(context, rows);
                    return;
                }
                const std::string a_name = display_name(data.graph.entity(a), context.lang);
                const std::string b_name = display_name(data.graph.entity(b), context.lang);
                context.o() << "Related to both " << a_name << " and " << b_name << ": " << shared.size() << "\n";
                if (shared.empty()) return;
                context.o() << '\n';
                SourceNotes notes;
                Table table({"entity", "with " + a_name, "with " + b_name});
                for (const auto& c : shared) {
                    const Entity e = data.graph.entity(c.partner);
                    table.add({display_name(e, context.lang),
                               relations_cell(context, data.graph, c.with_a, e.id, notes),
                               relations_cell(context, data.graph, c.with_b, e.id, notes)});
                }
                table.print(context.o(), 60);
                notes.print(context.o());
            }};
}

}  // namespace kizuna::cli
