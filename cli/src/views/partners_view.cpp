// partners: one line per relation, the partner first.
#include <ostream>

#include "kizuna/core/vocabulary.h"
#include "source_notes.h"
#include "table.h"
#include "views.h"
#include "words.h"

namespace kizuna::cli {

namespace {

void print_rows(std::ostream& out, const PartnersAnswer& answer, const std::vector<PartnerRow>& rows,
                const std::string& lang, SourceNotes& notes) {
    const bool dated = answer.book.window.has_value();
    std::vector<std::string> header = {"partner", "country", "relation", "", "when"};
    if (dated) header.push_back("state");
    for (const char* column : {"source", "relation id"}) header.push_back(column);
    Table table(header, lang);
    for (const auto& row : rows) {
        const Entity& partner = *answer.book.entity(row.partner);
        const Relation& r = row.relation;
        std::vector<std::string> cells = {
            display_name(partner, lang), lang == "en" ? partner.country : country_name(partner.country, lang),
            type_cell(answer.book, r, lang), arrow(row.direction), when(r)};
        if (dated) cells.push_back(state_text(answer.book, r, lang));
        cells.push_back(notes.mark(r.sources));
        cells.push_back(r.id);
        table.add(cells);
    }
    table.print(out);
}

}  // namespace

void print_table(std::ostream& out, const PartnersAnswer& answer, const std::string& lang) {
    const Entity& self = answer.entity;
    const std::string name = display_name(self, lang), count = std::to_string(answer.rows.size());
    out << say(lang,
               "Partners of " + name + " (" + self.id + "): " + count +
                   (answer.rows.size() == 1 ? " relation" : " relations"),
               "Partners of {0} ({1}): {2} relations", {name, self.id, count})
        << "\n\n";
    SourceNotes notes;
    if (!answer.rows.empty()) print_rows(out, answer, answer.rows, lang, notes);
    if (!answer.date_unknown.empty()) {
        out << (answer.rows.empty() ? "" : "\n")
            << tr("Date unknown ({0}): no dates, so the date filter cannot say whether they were active",
                  lang, {std::to_string(answer.date_unknown.size())})
            << "\n\n";
        print_rows(out, answer, answer.date_unknown, lang, notes);
    }
    notes.print(out, lang);
    print_notes(out, answer_notes(answer, lang), lang);
}

std::vector<std::string> answer_notes(const PartnersAnswer& answer, const std::string& lang) {
    return left_out_notes(answer.left_out, lang);
}

CsvRows csv_rows(const PartnersAnswer& answer, const std::string& lang) {
    CsvRows rows = {{"partner", "partner_name", "country", "kind", "relation", "type", "category",
                     "direction", "start", "end", "state", "attributes", "sources"}};
    for (const auto* list : {&answer.rows, &answer.date_unknown}) {
        for (const auto& row : *list) {
            const Entity& partner = *answer.book.entity(row.partner);
            const Relation& r = row.relation;
            rows.push_back({partner.id, display_name(partner, lang), partner.country, partner.kind, r.id,
                            r.type, answer.book.category(r), row.direction, date_text(r.start),
                            date_text(r.end), state_text(answer.book, r), attributes_text(r.attributes),
                            source_titles(r.sources)});
        }
    }
    return rows;
}

}  // namespace kizuna::cli
