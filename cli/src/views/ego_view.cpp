// ego: the entities by distance, then the relations among them.
#include <algorithm>
#include <numeric>
#include <ostream>

#include "source_notes.h"
#include "table.h"
#include "views.h"

namespace kizuna::cli {

void print_table(std::ostream& out, const EgoAnswer& answer, const std::string& lang) {
    out << "Within " << answer.radius << (answer.radius == 1 ? " hop" : " hops") << " of "
        << answer.book.name(answer.centre, lang) << ": " << answer.entities.size()
        << (answer.entities.size() == 1 ? " entity, " : " entities, ") << answer.relations.size()
        << (answer.relations.size() == 1 ? " relation" : " relations") << "\n\n";
    Table entities({"hops", "entity", "kind", "country", "id"});
    std::vector<std::size_t> order(answer.entities.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return answer.entities[x].distance < answer.entities[y].distance;
    });
    for (std::size_t i : order) {
        const Entity& e = *answer.book.entity(answer.entities[i].entity);
        entities.add(
            {std::to_string(answer.entities[i].distance), display_name(e, lang), e.kind, e.country, e.id});
    }
    entities.print(out);
    if (answer.relations.empty()) {
        print_notes(out, answer_notes(answer));
        return;
    }
    out << '\n';
    SourceNotes notes;
    const bool dated = answer.book.window.has_value();
    std::vector<std::string> header = {"from", "relation", "to", "when"};
    if (dated) header.push_back("state");
    header.push_back("source");
    Table relations(header);
    for (const auto& r : answer.relations) {
        std::vector<std::string> cells = {answer.book.name(r.from, lang),
                                          directed_label(answer.book, r, lang), answer.book.name(r.to, lang),
                                          when(r)};
        if (dated) cells.push_back(state_text(answer.book, r));
        cells.push_back(notes.mark(r.sources));
        relations.add(cells);
    }
    relations.print(out);
    notes.print(out);
    print_notes(out, answer_notes(answer));
}

std::vector<std::string> answer_notes(const EgoAnswer& answer) { return left_out_notes(answer.left_out); }

CsvRows csv_rows(const EgoAnswer& answer, const std::string& lang) {
    CsvRows rows = {{"entity", "name", "kind", "country", "distance"}};
    for (const auto& member : answer.entities) {
        const Entity& e = *answer.book.entity(member.entity);
        rows.push_back({e.id, display_name(e, lang), e.kind, e.country, std::to_string(member.distance)});
    }
    return rows;
}

}  // namespace kizuna::cli
