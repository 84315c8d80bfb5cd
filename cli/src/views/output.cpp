#include "output.h"

#include <ostream>

#include "kizuna/core/csv_format.h"

namespace kizuna::cli {

void print_json(std::ostream& out, const nlohmann::json& value) {
    out << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void print_csv(std::ostream& out, const CsvRows& rows) {
    for (const auto& row : rows) out << format_csv_row(row);
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
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

std::string arrow(const std::string& direction) {
    if (direction == "symmetric") return "↔";
    return direction == "outgoing" ? "→" : "←";
}

std::string other_end(const Relation& relation, const std::string& viewpoint) {
    return relation.from == viewpoint ? relation.to : relation.from;
}

std::string directed_label(const AnswerBook& book, const Relation& relation, const std::string& lang) {
    const RelationType* type = book.type(relation.type);
    return book.label(relation.type, lang) + (type == nullptr || type->directed ? " →" : " ↔") +
           (book.is_evidence(relation) ? " (evidence)" : "");
}

std::string type_cell(const AnswerBook& book, const Relation& relation, const std::string& lang) {
    return book.label(relation.type, lang) + (book.is_evidence(relation) ? " (evidence)" : "");
}

std::string state_text(const AnswerBook& book, const Relation& relation) {
    const auto state = book.activity(relation);
    return state ? activity_words(*state) : "";
}

std::vector<std::string> left_out_notes(const LeftOut& left_out) {
    std::vector<std::string> notes;
    if (left_out.evidence > 0) {
        notes.push_back(thousands(left_out.evidence) +
                        (left_out.evidence == 1 ? " evidence relation" : " evidence relations") +
                        " in the data left out; --include-evidence to walk them");
    }
    if (left_out.undated > 0) {
        notes.push_back(
            thousands(left_out.undated) + (left_out.undated == 1 ? " relation" : " relations") +
            " of unknown date in the data left out by the date filter; --undated include to use them");
    }
    return notes;
}

void print_notes(std::ostream& out, const std::vector<std::string>& notes) {
    if (notes.empty()) return;
    out << '\n';
    for (const auto& note : notes) out << "note: " << note << '\n';
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
