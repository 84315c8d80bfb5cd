// changes: per category, each relation that began, ended or changed state between the two dates, then
// how the groups changed (the view of communities --by-year).
#include <ostream>

#include "source_notes.h"
#include "table.h"
#include "views.h"
#include "words.h"

namespace kizuna::cli {

namespace {

std::string ends_cell(const StateChangesAnswer& answer, const Relation& r, const std::string& lang) {
    return answer.book.name(r.from, lang) + " " + arrow(answer.book.direction(r, r.from)) + " " +
           answer.book.name(r.to, lang);
}

std::string change_cell(const StateChangeRow& row, const std::string& lang) {
    std::string text;
    for (const auto& word : change_words(row)) text += (text.empty() ? "" : tr(", ", lang)) + tr(word, lang);
    return text;
}

}  // namespace

void print_table(std::ostream& out, const StateChangesAnswer& answer, const std::string& lang) {
    const std::string who = answer.entity ? answer.book.name(*answer.entity, lang) : "";
    out << (who.empty() ? tr("Changes from {0} to {1}", lang, {answer.from, answer.to})
                        : tr("Changes of {2} from {0} to {1}", lang, {answer.from, answer.to, who}))
        << '\n';
    if (answer.categories.empty()) out << tr("no relation began, ended or changed state", lang) << '\n';
    SourceNotes notes;
    for (const auto& category : answer.categories) {
        out << '\n' << tr(category.category, lang) << '\n';
        // The two dates head the columns of the states there.
        Table table({"change", "type", "between", "dates", answer.from, answer.to, "sources"}, lang);
        for (const auto& row : category.rows) {
            const Relation& r = row.relation;
            table.add({change_cell(row, lang), answer.book.label(r.type, lang), ends_cell(answer, r, lang),
                       when(r), tr(activity_words(row.before), lang), tr(activity_words(row.after), lang),
                       notes.mark(r.sources)});
        }
        table.print(out);
    }
    notes.print(out, lang);
    out << '\n' << tr("Groups", lang) << ' ';
    print_table(out, answer.groups, lang);
    print_notes(out, answer_notes(answer, lang), lang);
}

std::vector<std::string> answer_notes(const StateChangesAnswer& answer, const std::string& lang) {
    if (answer.undated == 0) return {};
    if (answer.undated == 1 && lang == "en")
        return {"1 relation of unknown date may have changed at any time; not listed"};
    return {tr("{0} relations of unknown date may have changed at any time; not listed", lang,
               {thousands(answer.undated)})};
}

CsvRows csv_rows(const StateChangesAnswer& answer, const std::string& lang) {
    CsvRows rows = {{"category", "change", "relation", "type", "from", "from_name", "to", "to_name", "start",
                     "end", "state_from", "state_to", "sources"}};
    for (const auto& category : answer.categories) {
        for (const auto& row : category.rows) {
            const Relation& r = row.relation;
            rows.push_back({category.category, change_cell(row, "en"), r.id, r.type, r.from,
                            answer.book.name(r.from, lang), r.to, answer.book.name(r.to, lang),
                            date_text(r.start), date_text(r.end), activity_key(row.before),
                            activity_key(row.after), source_titles(r.sources)});
        }
    }
    return rows;
}

}  // namespace kizuna::cli
