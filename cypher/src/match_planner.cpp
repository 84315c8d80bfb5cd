// Planning a pattern once, before it runs: the WHERE's conjuncts pushed down to the node they read (and
// index lookups found among them), and each part's anchor chosen from the graph's statistics.
#include <algorithm>
#include <cctype>
#include <functional>
#include <limits>

#include "binder.h"
#include "functions/function_table.h"
#include "kizuna/cypher/errors.h"
#include "matcher.h"

namespace kizuna::cypher {
namespace {

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

// Whether a condition runs a search or a loop of its own (then it waits for whole matches).
bool planner_has_subsearch(const Expr& e) {
    if (e.kind == ExprKind::PatternPredicate || e.kind == ExprKind::ExistsSubquery ||
        e.kind == ExprKind::PatternComprehension || e.kind == ExprKind::ListComprehension ||
        e.kind == ExprKind::Quantifier || e.kind == ExprKind::Reduce)
        return true;
    return std::any_of(e.args.begin(), e.args.end(),
                       [](const ExprPtr& a) { return a && planner_has_subsearch(*a); });
}

// matches(n, 'text') and n.key = constant: the graph may find the node's candidates by index.
void planner_add_lookups(const ExprPtr& c, MatchPlan& plan) {
    if (c->kind == ExprKind::Function && c->args.size() == 2 && c->args[0]->kind == ExprKind::Variable &&
        planner_is_constant(*c->args[1]) && c->function && c->function->name == "matches")
        plan.lookups.push_back({c->args[0]->slot, {kNameSearchKey, c->args[1]}});
    if (c->kind == ExprKind::Comparison && c->ops.size() == 1 && c->ops[0] == "=") {
        for (int side = 0; side < 2; ++side) {
            const auto& l = c->args[static_cast<std::size_t>(side)];
            const auto& r = c->args[static_cast<std::size_t>(1 - side)];
            if (l->kind == ExprKind::Property && l->args[0]->kind == ExprKind::Variable &&
                planner_is_constant(*r))
                plan.lookups.push_back({l->args[0]->slot, {l->name, r}});
        }
    }
}

void planner_push_down(const std::vector<PatternPart>& parts, const ExprPtr& where, MatchPlan& plan) {
    if (!where) return;
    std::vector<int> new_nodes;
    for (const auto& part : parts) {
        if (part.shortest != PatternPart::Shortest::None) continue;
        for (const auto& n : part.nodes) {
            if (!n.prebound) new_nodes.push_back(n.slot);
        }
    }
    std::vector<ExprPtr> all;
    planner_conjuncts(where, all);
    for (const auto& c : all) {
        std::vector<int> read;
        slots_read(*c, read);
        std::sort(read.begin(), read.end());
        read.erase(std::unique(read.begin(), read.end()), read.end());
        const bool one_node =
            read.size() == 1 && std::find(new_nodes.begin(), new_nodes.end(), read[0]) != new_nodes.end();
        if (one_node && !planner_has_subsearch(*c)) {
            plan.node_filters.push_back({read[0], c});
            planner_add_lookups(c, plan);
        } else {
            plan.final_filters.push_back(c);
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

struct AnchorChoice {
    std::size_t cost;
    std::string how;
};

std::string planner_node_name(const NodePattern& n) { return n.var.empty() ? "(anonymous)" : n.var; }

std::optional<AnchorChoice> planner_by_index(const NodePattern& n, const MatchPlan& plan, Context& context) {
    if (n.properties && n.properties->kind == ExprKind::MapLiteral) {
        for (std::size_t k = 0; k < n.properties->keys.size(); ++k) {
            if (!planner_is_constant(*n.properties->args[k])) continue;
            const auto& key = n.properties->keys[k];
            if (auto hits = planner_index_hits(key, n.properties->args[k], context))
                return AnchorChoice{1 + *hits, "index lookup " + planner_node_name(n) + "." + key};
        }
    }
    for (const auto& [slot, lookup] : plan.lookups) {
        if (slot != n.slot) continue;
        if (auto hits = planner_index_hits(lookup.first, lookup.second, context)) {
            return AnchorChoice{1 + *hits, lookup.first == kNameSearchKey
                                               ? "name search for matches(" + planner_node_name(n) + ", ...)"
                                               : "index lookup " + planner_node_name(n) + "." + lookup.first};
        }
    }
    return std::nullopt;
}

AnchorChoice planner_cost(const NodePattern& n, const std::vector<char>& bound, const MatchPlan& plan,
                          Context& context) {
    if (bound[static_cast<std::size_t>(n.slot)]) return {0, "bound before"};
    if (auto indexed = planner_by_index(n, plan, context)) return *indexed;
    const auto& graph = *context.graph;
    AnchorChoice best{graph.count_nodes("") + 2, "every node"};
    for (const auto& l : n.labels) {
        const auto count = graph.count_nodes(l);
        if (count + 2 < best.cost)
            best = {count + 2,
                    "label scan :" + l + " (" + std::to_string(count) + (count == 1 ? " node)" : " nodes)")};
    }
    return best;
}

// One relationship with an arrow between two nodes not bound and found by no index or label: reading
// the relationships (their type, ends) beats visiting every node for its steps.
bool planner_rel_scan(const PatternPart& part, const std::vector<char>& bound, const AnchorChoice& choice,
                      Context& context) {
    if (part.shortest != PatternPart::Shortest::None || part.rels.size() != 1) return false;
    const auto& rel = part.rels[0];
    if (rel.variable_length || rel.prebound || rel.direction != Direction::Outgoing) return false;
    for (const auto& n : part.nodes) {
        if (bound[static_cast<std::size_t>(n.slot)]) return false;
    }
    return choice.cost >= context.graph->count_nodes("") + 2;
}

void planner_choose_anchors(const std::vector<PatternPart>& parts, MatchPlan& plan, Context& context) {
    std::vector<char> bound(context.width, 0);
    const auto mark = [&bound](int slot) {
        if (slot >= 0 && static_cast<std::size_t>(slot) >= bound.size())
            bound.resize(static_cast<std::size_t>(slot) + 1, 0);
        if (slot >= 0) bound[static_cast<std::size_t>(slot)] = 1;
    };
    for (const auto& part : parts) {
        for (const auto& n : part.nodes) {
            if (n.prebound) mark(n.slot);
        }
    }
    for (const auto& part : parts) {
        std::size_t best = 0;
        AnchorChoice choice{std::numeric_limits<std::size_t>::max(), ""};
        if (part.shortest == PatternPart::Shortest::None) {
            for (std::size_t k = 0; k < part.nodes.size(); ++k) {
                auto c = planner_cost(part.nodes[k], bound, plan, context);
                if (c.cost < choice.cost) {
                    choice = std::move(c);
                    best = k;
                }
            }
        }
        const bool rel_scan = planner_rel_scan(part, bound, choice, context);
        plan.anchors.push_back(rel_scan ? 0 : best);
        plan.anchor_how.push_back(rel_scan ? "relationship scan over the graph's columns" : choice.how);
        plan.rel_scans.push_back(rel_scan ? 1 : 0);
        for (const auto& n : part.nodes) mark(n.slot);  // later parts find them bound
    }
}

}  // namespace

MatchPlan plan_match(const std::vector<PatternPart>& parts, const ExprPtr& where, Context& context) {
    MatchPlan plan;
    planner_push_down(parts, where, plan);
    planner_choose_anchors(parts, plan, context);
    return plan;
}

std::vector<std::string> describe_match(const std::vector<PatternPart>& parts, const MatchPlan& plan) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& part = parts[i];
        if (part.shortest != PatternPart::Shortest::None) {
            out.push_back(std::string(part.shortest == PatternPart::Shortest::One ? "ShortestPath"
                                                                                  : "AllShortestPaths") +
                          " by the graph's bidirectional search");
            continue;
        }
        const auto anchor = plan.anchors[i];
        if (plan.rel_scans[i]) {
            const auto& r = part.rels[0];
            out.push_back("RelationshipScan " + (r.var.empty() ? std::string("(anonymous)") : r.var) +
                          " from the graph's relation columns (type, start and end)");
            continue;
        }
        out.push_back("NodeScan " + planner_node_name(part.nodes[anchor]) + ": " + plan.anchor_how[i]);
        for (std::size_t j = anchor; j < part.rels.size(); ++j)
            out.push_back("Expand to " + planner_node_name(part.nodes[j + 1]) + " over " +
                          (part.rels[j].var.empty() ? "a relationship" : part.rels[j].var));
        for (std::size_t j = anchor; j-- > 0;)
            out.push_back("Expand to " + planner_node_name(part.nodes[j]) + " over " +
                          (part.rels[j].var.empty() ? "a relationship" : part.rels[j].var));
    }
    for (const auto& [slot, f] : plan.node_filters)
        out.push_back("Filter " + f->text + " (pushed down to its node)");
    for (const auto& f : plan.final_filters) out.push_back("Filter " + f->text + " (on whole matches)");
    return out;
}

}  // namespace kizuna::cypher
