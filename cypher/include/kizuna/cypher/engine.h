#pragma once
// Running a query: text → parser → binder → planner → executor over a PropertyGraph.
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "kizuna/cypher/errors.h"
#include "kizuna/cypher/property_graph.h"
#include "kizuna/cypher/value.h"

namespace kizuna::cypher {

// What a query may spend. Reaching a limit stops the query with LimitReached naming it (a writing query
// then writes nothing).
struct Limits {
    std::chrono::milliseconds timeout{30'000};
    std::size_t max_rows = 1'000'000;  // rows of the answer, and rows any one operator may hold
    // Bytes the query may hold at once: its lists, strings and maps, and the rows kept by sorting,
    // grouping, DISTINCT, collect() and the answer (estimated: budget.h).
    std::size_t max_memory = kDefaultMaxMemory;
    // When the time limit starts counting; the default (epoch) is when run_query starts. A writing query
    // sets it before reading the data, so that loading and writing count too.
    std::chrono::steady_clock::time_point started{};
    static constexpr std::size_t kDefaultMaxMemory = std::size_t{1} << 30;  // 1 GiB
    // Asked with the timeout: true stops the query (`kizuna serve`: its client has gone).
    std::function<bool()> cancelled;
};

// What a query changed.
struct WriteCounts {
    std::size_t nodes_created = 0;
    std::size_t nodes_deleted = 0;
    std::size_t relationships_created = 0;
    std::size_t relationships_deleted = 0;
    std::size_t properties_set = 0;
    std::size_t labels_added = 0;
    std::size_t labels_removed = 0;
    [[nodiscard]] bool any() const {
        return nodes_created + nodes_deleted + relationships_created + relationships_deleted +
                   properties_set + labels_added + labels_removed >
               0;
    }
};

struct QueryResult {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
    WriteCounts writes;
    // EXPLAIN: the plan, no rows. PROFILE: the plan with rows and time per operator, and the rows.
    std::string plan;
    bool explain = false;
    bool profile = false;
    // Notifications that do not stop the query (a label in no vocabulary ...).
    std::vector<std::string> warnings;
};

// Whether the query text may write (has CREATE, MERGE, SET, REMOVE or DELETE): callers open a write
// transaction for it. Throws CypherError for a syntax error.
[[nodiscard]] bool query_writes(const std::string& text);

// Runs one query. Throws CypherError (syntax, semantic, runtime errors) or LimitReached.
[[nodiscard]] QueryResult run_query(PropertyGraph& graph, const std::string& text, const Map& parameters,
                                    const Limits& limits = {});

}  // namespace kizuna::cypher
