#include "operations.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <stdexcept>

#include "kizuna/core/graph.h"
#include "kizuna/core/store.h"
#include "kizuna/importers/import.h"
#include "kizuna/queries/ego.h"
#include "kizuna/queries/partners.h"
#include "kizuna/queries/path.h"
#include "kizuna/queries/time_path.h"
#include "measure.h"

namespace kizuna::bench {

namespace {

nlohmann::json latency(const std::vector<double>& seconds) {
    return {{"count", seconds.size()},
            {"p50_ms", percentile(seconds, 0.50) * 1e3},
            {"p99_ms", percentile(seconds, 0.99) * 1e3}};
}

VertexId vertex(const Graph& graph, const std::string& id) {
    const auto v = graph.find(id);
    if (!v) throw std::runtime_error("pair names an entity not in the database: " + id);
    return *v;
}

// Where the database's bytes go: each table and index (SQLite's dbstat), and within the relations table
// each column's stored payload (integers by their varint size, text by its bytes) and the rest (record
// headers, row ids, page space). For bench/README's breakdown.
nlohmann::json disk_breakdown(const std::filesystem::path& db) {
    SQLite::Database sqlite(db.string(), SQLite::OPEN_READONLY);
    nlohmann::json objects = nlohmann::json::object();
    SQLite::Statement pages(sqlite, "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC");
    while (pages.executeStep()) objects[pages.getColumn(0).getString()] = pages.getColumn(1).getInt64();
    nlohmann::json columns = nlohmann::json::object();
    const char* const integer_bytes =
        "CASE WHEN %1 BETWEEN 0 AND 1 THEN 0 WHEN abs(%1) < 128 THEN 1 WHEN abs(%1) < 32768 THEN 2 "
        "WHEN abs(%1) < 8388608 THEN 3 WHEN abs(%1) < 2147483648 THEN 4 ELSE 6 END";
    auto integer = [&](const std::string& column) {
        std::string expression = integer_bytes;
        for (auto at = expression.find("%1"); at != std::string::npos; at = expression.find("%1"))
            expression.replace(at, 2, column);
        return "sum(" + expression + ")";
    };
    const std::vector<std::pair<std::string, std::string>> sums = {
        {"id", "sum(length(CAST(id AS BLOB)))"},
        {"type", "sum(length(CAST(type AS BLOB)))"},
        {"src", integer("src")},
        {"dst", integer("dst")},
        {"start", "sum(coalesce(length(CAST(start AS BLOB)), 0))"},
        {"end", "sum(coalesce(length(CAST(\"end\" AS BLOB)), 0))"},
        {"attributes", "sum(length(CAST(attributes AS BLOB)))"},
        {"sources", "sum(length(CAST(sources AS BLOB)))"}};
    std::string query = "SELECT ";
    for (const auto& [name, sum] : sums) query += sum + ", ";
    query += "count(*) FROM relations";
    SQLite::Statement payload(sqlite, query);
    payload.executeStep();
    std::int64_t total = 0;
    for (int i = 0; i < static_cast<int>(sums.size()); ++i) {
        columns[sums[static_cast<std::size_t>(i)].first] = payload.getColumn(i).getInt64();
        total += payload.getColumn(i).getInt64();
    }
    const std::int64_t table = objects.value("relations", std::int64_t{0});
    columns["record headers, row ids, free space"] = table - total;
    return {{"objects", objects}, {"relation_columns", columns}};
}

}  // namespace

Pairs read_pairs(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot read");
    Pairs pairs;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto comma = line.find(',');
        if (comma == std::string::npos) continue;
        pairs.emplace_back(line.substr(0, comma), line.substr(comma + 1));
    }
    return pairs;
}

nlohmann::json measure_import(const std::filesystem::path& db, const std::filesystem::path& dir) {
    for (const char* suffix : {"", "-wal", "-shm", "-graph"}) std::filesystem::remove(db.string() + suffix);
    ImportReport report;
    double seconds = 0;
    {
        Store store = Store::open(db, Store::Mode::Create);
        const Stopwatch clock;
        report = import_files(store, {dir});
        seconds = clock.seconds();
    }  // closing checkpoints the write-ahead log into the file
    const auto relations = static_cast<double>(report.relations_read);
    return {{"entities", report.entities_read},
            {"relations", report.relations_read},
            {"seconds", seconds},
            {"relations_per_second", relations / seconds},
            {"db_bytes", database_bytes(db)},
            {"db_bytes_per_relation", static_cast<double>(database_bytes(db)) / relations},
            {"peak_rss_bytes", peak_rss_bytes()},
            {"disk", disk_breakdown(db)}};
}

nlohmann::json measure_queries(const std::filesystem::path& db, const Pairs& pairs, std::size_t sample) {
    nlohmann::json out;
    const Store store = Store::open(db, Store::Mode::ReadOnly);
    {
        const Stopwatch clock;
        const Graph built = Graph::build(store);
        const double seconds = clock.seconds();
        out["graph_from_sqlite"] = {
            {"seconds", seconds},
            {"relations_per_second", static_cast<double>(built.relation_count()) / seconds}};
        Graph::save_cache(store, built);
    }
    const Stopwatch clock;
    const Graph graph = Graph::load(store);
    const double load_seconds = clock.seconds();
    const auto relations = static_cast<double>(graph.relation_count());
    out["graph_from_cache"] = {{"seconds", load_seconds}, {"relations_per_second", relations / load_seconds}};
    out["relations"] = graph.relation_count();
    out["entities"] = graph.vertex_count();
    const auto memory = graph.memory_use();
    out["graph_bytes"] = memory.total();
    out["graph_bytes_per_relation"] = static_cast<double>(memory.total()) / relations;
    out["graph_bytes_per_relation_by_part"] = {
        {"adjacency", static_cast<double>(memory.adjacency) / relations},
        {"relation_attributes", static_cast<double>(memory.relations) / relations},
        {"row_ids", static_cast<double>(memory.row_ids) / relations},
        {"entities", static_cast<double>(memory.entities) / relations}};

    std::vector<double> times;
    std::vector<long> lengths;
    for (const auto& [a, b] : pairs) {
        const VertexId from = vertex(graph, a), to = vertex(graph, b);
        const Stopwatch one;
        const auto path = shortest_path(graph, from, to, {});
        times.push_back(one.seconds());
        lengths.push_back(path ? static_cast<long>(path->length()) : -1);
    }
    out["path"] = latency(times);
    out["path_lengths"] = lengths;

    const std::size_t n = std::min(sample, pairs.size());
    times.clear();
    PartnerQuery partner_query;
    partner_query.filter.types = {"mou", "partnership"};
    partner_query.filter.as_of = PartialDate::parse("2015");
    std::size_t links = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const VertexId v = vertex(graph, pairs[i].first);
        const Stopwatch one;
        links += partners(graph, v, partner_query).size();
        times.push_back(one.seconds());
    }
    out["partners_type_date"] = latency(times);
    out["partners_type_date"]["links_found"] = links;

    times.clear();
    std::size_t reached = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const VertexId v = vertex(graph, pairs[i].first);
        const Stopwatch one;
        reached += ego_network(graph, v, 2, {}).vertices.size();
        times.push_back(one.seconds());
    }
    out["ego_2_hops"] = latency(times);
    out["ego_2_hops"]["mean_entities"] = n ? static_cast<double>(reached) / static_cast<double>(n) : 0;

    times.clear();
    constexpr std::size_t kSimplePathCap = 1000;
    std::size_t capped = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const VertexId from = vertex(graph, pairs[i].first), to = vertex(graph, pairs[i].second);
        const Stopwatch one;
        const auto found = all_simple_paths(graph, from, to, {}, 4, kSimplePathCap);
        times.push_back(one.seconds());
        if (found.truncated) ++capped;
    }
    out["simple_paths_4_hops"] = latency(times);
    out["simple_paths_4_hops"]["cap"] = kSimplePathCap;
    out["simple_paths_4_hops"]["capped_queries"] = capped;
    out["time_ordered_paths"] = time_ordered_latency(graph, pairs, n, std::nullopt);
    out["peak_rss_bytes"] = peak_rss_bytes();
    return out;
}

nlohmann::json time_ordered_latency(const Graph& graph, const Pairs& pairs, std::size_t n,
                                    const std::optional<std::string>& from_date) {
    std::vector<double> times;
    std::size_t found = 0, connected = 0;
    TimePathQuery query;
    if (from_date) query.from = PartialDate::parse_or_throw(*from_date);
    for (std::size_t i = 0; i < std::min(n, pairs.size()); ++i) {
        const VertexId from = vertex(graph, pairs[i].first), to = vertex(graph, pairs[i].second);
        const Stopwatch one;
        const TimePaths paths = time_respecting_paths(graph, from, to, query);
        times.push_back(one.seconds());
        if (paths.earliest_arrival) ++found;
        if (paths.connected || paths.earliest_arrival) ++connected;
    }
    nlohmann::json out = latency(times);
    out["in_time_order"] = found;
    out["connected"] = connected;
    out["from_date"] = from_date ? nlohmann::json(*from_date) : nlohmann::json();
    return out;
}

nlohmann::json measure_time_paths(const std::filesystem::path& db, const Pairs& pairs, std::size_t n,
                                  const std::optional<std::string>& from_date) {
    const Store store = Store::open(db, Store::Mode::ReadOnly);
    const Graph graph = Graph::load(store);
    nlohmann::json out = time_ordered_latency(graph, pairs, n, from_date);
    out["relations"] = graph.relation_count();
    return out;
}

nlohmann::json measure_sqlite_cte(const std::filesystem::path& db, const Pairs& pairs, std::size_t limit) {
    SQLite::Database sqlite(db, SQLite::OPEN_READWRITE);
    // What a user of plain SQLite would add for this query: indexes by endpoint. (Kizuna keeps none: its
    // queries start from the graph.) Built before timing, and reported.
    const Stopwatch indexing;
    sqlite.exec(
        "CREATE INDEX IF NOT EXISTS bench_relations_src ON relations(src); "
        "CREATE INDEX IF NOT EXISTS bench_relations_dst ON relations(dst);");
    const double index_seconds = indexing.seconds();
    // Breadth-first over both directions of the relations table; UNION drops repeated (node, depth)
    // rows and the queue is first-in first-out, so the first row that reaches the goal is the shortest.
    SQLite::Statement query(sqlite, R"sql(
        WITH RECURSIVE reach(node, depth) AS (
            SELECT eid, 0 FROM entities WHERE id = ?1
            UNION
            SELECT r.dst, reach.depth + 1 FROM reach JOIN relations r ON r.src = reach.node WHERE reach.depth < 10
            UNION
            SELECT r.src, reach.depth + 1 FROM reach JOIN relations r ON r.dst = reach.node WHERE reach.depth < 10)
        SELECT depth FROM reach WHERE node = (SELECT eid FROM entities WHERE id = ?2) LIMIT 1)sql");
    std::vector<double> times;
    std::vector<long> lengths;
    for (std::size_t i = 0; i < std::min(limit, pairs.size()); ++i) {
        query.bind(1, pairs[i].first);
        query.bind(2, pairs[i].second);
        const Stopwatch one;
        const long length = query.executeStep() ? query.getColumn(0).getInt() : -1;
        times.push_back(one.seconds());
        query.reset();
        lengths.push_back(length);
    }
    nlohmann::json out = {
        {"path", latency(times)}, {"path_lengths", lengths}, {"index_seconds", index_seconds}};
    return out;
}

}  // namespace kizuna::bench
