// path FROM TO: how two entities are connected, relation by relation, with dates and sources.
#include "../fields.h"

namespace kizuna::app {

const Description<PathRequest>& PathRequest::description() {
    using R = PathRequest;
    static const Description<R> description = [] {
        Description<R> d{
            "path",
            "how two entities are connected (shortest paths, with evidence)",
            fields::filter_notes(
                {.directed = true, .evidence = true},
                "Relations are followed both ways unless --directed; each step shows the relation's own "
                "direction (→ along, ← against, ↔ symmetric). No connection is an answer, not an error."),
            {fields::entity<R>("from", "FROM", &R::from), fields::entity<R>("to", "TO", &R::to)}};
        fields::add_filter(d.fields, &R::filter, {.directed = true, .evidence = true});
        d.fields.push_back(fields::flag<R>({.name = "all",
                                            .help = "every shortest path (up to --cap)",
                                            .excludes = {"k", "simple", "in_time_order"}},
                                           &R::all));
        d.fields.push_back(
            fields::count<R>({.name = "k",
                              .help = "the N shortest loopless paths (Yen's algorithm; at most 1000)",
                              .placeholder = "N",
                              .least = 1,
                              .most = kMostShortestPaths,
                              .excludes = {"all", "simple", "in_time_order"}},
                             &R::k));
        d.fields.push_back(fields::count<R>(
            {.name = "max_hops",
             .help = "ignore connections longer than N relations (at most 100; with --simple at most 10)",
             .placeholder = "N",
             .least = 1,
             .most = kMostHops},
            &R::max_hops));
        d.fields.push_back(fields::flag<R>(
            {.name = "simple",
             .help = "every loopless path up to --max-hops relations (default 4), up to --cap",
             .excludes = {"all", "k", "in_time_order"}},
            &R::simple));
        d.fields.push_back(fields::count<R>(
            {.name = "cap",
             .help = "most paths to list with --all or --simple (default 100, at most 10000)",
             .placeholder = "N",
             .least = 1,
             .most = kMostPaths,
             .default_value = "100"},
            &R::cap));
        d.fields.push_back(fields::flag<R>(
            {.name = "in_time_order",
             .help = "connections whose relations follow one another in time (each may already be alive "
                     "when the one before began): the earliest arrival and the fewest hops, each step "
                     "surely or possibly in order, and what blocks when none is",
             .excludes = {"all", "k", "simple", "cap"}},
            &R::in_time_order));
        d.fields.push_back({{.name = "from_date",
                             .type = ParamType::Date,
                             .help = "with --in-time-order: the connection starts no earlier than this date "
                                     "(YYYY, YYYY-MM or YYYY-MM-DD)",
                             .placeholder = "DATE",
                             .long_alias = "from",
                             .needs = {"in_time_order"}},
                            [](R& request, const std::string& value) {
                                request.from_date = fields::parse_date("from_date", value);
                            }});
        return d;
    }();
    return description;
}

void PathRequest::validate() const {
    const auto& d = description();
    if (k) fields::check_count(d.find("k")->param, *k);
    if (max_hops) fields::check_count(d.find("max_hops")->param, *max_hops);
    if (cap) fields::check_count(d.find("cap")->param, *cap);
    if (all && k) throw AppError(ErrorKind::Usage, {Setting{"all"}, " excludes ", Setting{"k"}});
    if (all && simple) throw AppError(ErrorKind::Usage, {Setting{"all"}, " excludes ", Setting{"simple"}});
    if (k && simple) throw AppError(ErrorKind::Usage, {Setting{"k"}, " excludes ", Setting{"simple"}});
    if (in_time_order && (all || k || simple)) {
        throw AppError(ErrorKind::Usage, {Setting{"in_time_order"}, " excludes ",
                                          Setting{all ? "all"
                                                  : k ? "k"
                                                      : "simple"}});
    }
    fields::applies_only(from_date && !in_time_order, "from_date", {Setting{"in_time_order"}});
    if (cap && !all && !simple) {
        throw AppError(ErrorKind::Usage,
                       {Setting{"cap"}, " applies to ", Setting{"all"}, " and ", Setting{"simple"},
                        " (the others list one path, or ", Setting{"k"}, ")"});
    }
    if (simple && max_hops && *max_hops > kMostSimpleHops) {
        throw AppError(ErrorKind::Usage, {Setting{"max_hops"}, ": with ", Setting{"simple"},
                                          " at most " + std::to_string(kMostSimpleHops) +
                                              " (loopless paths multiply with "
                                              "every hop); use ",
                                          Setting{"k"}, " N for the N shortest"});
    }
    (void)filter.filter();
}

}  // namespace kizuna::app
