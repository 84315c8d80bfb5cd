#include "filter_options.h"

#include <CLI/CLI.hpp>

#include "context.h"

namespace kizuna::cli {

void FilterOptions::add_to(CLI::App& command, bool with_directed) {
    command.add_option("--type,-t", types, "only relations of this type (repeatable; see `kizuna stats`)")
        ->type_name("TYPE");
    command.add_option("--as-of", as_of, "only relations active at this date (YYYY, YYYY-MM or YYYY-MM-DD)")
        ->type_name("DATE");
    command.add_option("--since", since, "only relations active at some time on or after this date")
        ->type_name("DATE");
    command.add_option("--until", until, "only relations active at some time on or before this date")
        ->type_name("DATE");
    if (with_directed) {
        command.add_flag("--directed", directed,
                         "follow relations only in their own direction (acquirer -> target ...); "
                         "symmetric types such as mou still go both ways");
    }
}

RelationFilter FilterOptions::filter() const {
    RelationFilter filter;
    filter.types = types;
    filter.as_of = date_option("--as-of", as_of);
    filter.since = date_option("--since", since);
    filter.until = date_option("--until", until);
    filter.directed = directed;
    return filter;
}

}  // namespace kizuna::cli
