// The stages of a query: parse (parser.h), bind (binder.h), plan (a chain of operators per part of a
// UNION, operators.h), execute (pull every row from the last operator), under the limits.
#include "kizuna/cypher/engine.h"

#include <iomanip>
#include <set>
#include <sstream>

#include "binder.h"
#include "matcher.h"
#include "operators.h"
#include "parser.h"
#include "vocabulary_warnings.h"

namespace kizuna::cypher {
namespace {

std::unique_ptr<Operator> plan_part(const SingleQuery& part, int width, Context& context,
                                    const Row* seed = nullptr) {
    auto op = make_start(width, seed);
    for (const auto& c : part.clauses) {
        switch (c.kind) {
            case ClauseKind::Match:
                op = make_match(std::move(op), c, *context.graph);
                break;
            case ClauseKind::Unwind:
                op = make_unwind(std::move(op), c);
                break;
            case ClauseKind::With:
            case ClauseKind::Return:
                op = make_projection(std::move(op), c, context);
                break;
            case ClauseKind::Create:
                op = make_create(std::move(op), c);
                break;
            case ClauseKind::Merge:
                op = make_merge(std::move(op), c);
                break;
            case ClauseKind::Set:
                op = make_set(std::move(op), c);
                break;
            case ClauseKind::Remove:
                op = make_remove(std::move(op), c);
                break;
            case ClauseKind::Delete:
                op = make_delete(std::move(op), c);
                break;
        }
    }
    return op;
}

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

QueryResult run_unguarded(PropertyGraph& graph, const std::string& text, const Map& parameters,
                          const Limits& limits) {
    Query q = parse_query(text);
    bind(q, graph);
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
    context.match = [&context](const std::vector<PatternPart>& parts, Row& row, const ExprPtr& where,
                               const std::function<bool(Row&)>& found) {
        // Plans of pattern expressions are made per call: they are small.
        const auto plan = plan_match(parts, where);
        match_pattern(parts, plan, row, context, found);
    };

    context.exists = [&context, &q](const SingleQuery& sub, const Row& row) {
        // Planned per call from the enclosing row: subqueries are small, and the row seeds their start.
        auto plan = plan_part(sub, q.slots, context, &row);
        Row out;
        return plan->next(out, context);
    };

    const auto& first_return = q.parts.front().clauses.back();
    if (first_return.kind == ClauseKind::Return) {
        for (const auto& item : first_return.projection.items) result.columns.push_back(item.alias);
    }
    std::vector<std::unique_ptr<Operator>> plans;
    for (const auto& part : q.parts) plans.push_back(plan_part(part, q.slots, context));

    std::ostringstream plan_text;
    if (q.explain) {
        for (std::size_t i = 0; i < plans.size(); ++i) {
            if (i > 0) plan_text << (q.union_all[i - 1] ? "UNION ALL\n" : "UNION\n");
            describe(*plans[i], false, plan_text);
        }
        result.plan = plan_text.str();
        return result;
    }

    const bool distinct_union =
        std::any_of(q.union_all.begin(), q.union_all.end(), [](bool all) { return !all; });
    struct RowLess {
        bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
            for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
                if (auto c = order(a[i], b[i])) return c < 0;
            }
            return a.size() < b.size();
        }
    };
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
    if (q.profile) {
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
