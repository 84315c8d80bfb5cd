// kizuna query: a query in Kizuna's Cypher-compatible subset (docs/cypher.md) on the database. Reading
// queries answer from one snapshot; writing ones change the data in one transaction, validated as an
// import is (exit 3 and nothing written when a change is invalid).
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "kizuna/core/errors.h"
#include "kizuna/cypher/parameter.h"
#include "kizuna/cypher/query_answer.h"
#include "views/print_answer.h"

namespace kizuna::cli {
namespace {

// name=value: the value read as JSON when it is JSON (42, true, [1,2], {"a":1}, "text"), else as text.
std::pair<std::string, cypher::Value> parameter(const std::string& assignment) {
    try {
        return cypher::parameter_assignment(assignment);
    } catch (const std::invalid_argument& e) {
        throw UsageError("--param '" + assignment.substr(0, 40) + (assignment.size() > 40 ? "…" : "") +
                         "': " + e.what());
    }
}

}  // namespace

Command add_query(CLI::App& app, Context& context) {
    struct Options {
        std::string text;
        std::string file;
        std::vector<std::string> params;
        std::int64_t timeout_ms = 60'000;
        std::size_t max_rows = 1'000'000;
        std::size_t max_memory_mib = cypher::Limits::kDefaultMaxMemory >> 20;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "query", "answer any question in Kizuna's Cypher-compatible subset (docs/cypher.md)");
    command->footer(
        "Entities are nodes labelled by their kind (:ministry, :company ...); relations are relationships\n"
        "typed by their type (:mou, :acquisition ...), with start, end, category and sources. Examples:\n"
        "  kizuna query \"MATCH (m:ministry)-[r:mou]-(p) RETURN m.name, p.name, r.start\"\n"
        "  kizuna query \"MATCH (n) WHERE matches(n, 'Bo Y te') RETURN n.id\"\n"
        "  kizuna query \"MATCH ()-[r]->() WHERE active(r, '2020') RETURN type(r), count(*)\"\n"
        "  kizuna query 'MATCH (a {id: $id})-[r]-(b) RETURN b.name' --param id=vn-moh\n"
        "  kizuna query -f question.cypher --format json\n"
        "EXPLAIN shows the plan, PROFILE the plan with rows and time per operator. Writing clauses (CREATE,\n"
        "MERGE, SET, REMOVE, DELETE) change the database in one transaction, checked as an import is.");
    command->add_option("query", options->text, "the query text (or -f FILE)")->type_name("CYPHER");
    command->add_option("-f,--file", options->file, "read the query from FILE")->type_name("FILE");
    command
        ->add_option("--param", options->params,
                     "a parameter: name=value, $name in the query; the value as JSON (42, true, [1,2], "
                     "{\"a\":1}) or plain text; repeat for several")
        ->type_name("NAME=VALUE");
    command
        ->add_option("--timeout", options->timeout_ms,
                     "stop the query after this many milliseconds (default 60000)")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{24} * 3600 * 1000))
        ->type_name("MS");
    command
        ->add_option("--max-rows", options->max_rows,
                     "stop when the answer, or any step of the query, holds more rows than this (default "
                     "1000000)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000'000}))
        ->type_name("N");
    command
        ->add_option("--max-memory", options->max_memory_mib,
                     "stop the query when what it holds (lists, strings, maps, rows being sorted, grouped "
                     "or collected, the answer) passes this many MiB (default 1024)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20))
        ->type_name("MIB");
    return {
        command, [&context, options] {
            cypher::QueryRequest request;
            request.lang = context.lang;
            request.limits.timeout = std::chrono::milliseconds(options->timeout_ms);
            request.limits.max_rows = options->max_rows;
            request.limits.max_memory = options->max_memory_mib << 20;
            if (context.shared != nullptr) request.limits.cancelled = context.shared->cancelled;
            if (!options->file.empty()) {
                if (!options->text.empty())
                    throw UsageError("give the query as an argument or with -f, not both");
                std::ifstream in(options->file);
                if (!in) throw UsageError(options->file + ": cannot read the query file");
                std::ostringstream text;
                text << in.rdbuf();
                request.text = text.str();
            } else {
                request.text = options->text;
            }
            if (request.text.find_first_not_of(" \t\r\n") == std::string::npos) {
                throw UsageError("no query: give one as an argument, or with -f FILE (kizuna query --help)");
            }
            for (const auto& p : options->params) request.parameters.insert(parameter(p));
            const std::string where = options->file.empty() ? "query" : options->file;
            try {
                // Warnings go in the JSON's "warnings" list, else to stderr beside the table or CSV.
                const auto answer_with_warnings = [&context](const cypher::QueryAnswer& answer) {
                    if (context.format != OutputFormat::Json) {
                        for (const auto& w : answer.warnings) std::cerr << "warning: " << w << "\n";
                    }
                    print_answer(context, answer);
                };
                if (cypher::query_writes(request.text)) {
                    if (context.shared != nullptr)
                        throw UsageError("a query that writes cannot run through kizuna serve's reading API");
                    Store store = context.open_for_writing();
                    answer_with_warnings(cypher::answer_writing_query(store, request));
                } else {
                    const Loaded data(context);
                    answer_with_warnings(cypher::answer_reading_query(data.snapshot, request));
                }
            } catch (const cypher::CypherError& e) {
                throw UsageError(where + ": " + cypher::caret_message(request.text, e));
            } catch (const cypher::LimitReached& e) {
                // The engine names the limit; the command line adds the option that sets it.
                const char* option = e.limit() == cypher::LimitReached::Limit::Time     ? " (--timeout)"
                                     : e.limit() == cypher::LimitReached::Limit::Rows   ? " (--max-rows)"
                                     : e.limit() == cypher::LimitReached::Limit::Memory ? " (--max-memory)"
                                                                                        : "";
                throw UsageError(where + ": stopped: " + std::string(e.what()) + option);
            }
        }};
}

}  // namespace kizuna::cli
