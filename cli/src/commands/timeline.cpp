// kizuna timeline [ENTITY]: an entity's relations in date order, or what changed across the whole graph
// between --since and --until.
#include <CLI/CLI.hpp>

#include <ostream>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/core/json.h"
#include "kizuna/queries/timeline.h"
#include "output.h"
#include "source_notes.h"
#include "table.h"

namespace kizuna::cli {

namespace {

void print_entity_timeline(const Context& context, const Loaded& data, VertexId v, const RelationFilter& filter) {
    const auto relations = entity_timeline(data.graph, v, filter);
    const Entity self = data.graph.entity(v);
    auto partner_of = [&](RelationIndex r) {
        return data.graph.from(r) == v ? data.graph.to(r) : data.graph.from(r);
    };
    if (context.format == OutputFormat::Json) {
        nlohmann::json list = nlohmann::json::array();
        for (auto r : relations) list.push_back(data.graph.relation(r));
        print_json(context, {{"entity", self.id}, {"relations", list}});
        return;
    }
    if (context.format == OutputFormat::Csv) {
        std::vector<std::vector<std::string>> rows = {
            {"start", "end", "relation", "type", "direction", "partner", "sources"}};
        for (auto index : relations) {
            const Relation r = data.graph.relation(index);
            rows.push_back({date_text(r.start), date_text(r.end), r.id, r.type,
                            direction_word(data.graph.type(index), r, self.id),
                            std::string(data.graph.entity_id(partner_of(index))), source_titles(r.sources)});
        }
        print_csv(context, rows);
        return;
    }
    context.o() << "Timeline of " << display_name(self, context.lang) << ": " << relations.size() << " relations\n\n";
    if (relations.empty()) return;
    SourceNotes notes;
    Table table({"start", "end", "relation", "", "partner", "source"});
    for (auto index : relations) {
        const Relation r = data.graph.relation(index);
        const RelationType& type = data.graph.type(index);
        table.add({r.start ? r.start->to_string() : "(undated)", date_text(r.end), display_label(type, context.lang),
                   arrow(type, r, self.id), display_name(data.graph.entity(partner_of(index)), context.lang),
                   notes.mark(r.sources)});
    }
    table.print(context.o());
    notes.print(context.o());
}

void print_changes(const Context& context, const Loaded& data, const RelationFilter& filter) {
    const auto changes = changes_between(data.graph, filter.since, filter.until, filter);
    auto word = [](Change::Kind kind) { return kind == Change::Kind::Started ? "started" : "ended"; };
    if (context.format == OutputFormat::Json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& c : changes) {
            list.push_back({{"change", word(c.kind)}, {"date", c.date.to_string()},
                            {"relation", data.graph.relation(c.relation)}});
        }
        print_json(context, {{"since", filter.since ? nlohmann::json(filter.since->to_string()) : nlohmann::json()},
                             {"until", filter.until ? nlohmann::json(filter.until->to_string()) : nlohmann::json()},
                             {"changes", list}});
        return;
    }
    if (context.format == OutputFormat::Csv) {
        std::vector<std::vector<std::string>> rows = {{"date", "change", "relation", "type", "from", "to", "sources"}};
        for (const auto& c : changes) {
            const Relation r = data.graph.relation(c.relation);
            rows.push_back({c.date.to_string(), word(c.kind), r.id, r.type, r.from, r.to, source_titles(r.sources)});
        }
        print_csv(context, rows);
        return;
    }
    context.o() << "Changes";
    if (filter.since) context.o() << " since " << filter.since->to_string();
    if (filter.until) context.o() << " until " << filter.until->to_string();
    context.o() << ": " << changes.size() << "\n\n";
    if (changes.empty()) return;
    SourceNotes notes;
    Table table({"date", "", "from", "relation", "to", "source"});
    for (const auto& c : changes) {
        const Relation r = data.graph.relation(c.relation);
        const RelationType& type = data.graph.type(c.relation);
        table.add({c.date.to_string(), word(c.kind), display_name(data.graph.entity(data.graph.from(c.relation)), context.lang),
                   display_label(type, context.lang) + (type.directed ? " →" : " ↔"),
                   display_name(data.graph.entity(data.graph.to(c.relation)), context.lang), notes.mark(r.sources)});
    }
    table.print(context.o());
    notes.print(context.o());
}

}  // namespace

Command add_timeline(CLI::App& app, Context& context) {
    struct Options {
        std::string entity;
        FilterOptions filter;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("timeline", "an entity's relations in date order, or what changed when");
    command->add_option("entity", options->entity, "id or any name or alias; omit it for the whole graph")
        ->type_name("ENTITY");
    options->filter.add_to(*command, false);
    command->footer("Examples:\n  kizuna timeline vn-moh\n"
                    "  kizuna timeline --since 2019            relations that started or ended in 2019 or later\n"
                    "  kizuna timeline --since 2014 --until 2020 --type acquisition");
    return {command, [&context, options] {
                const Loaded data = load(context);
                const RelationFilter filter = options->filter.filter();
                if (options->entity.empty()) {
                    print_changes(context, data, filter);
                } else {
                    print_entity_timeline(context, data, data.vertex(options->entity), filter);
                }
            }};
}

}  // namespace kizuna::cli
