#include "output.h"

#include <ostream>

#include "kizuna/core/json.h"
#include "kizuna/importers/csv_row.h"

namespace kizuna::cli {

void print_json(const Context& context, const nlohmann::json& value) {
    context.o() << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void print_csv(const Context& context, const std::vector<std::vector<std::string>>& rows) {
    for (const auto& row : rows) context.o() << format_csv_row(row);
}

std::string date_text(const std::optional<PartialDate>& date) { return date ? date->to_string() : ""; }

std::string when(const Relation& relation) {
    if (!relation.start && !relation.end) return "";
    std::string text;
    if (relation.start) text.append(relation.start->to_string()).append(" ");
    text.append("–");
    if (relation.end) text.append(" ").append(relation.end->to_string());
    return text;
}

std::string direction_word(const RelationType& type, const Relation& relation, const std::string& viewpoint) {
    if (!type.directed) return "symmetric";
    return relation.from == viewpoint ? "outgoing" : "incoming";
}

std::string arrow(const RelationType& type, const Relation& relation, const std::string& viewpoint) {
    if (!type.directed) return "↔";
    return relation.from == viewpoint ? "→" : "←";
}

std::string source_titles(const std::vector<Source>& sources) {
    std::string text;
    for (const auto& source : sources) {
        if (!text.empty()) text += "; ";
        text += source.title;
        if (!source.locator.empty()) text += ", " + source.locator;
    }
    return text;
}

}  // namespace kizuna::cli
