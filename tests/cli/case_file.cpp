#include "case_file.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kizuna::test {

namespace {

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

[[noreturn]] void fail(const std::filesystem::path& path, int line, const std::string& message) {
    throw std::runtime_error(path.string() + ":" + std::to_string(line) + ": " + message);
}

}  // namespace

std::vector<std::string> split_command(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    char quote = 0;
    for (char c : text) {
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            } else {
                word += c;
            }
        } else if (c == '"' || c == '\'') {
            quote = c;
            in_word = true;
        } else if (c == ' ' || c == '\t') {
            if (in_word) words.push_back(word);
            word.clear();
            in_word = false;
        } else {
            word += c;
            in_word = true;
        }
    }
    if (quote != 0) throw std::runtime_error("unclosed quote in: " + text);
    if (in_word) words.push_back(word);
    return words;
}

std::string join_command(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words) {
        if (!text.empty()) text += ' ';
        const bool plain = !word.empty() && word.find_first_of(" \t\"'") == std::string::npos;
        if (plain) {
            text += word;
        } else if (word.find('"') == std::string::npos) {
            text += '"' + word + '"';
        } else {
            text += '\'' + word + '\'';
        }
    }
    return text;
}

CaseFile read_case_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path.string() + ": cannot read");
    CaseFile file{path, {}, {}};
    std::string line;
    int number = 0;
    CliCase* current = nullptr;
    std::string* section = nullptr;  // the text being collected
    bool has_command = false;
    auto close = [&](int at) {
        if (current != nullptr && !has_command)
            fail(path, at, "case '" + current->name + "' has no '$ kizuna' line");
    };
    while (std::getline(in, line)) {
        ++number;
        if (starts_with(line, "=== ")) {
            close(number);
            file.cases.push_back({});
            current = &file.cases.back();
            current->name = line.substr(4);
            current->line = number;
            section = nullptr;
            has_command = false;
            continue;
        }
        if (current == nullptr) {
            if (!line.empty() && !starts_with(line, "#"))
                fail(path, number, "text before the first '=== case'");
            file.preamble.push_back(line);
            continue;
        }
        if (starts_with(line, "--- ")) {
            current->sections.emplace_back(line.substr(4), "");
            section = &current->sections.back().second;
            continue;
        }
        if (section != nullptr) {
            *section += line + "\n";
            continue;
        }
        if (line.empty() || starts_with(line, "#")) continue;
        if (starts_with(line, "$ kizuna")) {
            current->command = split_command(line.substr(8));
            has_command = true;
        } else if (starts_with(line, "setup: kizuna")) {
            current->setup.push_back({0, split_command(line.substr(13))});
        } else if (starts_with(line, "setup (exit ")) {
            const auto close_at = line.find("): kizuna");
            if (close_at == std::string::npos) fail(path, number, "write 'setup (exit N): kizuna …'");
            current->setup.push_back(
                {std::stoi(line.substr(12, close_at - 12)), split_command(line.substr(close_at + 9))});
        } else if (starts_with(line, "db: ")) {
            current->db = line.substr(4);
            if (current->db != "dataset" && current->db != "empty" && current->db != "none") {
                fail(path, number, "db: is dataset, empty or none");
            }
        } else if (starts_with(line, "exit ")) {
            current->exit_code = std::stoi(line.substr(5));
        } else {
            fail(path, number,
                 "expected '$ kizuna …', 'setup: kizuna …', 'setup (exit N): kizuna …', 'db: …', 'exit N' or "
                 "'--- section'");
        }
    }
    close(number);
    return file;
}

void write_case_file(const CaseFile& file) {
    std::ostringstream out;
    for (const auto& line : file.preamble) out << line << '\n';
    for (const auto& c : file.cases) {
        out << "=== " << c.name << '\n';
        if (c.db != "dataset") out << "db: " << c.db << '\n';
        for (const auto& setup : c.setup) {
            if (setup.exit_code == 0) {
                out << "setup: kizuna " << join_command(setup.command) << '\n';
            } else {
                out << "setup (exit " << setup.exit_code << "): kizuna " << join_command(setup.command)
                    << '\n';
            }
        }
        out << "$ kizuna " << join_command(c.command) << '\n';
        out << "exit " << c.exit_code << '\n';
        // No blank line after a section: it would be part of the section's text.
        for (const auto& [name, text] : c.sections) out << "--- " << name << '\n' << text;
    }
    std::ofstream(file.path, std::ios::trunc) << out.str();
}

}  // namespace kizuna::test
