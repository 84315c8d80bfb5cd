// search: matching entities with every other name they go by.
#include <ostream>

#include "kizuna/core/vocabulary.h"
#include "table.h"
#include "views.h"
#include "words.h"

namespace kizuna::cli {

namespace {

// Every name and alias except the one shown in the name column.
std::string other_names(const Entity& entity, const std::string& shown) {
    std::string text;
    auto add = [&](const std::string& name) {
        if (name.empty() || name == shown) return;
        if (!text.empty()) text += ", ";
        text += name;
    };
    add(entity.names.en);
    add(entity.names.ja);
    add(entity.names.vi);
    for (const auto& alias : entity.aliases) add(alias);
    return text;
}

}  // namespace

void print_table(std::ostream& out, const SearchAnswer& answer, const std::string& lang) {
    if (answer.entities.empty()) {
        out << tr("no entity matches '{0}'", lang, {answer.text}) << '\n';
        return;
    }
    Table table({"id", "name", "kind", "country", "also known as", "matched"}, lang);
    for (std::size_t i = 0; i < answer.entities.size(); ++i) {
        const Entity& e = answer.entities[i];
        const std::string& name = display_name(e, lang);
        const auto& [field, text] = answer.matched[i];
        // Say where the text was found when it is not the name shown: "city: Hanoi", "alias".
        const std::string matched = field.rfind("attribute:", 0) == 0 ? field.substr(10) + ": " + text
                                    : text == name                    ? ""
                                                                      : text;
        table.add({e.id, name, answer.book.kind_name(e.kind, lang),
                   lang == "en" ? e.country : country_name(e.country, lang), other_names(e, name), matched});
    }
    table.print(out);
    if (answer.more) {
        out << "\n"
            << tr("more entities match: show more with -n {0}, or give more of the name", lang,
                  {std::to_string(answer.limit * 5)})
            << '\n';
    }
}

CsvRows csv_rows(const SearchAnswer& answer, const std::string&) {
    CsvRows rows = {{"id", "kind", "name_en", "name_ja", "name_vi", "aliases", "country", "matched_field",
                     "matched_text"}};
    for (std::size_t i = 0; i < answer.entities.size(); ++i) {
        const Entity& e = answer.entities[i];
        std::string aliases;
        for (const auto& alias : e.aliases) aliases += (aliases.empty() ? "" : " | ") + alias;
        rows.push_back({e.id, e.kind, e.names.en, e.names.ja, e.names.vi, aliases, e.country,
                        answer.matched[i].first, answer.matched[i].second});
    }
    return rows;
}

}  // namespace kizuna::cli
