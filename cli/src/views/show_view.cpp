// show: an entity's fields and relations, or a relation's ends, dates, attributes and sources.
#include <algorithm>
#include <ostream>
#include <utility>
#include <vector>

#include "kizuna/core/vocabulary.h"
#include "source_notes.h"
#include "table.h"
#include "views.h"
#include "words.h"

namespace kizuna::cli {

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// Labelled values, each value in one column after the longest label (attribute names included); empty
// values left out.
void print_fields(std::ostream& out, const Fields& lines) {
    std::size_t width = 0;
    for (const auto& [label, value] : lines) {
        if (!value.empty()) width = std::max(width, display_width(label));  // in cells: 種別, tên tiếng Anh
    }
    for (const auto& [label, value] : lines) {
        if (!value.empty())
            out << "  " << label << std::string(width + 2 - display_width(label), ' ') << value << '\n';
    }
}

}  // namespace

void print_table(std::ostream& out, const EntityAnswer& answer, const std::string& lang) {
    const Entity& e = answer.entity;
    SourceNotes notes;
    out << display_name(e, lang) << "  (" << e.id << ")\n";
    std::string aliases;
    for (const auto& alias : e.aliases) aliases += (aliases.empty() ? "" : ", ") + alias;
    Fields lines = {{tr("kind", lang), lang == "en" ? e.kind : answer.book.kind_name(e.kind, lang)},
                    {tr("country", lang), lang == "en" ? e.country : country_name(e.country, lang)},
                    {tr("English", lang), e.names.en},
                    {tr("Japanese", lang), e.names.ja},
                    {tr("Vietnamese", lang), e.names.vi},
                    {tr("aliases", lang), aliases}};
    for (const auto& [key, value] : e.attributes) lines.emplace_back(key, value);
    lines.emplace_back(tr("sources", lang), notes.mark(e.sources));
    print_fields(out, lines);
    out << '\n';
    if (answer.relations.empty()) {
        out << tr("no relations", lang) << '\n';
    } else {
        Table table({"relation", "", "partner", "when", "source", "id"}, lang);
        for (const auto& r : answer.relations) {
            table.add({type_cell(answer.book, r, lang), arrow(answer.book.direction(r, e.id)),
                       answer.book.name(other_end(r, e.id), lang), when(r), notes.mark(r.sources), r.id});
        }
        table.print(out);
        out << tr("(a relation's attributes: kizuna show RELATION-ID)", lang) << '\n';
    }
    notes.print(out, lang);
}

CsvRows csv_rows(const EntityAnswer& answer, const std::string& lang) {
    CsvRows rows = {{"relation", "type", "category", "direction", "partner", "partner_name", "start", "end",
                     "attributes", "sources"}};
    const std::string& self = answer.entity.id;
    for (const auto& r : answer.relations) {
        const std::string partner = other_end(r, self);
        rows.push_back({r.id, r.type, answer.book.category(r), answer.book.direction(r, self), partner,
                        answer.book.name(partner, lang), date_text(r.start), date_text(r.end),
                        attributes_text(r.attributes), source_titles(r.sources)});
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
    const std::string category = answer.book.category(r);
    Fields lines = {{tr("type", lang),
                     label + " (" + r.type +
                         (type != nullptr && !type->directed ? ", " + tr("symmetric", lang) : "") + ")"},
                    {tr("category", lang), lang == "en" ? category : category_name(category, lang)},
                    {tr("from", lang), named(r.from)},
                    {tr("to", lang), named(r.to)},
                    {tr("start", lang), date_text(r.start)},
                    {tr("end", lang), date_text(r.end)}};
    for (const auto& [key, value] : r.attributes) lines.emplace_back(key, value);
    SourceNotes notes;
    lines.emplace_back(tr("sources", lang), notes.mark(r.sources));
    out << label << "  (" << r.id << ")\n";
    print_fields(out, lines);
    notes.print(out, lang);
}

CsvRows csv_rows(const RelationAnswer& answer, const std::string& lang) {
    const Relation& r = answer.relation;
    CsvRows rows = {{"field", "value"},
                    {"id", r.id},
                    {"type", r.type},
                    {"category", answer.book.category(r)},
                    {"from", r.from},
                    {"from_name", answer.book.name(r.from, lang)},
                    {"to", r.to},
                    {"to_name", answer.book.name(r.to, lang)},
                    {"start", date_text(r.start)},
                    {"end", date_text(r.end)}};
    for (const auto& [key, value] : r.attributes) rows.push_back({key, value});
    rows.push_back({"sources", source_titles(r.sources)});
    return rows;
}

}  // namespace kizuna::cli
