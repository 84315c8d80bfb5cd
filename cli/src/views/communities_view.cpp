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

// The group numbered n in a year's row, or nullptr.
const CommunityRow* group_in(const CommunitiesAnswer& answer, int year, std::size_t n) {
    for (const auto& y : answer.years) {
        if (y.year != year) continue;
        for (const auto& g : y.groups) {
            if (g.number == n) return &g;
        }
    }
    return nullptr;
}

// "3 (Alfresa, Codupha …)": a group's number and its first members, in the year named.
std::string named_groups(const CommunitiesAnswer& answer, int year, const std::vector<std::size_t>& list,
                         const std::string& lang) {
    std::string text;
    for (const auto n : list) {
        if (!text.empty()) text += "; ";
        text += std::to_string(n);
        if (const CommunityRow* g = group_in(answer, year, n)) {
            std::string names;
            for (std::size_t i = 0; i < g->members.size() && i < kNamedPerGroup; ++i)
                names += (i > 0 ? tr(", ", lang) : "") + answer.book.name(g->members[i], lang);
            if (g->members.size() > kNamedPerGroup)
                names += tr(" and {0} more", lang, {std::to_string(g->members.size() - kNamedPerGroup)});
            text += " (" + names + ")";
        }
    }
    return text;
}

std::string causes(const CommunitiesAnswer& answer, const CommunityEventRow& event, const std::string& lang) {
    if (event.relations.empty()) return tr("(no relation began or ended between them)", lang);
    std::string text;
    for (const auto& r : event.relations) {
        if (!text.empty()) text += "; ";
        text += answer.book.name(r.from, lang) + " —" + answer.book.label(r.type, lang) + "→ " +
                answer.book.name(r.to, lang) + " (" + when(r) + ")";
    }
    if (event.more_relations > 0) text += tr(" and {0} more", lang, {std::to_string(event.more_relations)});
    return text;
}

void print_history(std::ostream& out, const CommunitiesAnswer& answer, const std::string& lang) {
    out << tr("({0}, resolution {1}, seed {2})", lang,
              {answer.algorithm, decimal(answer.resolution, "%g"), std::to_string(answer.seed)})
        << "\n\n";
    Table years({"year", "groups", "entities", "relations", "modularity"}, lang);
    for (const auto& y : answer.years) {
        years.add({std::to_string(y.year), std::to_string(y.groups.size()), std::to_string(y.entities),
                   std::to_string(y.relations), decimal(y.modularity, "%.3f")});
    }
    years.print(out);
    out << '\n';
    Table events({"year", "change", "before", "after", "caused by"}, lang);
    for (const auto& e : answer.events) {
        events.add({std::to_string(e.year), tr(e.event, lang),
                    named_groups(answer, e.year - 1, e.before, lang),
                    named_groups(answer, e.year, e.after, lang), causes(answer, e, lang)});
    }
    events.print(out);
}

}  // namespace

void print_table(std::ostream& out, const CommunitiesAnswer& answer, const std::string& lang) {
    if (!answer.years.empty()) {
        print_history(out, answer, lang);
        print_notes(out, answer_notes(answer, lang), lang);
        return;
    }
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
    if (!answer.years.empty()) {  // each year's membership
        CsvRows rows = {{"year", "group", "size", "relations_inside", "entity"}};
        for (const auto& y : answer.years) {
            for (const auto& g : y.groups) {
                for (const auto& id : g.members) {
                    rows.push_back({std::to_string(y.year), std::to_string(g.number),
                                    std::to_string(g.members.size()), std::to_string(g.relations), id});
                }
            }
        }
        return rows;
    }
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
