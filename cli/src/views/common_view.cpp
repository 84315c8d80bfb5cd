// common: each shared entity with the relations on A's side and on B's side.
#include <ostream>

#include "source_notes.h"
#include "table.h"
#include "views.h"
#include "words.h"

namespace kizuna::cli {

namespace {

constexpr std::size_t kRelationsCellWidth = 60;

// "↔ MOU 2024-11-15 [1]; …": the relations between an entity and the shared one, from the shared one.
std::string relations_cell(const CommonAnswer& answer, const std::vector<Relation>& relations,
                           const std::string& viewpoint, const std::string& lang, SourceNotes& notes) {
    std::string text;
    for (const Relation& r : relations) {
        if (!text.empty()) text += "; ";
        text.append(arrow(answer.book.direction(r, viewpoint)))
            .append(" ")
            .append(type_cell(answer.book, r, lang));
        if (r.start) text.append(" ").append(r.start->to_string());
        if (const auto state = answer.book.activity(r); state && *state != Activity::Active)
            text.append(" (").append(tr(activity_words(*state), lang)).append(")");
        text.append(" ").append(notes.mark(r.sources));
    }
    return text;
}

}  // namespace

void print_table(std::ostream& out, const CommonAnswer& answer, const std::string& lang) {
    const std::string a_name = answer.book.name(answer.a, lang), b_name = answer.book.name(answer.b, lang);
    out << tr("Related to both {0} and {1}: {2}", lang, {a_name, b_name, std::to_string(answer.rows.size())})
        << "\n";
    if (answer.rows.empty()) {
        print_notes(out, answer_notes(answer, lang), lang);
        return;
    }
    out << '\n';
    SourceNotes notes;
    Table table({"entity", tr("with {0}", lang, {a_name}), tr("with {0}", lang, {b_name})}, lang);
    for (const auto& row : answer.rows) {
        table.add({answer.book.name(row.entity, lang),
                   relations_cell(answer, row.with_a, row.entity, lang, notes),
                   relations_cell(answer, row.with_b, row.entity, lang, notes)});
    }
    table.print(out, kRelationsCellWidth);
    notes.print(out, lang);
    print_notes(out, answer_notes(answer, lang), lang);
}

std::vector<std::string> answer_notes(const CommonAnswer& answer, const std::string& lang) {
    return left_out_notes(answer.left_out, lang);
}

CsvRows csv_rows(const CommonAnswer& answer, const std::string& lang) {
    CsvRows rows = {{"entity", "name", "side", "side_name", "relation", "type", "category", "start", "end",
                     "state", "attributes", "sources"}};
    for (const auto& row : answer.rows) {
        auto add = [&](const std::string& side, const Relation& r) {
            rows.push_back({row.entity, answer.book.name(row.entity, lang), side,
                            answer.book.name(side, lang), r.id, r.type, answer.book.category(r),
                            date_text(r.start), date_text(r.end), state_text(answer.book, r),
                            attributes_text(r.attributes), source_titles(r.sources)});
        };
        for (const auto& r : row.with_a) add(answer.a, r);
        for (const auto& r : row.with_b) add(answer.b, r);
    }
    return rows;
}

}  // namespace kizuna::cli
