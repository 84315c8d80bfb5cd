// The aggregates, for the binder (names, arities) and the aggregation operator (which kind to run).
#include "function_table.h"

namespace kizuna::cypher {

void add_aggregate_functions(std::vector<FunctionDef>& table) {
    const auto add = [&table](const char* name, const char* signature, std::size_t arity,
                              AggregateKind kind) {
        FunctionDef f;
        f.name = name;
        f.signature = signature;
        f.min_args = arity;
        f.max_args = arity;
        f.sees_null = true;
        f.aggregate = kind;
        table.push_back(std::move(f));
    };
    add("count", "count(value or *)", 1, AggregateKind::Count);
    add("sum", "sum(number)", 1, AggregateKind::Sum);
    add("avg", "avg(number)", 1, AggregateKind::Avg);
    add("min", "min(value)", 1, AggregateKind::Min);
    add("max", "max(value)", 1, AggregateKind::Max);
    add("collect", "collect(value)", 1, AggregateKind::Collect);
    add("stdev", "stDev(number)", 1, AggregateKind::StDev);
    add("stdevp", "stDevP(number)", 1, AggregateKind::StDevP);
    add("percentilecont", "percentileCont(number, percentile)", 2, AggregateKind::PercentileCont);
    add("percentiledisc", "percentileDisc(number, percentile)", 2, AggregateKind::PercentileDisc);
}

}  // namespace kizuna::cypher
