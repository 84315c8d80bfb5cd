// partners: one line per relation, the partner first.
#include <ostream>

#include "source_notes.h"
#include "table.h"
#include "views.h"

namespace kizuna::cli {

void print_table(std::ostream& out, const PartnersAnswer& answer, const std::string& lang) {
    const Entity& self = answer.entity;
    out << "Partners of " << display_name(self, lang) << " (" << self.id << "): " << answer.rows.size()
        << (answer.rows.size() == 1 ? " relation" : " relations") << "\n\n";
    if (answer.rows.empty()) return;
    SourceNotes notes;
    Table table({"partner", "country", "relation", "", "when", "source", "relation id"});
    for (const auto& row : answer.rows) {
        const Entity& partner = *answer.book.entity(row.partner);
        const Relation& r = row.relation;
        table.add({display_name(partner, lang), partner.country, answer.book.label(r.type, lang),
                   arrow(row.direction), when(r), notes.mark(r.sources), r.id});
    }
    table.print(out);
    notes.print(out);
}

CsvRows csv_rows(const PartnersAnswer& answer, const std::string& lang) {
    CsvRows rows = {{"partner", "partner_name", "country", "kind", "relation", "type", "direction", "start",
                     "end", "sources"}};
    for (const auto& row : answer.rows) {
        const Entity& partner = *answer.book.entity(row.partner);
        const Relation& r = row.relation;
        rows.push_back({partner.id, display_name(partner, lang), partner.country, partner.kind, r.id, r.type,
                        row.direction, date_text(r.start), date_text(r.end), source_titles(r.sources)});
    }
    return rows;
}

}  // namespace kizuna::cli
