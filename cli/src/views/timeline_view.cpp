// timeline: an entity's relations by date, or the starts and ends across the graph.
#include <ostream>

#include "source_notes.h"
#include "table.h"
#include "views.h"

namespace kizuna::cli {

void print_table(std::ostream& out, const EntityTimelineAnswer& answer, const std::string& lang) {
    out << "Timeline of " << answer.book.name(answer.entity, lang) << ": " << answer.relations.size()
        << " relations\n\n";
    if (answer.relations.empty()) return;
    SourceNotes notes;
    Table table({"start", "end", "relation", "", "partner", "source"});
    for (const auto& r : answer.relations) {
        table.add({r.start ? r.start->to_string() : "(undated)", date_text(r.end),
                   answer.book.label(r.type, lang), arrow(answer.book.direction(r, answer.entity)),
                   answer.book.name(other_end(r, answer.entity), lang), notes.mark(r.sources)});
    }
    table.print(out);
    notes.print(out);
}

CsvRows csv_rows(const EntityTimelineAnswer& answer, const std::string&) {
    CsvRows rows = {{"start", "end", "relation", "type", "direction", "partner", "sources"}};
    for (const auto& r : answer.relations) {
        rows.push_back({date_text(r.start), date_text(r.end), r.id, r.type,
                        answer.book.direction(r, answer.entity), other_end(r, answer.entity),
                        source_titles(r.sources)});
    }
    return rows;
}

void print_table(std::ostream& out, const ChangesAnswer& answer, const std::string& lang) {
    out << "Changes";
    if (answer.since) out << " since " << answer.since->to_string();
    if (answer.until) out << " until " << answer.until->to_string();
    out << ": " << answer.changes.size() << "\n\n";
    if (answer.changes.empty()) return;
    SourceNotes notes;
    Table table({"date", "", "from", "relation", "to", "source"});
    for (const auto& c : answer.changes) {
        const Relation& r = c.relation;
        table.add({c.date.to_string(), change_word(c.kind), answer.book.name(r.from, lang),
                   directed_label(answer.book, r, lang), answer.book.name(r.to, lang),
                   notes.mark(r.sources)});
    }
    table.print(out);
    notes.print(out);
}

CsvRows csv_rows(const ChangesAnswer& answer, const std::string&) {
    CsvRows rows = {{"date", "change", "relation", "type", "from", "to", "sources"}};
    for (const auto& c : answer.changes) {
        const Relation& r = c.relation;
        rows.push_back(
            {c.date.to_string(), change_word(c.kind), r.id, r.type, r.from, r.to, source_titles(r.sources)});
    }
    return rows;
}

}  // namespace kizuna::cli
