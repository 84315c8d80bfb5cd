// timeline: an entity's relations by date, or the starts and ends across the graph.
#include <ostream>

#include "source_notes.h"
#include "table.h"
#include "views.h"
#include "words.h"

namespace kizuna::cli {

namespace {

void print_relations(std::ostream& out, const EntityTimelineAnswer& answer, const std::vector<Relation>& list,
                     const std::string& lang, SourceNotes& notes) {
    const bool dated = answer.book.window.has_value();
    std::vector<std::string> header = {"start", "end", "relation", "", "partner"};
    if (dated) header.push_back("state");
    header.push_back("source");
    Table table(header, lang);
    for (const auto& r : list) {
        std::vector<std::string> cells = {r.start ? r.start->to_string() : tr("(undated)", lang),
                                          date_text(r.end), type_cell(answer.book, r, lang),
                                          arrow(answer.book.direction(r, answer.entity)),
                                          answer.book.name(other_end(r, answer.entity), lang)};
        if (dated) cells.push_back(state_text(answer.book, r, lang));
        cells.push_back(notes.mark(r.sources));
        table.add(cells);
    }
    table.print(out);
}

}  // namespace

void print_table(std::ostream& out, const EntityTimelineAnswer& answer, const std::string& lang) {
    out << tr("Timeline of {0}: {1} relations", lang,
              {answer.book.name(answer.entity, lang), std::to_string(answer.relations.size())})
        << "\n\n";
    SourceNotes notes;
    if (!answer.relations.empty()) print_relations(out, answer, answer.relations, lang, notes);
    if (!answer.date_unknown.empty()) {
        out << (answer.relations.empty() ? "" : "\n")
            << tr("Date unknown ({0}): no dates, so the date filter cannot place them", lang,
                  {std::to_string(answer.date_unknown.size())})
            << "\n\n";
        print_relations(out, answer, answer.date_unknown, lang, notes);
    }
    notes.print(out, lang);
    print_notes(out, answer_notes(answer, lang), lang);
}

std::vector<std::string> answer_notes(const EntityTimelineAnswer& answer, const std::string& lang) {
    return left_out_notes(answer.left_out, lang);
}

CsvRows csv_rows(const EntityTimelineAnswer& answer, const std::string& lang) {
    CsvRows rows = {{"start", "end", "relation", "type", "category", "direction", "partner", "partner_name",
                     "state", "attributes", "sources"}};
    for (const auto* list : {&answer.relations, &answer.date_unknown}) {
        for (const auto& r : *list) {
            const std::string partner = other_end(r, answer.entity);
            rows.push_back({date_text(r.start), date_text(r.end), r.id, r.type, answer.book.category(r),
                            answer.book.direction(r, answer.entity), partner, answer.book.name(partner, lang),
                            state_text(answer.book, r), attributes_text(r.attributes),
                            source_titles(r.sources)});
        }
    }
    return rows;
}

void print_table(std::ostream& out, const ChangesAnswer& answer, const std::string& lang) {
    out << tr("Changes", lang);
    if (answer.since) out << tr(" since {0}", lang, {answer.since->to_string()});
    if (answer.until) out << tr(" until {0}", lang, {answer.until->to_string()});
    out << ": " << answer.changes.size() << "\n\n";
    if (answer.changes.empty()) {
        print_notes(out, answer_notes(answer, lang), lang);
        return;
    }
    SourceNotes notes;
    Table table({"date", "", "from", "relation", "to", "source"}, lang);
    bool any_possibly = false;
    for (const auto& c : answer.changes) {
        const Relation& r = c.relation;
        any_possibly = any_possibly || c.possibly;
        table.add({c.date.to_string() + (c.possibly ? " *" : ""), tr(change_word(c.kind), lang),
                   answer.book.name(r.from, lang), directed_label(answer.book, r, lang),
                   answer.book.name(r.to, lang), notes.mark(r.sources)});
    }
    table.print(out);
    if (any_possibly)
        out << tr("* the date is coarser than the period: the change may lie outside it", lang) << '\n';
    notes.print(out, lang);
    print_notes(out, answer_notes(answer, lang), lang);
}

std::vector<std::string> answer_notes(const ChangesAnswer& answer, const std::string& lang) {
    if (answer.undated == 0) return {};
    return {say(lang,
                thousands(answer.undated) + (answer.undated == 1 ? " relation has" : " relations have") +
                    " no dates and cannot be placed in time",
                "{0} relations have no dates and cannot be placed in time", {thousands(answer.undated)})};
}

CsvRows csv_rows(const ChangesAnswer& answer, const std::string& lang) {
    CsvRows rows = {{"date", "change", "possibly", "relation", "type", "category", "from", "from_name", "to",
                     "to_name", "attributes", "sources"}};
    for (const auto& c : answer.changes) {
        const Relation& r = c.relation;
        rows.push_back({c.date.to_string(), change_word(c.kind), c.possibly ? "true" : "false", r.id, r.type,
                        answer.book.category(r), r.from, answer.book.name(r.from, lang), r.to,
                        answer.book.name(r.to, lang), attributes_text(r.attributes),
                        source_titles(r.sources)});
    }
    return rows;
}

}  // namespace kizuna::cli
