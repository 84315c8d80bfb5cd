// The parser's and binder's case files (tests/cypher/cases/*.test, format in cases/README.md): each case
// a query on a small in-memory graph and either the message it is refused with (syntax and semantic
// errors, with line and caret) or, for EXPLAIN, the logical plan. KIZUNA_UPDATE_CASES=1 rewrites the
// expected sections from what the engine says now (then read the diff).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kizuna/cypher/engine.h"
#include "kizuna/cypher/errors.h"
#include "kizuna/cypher/memory_graph.h"

using namespace kizuna::cypher;

namespace {

struct QueryCase {
    std::string name;
    int line = 0;
    std::string query;     // the lines between the header and the section
    std::string section;   // "error" or "plan"
    std::string expected;  // the section's lines
};

struct QueryCaseFile {
    std::vector<std::string> preamble;
    std::vector<QueryCase> cases;
};

QueryCaseFile read_query_cases(const std::filesystem::path& path) {
    std::ifstream in(path);
    QueryCaseFile file;
    std::string line;
    int number = 0;
    bool in_section = false;
    while (std::getline(in, line)) {
        ++number;
        if (line.rfind("=== ", 0) == 0) {
            file.cases.push_back({line.substr(4), number, "", "", ""});
            in_section = false;
        } else if (file.cases.empty()) {
            file.preamble.push_back(line);
        } else if (line.rfind("--- ", 0) == 0) {
            file.cases.back().section = line.substr(4);
            in_section = true;
        } else {
            auto& c = file.cases.back();
            (in_section ? c.expected : c.query) += line + "\n";
        }
    }
    return file;
}

void write_query_cases(const std::filesystem::path& path, const QueryCaseFile& file) {
    std::ofstream out(path);
    for (const auto& l : file.preamble) out << l << "\n";
    for (const auto& c : file.cases)
        out << "=== " << c.name << "\n" << c.query << "--- " << c.section << "\n" << c.expected;
}

// A few nodes and relationships, so that plans have labels and counts to choose from.
void fill(MemoryGraph& graph) {
    (void)run_query(graph,
                    "CREATE (a:company {id: 'a', name: 'A'})-[:mou {start: '2014'}]->(b:ministry {id: 'b'}), "
                    "(b)-[:acquisition]->(c:company {id: 'c'}), (c)-[:mou]->(:prefecture {id: 'd'})",
                    {});
}

// What the engine says for a case: the plan's lines, or the error with its line and caret.
std::pair<std::string, std::string> answer(const std::string& query) {
    MemoryGraph graph;
    fill(graph);
    try {
        const auto result = run_query(graph, query, {});
        if (!result.explain) return {"rows", std::to_string(result.rows.size()) + "\n"};
        std::string text;
        for (const auto& row : result.rows) text += row[0].as_string() + "\n";
        return {"plan", text};
    } catch (const CypherError& e) {
        return {"error", caret_message(query, e) + "\n"};
    }
}

}  // namespace

TEST_CASE("cypher cases: every parser and binder case file answers as recorded") {
    const bool update = std::getenv("KIZUNA_UPDATE_CASES") != nullptr;
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(KIZUNA_CYPHER_CASES_DIR)) {
        if (entry.path().extension() != ".test") continue;
        auto file = read_query_cases(entry.path());
        for (auto& c : file.cases) {
            ++count;
            std::string query = c.query;
            while (!query.empty() && query.back() == '\n') query.pop_back();
            const auto [section, text] = answer(query);
            INFO(entry.path().filename().string() << ":" << c.line << ": " << c.name);
            if (update) {
                c.section = section;
                c.expected = text;
                continue;
            }
            CHECK(section == c.section);
            CHECK(text == c.expected);
        }
        if (update) write_query_cases(entry.path(), file);
    }
    CHECK(count > 0);
}
