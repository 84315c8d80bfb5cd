// The stages of a query: parse (parser.h), bind (binder.h: the bound tree), plan (logical_plan.h: a
// logical plan per part of a UNION, rewritten, then operators), execute (pull every row from the last
// operator), under the limits.
#include "kizuna/cypher/engine.h"

#include <iomanip>
#include <map>
#include <set>
#include <sstream>

#include "binder.h"
#include "logical_plan.h"
#include "operators/operator.h"
#include "parser.h"
#include "vocabulary_warnings.h"

namespace kizuna::cypher {
namespace {

void describe(const Operator& op, bool profile, std::ostringstream& out) {
    std::vector<const Operator*> chain;
    for (const Operator* o = &op; o; o = o->input()) chain.push_back(o);
    for (const auto* o : chain) {
        out << "  " << std::left << std::setw(14) << o->name();
        if (profile) {
            const auto own = o->time() - (o->input() ? o->input()->time() : std::chrono::nanoseconds{0});
            out << std::right << std::setw(9) << o->rows() << " rows " << std::setw(9) << std::fixed
                << std::setprecision(3) << static_cast<double>(own.count()) / 1e6 << " ms  ";
        }
        out << o->detail << "\n";
    }
}

}  // namespace

std::string caret_message(const std::string& query, const CypherError& error) {
    std::string message = error.kind() + ": " + error.what();
    if (error.line() <= 0) return message;
    std::istringstream lines(query);
    std::string line;
    for (int i = 1; std::getline(lines, line); ++i) {
        if (i == error.line()) {
            message = "line " + std::to_string(error.line()) + ", column " + std::to_string(error.column()) +
                      ": " + message + "\n  " + line + "\n  " +
                      std::string(static_cast<std::size_t>(std::max(0, error.column() - 1)), ' ') + "^";
            break;
        }
    }
    return message;
}

bool query_writes(const std::string& text) {
    const auto q = parse_query(text);
    for (const auto& part : q.parts) {
        for (const auto& c : part.clauses) {
            if (c.kind == ClauseKind::Create || c.kind == ClauseKind::Merge || c.kind == ClauseKind::Set ||
                c.kind == ClauseKind::Remove || c.kind == ClauseKind::Delete) {
                return true;
            }
        }
    }
    return false;
}

namespace {

// Pattern expressions and subqueries are planned once, on first use (their anchors depend only on which
// variables the enclosing query binds); a subquery's operators are made per enclosing row, which seeds
// their start.
struct Subplans {
    std::map<const void*, std::unique_ptr<LogicalOp>> patterns;
    std::map<const void*, const LogicalOp*> planned;               // with the query (LogicalOp::applies)
    std::map<const void*, std::unique_ptr<LogicalOp>> subqueries;  // planned on first use
};

void install_subplanners(Context& context, Subplans& subplans) {
    context.match = [&context, &subplans](const std::vector<PatternPart>& parts, Row& row,
                                          const ExprPtr& where, const std::function<bool(Row&)>& found) {
        auto& plan = subplans.patterns[&parts];
        if (!plan) {
            auto start = std::make_unique<LogicalOp>();
            start->name = "Argument";
            plan = plan_pattern(parts, where, std::move(start), context);
        }
        auto matches = physical_plan(*plan, context, &row);
        for (Row m; matches->next(m, context);) {
            if (!found(m)) return;
        }
    };
    context.exists = [&context, &subplans](const SingleQuery& sub, const Row& row) {
        const LogicalOp* logical = nullptr;
        if (auto found = subplans.planned.find(&sub); found != subplans.planned.end()) {
            logical = found->second;
        } else {
            auto& owned = subplans.subqueries[&sub];
            if (!owned) owned = plan_single(sub, context);
            logical = owned.get();
        }
        auto op = physical_plan(*logical, context, &row);
        Row out;
        return op->next(out, context);
    };
}

// EXPLAIN: the plan as the rows of a one-column answer, which every output format shows.
void explain_into(const LogicalPlan& logical, QueryResult& result) {
    result.columns = {"plan"};
    std::ostringstream plan_text;
    for (auto& line : explain_lines(logical)) {
        plan_text << line << "\n";
        result.rows.push_back({Value(std::move(line))});
    }
    result.plan = plan_text.str();
}

// Pulls every row of each part's operators into the answer (UNION without ALL keeps each row once).
void run_parts(const Query& q, std::vector<std::unique_ptr<Operator>>& plans, Context& context,
               QueryResult& result) {
    const bool distinct_union =
        std::any_of(q.union_all.begin(), q.union_all.end(), [](bool all) { return !all; });
    std::set<std::vector<Value>, RowLess> seen;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const auto& last = q.parts[i].clauses.back();
        Row row;
        while (plans[i]->next(row, context)) {
            if (last.kind != ClauseKind::Return) continue;
            std::vector<Value> out;
            out.reserve(last.projection.items.size());
            for (const auto& item : last.projection.items)
                out.push_back(row[static_cast<std::size_t>(item.slot)]);
            if (distinct_union && seen.count(out)) continue;
            // The answer is held until the query ends: its rows count on the memory budget.
            context.budget.hold(footprint(out) * (distinct_union ? 2 : 1));
            if (distinct_union) seen.insert(out);
            result.rows.push_back(std::move(out));
            context.budget.check_rows(result.rows.size(), "the answer has");
        }
        plans[i]->finish(context);
    }
}

QueryResult run_unguarded(PropertyGraph& graph, const std::string& text, const Map& parameters,
                          const Limits& limits) {
    const Query parsed = parse_query(text);
    const Query q = bind(parsed);
    QueryResult result;
    result.warnings = vocabulary_warnings(q, graph);
    result.explain = q.explain;
    result.profile = q.profile;
    Context context;
    context.graph = &graph;
    context.parameters = &parameters;
    context.budget = Budget(limits);
    context.writes = &result.writes;
    context.width = static_cast<std::size_t>(q.slots);
    context.profile = q.profile;
    Subplans subplans;
    install_subplanners(context, subplans);
    const auto& first_return = q.parts.front().clauses.back();
    if (first_return.kind == ClauseKind::Return) {
        for (const auto& item : first_return.projection.items) result.columns.push_back(item.alias);
    }
    const LogicalPlan logical = plan_query(q, context);
    for (const auto& part : logical.parts) {
        for_each_logical(*part, [&subplans](const LogicalOp& op) {
            for (const auto& [sub, plan] : op.applies) subplans.planned[sub] = plan.get();
        });
    }
    if (q.explain) {
        explain_into(logical, result);
        return result;
    }
    std::vector<std::unique_ptr<Operator>> plans;
    for (const auto& part : logical.parts) plans.push_back(physical_plan(*part, context));
    run_parts(q, plans, context, result);
    if (q.profile) {
        std::ostringstream plan_text;
        for (std::size_t i = 0; i < plans.size(); ++i) {
            if (i > 0) plan_text << (q.union_all[i - 1] ? "UNION ALL\n" : "UNION\n");
            describe(*plans[i], true, plan_text);
        }
        result.plan = plan_text.str();
    }
    return result;
}

}  // namespace

QueryResult run_query(PropertyGraph& graph, const std::string& text, const Map& parameters,
                      const Limits& limits) {
    try {
        return run_unguarded(graph, text, parameters, limits);
    } catch (const std::bad_alloc&) {
        // The budget estimates; the machine may still have less: the same limit, never a crash.
        throw LimitReached(LimitReached::Limit::Memory,
                           "the query needs more memory than the machine can give it (the memory limit is " +
                               bytes_text(limits.max_memory) + "); narrow it or lower the limit");
    }
}

}  // namespace kizuna::cypher
