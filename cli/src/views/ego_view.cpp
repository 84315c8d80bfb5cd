// ego: the entities by distance, then the relations among them.
#include <algorithm>
#include <numeric>
#include <ostream>

#include "kizuna/core/vocabulary.h"
#include "source_notes.h"
#include "table.h"
#include "views.h"
#include "words.h"

namespace kizuna::cli {

void print_table(std::ostream& out, const EgoAnswer& answer, const std::string& lang) {
    const std::string radius = std::to_string(answer.radius), centre = answer.book.name(answer.centre, lang);
    const std::string entities_count = std::to_string(answer.entities.size()),
                      relations_count = std::to_string(answer.relations.size());
    out << say(lang,
               "Within " + radius + (answer.radius == 1 ? " hop" : " hops") + " of " + centre + ": " +
                   entities_count + (answer.entities.size() == 1 ? " entity, " : " entities, ") +
                   relations_count + (answer.relations.size() == 1 ? " relation" : " relations"),
               "Within {0} hops of {1}: {2} entities, {3} relations",
               {radius, centre, entities_count, relations_count})
        << "\n\n";
    ;
    Table entities({"hops", "entity", "kind", "country", "id"}, lang);
    std::vector<std::size_t> order(answer.entities.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return answer.entities[x].distance < answer.entities[y].distance;
    });
    for (std::size_t i : order) {
        const Entity& e = *answer.book.entity(answer.entities[i].entity);
        entities.add({std::to_string(answer.entities[i].distance), display_name(e, lang),
                      answer.book.kind_name(e.kind, lang),
                      lang == "en" ? e.country : country_name(e.country, lang), e.id});
    }
    entities.print(out);
    if (answer.relations.empty()) {
        print_notes(out, answer_notes(answer, lang), lang);
        return;
    }
    out << '\n';
    SourceNotes notes;
    const bool dated = answer.book.window.has_value();
    std::vector<std::string> header = {"from", "relation", "to", "when"};
    if (dated) header.push_back("state");
    header.push_back("source");
    Table relations(header, lang);
    for (const auto& r : answer.relations) {
        std::vector<std::string> cells = {answer.book.name(r.from, lang),
                                          directed_label(answer.book, r, lang), answer.book.name(r.to, lang),
                                          when(r)};
        if (dated) cells.push_back(state_text(answer.book, r, lang));
        cells.push_back(notes.mark(r.sources));
        relations.add(cells);
    }
    relations.print(out);
    notes.print(out, lang);
    print_notes(out, answer_notes(answer, lang), lang);
}

std::vector<std::string> answer_notes(const EgoAnswer& answer, const std::string& lang) {
    return left_out_notes(answer.left_out, lang);
}

CsvRows csv_rows(const EgoAnswer& answer, const std::string& lang) {
    CsvRows rows = {{"entity", "name", "kind", "country", "distance"}};
    for (const auto& member : answer.entities) {
        const Entity& e = *answer.book.entity(member.entity);
        rows.push_back({e.id, display_name(e, lang), e.kind, e.country, std::to_string(member.distance)});
    }
    return rows;
}

}  // namespace kizuna::cli
