// stats: the counts, then the rankings.
#include <cstdio>
#include <ostream>

#include "table.h"
#include "views.h"

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
    Table table({title, "entity", "id"});
    for (const auto& r : ranked) table.add({score_text(r.score), book.name(r.entity, lang), r.entity});
    table.print(out);
}

}  // namespace

void print_table(std::ostream& out, const StatsAnswer& answer, const std::string& lang) {
    out << answer.entities << " entities, " << answer.relations << " relations, " << answer.components
        << (answer.components == 1 ? " connected component" : " connected components");
    if (!answer.largest_components.empty())
        out << " (largest: " << answer.largest_components.front() << " entities)";
    out << "\n\n";
    Table kinds({"kind", "entities"});
    for (const auto& [k, n] : answer.by_kind) kinds.add({k, std::to_string(n)});
    kinds.print(out);
    out << '\n';
    Table countries({"country", "entities"});
    for (const auto& [k, n] : answer.by_country) countries.add({k.empty() ? "(none)" : k, std::to_string(n)});
    countries.print(out);
    out << '\n';
    Table by_type({"relation type", "id", "category", "relations"});
    for (const auto& [k, n] : answer.by_type) {
        const RelationType* type = answer.book.type(k);
        by_type.add(
            {answer.book.label(k, lang), k, type != nullptr ? type->category : "", std::to_string(n)});
    }
    by_type.print(out);
    print_ranking(out, answer.book, "degree", answer.by_degree, lang);
    if (answer.betweenness && !answer.betweenness_exact()) {
        out << "\nbetweenness estimated from " << answer.betweenness_sources << " of " << answer.entities
            << " entities as sources (--sources N for more)";
    }
    print_ranking(out, answer.book, "betweenness", answer.by_betweenness, lang);
    print_notes(out, answer_notes(answer));
}

std::vector<std::string> answer_notes(const StatsAnswer& answer) {
    std::vector<std::string> notes;
    if (answer.left_out.evidence > 0 || answer.left_out.undated > 0) {
        notes.push_back(
            "components and rankings walk ties only; the counts above include every relation "
            "that passes the filters");
    }
    for (auto& note : left_out_notes(answer.left_out)) notes.push_back(std::move(note));
    return notes;
}

CsvRows csv_rows(const StatsAnswer& answer, const std::string&) {
    CsvRows rows = {{"measure", "key", "value"}};
    rows.push_back({"entities", "", std::to_string(answer.entities)});
    rows.push_back({"relations", "", std::to_string(answer.relations)});
    rows.push_back({"components", "", std::to_string(answer.components)});
    for (const auto& [k, n] : answer.by_kind) rows.push_back({"kind", k, std::to_string(n)});
    for (const auto& [k, n] : answer.by_country) rows.push_back({"country", k, std::to_string(n)});
    for (const auto& [k, n] : answer.by_type) rows.push_back({"type", k, std::to_string(n)});
    for (const auto& r : answer.by_degree) rows.push_back({"degree", r.entity, score_text(r.score)});
    for (const auto& r : answer.by_betweenness)
        rows.push_back({"betweenness", r.entity, score_text(r.score)});
    rows.push_back({"left_out", "evidence", std::to_string(answer.left_out.evidence)});
    rows.push_back({"left_out", "undated", std::to_string(answer.left_out.undated)});
    return rows;
}

}  // namespace kizuna::cli
