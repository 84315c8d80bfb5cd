// The operators of a plan: start, match, unwind, projection (with grouping, DISTINCT, ORDER BY, SKIP,
// LIMIT, WITH's WHERE), and the writing clauses.
#include "operators.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "kizuna/cypher/errors.h"
#include "match_stream.h"

namespace kizuna::cypher {

void Operator::finish(Context& context) {
    if (input_) input_->finish(context);
}

void Operator::hold(const Row& row, Context& context) {
    const auto bytes = footprint(row);
    context.budget.hold(bytes);
    held_bytes_ += bytes;
}

void Operator::release(const Row& row, Context& context) {
    const auto bytes = std::min(footprint(row), held_bytes_);
    context.budget.release(bytes);
    held_bytes_ -= bytes;
}

void Operator::release_held(Context& context) {
    context.budget.release(held_bytes_);
    held_bytes_ = 0;
}

bool Operator::next(Row& row, Context& context) {
    context.tick();  // every row of every operator counts on the clock
    if (!context.profile) {
        const bool got = produce(row, context);
        rows_ += got ? 1 : 0;
        return got;
    }
    // Reading the clock for every row costs a few percent: PROFILE only.
    const auto start = std::chrono::steady_clock::now();
    const bool got = produce(row, context);
    time_ += std::chrono::steady_clock::now() - start;
    if (got) ++rows_;
    return got;
}

namespace {

using T = Value::Type;

void check_held(std::size_t held, const Context& context) {
    context.budget.check_rows(held, "the query holds");
}

class Start : public Operator {
  public:
    Start(int width, const Row* seed) : Operator("Start", nullptr), width_(width), seed_(seed) {}

  protected:
    bool produce(Row& row, Context&) override {
        if (done_) return false;
        done_ = true;
        if (seed_) {
            row = *seed_;
        } else {
            row.assign(static_cast<std::size_t>(width_), Value());
        }
        return true;
    }

  private:
    int width_;
    const Row* seed_;
    bool done_ = false;
};

class Match : public Operator {
  public:
    Match(std::unique_ptr<Operator> input, const Clause& clause, const PropertyGraph& graph)
        : Operator(clause.optional ? "OptionalMatch" : "Match", std::move(input)),
          clause_(clause),
          plan_(plan_match(clause.patterns, clause.where)) {
        detail = describe_match(clause.patterns, plan_, graph);
    }

  protected:
    bool produce(Row& row, Context& context) override {
        for (;;) {
            if (at_ < buffer_.size()) {
                row = std::move(buffer_[at_++]);
                return true;
            }
            buffer_.clear();
            at_ = 0;
            if (stream_) {
                // A large expansion: its next batch, or on to the next input row.
                if (stream_->next(buffer_)) continue;
                stream_.reset();
            }
            if (!pull(in_, context)) return false;
            // Most input rows match a few times: searched here at once. One that matches more than a
            // batch is searched again as a stream (match_stream.h), so no row's matches are all held.
            bool overflow = false;
            match_pattern(clause_.patterns, plan_, in_, context, [&](Row& found) {
                if (buffer_.size() >= kBatch) {
                    overflow = true;
                    return false;
                }
                buffer_.push_back(found);
                return true;
            });
            if (overflow) {
                buffer_.clear();
                stream_ = std::make_unique<MatchStream>(
                    [this, &context](const std::function<bool(Row&)>& found) {
                        match_pattern(clause_.patterns, plan_, in_, context, found);
                    },
                    kBatch);
                continue;
            }
            if (buffer_.empty() && clause_.optional) {
                for (int s : clause_.introduced) in_[static_cast<std::size_t>(s)] = Value();
                buffer_.push_back(in_);
            }
        }
    }

  private:
    static constexpr std::size_t kBatch = 4096;
    const Clause& clause_;
    MatchPlan plan_;
    Row in_;
    std::vector<Row> buffer_;
    std::size_t at_ = 0;
    std::unique_ptr<MatchStream> stream_;
};

class Unwind : public Operator {
  public:
    Unwind(std::unique_ptr<Operator> input, const Clause& clause)
        : Operator("Unwind", std::move(input)), clause_(clause) {
        detail = clause.expr->text + " AS " + clause.var;
    }

  protected:
    bool produce(Row& row, Context& context) override {
        for (;;) {
            if (at_ < size_) {
                row = current_;
                row[static_cast<std::size_t>(clause_.slot)] =
                    list_.type() == T::List ? list_.as_list()[at_] : list_;
                ++at_;
                return true;
            }
            if (!pull(current_, context)) return false;
            // The list is shared, not copied: UNWIND range(...) holds it once.
            list_ = evaluate(*clause_.expr, current_, context);
            at_ = 0;
            size_ = list_.type() == T::List ? list_.as_list().size() : list_.is_null() ? 0 : 1;
        }
    }

  private:
    const Clause& clause_;
    Row current_;
    Value list_;
    std::size_t size_ = 0;
    std::size_t at_ = 0;
};

std::size_t count_argument(const ExprPtr& e, Context& context, const char* what) {
    if (!e) return 0;
    Row empty;
    const auto v = evaluate(*e, empty, context);
    const auto phase =
        e->kind == ExprKind::Parameter ? CypherError::Phase::Runtime : CypherError::Phase::Compile;
    const std::string kind = "SyntaxError";
    if (v.type() != T::Int) {
        if (v.type() == T::Float && phase == CypherError::Phase::Runtime) {
            throw CypherError(kind, phase, std::string("InvalidArgumentType: ") + what + " needs an Integer");
        }
        throw CypherError(kind, phase, std::string("InvalidArgumentType: ") + what + " needs an Integer",
                          e->line, e->column);
    }
    if (v.as_int() < 0) {
        throw CypherError(kind, phase,
                          std::string("NegativeIntegerArgument: ") + what + " cannot be negative", e->line,
                          e->column);
    }
    return static_cast<std::size_t>(v.as_int());
}

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

struct ValueLess {
    bool operator()(const Value& a, const Value& b) const { return order(a, b) < 0; }
};
struct RowLess {
    bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (auto c = order(a[i], b[i])) return c < 0;
        }
        return false;
    }
};

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

class ProjectOp : public Operator {
  public:
    ProjectOp(std::unique_ptr<Operator> input, const Clause& clause, Context& context)
        : Operator(clause.kind == ClauseKind::Return ? "Return" : "With", std::move(input)),
          clause_(clause),
          p_(clause.projection) {
        skip_ = count_argument(p_.skip, context, "SKIP");
        limit_ =
            p_.limit ? count_argument(p_.limit, context, "LIMIT") : std::numeric_limits<std::size_t>::max();
        for (const auto& item : p_.items) {
            if (!detail.empty()) detail += ", ";
            detail += item.alias;
        }
        if (p_.aggregating) detail += " (grouping)";
        if (p_.distinct) detail += " (distinct)";
        if (!p_.order.empty()) detail += " (sorted)";
        if (p_.skip) detail += " skip " + std::to_string(skip_);
        if (p_.limit) detail += " limit " + std::to_string(limit_);
        materialise_ = p_.aggregating || p_.distinct || !p_.order.empty();
    }

  protected:
    bool produce(Row& row, Context& context) override {
        if (emitted_ >= limit_) return false;
        if (!materialise_) {
            for (;;) {
                Row in;
                if (!pull(in, context)) return false;
                project(in, context);
                if (p_.where && !is_true(*p_.where, in, context)) continue;
                if (skipped_ < skip_) {
                    ++skipped_;
                    continue;
                }
                ++emitted_;
                row = std::move(in);
                return true;
            }
        }
        if (!gathered_) gather(context);
        if (at_ >= out_.size()) {
            release_held(context);
            return false;
        }
        ++emitted_;
        row = std::move(out_[at_++]);
        return true;
    }

  private:
    void project(Row& row, Context& context) {
        // Evaluated before any is stored, so that `WITH a.x AS a, a AS b` reads the old a.
        std::vector<Value> values;
        values.reserve(p_.items.size());
        for (const auto& item : p_.items) values.push_back(evaluate(*item.expr, row, context));
        for (std::size_t i = 0; i < values.size(); ++i)
            row[static_cast<std::size_t>(p_.items[i].slot)] = std::move(values[i]);
    }

    std::vector<Value> key_of(const Row& row) const {
        std::vector<Value> key;
        for (const auto& item : p_.items) key.push_back(row[static_cast<std::size_t>(item.slot)]);
        return key;
    }

    // ORDER BY with LIMIT (and no grouping or DISTINCT) keeps only the first SKIP + LIMIT rows as it
    // goes, in a heap whose top is the last of them: sorting a million rows for ten holds ten.
    void gather_top(Context& context) {
        const std::size_t keep =
            limit_ > std::numeric_limits<std::size_t>::max() - skip_ ? limit_ : skip_ + limit_;
        struct Entry {
            std::vector<Value> keys;
            std::size_t seq;
            Row row;
        };
        const auto before = [&](const Entry& a, const Entry& b) {
            for (std::size_t i = 0; i < p_.order.size(); ++i) {
                const int c = order(a.keys[i], b.keys[i]);
                if (c != 0) return p_.order[i].descending ? c > 0 : c < 0;
            }
            return a.seq < b.seq;  // stable: equal keys keep their input order
        };
        std::vector<Entry> heap;
        Row in;
        std::size_t seq = 0;
        while (pull(in, context)) {
            project(in, context);
            if (p_.where && !is_true(*p_.where, in, context)) continue;
            if (keep == 0) continue;
            Entry entry{{}, seq++, {}};
            for (const auto& s : p_.order) entry.keys.push_back(evaluate(*s.expr, in, context));
            if (heap.size() < keep) {
                hold(in, context);
                entry.row = std::move(in);
                heap.push_back(std::move(entry));
                std::push_heap(heap.begin(), heap.end(), before);
                check_held(heap.size(), context);
            } else if (before(entry, heap.front())) {
                hold(in, context);
                entry.row = std::move(in);
                std::pop_heap(heap.begin(), heap.end(), before);
                release(heap.back().row, context);
                heap.back() = std::move(entry);
                std::push_heap(heap.begin(), heap.end(), before);
            }
        }
        std::sort_heap(heap.begin(), heap.end(), before);
        for (std::size_t i = std::min(skip_, heap.size()); i < heap.size(); ++i)
            out_.push_back(std::move(heap[i].row));
    }

    void gather(Context& context) {
        gathered_ = true;
        if (!p_.aggregating && !p_.distinct && !p_.order.empty() && p_.limit) {
            gather_top(context);
            return;
        }
        std::vector<Row> rows;
        if (p_.aggregating) {
            rows = group(context);
        } else {
            Row in;
            while (pull(in, context)) {
                project(in, context);
                hold(in, context);
                rows.push_back(std::move(in));
                check_held(rows.size(), context);
            }
        }
        if (p_.distinct) {
            std::set<std::vector<Value>, RowLess> seen;
            std::vector<Row> kept;
            for (auto& r : rows) {
                context.tick();
                auto key = key_of(r);
                if (seen.count(key)) continue;
                hold(key, context);
                seen.insert(std::move(key));
                kept.push_back(std::move(r));
            }
            rows = std::move(kept);
        }
        if (p_.where) {
            std::vector<Row> kept;
            for (auto& r : rows) {
                if (is_true(*p_.where, r, context)) kept.push_back(std::move(r));
            }
            rows = std::move(kept);
        }
        if (!p_.order.empty()) {
            std::vector<std::pair<std::vector<Value>, std::size_t>> keys;
            keys.reserve(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i) {
                std::vector<Value> k;
                for (const auto& s : p_.order) k.push_back(evaluate(*s.expr, rows[i], context));
                keys.push_back({std::move(k), i});
            }
            std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
                context.tick();
                for (std::size_t i = 0; i < p_.order.size(); ++i) {
                    const int c = order(a.first[i], b.first[i]);
                    if (c != 0) return p_.order[i].descending ? c > 0 : c < 0;
                }
                return false;
            });
            std::vector<Row> sorted;
            sorted.reserve(rows.size());
            for (auto& [k, i] : keys) sorted.push_back(std::move(rows[i]));
            rows = std::move(sorted);
        }
        const auto from = std::min(skip_, rows.size());
        out_.assign(std::make_move_iterator(rows.begin() + static_cast<std::ptrdiff_t>(from)),
                    std::make_move_iterator(rows.end()));
    }

    void add(Accumulator& acc, const ExprPtr& call, Row& row, Context& context) {
        const auto name = lower(call->name);
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
        if (name == "collect") {
            hold(Row{v}, context);
            acc.values.push_back(v);
        } else if (name == "sum" || name == "avg" || name == "stdev" || name == "stdevp") {
            if (!v.is_number()) type_error(call->name + "() needs numbers, not a " + type_name(v.type()));
            if (v.type() == T::Float) acc.any_float = true;
            if (v.type() == T::Int && !acc.overflow) {
                if (__builtin_add_overflow(acc.int_sum, v.as_int(), &acc.int_sum)) acc.overflow = true;
            }
            acc.float_sum += v.as_number();
            if (name == "stdev" || name == "stdevp") {
                context.budget.hold(sizeof(double));
                held_bytes_ += sizeof(double);
                acc.numbers.push_back(v.as_number());
            }
        } else if (name == "min" || name == "max") {
            if (acc.best.is_null()) {
                acc.best = v;
            } else {
                const int c = order(v, acc.best);
                // Across types, min and max follow the orderability order.
                if ((name == "min" && c < 0) || (name == "max" && c > 0)) acc.best = v;
            }
        } else if (name == "percentilecont" || name == "percentiledisc") {
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
        const auto name = lower(call->name);
        if (name == "count") return Value(acc.count);
        if (name == "collect") return Value(acc.values);
        if (name == "sum") {
            if (acc.any_float || acc.overflow)
                return acc.count == 0 ? Value(std::int64_t{0}) : Value(acc.float_sum);
            return Value(acc.int_sum);
        }
        if (acc.count == 0) return Value();
        if (name == "avg") return Value(acc.float_sum / static_cast<double>(acc.count));
        if (name == "min" || name == "max") return acc.best;
        if (name == "stdev" || name == "stdevp") {
            const double n = static_cast<double>(acc.numbers.size());
            if (name == "stdev" && n < 2) return Value(0.0);
            const double mean = acc.float_sum / n;
            double sq = 0;
            for (double x : acc.numbers) sq += (x - mean) * (x - mean);
            return Value(std::sqrt(sq / (name == "stdev" ? n - 1 : n)));
        }
        auto numbers = acc.numbers;
        std::sort(numbers.begin(), numbers.end());
        const double p = acc.best.as_number();
        if (name == "percentiledisc") {
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
            auto& g = groups.at(key);
            Row r = g.first;
            for (std::size_t a = 0; a < p_.aggregates.size(); ++a) {
                r[static_cast<std::size_t>(p_.aggregates[a]->slot)] = result(g.accs[a], p_.aggregates[a]);
            }
            project(r, context);
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

    [[maybe_unused]] const Clause& clause_;
    const cypher::Projection& p_;
    std::size_t skip_ = 0;
    std::size_t limit_ = 0;
    bool materialise_ = false;
    bool gathered_ = false;
    std::vector<Row> out_;
    std::size_t at_ = 0;
    std::size_t skipped_ = 0;
    std::size_t emitted_ = 0;
};

// ---- writing ----

// Gathers every input row before the first write, so that a clause never reads its own writes.
class Eager : public Operator {
  public:
    using Operator::Operator;
    // Writes happen even when nothing downstream asks for the rows (LIMIT 0).
    void finish(Context& context) override {
        Row unused;
        if (!started_) (void)next(unused, context);
        Operator::finish(context);
    }

  protected:
    bool produce(Row& row, Context& context) override {
        started_ = true;
        if (!done_) {
            done_ = true;
            Row in;
            std::vector<Row> rows;
            while (pull(in, context)) {
                hold(in, context);
                rows.push_back(std::move(in));
                check_held(rows.size(), context);
            }
            for (auto& r : rows) {
                context.tick();
                apply(r, context);
                out_.push_back(std::move(r));
            }
        }
        if (at_ >= out_.size()) {
            release_held(context);
            return false;
        }
        row = std::move(out_[at_++]);
        return true;
    }
    virtual void apply(Row& row, Context& context) = 0;
    bool started_ = false;

  private:
    bool done_ = false;
    std::vector<Row> out_;
    std::size_t at_ = 0;
};

Map properties_of(const ExprPtr& e, Row& row, Context& context) {
    if (!e) return {};
    const auto v = evaluate(*e, row, context);
    if (v.is_null()) return {};
    if (v.type() != T::Map) type_error("properties must be a Map, not a " + std::string(type_name(v.type())));
    Map out;
    for (const auto& [k, x] : v.as_map()) {
        if (!x.is_null()) out[k] = x;
    }
    return out;
}

void check_storable(const std::string& key, const Value& v) {
    switch (v.type()) {
        case T::Map:
        case T::Node:
        case T::Rel:
        case T::Path:
            type_error("the property '" + key + "' cannot hold a " + std::string(type_name(v.type())));
        case T::List:
            for (const auto& x : v.as_list()) {
                if (x.type() == T::Map || x.type() == T::Node || x.type() == T::Rel || x.type() == T::Path ||
                    x.type() == T::List) {
                    type_error("the property '" + key + "' cannot hold a list of " +
                               std::string(type_name(x.type())));
                }
            }
            return;
        default:
            return;
    }
}

// Creates the parts of a pattern not bound yet; binds their variables in row.
void create_pattern(const std::vector<PatternPart>& parts, Row& row, Context& context) {
    auto& graph = *context.graph;
    std::vector<char> made(row.size(), 0);
    for (const auto& part : parts) {
        std::vector<NodeId> nodes;
        for (const auto& n : part.nodes) {
            const auto slot = static_cast<std::size_t>(n.slot);
            if (n.prebound || made[slot]) {
                const auto& v = row[slot];
                if (v.type() != T::Node) {
                    throw CypherError("SemanticError", CypherError::Phase::Runtime,
                                      "cannot create a relationship from a null or non-node '" + n.var + "'");
                }
                nodes.push_back(v.as_node());
                continue;
            }
            const auto props = properties_of(n.properties, row, context);
            for (const auto& [k, v] : props) check_storable(k, v);
            const auto id = graph.create_node(n.labels, props);
            ++context.writes->nodes_created;
            context.writes->labels_added += n.labels.size();
            context.writes->properties_set += props.size();
            row[slot] = Value(NodeRef{id});
            made[slot] = 1;
            nodes.push_back(id);
        }
        Path path;
        path.nodes = nodes;
        for (std::size_t j = 0; j < part.rels.size(); ++j) {
            const auto& r = part.rels[j];
            const auto props = properties_of(r.properties, row, context);
            for (const auto& [k, v] : props) check_storable(k, v);
            const bool backwards = r.direction == Direction::Incoming;
            const auto id = graph.create_rel(r.types[0], backwards ? nodes[j + 1] : nodes[j],
                                             backwards ? nodes[j] : nodes[j + 1], props);
            ++context.writes->relationships_created;
            context.writes->properties_set += props.size();
            row[static_cast<std::size_t>(r.slot)] = Value(RelRef{id});
            path.rels.push_back(id);
        }
        if (part.path_slot >= 0) row[static_cast<std::size_t>(part.path_slot)] = Value(std::move(path));
    }
}

void set_property(const Value& target, const std::string& key, const Value& value, Context& context) {
    if (target.is_null()) return;
    check_storable(key, value);
    if (target.type() == T::Node) {
        context.graph->set_node_property(target.as_node(), key, value);
    } else if (target.type() == T::Rel) {
        context.graph->set_rel_property(target.as_rel(), key, value);
    } else {
        type_error("SET needs a Node or a Relationship, not a " + std::string(type_name(target.type())));
    }
    ++context.writes->properties_set;
}

void apply_set(const std::vector<SetItem>& items, Row& row, Context& context) {
    auto& graph = *context.graph;
    for (const auto& item : items) {
        switch (item.kind) {
            case SetItem::Kind::Property: {
                const auto target = evaluate(*item.target->args[0], row, context);
                set_property(target, item.target->name, evaluate(*item.value, row, context), context);
                break;
            }
            case SetItem::Kind::Replace:
            case SetItem::Kind::Merge: {
                const auto target = evaluate(*item.target, row, context);
                if (target.is_null()) break;
                auto v = evaluate(*item.value, row, context);
                Map props;
                if (v.type() == T::Node) {
                    props = graph.node_properties(v.as_node());
                } else if (v.type() == T::Rel) {
                    props = graph.rel_properties(v.as_rel());
                } else if (v.type() == T::Map) {
                    props = v.as_map();
                } else if (!v.is_null()) {
                    type_error("SET " + item.target->name + " = needs a Map, not a " +
                               std::string(type_name(v.type())));
                }
                if (item.kind == SetItem::Kind::Replace) {
                    const auto old = target.type() == T::Node  ? graph.node_properties(target.as_node())
                                     : target.type() == T::Rel ? graph.rel_properties(target.as_rel())
                                                               : Map{};
                    for (const auto& [k, x] : old) {
                        if (!props.count(k)) set_property(target, k, Value(), context);
                    }
                }
                for (const auto& [k, x] : props) set_property(target, k, x, context);
                break;
            }
            case SetItem::Kind::Labels: {
                const auto target = evaluate(*item.target, row, context);
                if (target.is_null()) break;
                if (target.type() != T::Node) type_error("labels can only be set on a Node");
                for (const auto& l : item.labels) {
                    if (!graph.has_label(target.as_node(), l)) {
                        graph.add_label(target.as_node(), l);
                        ++context.writes->labels_added;
                    }
                }
                break;
            }
        }
    }
}

class Create : public Eager {
  public:
    Create(std::unique_ptr<Operator> input, const Clause& clause)
        : Eager("Create", std::move(input)), clause_(clause) {}

  protected:
    void apply(Row& row, Context& context) override { create_pattern(clause_.patterns, row, context); }

  private:
    const Clause& clause_;
};

class Merge : public Eager {
  public:
    Merge(std::unique_ptr<Operator> input, const Clause& clause)
        : Eager("Merge", std::move(input)), clause_(clause), plan_(plan_match(clause.patterns, nullptr)) {}

  protected:
    bool produce(Row& row, Context& context) override {
        // Each input row may match several times: gather the input, then give every match.
        started_ = true;
        if (!done_) {
            done_ = true;
            Row in;
            std::vector<Row> rows;
            while (pull(in, context)) {
                hold(in, context);
                rows.push_back(std::move(in));
                check_held(rows.size(), context);
            }
            for (auto& r : rows) {
                context.tick();
                for (const auto& part : clause_.patterns) {
                    for (const auto& n : part.nodes) {
                        if (n.prebound && r[static_cast<std::size_t>(n.slot)].is_null()) {
                            throw CypherError("SemanticError", CypherError::Phase::Runtime,
                                              "MERGE cannot use the null node '" + n.var + "'");
                        }
                    }
                    for (const auto& rel : part.rels) {
                        const auto props = properties_of(rel.properties, r, context);
                        (void)props;
                    }
                }
                std::vector<Row> found;
                match_pattern(clause_.patterns, plan_, r, context, [&](Row& m) {
                    found.push_back(m);
                    return true;
                });
                if (found.empty()) {
                    for (const auto& part : clause_.patterns) {
                        for (const auto& n : part.nodes) check_null_properties(n.properties, r, context);
                        for (const auto& rel : part.rels) check_null_properties(rel.properties, r, context);
                    }
                    create_pattern(clause_.patterns, r, context);
                    apply_set(clause_.on_create, r, context);
                    out_.push_back(std::move(r));
                } else {
                    for (auto& m : found) {
                        apply_set(clause_.on_match, m, context);
                        out_.push_back(std::move(m));
                    }
                }
                check_held(out_.size(), context);
            }
        }
        if (at_ >= out_.size()) {
            release_held(context);
            return false;
        }
        row = std::move(out_[at_++]);
        return true;
    }
    void apply(Row&, Context&) override {}

  private:
    static void check_null_properties(const ExprPtr& e, Row& row, Context& context) {
        if (!e) return;
        const auto v = evaluate(*e, row, context);
        if (v.type() != T::Map) return;
        for (const auto& [k, x] : v.as_map()) {
            if (x.is_null()) {
                throw CypherError("SemanticError", CypherError::Phase::Runtime,
                                  "MergeReadOwnWrites: MERGE cannot match or create the property '" + k +
                                      "' with a null value");
            }
        }
    }
    const Clause& clause_;
    MatchPlan plan_;
    bool done_ = false;
    std::vector<Row> out_;
    std::size_t at_ = 0;
};

class SetOp : public Eager {
  public:
    SetOp(std::unique_ptr<Operator> input, const Clause& clause)
        : Eager("Set", std::move(input)), clause_(clause) {}

  protected:
    void apply(Row& row, Context& context) override { apply_set(clause_.set_items, row, context); }

  private:
    const Clause& clause_;
};

class RemoveOp : public Eager {
  public:
    RemoveOp(std::unique_ptr<Operator> input, const Clause& clause)
        : Eager("Remove", std::move(input)), clause_(clause) {}

  protected:
    void apply(Row& row, Context& context) override {
        auto& graph = *context.graph;
        for (const auto& item : clause_.remove_items) {
            if (!item.labels.empty()) {
                const auto target = evaluate(*item.target, row, context);
                if (target.is_null()) continue;
                if (target.type() != T::Node) type_error("labels can only be removed from a Node");
                for (const auto& l : item.labels) {
                    if (graph.has_label(target.as_node(), l)) {
                        graph.remove_label(target.as_node(), l);
                        ++context.writes->labels_removed;
                    }
                }
            } else {
                const auto target = evaluate(*item.target->args[0], row, context);
                if (target.is_null()) continue;
                const auto& key = item.target->name;
                const bool had =
                    target.type() == T::Node  ? !graph.node_property(target.as_node(), key).is_null()
                    : target.type() == T::Rel ? !graph.rel_property(target.as_rel(), key).is_null()
                                              : false;
                if (had) set_property(target, key, Value(), context);
            }
        }
    }

  private:
    const Clause& clause_;
};

class DeleteOp : public Operator {
  public:
    DeleteOp(std::unique_ptr<Operator> input, const Clause& clause)
        : Operator(clause.detach ? "DetachDelete" : "Delete", std::move(input)), clause_(clause) {}
    void finish(Context& context) override {
        Row unused;
        if (!done_) (void)next(unused, context);
        Operator::finish(context);
    }

  protected:
    bool produce(Row& row, Context& context) override {
        if (!done_) {
            done_ = true;
            Row in;
            std::vector<NodeId> nodes;
            std::vector<RelId> rels;
            while (pull(in, context)) {
                for (const auto& e : clause_.exprs) collect(evaluate(*e, in, context), nodes, rels);
                hold(in, context);
                out_.push_back(std::move(in));
                check_held(out_.size(), context);
            }
            auto& graph = *context.graph;
            for (auto r : rels) {
                context.tick();
                if (graph.rel_exists(r)) {
                    graph.delete_rel(r);
                    ++context.writes->relationships_deleted;
                }
            }
            for (auto n : nodes) {
                context.tick();
                if (!graph.node_exists(n)) continue;
                std::size_t attached = 0;
                graph.for_each_step(n, Direction::Both, {}, [&](const Step&) {
                    ++attached;
                    return true;
                });
                if (attached > 0 && !clause_.detach) {
                    throw CypherError("ConstraintVerificationFailed", CypherError::Phase::Runtime,
                                      "DeleteConnectedNode: a node with relationships cannot be deleted; use "
                                      "DETACH DELETE");
                }
                context.writes->relationships_deleted += attached;
                graph.delete_node(n, clause_.detach);
                ++context.writes->nodes_deleted;
            }
        }
        if (at_ >= out_.size()) {
            release_held(context);
            return false;
        }
        row = std::move(out_[at_++]);
        return true;
    }

  private:
    static void collect(const Value& v, std::vector<NodeId>& nodes, std::vector<RelId>& rels) {
        switch (v.type()) {
            case T::Null:
                return;
            case T::Node:
                nodes.push_back(v.as_node());
                return;
            case T::Rel:
                rels.push_back(v.as_rel());
                return;
            case T::Path:
                nodes.insert(nodes.end(), v.as_path().nodes.begin(), v.as_path().nodes.end());
                rels.insert(rels.end(), v.as_path().rels.begin(), v.as_path().rels.end());
                return;
            case T::List:
                for (const auto& x : v.as_list()) collect(x, nodes, rels);
                return;
            default:
                type_error("DELETE needs a Node, a Relationship or a Path, not a " +
                           std::string(type_name(v.type())));
        }
    }
    const Clause& clause_;
    bool done_ = false;
    std::vector<Row> out_;
    std::size_t at_ = 0;
};

}  // namespace

std::unique_ptr<Operator> make_start(int width, const Row* seed) {
    return std::make_unique<Start>(width, seed);
}
std::unique_ptr<Operator> make_match(std::unique_ptr<Operator> input, const Clause& clause,
                                     const PropertyGraph& graph) {
    return std::make_unique<Match>(std::move(input), clause, graph);
}
std::unique_ptr<Operator> make_unwind(std::unique_ptr<Operator> input, const Clause& clause) {
    return std::make_unique<Unwind>(std::move(input), clause);
}
std::unique_ptr<Operator> make_projection(std::unique_ptr<Operator> input, const Clause& clause,
                                          Context& context) {
    return std::make_unique<ProjectOp>(std::move(input), clause, context);
}
std::unique_ptr<Operator> make_create(std::unique_ptr<Operator> input, const Clause& clause) {
    return std::make_unique<Create>(std::move(input), clause);
}
std::unique_ptr<Operator> make_merge(std::unique_ptr<Operator> input, const Clause& clause) {
    return std::make_unique<Merge>(std::move(input), clause);
}
std::unique_ptr<Operator> make_set(std::unique_ptr<Operator> input, const Clause& clause) {
    return std::make_unique<SetOp>(std::move(input), clause);
}
std::unique_ptr<Operator> make_remove(std::unique_ptr<Operator> input, const Clause& clause) {
    return std::make_unique<RemoveOp>(std::move(input), clause);
}
std::unique_ptr<Operator> make_delete(std::unique_ptr<Operator> input, const Clause& clause) {
    return std::make_unique<DeleteOp>(std::move(input), clause);
}

}  // namespace kizuna::cypher
