#include "csv_cells.h"

#include "kizuna/core/errors.h"
#include "kizuna/core/json.h"

namespace kizuna::importers {

namespace {

constexpr std::string_view kListSeparator = " | ";

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t begin = 0;
    while (true) {
        const auto at = text.find(separator, begin);
        parts.emplace_back(
            text.substr(begin, at == std::string_view::npos ? std::string_view::npos : at - begin));
        if (at == std::string_view::npos) return parts;
        begin = at + 1;
    }
}

std::vector<std::string> non_empty_lines(const std::string& cell) {
    std::vector<std::string> lines;
    for (const auto& line : split(cell, '\n')) {
        if (!trim(line).empty()) lines.push_back(line);
    }
    return lines;
}

// A piece of plain text survives split-and-trim unchanged.
bool plain_safe(const std::string& text) {
    return text == trim(text) && text.find('|') == std::string::npos &&
           text.find('\n') == std::string::npos && text.find('\r') == std::string::npos;
}

bool starts_with(const std::string& text, char c) {
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string::npos && text[first] == c;
}

}  // namespace

std::vector<std::string> parse_aliases_cell(const std::string& cell) {
    if (starts_with(cell, '[')) return strings_from_json_text(cell);
    std::vector<std::string> aliases;
    for (const auto& part : split(cell, '|')) {
        if (auto alias = trim(part); !alias.empty()) aliases.push_back(std::move(alias));
    }
    return aliases;
}

std::string format_aliases_cell(const std::vector<std::string>& aliases) {
    std::string cell;
    for (const auto& alias : aliases) {
        if (!plain_safe(alias) || alias.empty() || alias.front() == '[') return strings_to_json_text(aliases);
        if (!cell.empty()) cell += kListSeparator;
        cell += alias;
    }
    return cell;
}

std::vector<Source> parse_sources_cell(const std::string& cell) {
    if (starts_with(cell, '[')) return sources_from_json_text(cell);
    std::vector<Source> sources;
    for (const auto& line : non_empty_lines(cell)) {
        const auto parts = split(line, '|');
        if (parts.size() > 3) throw InvalidDataError("a source line has more than 'title | url | locator'");
        Source source{trim(parts[0]), parts.size() > 1 ? trim(parts[1]) : "",
                      parts.size() > 2 ? trim(parts[2]) : ""};
        if (source.title.empty()) throw InvalidDataError("a source needs a title before its url");
        sources.push_back(std::move(source));
    }
    return sources;
}

std::string format_sources_cell(const std::vector<Source>& sources) {
    std::string cell;
    for (const auto& s : sources) {
        if (!plain_safe(s.title) || !plain_safe(s.url) || !plain_safe(s.locator) || s.title.empty() ||
            s.title.front() == '[') {
            return sources_to_json_text(sources);
        }
        if (!cell.empty()) cell += '\n';
        cell += s.title;
        if (!s.url.empty() || !s.locator.empty()) cell += std::string(kListSeparator) + s.url;
        if (!s.locator.empty()) cell += std::string(kListSeparator) + s.locator;
    }
    return cell;
}

Attributes parse_attributes_cell(const std::string& cell) {
    if (starts_with(cell, '{')) return attributes_from_json_text(cell);
    Attributes attributes;
    for (const auto& line : non_empty_lines(cell)) {
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            throw InvalidDataError("attribute line '" + trim(line) + "' needs 'name: value'");
        const std::string name = trim(std::string_view(line).substr(0, colon));
        if (name.empty())
            throw InvalidDataError("attribute line '" + trim(line) + "' has no name before ':'");
        if (!attributes.emplace(name, trim(std::string_view(line).substr(colon + 1))).second) {
            throw InvalidDataError("attribute '" + name + "' is given twice");
        }
    }
    return attributes;
}

std::string format_attributes_cell(const Attributes& attributes) {
    std::string cell;
    for (const auto& [name, value] : attributes) {
        if (!plain_safe(name) || name.find(':') != std::string::npos || name.empty() || name.front() == '{' ||
            value != trim(value) || value.find_first_of("\r\n") != std::string::npos) {
            return attributes_to_json_text(attributes);
        }
        if (!cell.empty()) cell += '\n';
        cell += name + ": " + value;
    }
    return cell;
}

}  // namespace kizuna::importers
