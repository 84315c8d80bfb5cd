// communities: one line for the partition, then a row per group with its best-connected members.
#include <cstdio>
#include <ostream>

#include "table.h"
#include "views.h"
#include "words.h"

namespace kizuna::cli {

namespace {

// How many members a table row names; the rest are counted (JSON and CSV list every member).
constexpr std::size_t kNamedMembers = 5;

std::string decimal(double value, const char* format) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::string members_cell(const CommunitiesAnswer& answer, const CommunityRow& row, const std::string& lang) {
    std::string cell;
    for (std::size_t i = 0; i < row.members.size() && i < kNamedMembers; ++i) {
        if (i > 0) cell += tr(", ", lang);
        cell += answer.book.name(row.members[i], lang);
    }
    if (row.members.size() > kNamedMembers)
        cell += tr(" and {0} more", lang, {std::to_string(row.members.size() - kNamedMembers)});
    return cell;
}

}  // namespace

void print_table(std::ostream& out, const CommunitiesAnswer& answer, const std::string& lang) {
    const std::string groups = std::to_string(answer.communities.size()),
                      entities = std::to_string(answer.entities),
                      relations = std::to_string(answer.relations),
                      modularity = decimal(answer.modularity, "%.3f");
    out << tr("{0} groups of {1} organisations on {2} relations, modularity {3}", lang,
              {groups, entities, relations, modularity})
        << '\n'
        << tr("({0}, resolution {1}, seed {2})", lang,
              {answer.algorithm, decimal(answer.resolution, "%g"), std::to_string(answer.seed)})
        << "\n\n";
    Table table({"group", "size", "relations inside", "most connected members"}, lang);
    for (const auto& row : answer.communities) {
        table.add({std::to_string(row.number), std::to_string(row.members.size()),
                   std::to_string(row.relations), members_cell(answer, row, lang)});
    }
    table.print(out);
    print_notes(out, answer_notes(answer, lang), lang);
}

std::vector<std::string> answer_notes(const CommunitiesAnswer& answer, const std::string& lang) {
    return left_out_notes(answer.left_out, lang);
}

CsvRows csv_rows(const CommunitiesAnswer& answer, const std::string& lang) {
    CsvRows rows = {{"group", "size", "relations_inside", "entity", "name"}};
    for (const auto& row : answer.communities) {
        for (const auto& id : row.members) {
            rows.push_back({std::to_string(row.number), std::to_string(row.members.size()),
                            std::to_string(row.relations), id, answer.book.name(id, lang)});
        }
    }
    return rows;
}

}  // namespace kizuna::cli
