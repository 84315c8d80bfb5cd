// query: a question in Kizuna's Cypher-compatible subset (docs/cypher.md).
#include <stdexcept>

#include "../fields.h"
#include "kizuna/cypher/parameter.h"

namespace kizuna::app {

// The engine reads the value (its nesting bounded: a hostile parameter cannot exhaust the stack).
void add_query_parameter(cypher::Map& parameters, const std::string& assignment) {
    try {
        auto [name, value] = cypher::parameter_assignment(assignment);
        parameters[name] = std::move(value);
    } catch (const std::invalid_argument& e) {
        throw AppError(ErrorKind::Usage,
                       {Setting{"param"}, " '" + assignment.substr(0, 40) +
                                              (assignment.size() > 40 ? "…" : "") + "': " + e.what()});
    }
}

const Description<QueryRequest>& QueryRequest::description() {
    using R = QueryRequest;
    static const Description<R> description{
        "query",
        "answer any question in Kizuna's Cypher-compatible subset (docs/cypher.md)",
        "Entities are nodes labelled by their kind (:ministry, :company ...); relations are relationships\n"
        "typed by their type (:mou, :acquisition ...), with start, end, category and sources. Examples:\n"
        "  kizuna query \"MATCH (m:ministry)-[r:mou]-(p) RETURN m.name, p.name, r.start\"\n"
        "  kizuna query \"MATCH (n) WHERE matches(n, 'Bo Y te') RETURN n.id\"\n"
        "  kizuna query \"MATCH ()-[r]->() WHERE active(r, '2020') RETURN type(r), count(*)\"\n"
        "  kizuna query 'MATCH (a {id: $id})-[r]-(b) RETURN b.name' --param id=vn-moh\n"
        "  kizuna query -f question.cypher --format json\n"
        "EXPLAIN shows the plan, PROFILE the plan with rows and time per operator. Writing clauses (CREATE,\n"
        "MERGE, SET, REMOVE, DELETE) change the database in one transaction, checked as an import is.",
        {fields::text<R>({.name = "query",
                          .help = "the query text (or -f FILE)",
                          .placeholder = "CYPHER",
                          .positional = true},
                         &R::text),
         {{.name = "param",
           .type = ParamType::List,
           .help = "a parameter: name=value, $name in the query; the value as JSON (42, true, [1,2], "
                   "{\"a\":1}) or plain text; repeat for several",
           .placeholder = "NAME=VALUE"},
          [](R& request, const std::string& value) { add_query_parameter(request.parameters, value); }},
         fields::count<R>({.name = "timeout",
                           .help = "stop the query after this many milliseconds (default 60000)",
                           .placeholder = "MS",
                           .least = 1,
                           .most = kLongestTimeoutMs,
                           .default_value = "60000"},
                          &R::timeout_ms),
         fields::count<R>(
             {.name = "max_rows",
              .help = "stop when the answer, or any step of the query, holds more rows than this "
                      "(default 1000000)",
              .placeholder = "N",
              .least = 1,
              .most = kMostRows,
              .default_value = "1000000"},
             &R::max_rows),
         fields::count<R>({.name = "max_memory",
                           .help = "stop the query when what it holds (lists, strings, maps, rows being "
                                   "sorted, grouped or collected, the answer) passes this many MiB (default "
                                   "1024)",
                           .placeholder = "MIB",
                           .least = 1,
                           .most = std::size_t{1} << 20,
                           .default_value = "1024"},
                          &R::max_memory_mib)}};
    return description;
}

void QueryRequest::validate() const {
    const auto& d = description();
    fields::check_count(d.find("timeout")->param, timeout_ms);
    fields::check_count(d.find("max_rows")->param, max_rows);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw AppError(ErrorKind::Usage,
                       {"no query: give one as an argument, or with -f FILE (kizuna query --help)"});
    }
}

}  // namespace kizuna::app
