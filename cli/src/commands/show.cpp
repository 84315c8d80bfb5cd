// kizuna show ENTITY: the entity with every name, attribute and source, and all its relations.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <ostream>
#include <tuple>
#include <utility>
#include <vector>

#include "commands.h"
#include "kizuna/core/json.h"
#include "kizuna/queries/partners.h"
#include "output.h"
#include "source_notes.h"
#include "table.h"

namespace kizuna::cli {

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// Labelled values, each value in one column after the longest label (attribute names included); empty
// values left out.
void print_fields(std::ostream& out, const Fields& lines) {
    std::size_t width = 0;
    for (const auto& [label, value] : lines) {
        if (!value.empty()) width = std::max(width, label.size());
    }
    for (const auto& [label, value] : lines) {
        if (!value.empty()) out << "  " << label << std::string(width + 2 - label.size(), ' ') << value << '\n';
    }
}

void print_entity(const Context& context, const Entity& e, SourceNotes& notes) {
    std::ostream& out = context.o();
    out << display_name(e, context.lang) << "  (" << e.id << ")\n";
    std::string aliases;
    for (const auto& alias : e.aliases) aliases += (aliases.empty() ? "" : ", ") + alias;
    Fields lines = {{"kind", e.kind},        {"country", e.country},   {"English", e.names.en},
                    {"Japanese", e.names.ja}, {"Vietnamese", e.names.vi}, {"aliases", aliases}};
    for (const auto& [key, value] : e.attributes) lines.emplace_back(key, value);
    lines.emplace_back("sources", notes.mark(e.sources));
    print_fields(out, lines);
}

// A relation by its id: its ends, dates, attributes (an MOU's areas, a stake …) and sources.
void show_relation(const Context& context, const Store& store, const Relation& r) {
    if (context.format == OutputFormat::Json) {
        print_json(context, {{"relation", r}});
        return;
    }
    if (context.format == OutputFormat::Csv) {  // ids, not names: for scripts
        std::vector<std::vector<std::string>> rows = {{"field", "value"}, {"id", r.id},   {"type", r.type},
                                                      {"from", r.from},   {"to", r.to},   {"start", date_text(r.start)},
                                                      {"end", date_text(r.end)}};
        for (const auto& [key, value] : r.attributes) rows.push_back({key, value});
        rows.push_back({"sources", source_titles(r.sources)});
        print_csv(context, rows);
        return;
    }
    const auto type = store.relation_type(r.type);
    const std::string label = type ? display_label(*type, context.lang) : r.type;
    auto named = [&](const std::string& id) {
        const auto entity = store.entity(id);
        return entity ? display_name(*entity, context.lang) + " (" + id + ")" : id;
    };
    Fields lines = {{"type", label + " (" + r.type + (type && !type->directed ? ", symmetric" : "") + ")"},
                    {"from", named(r.from)},
                    {"to", named(r.to)},
                    {"start", date_text(r.start)},
                    {"end", date_text(r.end)}};
    for (const auto& [key, value] : r.attributes) lines.emplace_back(key, value);
    SourceNotes notes;
    lines.emplace_back("sources", notes.mark(r.sources));
    context.o() << label << "  (" << r.id << ")\n";
    print_fields(context.o(), lines);
    notes.print(context.o());
}

}  // namespace

Command add_show(CLI::App& app, Context& context) {
    auto name = std::make_shared<std::string>();
    auto* command = app.add_subcommand("show", "an entity with its names, attributes, sources and all relations");
    command->add_option("entity", *name, "id or any name or alias; or a relation id (its attributes and sources)")
        ->required()
        ->type_name("ENTITY");
    return {command, [&context, name] {
                const Loaded data = load(context);
                const Store& store = data.store;
                if (!store.entity(*name)) {
                    if (const auto relation = store.relation(*name)) {
                        show_relation(context, store, *relation);
                        return;
                    }
                }
                const VertexId v = data.vertex(*name);
                const Entity entity = data.graph.entity(v);
                // The entity's relations from its row of the graph (the store keeps no index by endpoint),
                // dated ones first, in date order (ISO text: a year before its months), then by id.
                std::vector<Relation> relations;
                for (const auto& link : partners(data.graph, v, {})) relations.push_back(data.graph.relation(link.relation));
                auto key = [](const Relation& r) {
                    return std::make_tuple(!r.start.has_value(), r.start ? r.start->to_string() : std::string(), r.id);
                };
                std::sort(relations.begin(), relations.end(),
                          [&](const Relation& a, const Relation& b) { return key(a) < key(b); });
                std::map<std::string, RelationType> types;
                for (auto& type : store.relation_types()) types.emplace(type.id, type);
                if (context.format == OutputFormat::Json) {
                    print_json(context, {{"entity", entity}, {"relations", relations}});
                    return;
                }
                auto other = [&](const Relation& r) { return r.from == entity.id ? r.to : r.from; };
                if (context.format == OutputFormat::Csv) {
                    std::vector<std::vector<std::string>> rows = {
                        {"relation", "type", "direction", "partner", "start", "end", "sources"}};
                    for (const auto& r : relations) {
                        rows.push_back({r.id, r.type, direction_word(types.at(r.type), r, entity.id), other(r),
                                        date_text(r.start), date_text(r.end), source_titles(r.sources)});
                    }
                    print_csv(context, rows);
                    return;
                }
                SourceNotes notes;
                print_entity(context, entity, notes);
                context.o() << '\n';
                if (relations.empty()) {
                    context.o() << "no relations\n";
                } else {
                    Table table({"relation", "", "partner", "when", "source", "id"});
                    for (const auto& r : relations) {
                        const RelationType& type = types.at(r.type);
                        const auto partner = store.entity(other(r));
                        table.add({display_label(type, context.lang), arrow(type, r, entity.id),
                                   partner ? display_name(*partner, context.lang) : other(r), when(r),
                                   notes.mark(r.sources), r.id});
                    }
                    table.print(context.o());
                    context.o() << "(a relation's attributes: kizuna show RELATION-ID)\n";
                }
                notes.print(context.o());
            }};
}

}  // namespace kizuna::cli
