#include "output.h"

#include <cstdio>
#include <fstream>
#include <ostream>

#include "kizuna/core/csv_format.h"
#include "kizuna/core/errors.h"
#include "words.h"

namespace kizuna::cli {

void print_json(std::ostream& out, const nlohmann::json& value) {
    out << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void print_csv(std::ostream& out, const CsvRows& rows) {
    for (const auto& row : rows) out << format_csv_row(row);
}

void write_file_atomically(const std::string& path, const std::string& bytes) {
    const std::string temporary = path + ".kizuna-tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        file.close();
        if (!file) {
            std::remove(temporary.c_str());
            throw Error("cannot write " + path);
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw Error("cannot write " + path);
    }
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
    std::string text = book.label(relation.type, lang);
    if (book.is_evidence(relation)) {
        if (lang != "ja") text += ' ';  // Japanese brackets bring their own space
        text += tr("(evidence)", lang);
    }
    return text;
}

std::string state_text(const AnswerBook& book, const Relation& relation, const std::string& lang) {
    const auto state = book.activity(relation);
    return state ? tr(activity_words(*state), lang) : "";
}

std::vector<std::string> left_out_notes(const LeftOut& left_out, const std::string& lang) {
    std::vector<std::string> notes;
    if (left_out.evidence > 0) {
        notes.push_back(
            left_out.evidence == 1 && lang == "en"
                ? "1 evidence relation in the data left out; --include-evidence to walk it"
                : tr("{0} evidence relations in the data left out; --include-evidence to walk them", lang,
                     {thousands(left_out.evidence)}));
    }
    if (left_out.undated > 0) {
        notes.push_back(left_out.undated == 1 && lang == "en"
                            ? "1 relation of unknown date in the data left out by the date filter; --undated "
                              "include to use it"
                            : tr("{0} relations of unknown date in the data left out by the date filter; "
                                 "--undated include to use them",
                                 lang, {thousands(left_out.undated)}));
    }
    return notes;
}

void print_notes(std::ostream& out, const std::vector<std::string>& notes, const std::string& lang) {
    if (notes.empty()) return;
    out << '\n';
    for (const auto& note : notes) out << tr("note: ", lang) << note << '\n';
}

std::string attributes_text(const Attributes& attributes) {
    std::string text;
    for (const auto& [name, value] : attributes) text += (text.empty() ? "" : "\n") + name + ": " + value;
    return text;
}

std::string source_titles(const std::vector<Source>& sources) {
    std::string text;
    for (const auto& source : sources) {
        if (!text.empty()) text += "; ";
        text += source.title;
        if (!source.locator.empty()) text += ", " + source.locator;
        if (!source.url.empty()) text += " <" + source.url + ">";
    }
    return text;
}

}  // namespace kizuna::cli
