// kizuna path FROM TO: how two entities are connected, relation by relation, with dates and sources.
#include <CLI/CLI.hpp>

#include "commands.h"
#include "filter_options.h"
#include "kizuna/core/errors.h"
#include "kizuna/queries/answers/path_answer.h"
#include "option_limits.h"
#include "views/print_answer.h"

namespace kizuna::cli {

Command add_path(CLI::App& app, Context& context) {
    struct Options {
        std::string from, to;
        FilterOptions filter;
        bool all = false;
        std::size_t k = 0;
        std::size_t max_hops = 0;  // 0: no bound
        bool simple = false;
        std::size_t cap = 100;
    };
    auto options = std::make_shared<Options>();
    auto* command =
        app.add_subcommand("path", "how two entities are connected (shortest paths, with evidence)");
    command->add_option("from", options->from, "id or any name or alias")->required()->type_name("FROM");
    command->add_option("to", options->to, "id or any name or alias")->required()->type_name("TO");
    options->filter.add_to(
        *command, {.directed = true, .evidence = true},
        "Relations are followed both ways unless --directed; each step shows the relation's own "
        "direction (→ along, ← against, ↔ symmetric). No connection is an answer, not an error.");
    auto* all = command->add_flag("--all", options->all, "every shortest path (up to --cap)");
    auto* k =
        command
            ->add_option("--k", options->k, "the N shortest loopless paths (Yen's algorithm; at most 1000)")
            ->check(count_between(1, kMostShortestPaths))
            ->type_name("N");
    command
        ->add_option("--max-hops", options->max_hops,
                     "ignore connections longer than N relations (at most 100; with --simple at most 10)")
        ->check(count_between(1, kMostHops))
        ->type_name("N");
    auto* simple =
        command->add_flag("--simple", options->simple,
                          "every loopless path up to --max-hops relations (default 4), up to --cap");
    command
        ->add_option("--cap", options->cap,
                     "most paths to list with --all or --simple (default 100, at most 10000)")
        ->check(count_between(1, kMostPaths))
        ->type_name("N");
    all->excludes(k)->excludes(simple);
    k->excludes(simple);
    return {
        command, [&context, options, command] {
            if (command->count("--cap") > 0 && !options->all && !options->simple) {
                throw UsageError("--cap applies to --all and --simple (the others list one path, or --k)");
            }
            if (options->simple && options->max_hops > kMostSimpleHops) {
                throw UsageError("--max-hops: with --simple at most " + std::to_string(kMostSimpleHops) +
                                 " (loopless paths multiply with every hop); use --k N for the N shortest");
            }
            PathRequest request;
            request.filter = options->filter.filter();
            if (options->max_hops > 0) request.max_hops = options->max_hops;
            request.cap = options->cap;
            request.k = options->k;
            request.mode = options->simple  ? PathRequest::Mode::Simple
                           : options->all   ? PathRequest::Mode::AllShortest
                           : options->k > 0 ? PathRequest::Mode::KShortest
                                            : PathRequest::Mode::Shortest;
            const Loaded data(context);
            const VertexId from = data.vertex(options->from);
            const VertexId to = data.vertex(options->to);
            print_answer(context, answer_path(data.snapshot, from, to, request));
        }};
}

}  // namespace kizuna::cli
