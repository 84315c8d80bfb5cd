// stats: the counts, then the rankings.
#include <cstdio>
#include <ostream>

#include "kizuna/core/vocabulary.h"
#include "table.h"
#include "views.h"
#include "words.h"

namespace kizuna::cli {

namespace {

std::string score_text(double score) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", score);
    return buffer;
}

void print_ranking(std::ostream& out, const AnswerBook& book, const std::string& title,
                   const std::vector<RankedEntity>& ranked, const std::string& lang) {
    if (ranked.empty()) return;
    out << '\n';
    Table table({title, "entity", "id"}, lang);
    for (const auto& r : ranked) table.add({score_text(r.score), book.name(r.entity, lang), r.entity});
    table.print(out);
}

}  // namespace

void print_table(std::ostream& out, const StatsAnswer& answer, const std::string& lang) {
    const std::string entities = std::to_string(answer.entities),
                      relations = std::to_string(answer.relations),
                      components = std::to_string(answer.components);
    out << say(lang,
               entities + " entities, " + relations + " relations, " + components +
                   (answer.components == 1 ? " connected component" : " connected components"),
               "{0} entities, {1} relations, {2} connected components", {entities, relations, components});
    if (!answer.largest_components.empty())
        out << tr(" (largest: {0} entities)", lang, {std::to_string(answer.largest_components.front())});
    out << "\n\n";
    Table kinds({"kind", "entities"}, lang);
    for (const auto& [k, n] : answer.by_kind) kinds.add({answer.book.kind_name(k, lang), std::to_string(n)});
    kinds.print(out);
    out << '\n';
    Table countries({"country", "entities"}, lang);
    for (const auto& [k, n] : answer.by_country)
        countries.add({k.empty()      ? tr("(none)", lang)
                       : lang == "en" ? k
                                      : country_name(k, lang),
                       std::to_string(n)});
    countries.print(out);
    out << '\n';
    Table by_type({"relation type", "id", "category", "relations"}, lang);
    for (const auto& [k, n] : answer.by_type) {
        const RelationType* type = answer.book.type(k);
        by_type.add(
            {answer.book.label(k, lang), k,
             type != nullptr ? (lang == "en" ? type->category : category_name(type->category, lang)) : "",
             std::to_string(n)});
    }
    by_type.print(out);
    print_ranking(out, answer.book, "degree", answer.by_degree, lang);
    if (answer.betweenness && !answer.betweenness_exact()) {
        out << "\n"
            << tr("betweenness estimated from {0} of {1} entities as sources (--sources N for more)", lang,
                  {std::to_string(answer.betweenness_sources), std::to_string(answer.entities)});
    }
    print_ranking(out, answer.book, "betweenness", answer.by_betweenness, lang);
    print_notes(out, answer_notes(answer, lang), lang);
}

std::vector<std::string> answer_notes(const StatsAnswer& answer, const std::string& lang) {
    std::vector<std::string> notes;
    if (answer.left_out.evidence > 0 || answer.left_out.undated > 0) {
        notes.push_back(
            tr("components and rankings walk ties only; the counts above include every relation that "
               "passes the filters",
               lang));
    }
    for (auto& note : left_out_notes(answer.left_out, lang)) notes.push_back(std::move(note));
    return notes;
}

CsvRows csv_rows(const StatsAnswer& answer, const std::string& lang) {
    CsvRows rows = {{"measure", "key", "name", "value"}};
    rows.push_back({"entities", "", "", std::to_string(answer.entities)});
    rows.push_back({"relations", "", "", std::to_string(answer.relations)});
    rows.push_back({"components", "", "", std::to_string(answer.components)});
    for (const auto& [k, n] : answer.by_kind)
        rows.push_back({"kind", k, answer.book.kind_name(k, lang), std::to_string(n)});
    for (const auto& [k, n] : answer.by_country)
        rows.push_back({"country", k, country_name(k, lang), std::to_string(n)});
    for (const auto& [k, n] : answer.by_type)
        rows.push_back({"type", k, answer.book.label(k, lang), std::to_string(n)});
    for (const auto& r : answer.by_degree)
        rows.push_back({"degree", r.entity, answer.book.name(r.entity, lang), score_text(r.score)});
    for (const auto& r : answer.by_betweenness)
        rows.push_back({"betweenness", r.entity, answer.book.name(r.entity, lang), score_text(r.score)});
    rows.push_back({"left_out", "evidence", "", std::to_string(answer.left_out.evidence)});
    rows.push_back({"left_out", "undated", "", std::to_string(answer.left_out.undated)});
    return rows;
}

}  // namespace kizuna::cli
