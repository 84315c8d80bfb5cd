// list: entities with their kind, country and the attributes the conditions matched; or relations with
// both ends.
#include <ostream>

#include "kizuna/core/text.h"
#include "kizuna/core/vocabulary.h"
#include "source_notes.h"
#include "table.h"
#include "views.h"
#include "words.h"

namespace kizuna::cli {

namespace {

// The attributes the --where conditions matched ("city: Hanoi"), to show why an entity is listed.
std::string matched_text(const EntityListAnswer& answer, const std::string& id) {
    std::string text;
    const auto found = answer.matched.find(id);
    if (found == answer.matched.end()) return text;
    for (const auto& [name, value] : found->second) text += (text.empty() ? "" : "; ") + name + ": " + value;
    return text;
}

}  // namespace

void print_table(std::ostream& out, const EntityListAnswer& answer, const std::string& lang) {
    const std::string count = std::to_string(answer.entities.size());
    out << say(lang, count + (answer.entities.size() == 1 ? " entity" : " entities"), "{0} entities", {count})
        << "\n";
    if (answer.entities.empty()) return;
    out << '\n';
    std::vector<std::string> header = {"name", "kind", "country", "id"};
    if (!answer.where.empty()) header.push_back("matched");
    Table table(header, lang);
    for (const auto& id : answer.entities) {
        const Entity& e = *answer.book.entity(id);
        std::vector<std::string> cells = {display_name(e, lang), answer.book.kind_name(e.kind, lang),
                                          lang == "en" ? e.country : country_name(e.country, lang), e.id};
        if (!answer.where.empty()) cells.push_back(matched_text(answer, e.id));
        table.add(cells);
    }
    table.print(out);
}

CsvRows csv_rows(const EntityListAnswer& answer, const std::string& lang) {
    CsvRows rows = {
        {"id", "name", "kind", "country", "name_en", "name_ja", "name_vi", "attributes", "sources"}};
    for (const auto& id : answer.entities) {
        const Entity& e = *answer.book.entity(id);
        rows.push_back({e.id, display_name(e, lang), e.kind, e.country, e.names.en, e.names.ja, e.names.vi,
                        attributes_text(e.attributes), source_titles(e.sources)});
    }
    return rows;
}

void print_table(std::ostream& out, const RelationListAnswer& answer, const std::string& lang) {
    const std::string count = std::to_string(answer.relations.size());
    out << say(lang, count + (answer.relations.size() == 1 ? " relation" : " relations"), "{0} relations",
               {count})
        << "\n";
    SourceNotes notes;
    const bool dated = answer.book.window.has_value();
    auto print_rows = [&](const std::vector<Relation>& relations) {
        std::vector<std::string> header = {"from", "relation", "to", "when"};
        if (dated) header.push_back("state");
        header.push_back("source");
        header.push_back("relation id");
        Table table(header, lang);
        for (const auto& r : relations) {
            std::vector<std::string> cells = {answer.book.name(r.from, lang),
                                              directed_label(answer.book, r, lang),
                                              answer.book.name(r.to, lang), when(r)};
            if (dated) cells.push_back(state_text(answer.book, r, lang));
            cells.push_back(notes.mark(r.sources));
            cells.push_back(r.id);
            table.add(cells);
        }
        table.print(out);
    };
    if (!answer.relations.empty()) {
        out << '\n';
        print_rows(answer.relations);
    }
    if (!answer.date_unknown.empty()) {
        out << '\n'
            << tr("Date unknown ({0}): no dates, so the date filter cannot say whether they were active",
                  lang, {std::to_string(answer.date_unknown.size())})
            << "\n\n";
        print_rows(answer.date_unknown);
    }
    notes.print(out, lang);
    print_notes(out, answer_notes(answer, lang), lang);
}

std::vector<std::string> answer_notes(const RelationListAnswer& answer, const std::string& lang) {
    return left_out_notes(answer.left_out, lang);
}

CsvRows csv_rows(const RelationListAnswer& answer, const std::string& lang) {
    CsvRows rows = {{"relation", "type", "category", "from", "from_name", "to", "to_name", "start", "end",
                     "state", "attributes", "sources"}};
    for (const auto* list : {&answer.relations, &answer.date_unknown}) {
        for (const auto& r : *list) {
            rows.push_back({r.id, r.type, answer.book.category(r), r.from, answer.book.name(r.from, lang),
                            r.to, answer.book.name(r.to, lang), date_text(r.start), date_text(r.end),
                            state_text(answer.book, r), attributes_text(r.attributes),
                            source_titles(r.sources)});
        }
    }
    return rows;
}

}  // namespace kizuna::cli
