// show: an entity's fields and relations, or a relation's ends, dates, attributes and sources.
#include <algorithm>
#include <ostream>
#include <utility>
#include <vector>

#include "source_notes.h"
#include "table.h"
#include "views.h"

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
        if (!value.empty())
            out << "  " << label << std::string(width + 2 - label.size(), ' ') << value << '\n';
    }
}

}  // namespace

void print_table(std::ostream& out, const EntityAnswer& answer, const std::string& lang) {
    const Entity& e = answer.entity;
    SourceNotes notes;
    out << display_name(e, lang) << "  (" << e.id << ")\n";
    std::string aliases;
    for (const auto& alias : e.aliases) aliases += (aliases.empty() ? "" : ", ") + alias;
    Fields lines = {{"kind", e.kind},         {"country", e.country},     {"English", e.names.en},
                    {"Japanese", e.names.ja}, {"Vietnamese", e.names.vi}, {"aliases", aliases}};
    for (const auto& [key, value] : e.attributes) lines.emplace_back(key, value);
    lines.emplace_back("sources", notes.mark(e.sources));
    print_fields(out, lines);
    out << '\n';
    if (answer.relations.empty()) {
        out << "no relations\n";
    } else {
        Table table({"relation", "", "partner", "when", "source", "id"});
        for (const auto& r : answer.relations) {
            table.add({type_cell(answer.book, r, lang), arrow(answer.book.direction(r, e.id)),
                       answer.book.name(other_end(r, e.id), lang), when(r), notes.mark(r.sources), r.id});
        }
        table.print(out);
        out << "(a relation's attributes: kizuna show RELATION-ID)\n";
    }
    notes.print(out);
}

CsvRows csv_rows(const EntityAnswer& answer, const std::string&) {
    CsvRows rows = {{"relation", "type", "category", "direction", "partner", "start", "end", "sources"}};
    const std::string& self = answer.entity.id;
    for (const auto& r : answer.relations) {
        rows.push_back({r.id, r.type, answer.book.category(r), answer.book.direction(r, self),
                        other_end(r, self), date_text(r.start), date_text(r.end), source_titles(r.sources)});
    }
    return rows;
}

void print_table(std::ostream& out, const RelationAnswer& answer, const std::string& lang) {
    const Relation& r = answer.relation;
    const RelationType* type = answer.book.type(r.type);
    const std::string label = answer.book.label(r.type, lang);
    auto named = [&](const std::string& id) {
        return answer.book.entity(id) != nullptr ? answer.book.name(id, lang) + " (" + id + ")" : id;
    };
    Fields lines = {
        {"type", label + " (" + r.type + (type != nullptr && !type->directed ? ", symmetric" : "") + ")"},
        {"category", answer.book.category(r)},
        {"from", named(r.from)},
        {"to", named(r.to)},
        {"start", date_text(r.start)},
        {"end", date_text(r.end)}};
    for (const auto& [key, value] : r.attributes) lines.emplace_back(key, value);
    SourceNotes notes;
    lines.emplace_back("sources", notes.mark(r.sources));
    out << label << "  (" << r.id << ")\n";
    print_fields(out, lines);
    notes.print(out);
}

CsvRows csv_rows(const RelationAnswer& answer, const std::string&) {
    const Relation& r = answer.relation;
    CsvRows rows = {{"field", "value"},
                    {"id", r.id},
                    {"type", r.type},
                    {"category", answer.book.category(r)},
                    {"from", r.from},
                    {"to", r.to},
                    {"start", date_text(r.start)},
                    {"end", date_text(r.end)}};
    for (const auto& [key, value] : r.attributes) rows.push_back({key, value});
    rows.push_back({"sources", source_titles(r.sources)});
    return rows;
}

}  // namespace kizuna::cli
