// kizuna-bench: the benchmark driver that bench/run.py calls. Each subcommand prints one JSON object.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cypher_queries.h"
#include "kizuna/core/errors.h"
#include "operations.h"
#include "synthetic_graph.h"

int main(int argc, char** argv) {
    using namespace kizuna::bench;
    CLI::App app{
        "Kizuna benchmark driver: generates synthetic graphs and measures Kizuna and SQLite on them.\n"
        "Run through bench/run.py, which also runs the peers and checks that answers agree."};
    app.require_subcommand(1);

    SyntheticSpec spec;
    std::string dir;
    auto* generate = app.add_subcommand("generate", "write entities.csv, relations.csv and pairs.csv");
    generate->add_option("--relations", spec.relations, "number of relations")->required();
    generate->add_option("--entities", spec.entities, "number of entities (default relations/10)");
    generate->add_option("--seed", spec.seed, "random seed")->capture_default_str();
    generate->add_option("--pairs", spec.pairs, "random pairs for path queries")->capture_default_str();
    generate->add_option("--dir", dir, "output folder")->required();

    std::string db, pairs_file;
    std::size_t sample = 100, limit = 50;
    auto* import = app.add_subcommand("import", "import the CSV files of a folder into a new database");
    import->add_option("--db", db, "database to create (replaced if present)")->required();
    import->add_option("--dir", dir, "folder written by generate")->required();

    auto* queries = app.add_subcommand("queries", "graph build and queries on a database");
    queries->add_option("--db", db)->required();
    queries->add_option("--pairs", pairs_file, "pairs.csv written by generate")->required();
    queries->add_option("--sample", sample, "queries of the slower kinds (ego, simple paths)")
        ->capture_default_str();

    std::optional<std::string> from_date;
    auto* time_paths = app.add_subcommand("time-paths", "path --in-time-order for the first --sample pairs");
    time_paths->add_option("--db", db)->required();
    time_paths->add_option("--pairs", pairs_file)->required();
    time_paths->add_option("--sample", sample, "pairs to answer")->capture_default_str();
    time_paths->add_option("--from-date", from_date, "the connections start no earlier than this date");

    auto* cte = app.add_subcommand("sqlite-cte", "shortest connections by a recursive CTE in SQLite");
    cte->add_option("--db", db)->required();
    cte->add_option("--pairs", pairs_file)->required();
    cte->add_option("--limit", limit, "pairs to answer")->capture_default_str();

    std::size_t starts = 1000, repeats = 5;
    auto* cypher = app.add_subcommand(
        "cypher", "the query language's shapes: two-hop counts, a typed and dated filter, shortestPath");
    cypher->add_option("--db", db)->required();
    cypher->add_option("--pairs", pairs_file)->required();
    cypher->add_option("--starts", starts, "start entities and pairs")->capture_default_str();
    cypher->add_option("--repeats", repeats, "runs of the filter over every relation")->capture_default_str();

    CLI11_PARSE(app, argc, argv);
    try {
        nlohmann::json out;
        if (*generate) {
            const auto files = write_synthetic_graph(spec, dir);
            out = {{"entities", files.entity_count}, {"relations", files.relation_count}, {"dir", dir}};
        } else if (*import) {
            out = measure_import(db, dir);
        } else if (*queries) {
            out = measure_queries(db, read_pairs(pairs_file), sample);
        } else if (*time_paths) {
            out = measure_time_paths(db, read_pairs(pairs_file), sample, from_date);
        } else if (*cypher) {
            out = measure_cypher(db, read_pairs(pairs_file), starts, repeats);
        } else if (*cte) {
            out = measure_sqlite_cte(db, read_pairs(pairs_file), limit);
        }
        std::cout << out.dump() << '\n';
        return 0;
    } catch (const kizuna::Error& e) {
        std::cerr << "kizuna-bench: " << e.what() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "kizuna-bench: " << e.what() << '\n';
    }
    return 1;
}
