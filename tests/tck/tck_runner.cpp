// The openCypher TCK runner: reads the Gherkin feature files from ../shared/opencypher-tck (never copied
// into this repository), runs every scenario against the engine over the in-memory property graph and
// prints passed/failed/skipped per feature folder. The scenarios that pass are recorded by name in
// tests/tck/passing.txt: any recorded scenario that no longer passes fails the run, named with why (a
// total alone would let one fix hide one breakage); scenarios that pass and are not recorded are listed
// as newly passing. With --write it records the list and the table in docs/cypher.md. With --overlay
// each query runs on a WriteOverlay over the graph (as Kizuna's writing queries do over the database),
// whose changes are then applied to the graph: the overlay must give the in-memory graph's semantics.
//
// Usage: kizuna-tck <tck folder> <docs/cypher.md> <passing.txt> [--write] [--failures <folder prefix>]
//        [--overlay]
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kizuna/cypher/engine.h"
#include "kizuna/cypher/memory_graph.h"
#include "kizuna/cypher/write_overlay.h"
#include "tck_values.h"

namespace fs = std::filesystem;
using namespace kizuna;

namespace {

using Table = std::vector<std::vector<std::string>>;

struct Step {
    std::string keyword;  // Given/When/Then (And/But take the one before)
    std::string text;
    std::string doc;
    Table table;
};

struct Scenario {
    std::string name;
    std::vector<Step> steps;
};

std::string trim(const std::string& s) {
    const auto a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos) return {};
    const auto b = s.find_last_not_of(" \t\r");
    return s.substr(a, b - a + 1);
}

// Cells of "| a | b |", where a '|' inside a quoted string or escaped as \| belongs to the cell.
std::vector<std::string> cells(const std::string& line) {
    std::vector<std::string> out;
    std::string cell;
    char quote = 0;
    const auto t = trim(line);
    for (std::size_t i = 1; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
            cell += '|';
            ++i;
            continue;
        }
        if (quote) {
            if (c == '\\' && i + 1 < t.size()) {
                cell += c;
                cell += t[++i];
                continue;
            }
            if (c == quote) quote = 0;
            cell += c;
            continue;
        }
        if (c == '\'' || c == '"') quote = c;
        if (c == '|') {
            out.push_back(trim(cell));
            cell.clear();
            continue;
        }
        cell += c;
    }
    return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
        s.replace(at, from.size(), to);
    return s;
}

std::vector<Scenario> read_feature(const fs::path& file) {
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    std::vector<Scenario> scenarios;
    std::vector<Step> background;
    std::vector<Step>* steps = nullptr;
    Scenario current;
    bool outline = false;
    bool in_background = false;
    std::string last_keyword;
    auto flush = [&] {
        if (!current.name.empty() && !outline) scenarios.push_back(current);
        current = Scenario{};
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto t = trim(lines[i]);
        if (t.empty() || t[0] == '#' || t[0] == '@') continue;
        if (t.rfind("Feature:", 0) == 0) continue;
        if (t.rfind("Background:", 0) == 0) {
            in_background = true;
            steps = &background;
            continue;
        }
        if (t.rfind("Scenario Outline:", 0) == 0 || t.rfind("Scenario:", 0) == 0) {
            flush();
            in_background = false;
            outline = t.rfind("Scenario Outline:", 0) == 0;
            current.name = trim(t.substr(t.find(':') + 1));
            current.steps = background;
            steps = &current.steps;
            continue;
        }
        if (t.rfind("Examples:", 0) == 0) {
            // Expand the outline with each row of the table that follows.
            std::size_t j = i + 1;
            while (j < lines.size() && trim(lines[j]).empty()) ++j;
            const auto header = cells(lines[j]);
            for (++j; j < lines.size() && trim(lines[j]).rfind("|", 0) == 0; ++j) {
                const auto row = cells(lines[j]);
                Scenario s = current;
                for (auto& step : s.steps) {
                    for (std::size_t k = 0; k < header.size() && k < row.size(); ++k) {
                        const auto key = "<" + header[k] + ">";
                        step.text = replace_all(step.text, key, row[k]);
                        step.doc = replace_all(step.doc, key, row[k]);
                        for (auto& r : step.table) {
                            for (auto& c : r) c = replace_all(c, key, row[k]);
                        }
                    }
                }
                s.name += " [" + trim(lines[j]) + "]";
                scenarios.push_back(s);
            }
            i = j - 1;
            continue;
        }
        const auto space = t.find(' ');
        const auto keyword = t.substr(0, space);
        if (keyword == "Given" || keyword == "When" || keyword == "Then" || keyword == "And" ||
            keyword == "But") {
            if (!steps) continue;
            Step step;
            step.keyword = (keyword == "And" || keyword == "But") ? last_keyword : keyword;
            last_keyword = step.keyword;
            step.text = trim(t.substr(space + 1));
            // A doc string or a table may follow.
            std::size_t j = i + 1;
            if (j < lines.size() && trim(lines[j]).rfind("\"\"\"", 0) == 0) {
                const auto indent = lines[j].find("\"\"\"");
                std::string doc;
                for (++j; j < lines.size() && trim(lines[j]).rfind("\"\"\"", 0) != 0; ++j) {
                    const auto& l = lines[j];
                    doc += (l.size() >= indent ? l.substr(indent) : trim(l)) + "\n";
                }
                step.doc = doc;
                i = j;
            } else {
                while (j < lines.size() && trim(lines[j]).rfind("|", 0) == 0) {
                    step.table.push_back(cells(lines[j]));
                    ++j;
                }
                i = j - 1;
            }
            steps->push_back(std::move(step));
        }
        (void)in_background;
    }
    flush();
    return scenarios;
}

struct Snapshot {
    std::set<cypher::NodeId> nodes;
    std::set<cypher::RelId> rels;
    std::set<std::string> labels;
    std::set<std::string> properties;
};

// "n3.name='x'": one property of one node or relationship, for counting added and removed properties.
std::string property_key(char what, std::uint64_t id, const std::string& key, const std::string& value) {
    std::string out(1, what);
    out += std::to_string(id);
    out += '.';
    out += key;
    out += '=';
    out += value;
    return out;
}

Snapshot snapshot(const cypher::MemoryGraph& g) {
    Snapshot s;
    for (const auto& [id, n] : g.nodes()) {
        s.nodes.insert(id);
        s.labels.insert(n.labels.begin(), n.labels.end());
        for (const auto& [k, v] : n.properties)
            s.properties.insert(property_key('n', id, k, tck::canonical_actual(v, g, false)));
    }
    for (const auto& [id, r] : g.relationships()) {
        s.rels.insert(id);
        for (const auto& [k, v] : r.properties)
            s.properties.insert(property_key('r', id, k, tck::canonical_actual(v, g, false)));
    }
    return s;
}

template <typename Set>
std::size_t missing_from(const Set& a, const Set& b) {
    std::size_t n = 0;
    for (const auto& x : a) n += b.count(x) == 0;
    return n;
}

// Applies what a query did on an overlay over a copy of graph to graph itself (created nodes get the
// graph's next ids).
void apply(const cypher::WriteOverlay& overlay, cypher::MemoryGraph& graph) {
    const auto touched = overlay.touched();
    std::map<cypher::NodeId, cypher::NodeId> made;
    auto node_of = [&](cypher::NodeId n) { return overlay.created(n) ? made.at(n) : n; };
    for (const auto& [id, node] : touched.nodes) {
        if (overlay.created(id)) {
            made[id] = graph.create_node({node.labels.begin(), node.labels.end()}, node.properties);
            continue;
        }
        for (const auto& l : graph.labels(id)) {
            if (!node.labels.count(l)) graph.remove_label(id, l);
        }
        for (const auto& l : node.labels) graph.add_label(id, l);
        for (const auto& [k, v] : graph.node_properties(id)) {
            if (!node.properties.count(k)) graph.set_node_property(id, k, cypher::Value());
        }
        for (const auto& [k, v] : node.properties) graph.set_node_property(id, k, v);
    }
    for (const auto r : touched.deleted_rels) graph.delete_rel(r);
    for (const auto& [id, rel] : touched.rels) {
        if (overlay.created_rel(id)) {
            (void)graph.create_rel(rel.type, node_of(rel.start), node_of(rel.end), rel.properties);
            continue;
        }
        for (const auto& [k, v] : graph.rel_properties(id)) {
            if (!rel.properties.count(k)) graph.set_rel_property(id, k, cypher::Value());
        }
        for (const auto& [k, v] : rel.properties) graph.set_rel_property(id, k, v);
    }
    for (const auto n : touched.deleted_nodes) graph.delete_node(n, true);
}

// A query's run on an overlay: the base it reads (a copy of the graph as the query began) and the
// overlay, kept for describing the rows' nodes and relationships.
struct OverlayRun {
    cypher::MemoryGraph base;
    std::optional<cypher::WriteOverlay> overlay;
    cypher::QueryResult run(cypher::MemoryGraph& graph, const std::string& query, const cypher::Map& params,
                            const cypher::Limits& limits) {
        base = graph;
        const auto first_node = base.nodes().empty() ? 0 : base.nodes().rbegin()->first + 1;
        const auto first_rel = base.relationships().empty() ? 0 : base.relationships().rbegin()->first + 1;
        overlay.emplace(base, first_node, first_rel);
        auto result = cypher::run_query(*overlay, query, params, limits);
        apply(*overlay, graph);
        return result;
    }
};

enum class Outcome { Passed, Failed, Skipped };

struct Run {
    Outcome outcome = Outcome::Passed;
    std::string why;
};

Run run_scenario(const Scenario& scenario, bool through_overlay) {
    cypher::MemoryGraph graph;
    OverlayRun overlay_run;
    const cypher::PropertyGraph* rows_graph = &graph;  // where the result's nodes are described
    cypher::Map params;
    std::optional<cypher::QueryResult> result;
    std::optional<cypher::CypherError> error;
    std::string other_error;
    Snapshot before;
    const cypher::Limits limits = [] {
        cypher::Limits l;
        l.timeout = std::chrono::milliseconds(10'000);
        l.max_rows = 1'000'000;
        return l;
    }();
    for (const auto& step : scenario.steps) {
        const auto& t = step.text;
        const bool setup = step.keyword == "Given" || t.rfind("having executed", 0) == 0 ||
                           t.rfind("parameters are", 0) == 0;
        if (setup) {
            if (t == "an empty graph" || t == "any graph") continue;
            if (t.rfind("the ", 0) == 0 && t.find(" graph") != std::string::npos)
                return {Outcome::Skipped, "named graph not in the TCK folder: " + t};
            if (t.rfind("there exists a procedure", 0) == 0)
                return {Outcome::Skipped, "procedures (CALL) are not supported"};
            if (t.rfind("having executed", 0) == 0) {
                try {
                    (void)cypher::run_query(graph, step.doc, {}, limits);
                } catch (const std::exception& e) {
                    return {Outcome::Failed, std::string("setup query failed: ") + e.what()};
                }
                continue;
            }
            if (t.rfind("parameters are", 0) == 0) {
                for (const auto& row : step.table) params[row[0]] = tck::parameter_value(row[1]);
                continue;
            }
            return {Outcome::Skipped, "unknown step: " + t};
        }
        if (step.keyword == "When") {
            before = snapshot(graph);
            try {
                if (through_overlay) {
                    result = overlay_run.run(graph, step.doc, params, limits);
                    rows_graph = &*overlay_run.overlay;
                } else {
                    result = cypher::run_query(graph, step.doc, params, limits);
                }
            } catch (const cypher::CypherError& e) {
                error = e;
            } catch (const std::exception& e) {
                other_error = e.what();
            }
            continue;
        }
        // Then
        if (!other_error.empty()) return {Outcome::Failed, "error: " + other_error};
        static const std::regex raised(
            R"(an? (\w+) should be raised at (compile time|runtime|any time): (\S+))");
        std::smatch m;
        if (std::regex_match(t, m, raised)) {
            if (!error)
                return {Outcome::Failed, "expected " + m[1].str() + " (" + m[3].str() + "), got a result"};
            const bool phase_ok =
                m[2] == "any time" ||
                (m[2] == "compile time") == (error->phase() == cypher::CypherError::Phase::Compile);
            if (error->kind() != m[1].str() || !phase_ok) {
                return {Outcome::Failed,
                        "expected " + m[1].str() + " at " + m[2].str() + " (" + m[3].str() + "), got " +
                            error->kind() +
                            (error->phase() == cypher::CypherError::Phase::Compile ? " at compile time: "
                                                                                   : " at runtime: ") +
                            error->what()};
            }
            continue;
        }
        if (error) return {Outcome::Failed, "unexpected " + error->kind() + ": " + error->what()};
        if (t.rfind("the result should be", 0) == 0) {
            if (t == "the result should be empty") {
                if (!result->rows.empty())
                    return {Outcome::Failed, "expected no rows, got " + std::to_string(result->rows.size())};
                continue;
            }
            const bool ordered = t.find("in order") != std::string::npos;
            const bool sort_lists = t.find("ignoring element order for lists") != std::string::npos;
            const auto& header = step.table.at(0);
            if (header != result->columns) {
                std::string got;
                for (const auto& c : result->columns) got += "|" + c;
                return {Outcome::Failed, "columns differ: got " + got};
            }
            std::vector<std::string> expected, actual;
            try {
                for (std::size_t i = 1; i < step.table.size(); ++i) {
                    std::string row;
                    for (const auto& cell : step.table[i])
                        row += tck::canonical_expected(cell, sort_lists) + " | ";
                    expected.push_back(row);
                }
            } catch (const std::exception& e) {
                return {Outcome::Skipped, std::string("expected value notation not read: ") + e.what()};
            }
            for (const auto& r : result->rows) {
                std::string row;
                for (const auto& v : r) row += tck::canonical_actual(v, *rows_graph, sort_lists) + " | ";
                actual.push_back(row);
            }
            if (!ordered) {
                std::sort(expected.begin(), expected.end());
                std::sort(actual.begin(), actual.end());
            }
            if (expected != actual) {
                std::string why = "rows differ: expected";
                for (auto& e : expected) why += "\n      " + e;
                why += "\n    got";
                for (auto& a : actual) why += "\n      " + a;
                return {Outcome::Failed, why};
            }
            continue;
        }
        if (t == "no side effects" || t.rfind("the side effects should be", 0) == 0) {
            const auto after = snapshot(graph);
            std::map<std::string, std::size_t> got{
                {"+nodes", missing_from(after.nodes, before.nodes)},
                {"-nodes", missing_from(before.nodes, after.nodes)},
                {"+relationships", missing_from(after.rels, before.rels)},
                {"-relationships", missing_from(before.rels, after.rels)},
                {"+labels", missing_from(after.labels, before.labels)},
                {"-labels", missing_from(before.labels, after.labels)},
                {"+properties", missing_from(after.properties, before.properties)},
                {"-properties", missing_from(before.properties, after.properties)},
            };
            std::map<std::string, std::size_t> want;
            for (const auto& row : step.table) want[row[0]] = std::stoul(row[1]);
            for (const auto& [k, v] : got) {
                const auto w = want.count(k) ? want[k] : 0;
                if (v != w)
                    return {Outcome::Failed, "side effect " + k + ": expected " + std::to_string(w) +
                                                 ", got " + std::to_string(v)};
            }
            continue;
        }
        return {Outcome::Skipped, "unknown step: " + t};
    }
    return {};
}

// The recorded names of passing scenarios, one a line ("# " lines are comments).
std::optional<std::set<std::string>> read_passing(const fs::path& file) {
    std::ifstream in(file);
    if (!in) return std::nullopt;
    std::set<std::string> names;
    for (std::string l; std::getline(in, l);) {
        if (!l.empty() && l[0] != '#') names.insert(l);
    }
    return names;
}

void write_passing(const fs::path& file, const std::set<std::string>& names) {
    std::ofstream out(file);
    out << "# The openCypher TCK scenarios that pass (written by kizuna-tck --write): feature file, "
           "scenario.\n"
           "# The conformance test fails naming any of them that stops passing.\n";
    for (const auto& n : names) out << n << "\n";
}

// Replaces the table between the markers of docs/cypher.md. False when the markers are missing.
bool write_table(const fs::path& docs, const std::string& table) {
    std::ifstream in(docs);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto text = buffer.str();
    const std::string begin = "<!-- tck-table: written by kizuna-tck --write -->\n";
    const std::string end = "<!-- end of tck-table -->";
    const auto a = text.find(begin);
    const auto b = text.find(end);
    if (a == std::string::npos || b == std::string::npos) return false;
    text = text.substr(0, a + begin.size()) + table + text.substr(b);
    std::ofstream(docs) << text;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: kizuna-tck <opencypher-tck folder> <docs/cypher.md> <passing.txt> [--write] "
                     "[--failures <folder>] [--overlay]\n";
        return 2;
    }
    const fs::path tck = argv[1];
    const fs::path docs = argv[2];
    const fs::path passing_file = argv[3];
    bool write = false;
    bool through_overlay = false;
    std::string show_failures;
    for (int i = 4; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--write") write = true;
        if (a == "--overlay") through_overlay = true;
        if (a == "--failures" && i + 1 < argc) show_failures = argv[++i];
    }
    if (!fs::exists(tck / "features")) {
        std::cout << "The openCypher TCK is not beside the project (" << tck.string()
                  << "): the conformance run is skipped.\n";
        return 77;
    }
    const auto recorded = read_passing(passing_file);
    if (!write && !recorded) {
        std::cerr << passing_file.string()
                  << ": cannot read the recorded passing scenarios (kizuna-tck --write)\n";
        return 1;
    }
    struct Counts {
        std::size_t passed = 0, failed = 0, skipped = 0;
    };
    std::map<std::string, Counts> folders;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(tck / "features")) {
        if (e.path().extension() == ".feature") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::set<std::string> passing;
    std::map<std::string, std::string> why_not;  // scenario → why it did not pass
    for (const auto& file : files) {
        const auto folder = fs::relative(file.parent_path(), tck / "features").generic_string();
        std::map<std::string, int> seen;  // a name twice in one file gets " (2)"
        for (const auto& scenario : read_feature(file)) {
            auto name = folder + "/" + file.filename().string() + ": " + scenario.name;
            if (const int n = ++seen[name]; n > 1) name += " (" + std::to_string(n) + ")";
            const auto run = run_scenario(scenario, through_overlay);
            auto& c = folders[folder];
            if (run.outcome == Outcome::Passed) {
                ++c.passed;
                passing.insert(name);
            } else {
                why_not[name] = (run.outcome == Outcome::Failed ? "failed: " : "skipped: ") + run.why;
            }
            if (run.outcome == Outcome::Failed) ++c.failed;
            if (run.outcome == Outcome::Skipped) ++c.skipped;
            if (!show_failures.empty() && folder.rfind(show_failures, 0) == 0 &&
                run.outcome != Outcome::Passed) {
                std::cout << (run.outcome == Outcome::Failed ? "FAIL " : "SKIP ") << file.filename().string()
                          << " " << scenario.name << "\n    " << run.why << "\n";
            }
        }
    }
    Counts total;
    std::ostringstream table;
    table << "| Feature folder | Passed | Failed | Skipped |\n|---|---:|---:|---:|\n";
    for (const auto& [folder, c] : folders) {
        table << "| " << folder << " | " << c.passed << " | " << c.failed << " | " << c.skipped << " |\n";
        total.passed += c.passed;
        total.failed += c.failed;
        total.skipped += c.skipped;
    }
    table << "| Total | " << total.passed << " | " << total.failed << " | " << total.skipped << " |\n";
    std::cout << table.str();
    if (write) {
        if (!write_table(docs, table.str())) {
            std::cerr << docs.string() << ": the markers of the TCK table are missing\n";
            return 1;
        }
        write_passing(passing_file, passing);
        std::cout << "recorded in " << docs.string() << " and " << passing_file.string() << " ("
                  << passing.size() << " scenarios)\n";
        return 0;
    }
    std::size_t lost = 0, gained = 0;
    for (const auto& name : *recorded) {
        if (passing.count(name)) continue;
        ++lost;
        const auto why = why_not.find(name);
        std::cerr << "REGRESSION: " << name << "\n    "
                  << (why == why_not.end() ? std::string("no longer in the TCK's feature files")
                                           : why->second)
                  << "\n";
    }
    for (const auto& name : passing) {
        if (recorded->count(name)) continue;
        ++gained;
        std::cout << "newly passing: " << name << "\n";
    }
    std::cout << passing.size() << " scenarios pass; " << recorded->size() << " recorded in "
              << passing_file.string() << ", " << lost << " of them no longer pass, " << gained
              << " newly pass" << (gained > 0 ? " (record them with --write)" : "") << "\n";
    return lost > 0 ? 1 : 0;
}
