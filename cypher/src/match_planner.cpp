// Planning a pattern once, before it runs, into logical operators: each part starts from its most
// selective node (one bound before, one an index finds, the rarest label, else every node) or from a
// scan of the relationships, expands relationship by relationship, and each condition of the WHERE
// becomes a filter just after the operator that binds the last variable it reads.
#include <algorithm>
#include <limits>

#include "binder.h"
#include "functions/function_table.h"
#include "kizuna/core/partial_date.h"
#include "kizuna/cypher/errors.h"
#include "logical_plan.h"

namespace kizuna::cypher {
namespace {

using LogicalPtr = std::unique_ptr<LogicalOp>;

void planner_conjuncts(const ExprPtr& e, std::vector<ExprPtr>& out) {
    if (e->kind == ExprKind::Binary && e->name == "AND") {
        planner_conjuncts(e->args[0], out);
        planner_conjuncts(e->args[1], out);
    } else {
        out.push_back(e);
    }
}

bool planner_is_constant(const Expr& e) {
    return e.kind == ExprKind::Literal || e.kind == ExprKind::Parameter;
}

// Whether a condition runs a search of its own, reading variables slots_read does not see (a
// subquery's, a relationship in a pattern): it waits for whole matches.
bool planner_has_subsearch(const Expr& e) {
    if (e.kind == ExprKind::PatternPredicate || e.kind == ExprKind::ExistsSubquery ||
        e.kind == ExprKind::PatternComprehension)
        return true;
    return std::any_of(e.args.begin(), e.args.end(),
                       [](const ExprPtr& a) { return a && planner_has_subsearch(*a); });
}

std::vector<int> planner_read(const Expr& e) {
    std::vector<int> read;
    slots_read(e, read);
    std::sort(read.begin(), read.end());
    read.erase(std::unique(read.begin(), read.end()), read.end());
    return read;
}

// A condition on one node: matches(n, 'text') and n.key = constant let an index find its candidates.
struct Lookup {
    int slot;
    std::string key;
    ExprPtr value;
};

void planner_add_lookups(const ExprPtr& c, std::vector<Lookup>& out) {
    if (c->kind == ExprKind::Function && c->args.size() == 2 && c->args[0]->kind == ExprKind::Variable &&
        planner_is_constant(*c->args[1]) && c->function && c->function->name == "matches")
        out.push_back({c->args[0]->slot, kNameSearchKey, c->args[1]});
    if (c->kind == ExprKind::Comparison && c->ops.size() == 1 && c->ops[0] == "=") {
        for (int side = 0; side < 2; ++side) {
            const auto& l = c->args[static_cast<std::size_t>(side)];
            const auto& r = c->args[static_cast<std::size_t>(1 - side)];
            if (l->kind == ExprKind::Property && l->args[0]->kind == ExprKind::Variable &&
                planner_is_constant(*r))
                out.push_back({l->args[0]->slot, l->name, r});
        }
    }
}

// How many nodes an index lookup of key = value finds, when the graph has that index; the value is a
// constant (or a parameter, known before the query runs).
std::optional<std::size_t> planner_index_hits(const std::string& key, const ExprPtr& value,
                                              Context& context) {
    const auto& graph = *context.graph;
    if (!graph.lookup(key, Value()).has_value()) return std::nullopt;
    try {
        Row none;
        const auto hits = graph.lookup(key, evaluate(*value, none, context));
        return hits ? hits->size() : std::size_t{1};
    } catch (const CypherError&) {
        return std::size_t{1};  // a missing parameter: EXPLAIN still shows the lookup
    }
}

std::string planner_var(const std::string& var) { return var.empty() ? "(anonymous)" : var; }

struct AnchorChoice {
    std::size_t cost = std::numeric_limits<std::size_t>::max();
    std::string how;
    NodeSource source = NodeSource::All;
    std::string label;
    std::string key;
    ExprPtr value;
};

std::optional<AnchorChoice> planner_by_index(const NodePattern& n, const std::vector<Lookup>& lookups,
                                             Context& context) {
    if (n.properties && n.properties->kind == ExprKind::MapLiteral) {
        for (std::size_t k = 0; k < n.properties->keys.size(); ++k) {
            if (!planner_is_constant(*n.properties->args[k])) continue;
            const auto& key = n.properties->keys[k];
            if (auto hits = planner_index_hits(key, n.properties->args[k], context))
                return AnchorChoice{1 + *hits,
                                    "index lookup " + planner_var(n.var) + "." + key,
                                    NodeSource::Index,
                                    "",
                                    key,
                                    n.properties->args[k]};
        }
    }
    for (const auto& l : lookups) {
        if (l.slot != n.slot) continue;
        if (auto hits = planner_index_hits(l.key, l.value, context)) {
            return AnchorChoice{1 + *hits,
                                l.key == kNameSearchKey
                                    ? "name search for matches(" + planner_var(n.var) + ", ...)"
                                    : "index lookup " + planner_var(n.var) + "." + l.key,
                                NodeSource::Index,
                                "",
                                l.key,
                                l.value};
        }
    }
    return std::nullopt;
}

// Everything a pattern's planning carries from operator to operator.
struct PatternBuilder {
    Context& context;
    LogicalPtr op;
    std::vector<char> bound;       // by slot: bound at this point of the chain
    std::vector<int> clause_rels;  // relationship slots matched so far
    std::vector<ExprPtr> pending;  // conditions not placed yet
    std::vector<ExprPtr> last;     // conditions on whole matches
    std::vector<Lookup> lookups;

    bool is_bound(int slot) const {
        return slot >= 0 && static_cast<std::size_t>(slot) < bound.size() &&
               bound[static_cast<std::size_t>(slot)] != 0;
    }
    void mark(int slot) {
        if (slot < 0) return;
        if (static_cast<std::size_t>(slot) >= bound.size())
            bound.resize(static_cast<std::size_t>(slot) + 1, 0);
        bound[static_cast<std::size_t>(slot)] = 1;
    }
    // The conditions whose variables are all bound now, as filters.
    void place_filters() {
        for (auto it = pending.begin(); it != pending.end();) {
            const auto read = planner_read(**it);
            if (std::all_of(read.begin(), read.end(), [this](int s) { return is_bound(s); })) {
                add(LogicalKind::Filter, "Filter", (*it)->text, nullptr);
                op->predicate = *it;
                it = pending.erase(it);
            } else {
                ++it;
            }
        }
    }
    void add(LogicalKind kind, const char* name, std::string detail, std::shared_ptr<PatternStep> step) {
        auto next = std::make_unique<LogicalOp>();
        next->kind = kind;
        next->name = name;
        if (!detail.empty()) next->details.push_back(std::move(detail));
        next->step = std::move(step);
        next->input = std::move(op);
        op = std::move(next);
    }
};

AnchorChoice planner_cost(const NodePattern& n, const PatternBuilder& b) {
    if (b.is_bound(n.slot)) return {0, "bound before", NodeSource::Bound, "", "", nullptr};
    if (auto indexed = planner_by_index(n, b.lookups, b.context)) return *indexed;
    const auto& graph = *b.context.graph;
    AnchorChoice best{graph.count_nodes("") + 2, "every node", NodeSource::All, "", "", nullptr};
    for (const auto& l : n.labels) {
        const auto count = graph.count_nodes(l);
        if (count + 2 < best.cost)
            best = {count + 2,
                    "label scan :" + l + " (" + std::to_string(count) + (count == 1 ? " node)" : " nodes)"),
                    NodeSource::Label,
                    l,
                    "",
                    nullptr};
    }
    return best;
}

// One relationship with an arrow between two nodes not bound and found by no index or label: reading
// the relationships (their type, ends) beats visiting every node for its steps.
bool planner_rel_scan(const PatternPart& part, const AnchorChoice& choice, const PatternBuilder& b) {
    if (part.shortest != PatternPart::Shortest::None || part.rels.size() != 1) return false;
    const auto& rel = part.rels[0];
    if (rel.variable_length || rel.prebound || rel.direction != Direction::Outgoing) return false;
    for (const auto& n : part.nodes) {
        if (b.is_bound(n.slot)) return false;
    }
    return choice.cost >= b.context.graph->count_nodes("") + 2;
}

void planner_node_scan(const NodePattern& n, const PatternPart& part, std::size_t index, PatternBuilder& b) {
    const auto choice = planner_cost(n, b);
    auto step = std::make_shared<PatternStep>();
    step->part = &part;
    step->node = index;
    step->source = choice.source;
    step->label = choice.label;
    step->key = choice.key;
    step->value = choice.value;
    b.add(LogicalKind::NodeScan, "NodeScan", planner_var(n.var) + ": " + choice.how, std::move(step));
    b.mark(n.slot);
    b.place_filters();
}

std::string planner_rel_text(const RelPattern& r) {
    std::string out = r.var;
    for (std::size_t t = 0; t < r.types.size(); ++t) out += (t == 0 ? ":" : "|") + r.types[t];
    if (r.variable_length) {
        out += "*";
        if (r.min_hops) out += std::to_string(*r.min_hops);
        if (r.min_hops != r.max_hops || !r.min_hops) out += "..";
        if (r.max_hops && r.min_hops != r.max_hops) out += std::to_string(*r.max_hops);
    }
    const std::string body = "-[" + out + "]-";
    return r.direction == Direction::Outgoing   ? body + ">"
           : r.direction == Direction::Incoming ? "<" + body
                                                : body;
}

// An expand over relationship j of the part, from the node before it (rightwards) or after it.
void planner_expand(const PatternPart& part, std::size_t j, bool rightwards, PatternBuilder& b) {
    const auto& rel = part.rels[j];
    auto step = std::make_shared<PatternStep>();
    step->part = &part;
    step->rel = j;
    step->rightwards = rightwards;
    step->node = rightwards ? j + 1 : j;
    const auto& target = part.nodes[step->node];
    step->node_bound = b.is_bound(target.slot);
    step->rel_bound = b.is_bound(rel.slot);
    step->earlier_rels = b.clause_rels;
    const auto& from = part.nodes[rightwards ? j : j + 1];
    std::string detail = "(" + part.nodes[j].var + ")" + planner_rel_text(rel) + "(" + part.nodes[j + 1].var +
                         ") from " + planner_var(from.var);
    if (step->node_bound) detail += ", into " + planner_var(target.var) + " (bound)";
    b.add(rel.variable_length ? LogicalKind::VarLengthExpand : LogicalKind::Expand,
          rel.variable_length ? "VarLengthExpand" : "Expand", std::move(detail), std::move(step));
    b.mark(rel.slot);
    b.mark(target.slot);
    b.clause_rels.push_back(rel.slot);
    b.place_filters();
}

// r.start >= '2015' (either way round), with a literal that is a date as the graph writes dates: the
// packed dates compare as those texts do (a year before its months, a month before its days).
std::optional<DateTest> planner_date_test(const Expr& c, int rel_slot, const PropertyGraph& graph) {
    if (c.kind != ExprKind::Comparison || c.ops.size() != 1) return std::nullopt;
    for (int side = 0; side < 2; ++side) {
        const auto& prop = *c.args[static_cast<std::size_t>(side)];
        const auto& lit = *c.args[static_cast<std::size_t>(1 - side)];
        if (prop.kind != ExprKind::Property || prop.args[0]->kind != ExprKind::Variable ||
            prop.args[0]->slot != rel_slot || lit.kind != ExprKind::Literal ||
            lit.value.type() != Value::Type::String)
            continue;
        const auto column = graph.rel_date_column(prop.name);
        const auto date = PartialDate::parse(lit.value.as_string());
        if (column < 0 || !date || date->to_string() != lit.value.as_string()) return std::nullopt;
        std::string op = c.ops[0];
        if (side == 1 && op != "=" && op != "<>")
            op = op[0] == '<' ? ">" + op.substr(1) : "<" + op.substr(1);  // the literal was on the left
        return DateTest{column, op, date->packed()};
    }
    return std::nullopt;
}

// A relationship's {key: constant} or WHERE r.key = constant that the graph has an index for (Kizuna's
// relation ids): the scan reads only the relationships the index finds.
std::optional<Lookup> planner_rel_index(const RelPattern& rel, const PatternBuilder& b) {
    const auto& graph = *b.context.graph;
    auto indexed = [&](const std::string& key) { return graph.lookup_rels(key, Value()).has_value(); };
    if (rel.properties && rel.properties->kind == ExprKind::MapLiteral) {
        for (std::size_t k = 0; k < rel.properties->keys.size(); ++k) {
            if (planner_is_constant(*rel.properties->args[k]) && indexed(rel.properties->keys[k]))
                return Lookup{rel.slot, rel.properties->keys[k], rel.properties->args[k]};
        }
    }
    for (const auto& l : b.lookups) {
        if (l.slot == rel.slot && l.key != kNameSearchKey && indexed(l.key)) return l;
    }
    return std::nullopt;
}

void planner_rel_scan_op(const PatternPart& part, PatternBuilder& b) {
    const auto& rel = part.rels[0];
    auto step = std::make_shared<PatternStep>();
    step->part = &part;
    step->node_bound = part.nodes[1].slot == part.nodes[0].slot;
    step->rel_bound = b.is_bound(rel.slot);
    step->earlier_rels = b.clause_rels;
    std::string tests;
    for (auto it = b.pending.begin(); it != b.pending.end();) {
        if (auto test = planner_date_test(**it, rel.slot, *b.context.graph)) {
            step->date_tests.push_back(*test);
            tests += (tests.empty() ? " where " : " AND ") + (*it)->text;
            it = b.pending.erase(it);
        } else {
            ++it;
        }
    }
    std::string detail =
        "(" + part.nodes[0].var + ")" + planner_rel_text(rel) + "(" + part.nodes[1].var + ")";
    if (const auto index = planner_rel_index(rel, b)) {
        step->source = NodeSource::Index;
        step->key = index->key;
        step->value = index->value;
        detail += " by index lookup " + planner_var(rel.var) + "." + index->key;
    } else {
        detail += " from the graph's relation columns";
    }
    if (!tests.empty()) detail += tests + " (on packed dates)";
    b.add(LogicalKind::RelationshipScan, "RelationshipScan", std::move(detail), std::move(step));
    b.mark(rel.slot);
    b.mark(part.nodes[0].slot);
    b.mark(part.nodes[1].slot);
    b.clause_rels.push_back(rel.slot);
    b.place_filters();
}

void planner_shortest(const PatternPart& part, PatternBuilder& b) {
    planner_node_scan(part.nodes[0], part, 0, b);
    planner_node_scan(part.nodes[1], part, 1, b);
    auto step = std::make_shared<PatternStep>();
    step->part = &part;
    const bool all = part.shortest == PatternPart::Shortest::All;
    std::string detail = std::string(all ? "allShortestPaths" : "shortestPath") + "((" + part.nodes[0].var +
                         ")" + planner_rel_text(part.rels[0]) + "(" + part.nodes[1].var +
                         ")) by the graph's bidirectional search";
    b.add(LogicalKind::ShortestPath, "ShortestPath", std::move(detail), std::move(step));
    b.mark(part.rels[0].slot);
    b.mark(part.path_slot);
    b.place_filters();
}

void planner_part(const PatternPart& part, PatternBuilder& b) {
    if (part.shortest != PatternPart::Shortest::None) {
        planner_shortest(part, b);
        return;
    }
    std::size_t anchor = 0;
    AnchorChoice best;
    for (std::size_t k = 0; k < part.nodes.size(); ++k) {
        auto c = planner_cost(part.nodes[k], b);
        if (c.cost < best.cost) {
            best = std::move(c);
            anchor = k;
        }
    }
    if (planner_rel_scan(part, best, b)) {
        planner_rel_scan_op(part, b);
    } else {
        planner_node_scan(part.nodes[anchor], part, anchor, b);
        for (std::size_t j = anchor; j < part.rels.size(); ++j) planner_expand(part, j, true, b);
        for (std::size_t j = anchor; j-- > 0;) planner_expand(part, j, false, b);
    }
    if (part.path_slot >= 0) {
        auto step = std::make_shared<PatternStep>();
        step->part = &part;
        b.add(LogicalKind::BindPath, "BindPath", part.path_var, std::move(step));
        b.mark(part.path_slot);
        b.place_filters();
    }
}

// Every slot is bound before the pattern except those it introduces (its new nodes, relationships
// and paths).
void planner_mark_before(const std::vector<PatternPart>& parts, PatternBuilder& b) {
    std::vector<int> introduced;
    for (const auto& part : parts) {
        for (const auto& n : part.nodes)
            if (!n.prebound) introduced.push_back(n.slot);
        for (const auto& r : part.rels)
            if (!r.prebound) introduced.push_back(r.slot);
        introduced.push_back(part.path_slot);
    }
    for (std::size_t s = 0; s < b.context.width; ++s) {
        if (std::find(introduced.begin(), introduced.end(), static_cast<int>(s)) == introduced.end())
            b.mark(static_cast<int>(s));
    }
}

}  // namespace

LogicalPtr plan_pattern(const std::vector<PatternPart>& parts, const ExprPtr& where, LogicalPtr input,
                        Context& context) {
    PatternBuilder b{context, std::move(input), {}, {}, {}, {}, {}};
    b.bound.assign(context.width, 0);
    planner_mark_before(parts, b);
    std::vector<ExprPtr> all;
    if (where) planner_conjuncts(where, all);
    for (const auto& c : all) (planner_has_subsearch(*c) ? b.last : b.pending).push_back(c);
    for (const auto& c : b.pending) {
        const auto read = planner_read(*c);
        if (read.size() == 1 && !b.is_bound(read[0])) planner_add_lookups(c, b.lookups);
    }
    b.place_filters();  // conditions on what was bound before: first
    for (const auto& part : parts) planner_part(part, b);
    b.pending.insert(b.pending.end(), b.last.begin(), b.last.end());
    for (auto& c : b.pending) {  // searches of their own, or reading what the pattern never binds
        b.add(LogicalKind::Filter, "Filter", c->text, nullptr);
        b.op->predicate = c;
    }
    return std::move(b.op);
}

}  // namespace kizuna::cypher
