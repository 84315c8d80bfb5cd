// Aggregation (WITH and RETURN with aggregates): rows grouped by the items that are not aggregates, each
// aggregate run per group by its kind (resolved when binding), then the items evaluated on each group.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "functions/function_table.h"
#include "kizuna/cypher/errors.h"
#include "operators/operator.h"

namespace kizuna::cypher {

void project_items(const Projection& p, Row& row, Context& context);

namespace {

using T = Value::Type;

// One aggregate's running state.
struct Accumulator {
    std::int64_t count = 0;
    bool any_float = false;
    std::int64_t int_sum = 0;
    double float_sum = 0;
    bool overflow = false;
    Value best;
    List values;
    std::vector<double> numbers;
    std::set<Value, bool (*)(const Value&, const Value&)> seen{
        [](const Value& a, const Value& b) { return order(a, b) < 0; }};  // DISTINCT
};

class Aggregate : public GatheringOperator {
  public:
    Aggregate(OperatorPtr input, const Projection& projection)
        : GatheringOperator("Aggregate", std::move(input)), p_(projection) {}

  protected:
    void gather(Context& context) override { out_ = group(context); }

  private:
    void add(Accumulator& acc, const ExprPtr& call, Row& row, Context& context) {
        using K = AggregateKind;
        const auto name = call->function->aggregate;
        if (call->star) {
            ++acc.count;
            return;
        }
        Value v = evaluate(*call->args[0], row, context);
        if (v.is_null()) return;
        if (call->distinct) {
            if (acc.seen.count(v)) return;
            hold(Row{v}, context);
            acc.seen.insert(v);
        }
        ++acc.count;
        if (name == K::Collect) {
            hold(Row{v}, context);
            acc.values.push_back(v);
        } else if (name == K::Sum || name == K::Avg || name == K::StDev || name == K::StDevP) {
            if (!v.is_number()) type_error(call->name + "() needs numbers, not a " + type_name(v.type()));
            if (v.type() == T::Float) acc.any_float = true;
            if (v.type() == T::Int && !acc.overflow) {
                if (__builtin_add_overflow(acc.int_sum, v.as_int(), &acc.int_sum)) acc.overflow = true;
            }
            acc.float_sum += v.as_number();
            if (name == K::StDev || name == K::StDevP) {
                context.budget.hold(sizeof(double));
                held_bytes_ += sizeof(double);
                acc.numbers.push_back(v.as_number());
            }
        } else if (name == K::Min || name == K::Max) {
            if (acc.best.is_null()) {
                acc.best = v;
            } else {
                const int c = order(v, acc.best);
                // Across types, min and max follow the orderability order.
                if ((name == K::Min && c < 0) || (name == K::Max && c > 0)) acc.best = v;
            }
        } else if (name == K::PercentileCont || name == K::PercentileDisc) {
            if (!v.is_number()) type_error(call->name + "() needs numbers");
            context.budget.hold(sizeof(double));
            held_bytes_ += sizeof(double);
            acc.numbers.push_back(v.as_number());
            const auto pct = evaluate(*call->args[1], row, context);
            if (!pct.is_number() || pct.as_number() < 0 || pct.as_number() > 1) {
                throw CypherError("ArgumentError", CypherError::Phase::Runtime,
                                  "NumberOutOfRange: the percentile must be between 0.0 and 1.0");
            }
            acc.best = pct;
        }
    }

    Value result(const Accumulator& acc, const ExprPtr& call) {
        using K = AggregateKind;
        const auto name = call->function->aggregate;
        if (name == K::Count) return Value(acc.count);
        if (name == K::Collect) return Value(acc.values);
        if (name == K::Sum) {
            if (acc.any_float || acc.overflow)
                return acc.count == 0 ? Value(std::int64_t{0}) : Value(acc.float_sum);
            return Value(acc.int_sum);
        }
        if (acc.count == 0) return Value();
        if (name == K::Avg) return Value(acc.float_sum / static_cast<double>(acc.count));
        if (name == K::Min || name == K::Max) return acc.best;
        if (name == K::StDev || name == K::StDevP) {
            const double n = static_cast<double>(acc.numbers.size());
            if (name == K::StDev && n < 2) return Value(0.0);
            const double mean = acc.float_sum / n;
            double sq = 0;
            for (double x : acc.numbers) sq += (x - mean) * (x - mean);
            return Value(std::sqrt(sq / (name == K::StDev ? n - 1 : n)));
        }
        auto numbers = acc.numbers;
        std::sort(numbers.begin(), numbers.end());
        const double p = acc.best.as_number();
        if (name == K::PercentileDisc) {
            const auto n = numbers.size();
            std::size_t idx =
                p <= 0 ? 0 : static_cast<std::size_t>(std::ceil(p * static_cast<double>(n))) - 1;
            idx = std::min(idx, n - 1);
            return Value(numbers[idx]);
        }
        const double pos = p * static_cast<double>(numbers.size() - 1);
        const auto lo = static_cast<std::size_t>(std::floor(pos));
        const auto hi = static_cast<std::size_t>(std::ceil(pos));
        return Value(numbers[lo] + (numbers[hi] - numbers[lo]) * (pos - static_cast<double>(lo)));
    }

    std::vector<Row> group(Context& context) {
        std::vector<std::size_t> keys;
        for (std::size_t i = 0; i < p_.items.size(); ++i) {
            if (p_.items[i].expr->kind != ExprKind::AggregateSlot && !has_aggregate_ref(*p_.items[i].expr))
                keys.push_back(i);
        }
        struct Group {
            Row first;
            std::vector<Accumulator> accs;
        };
        std::map<std::vector<Value>, Group, RowLess> groups;
        std::vector<std::vector<Value>> order_seen;
        Row in;
        bool any = false;
        while (pull(in, context)) {
            any = true;
            std::vector<Value> key;
            for (auto i : keys) key.push_back(evaluate(*p_.items[i].expr, in, context));
            auto found = groups.find(key);
            if (found == groups.end()) {
                hold(key, context);
                hold(in, context);
                found = groups.emplace(key, Group{in, std::vector<Accumulator>(p_.aggregates.size())}).first;
                order_seen.push_back(key);
                check_held(groups.size(), context);
            }
            for (std::size_t a = 0; a < p_.aggregates.size(); ++a)
                add(found->second.accs[a], p_.aggregates[a], in, context);
        }
        (void)any;
        if (groups.empty() && keys.empty()) {
            Row empty(context.width, Value());
            groups.emplace(std::vector<Value>{},
                           Group{empty, std::vector<Accumulator>(p_.aggregates.size())});
            order_seen.push_back({});
        }
        std::vector<Row> rows;
        for (const auto& key : order_seen) {
            context.tick();  // each group's results (a percentile sorts its values) count on the clock
            auto& g = groups.at(key);
            Row r = g.first;
            for (std::size_t a = 0; a < p_.aggregates.size(); ++a) {
                r[static_cast<std::size_t>(p_.aggregates[a]->slot)] = result(g.accs[a], p_.aggregates[a]);
            }
            project_items(p_, r, context);
            rows.push_back(std::move(r));
        }
        return rows;
    }

    static bool has_aggregate_ref(const Expr& e) {
        if (e.kind == ExprKind::AggregateSlot) return true;
        for (const auto& a : e.args) {
            if (a && has_aggregate_ref(*a)) return true;
        }
        return false;
    }

    const Projection& p_;
};

}  // namespace

OperatorPtr make_aggregate(OperatorPtr input, const Projection& projection) {
    return std::make_unique<Aggregate>(std::move(input), projection);
}

}  // namespace kizuna::cypher
