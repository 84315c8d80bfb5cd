// Backtracking search over one pattern, in the order the anchor gives.
#include "matcher.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include "binder.h"
#include "kizuna/cypher/errors.h"

namespace kizuna::cypher {
namespace {

bool is_constant(const Expr& e) {
    if (e.kind == ExprKind::Literal || e.kind == ExprKind::Parameter) return true;
    return false;
}

class Search {
  public:
    Search(const std::vector<PatternPart>& parts, const MatchPlan& plan, Row& row, Context& context,
           const std::function<bool(Row&)>& found)
        : parts_(parts), plan_(plan), row_(row), context_(context), graph_(*context.graph), found_(found) {
        bound_.assign(row.size(), 0);
        for (const auto& part : parts) {
            for (const auto& n : part.nodes) {
                if (n.prebound) bound_[static_cast<std::size_t>(n.slot)] = 1;
            }
            for (const auto& r : part.rels) {
                if (r.prebound) bound_[static_cast<std::size_t>(r.slot)] = 1;
            }
        }
    }

    void run() { match_part(0); }

  private:
    struct PartState {
        std::vector<NodeId> nodes;
        std::vector<std::vector<RelId>> rels;
        std::vector<std::vector<NodeId>> walks;           // var-length: the nodes passed, left to right
        std::vector<std::pair<std::size_t, bool>> order;  // rel index, rightwards
    };

    bool stopped() const { return stop_; }

    void match_part(std::size_t i) {
        if (stop_) return;
        if (i == parts_.size()) {
            for (const auto& f : plan_.final_filters) {
                if (!is_true(*f, row_, context_)) return;
            }
            if (!found_(row_)) stop_ = true;
            return;
        }
        const auto& part = parts_[i];
        PartState state;
        state.nodes.assign(part.nodes.size(), 0);
        state.rels.assign(part.rels.size(), {});
        state.walks.assign(part.rels.size(), {});
        if (part.shortest != PatternPart::Shortest::None) {
            shortest(i, part, state);
            return;
        }
        if (plan_.rel_scans[i]) {
            scan_relationships(i, part, state);
            return;
        }
        const std::size_t anchor = plan_.anchors[i];
        for (std::size_t j = anchor; j < part.rels.size(); ++j) state.order.push_back({j, true});
        for (std::size_t j = anchor; j-- > 0;) state.order.push_back({j, false});
        for_each_candidate(part.nodes[anchor], [&](NodeId n) {
            context_.tick();
            with_node(part.nodes[anchor], n, [&] {
                state.nodes[anchor] = n;
                expand(i, part, state, 0);
            });
            return !stop_;
        });
    }

    // A part of one arrow between two unbound nodes, from the graph's scan of its relationships.
    void scan_relationships(std::size_t i, const PatternPart& part, PartState& state) {
        const auto& rel = part.rels[0];
        const auto rel_slot = static_cast<std::size_t>(rel.slot);
        // Bound by an earlier part: that relationship is used already, so the part cannot match.
        if (bound_[rel_slot]) return;
        graph_.for_each_rel(rel.types, [&](RelId r, NodeId from, NodeId to) {
            context_.tick();
            if (std::find(used_.begin(), used_.end(), r) != used_.end() || !rel_fits(rel, r)) return true;
            with_node(part.nodes[0], from, [&] {
                row_[rel_slot] = Value(RelRef{r});
                bound_[rel_slot] = 1;
                used_.push_back(r);
                with_node(part.nodes[1], to, [&] {
                    state.nodes = {from, to};
                    state.rels[0] = {r};
                    state.walks[0] = {from, to};
                    finish_part(i, part, state);
                });
                used_.pop_back();
                bound_[rel_slot] = 0;
                row_[rel_slot] = Value();
            });
            return !stop_;
        });
    }

    // Binds (or checks) a node pattern to n and runs next while bound.
    template <typename Next>
    void with_node(const NodePattern& p, NodeId n, Next&& next) {
        const auto slot = static_cast<std::size_t>(p.slot);
        if (bound_[slot]) {
            const auto& v = row_[slot];
            if (v.type() != Value::Type::Node || v.as_node() != n) return;
            if (!node_fits(p, n)) return;
            next();
            return;
        }
        if (!node_fits(p, n)) return;
        row_[slot] = Value(NodeRef{n});
        bound_[slot] = 1;
        bool pass = true;
        for (const auto& [s, f] : plan_.node_filters) {
            if (s == p.slot && !is_true(*f, row_, context_)) {
                pass = false;
                break;
            }
        }
        if (pass) next();
        bound_[slot] = 0;
        row_[slot] = Value();
    }

    bool node_fits(const NodePattern& p, NodeId n) {
        for (const auto& l : p.labels) {
            if (!graph_.has_label(n, l)) return false;
        }
        if (p.properties) {
            const auto wanted = evaluate(*p.properties, row_, context_);
            if (wanted.type() == Value::Type::Map) {
                for (const auto& [k, v] : wanted.as_map()) {
                    if (!graph_.node_has(n, k, v)) return false;
                }
            }
        }
        return true;
    }

    bool rel_fits(const RelPattern& p, RelId r) {
        if (!p.properties) return true;
        const auto wanted = evaluate(*p.properties, row_, context_);
        if (wanted.type() != Value::Type::Map) return true;
        for (const auto& [k, v] : wanted.as_map()) {
            const auto e = equals(graph_.rel_property(r, k), v);
            if (e.is_null() || !e.as_bool()) return false;
        }
        return true;
    }

    std::optional<std::vector<NodeId>> indexed(const NodePattern& p) {
        if (p.properties && p.properties->kind == ExprKind::MapLiteral) {
            for (std::size_t k = 0; k < p.properties->keys.size(); ++k) {
                if (!is_constant(*p.properties->args[k])) continue;
                auto hit =
                    graph_.lookup(p.properties->keys[k], evaluate(*p.properties->args[k], row_, context_));
                if (hit) return hit;
            }
        }
        for (const auto& [slot, lookup] : plan_.lookups) {
            if (slot != p.slot) continue;
            auto hit = graph_.lookup(lookup.first, evaluate(*lookup.second, row_, context_));
            if (hit) return hit;
        }
        return std::nullopt;
    }

    template <typename Visit>
    void for_each_candidate(const NodePattern& p, Visit&& visit) {
        const auto slot = static_cast<std::size_t>(p.slot);
        if (bound_[slot]) {
            if (row_[slot].type() == Value::Type::Node) visit(row_[slot].as_node());
            return;
        }
        if (auto hit = indexed(p)) {
            for (auto n : *hit) {
                if (!visit(n)) return;
            }
            return;
        }
        std::string rarest;
        std::size_t least = std::numeric_limits<std::size_t>::max();
        for (const auto& l : p.labels) {
            const auto c = graph_.count_nodes(l);
            if (c < least) {
                least = c;
                rarest = l;
            }
        }
        // Collected first: the callbacks may read the graph.
        std::vector<NodeId> nodes;
        if (!rarest.empty()) {
            graph_.for_each_node_with_label(rarest, [&](NodeId n) {
                nodes.push_back(n);
                return true;
            });
        } else {
            graph_.for_each_node([&](NodeId n) {
                nodes.push_back(n);
                return true;
            });
        }
        for (auto n : nodes) {
            if (!visit(n)) return;
        }
    }

    static Direction flip(Direction d) {
        return d == Direction::Outgoing   ? Direction::Incoming
               : d == Direction::Incoming ? Direction::Outgoing
                                          : d;
    }

    void expand(std::size_t i, const PatternPart& part, PartState& state, std::size_t k) {
        if (stop_) return;
        if (k == state.order.size()) {
            finish_part(i, part, state);
            return;
        }
        // Plain names, not a structured binding: the lambdas below capture them.
        const std::size_t j = state.order[k].first;
        const bool rightwards = state.order[k].second;
        const auto& rel = part.rels[j];
        const NodeId from = rightwards ? state.nodes[j] : state.nodes[j + 1];
        const auto& target = rightwards ? part.nodes[j + 1] : part.nodes[j];
        const Direction direction = rightwards ? rel.direction : flip(rel.direction);
        const auto target_index = rightwards ? j + 1 : j;
        const auto rel_slot = static_cast<std::size_t>(rel.slot);

        if (!rel.variable_length) {
            std::vector<Step> steps;
            graph_.for_each_step(from, direction, rel.types, [&](const Step& s) {
                steps.push_back(s);
                return true;
            });
            for (const auto& s : steps) {
                context_.tick();
                if (std::find(used_.begin(), used_.end(), s.rel) != used_.end()) continue;
                if (bound_[rel_slot]) {
                    const auto& v = row_[rel_slot];
                    if (v.type() != Value::Type::Rel || v.as_rel() != s.rel) continue;
                }
                if (!rel_fits(rel, s.rel)) continue;
                const bool bind_rel = !bound_[rel_slot];
                if (bind_rel) {
                    row_[rel_slot] = Value(RelRef{s.rel});
                    bound_[rel_slot] = 1;
                }
                used_.push_back(s.rel);
                with_node(target, s.other, [&] {
                    state.nodes[target_index] = s.other;
                    state.rels[j] = {s.rel};
                    state.walks[j] =
                        rightwards ? std::vector<NodeId>{from, s.other} : std::vector<NodeId>{s.other, from};
                    expand(i, part, state, k + 1);
                });
                used_.pop_back();
                if (bind_rel) {
                    bound_[rel_slot] = 0;
                    row_[rel_slot] = Value();
                }
                if (stop_) return;
            }
            return;
        }
        const auto min_hops = static_cast<std::size_t>(std::max<std::int64_t>(0, rel.min_hops.value_or(1)));
        const auto max_hops = rel.max_hops
                                  ? static_cast<std::size_t>(std::max<std::int64_t>(0, *rel.max_hops))
                                  : std::numeric_limits<std::size_t>::max();
        std::vector<RelId> walked;
        std::vector<NodeId> passed{from};
        var_length(i, part, state, k, j, rightwards, target, target_index, direction, min_hops, max_hops,
                   walked, passed);
    }

    // A variable-length relationship: every trail from the last node passed, depth first with an
    // explicit stack (a trail may be as long as the graph has relationships: never on the call stack).
    void var_length(std::size_t i, const PatternPart& part, PartState& state, std::size_t k, std::size_t j,
                    bool rightwards, const NodePattern& target, std::size_t target_index, Direction direction,
                    std::size_t min_hops, std::size_t max_hops, std::vector<RelId>& walked,
                    std::vector<NodeId>& passed) {
        const auto& rel = part.rels[j];
        struct Frame {
            std::vector<Step> steps;
            std::size_t next = 0;
        };
        std::vector<Frame> frames;
        // At the end of the trail walked so far: the match it makes, then the steps on from there.
        const auto arrive = [&] {
            context_.tick(1 + walked.size() / 16);
            if (walked.size() >= min_hops)
                var_length_match(i, part, state, k, j, rightwards, target, target_index, walked, passed);
            Frame frame;
            if (walked.size() < max_hops && !stop_) {
                context_.budget.check_new((frames.size() + 1) * sizeof(Frame));
                graph_.for_each_step(passed.back(), direction, rel.types, [&](const Step& s) {
                    frame.steps.push_back(s);
                    return true;
                });
            }
            frames.push_back(std::move(frame));
        };
        const auto step_back = [&] {
            frames.pop_back();
            if (frames.empty()) return;
            passed.pop_back();
            walked.pop_back();
            used_.pop_back();
        };
        arrive();
        while (!frames.empty()) {
            if (stop_) {
                step_back();
                continue;
            }
            auto& frame = frames.back();
            if (frame.next == frame.steps.size()) {
                step_back();
                continue;
            }
            const Step s = frame.steps[frame.next++];
            if (std::find(used_.begin(), used_.end(), s.rel) != used_.end()) continue;
            if (!rel_fits(rel, s.rel)) continue;
            used_.push_back(s.rel);
            walked.push_back(s.rel);
            passed.push_back(s.other);
            arrive();
        }
    }

    // The trail walked (ending at passed.back()) as a match of relationship j: bound, then the rest of
    // the pattern.
    void var_length_match(std::size_t i, const PatternPart& part, PartState& state, std::size_t k,
                          std::size_t j, bool rightwards, const NodePattern& target, std::size_t target_index,
                          const std::vector<RelId>& walked, const std::vector<NodeId>& passed) {
        const auto& rel = part.rels[j];
        const auto rel_slot = static_cast<std::size_t>(rel.slot);
        const NodeId at = passed.back();
        List rels;
        for (auto r : rightwards ? walked : std::vector<RelId>(walked.rbegin(), walked.rend())) {
            rels.push_back(Value(RelRef{r}));
        }
        const Value list(std::move(rels));
        if (bound_[rel_slot]) {
            const auto e = equals(row_[rel_slot], list);
            if (e.is_null() || !e.as_bool()) return;
        }
        const bool bind_rel = !bound_[rel_slot];
        if (bind_rel) {
            row_[rel_slot] = list;
            bound_[rel_slot] = 1;
        }
        with_node(target, at, [&] {
            state.nodes[target_index] = at;
            state.rels[j] = rightwards ? walked : std::vector<RelId>(walked.rbegin(), walked.rend());
            state.walks[j] = rightwards ? passed : std::vector<NodeId>(passed.rbegin(), passed.rend());
            expand(i, part, state, k + 1);
        });
        if (bind_rel) {
            bound_[rel_slot] = 0;
            row_[rel_slot] = Value();
        }
    }

    void finish_part(std::size_t i, const PatternPart& part, PartState& state) {
        if (part.path_slot < 0) {
            match_part(i + 1);
            return;
        }
        Path path;
        path.nodes.push_back(state.nodes[0]);
        for (std::size_t j = 0; j < part.rels.size(); ++j) {
            const auto& walk = state.walks[j];
            for (std::size_t w = 1; w < walk.size(); ++w) path.nodes.push_back(walk[w]);
            path.rels.insert(path.rels.end(), state.rels[j].begin(), state.rels[j].end());
        }
        const auto slot = static_cast<std::size_t>(part.path_slot);
        row_[slot] = Value(std::move(path));
        match_part(i + 1);
        row_[slot] = Value();
    }

    void shortest(std::size_t i, const PatternPart& part, PartState& state) {
        const auto& rel = part.rels[0];
        for_each_candidate(part.nodes[0], [&](NodeId a) {
            with_node(part.nodes[0], a, [&] {
                for_each_candidate(part.nodes[1], [&](NodeId b) {
                    // Each pair is a whole search: the clock is read for every one.
                    context_.budget.check_time();
                    with_node(part.nodes[1], b, [&] {
                        const auto max_hops = rel.max_hops ? static_cast<std::size_t>(*rel.max_hops)
                                                           : std::numeric_limits<std::size_t>::max();
                        const auto min_hops = static_cast<std::size_t>(rel.min_hops.value_or(1));
                        auto paths = graph_.shortest_paths(a, b, rel.direction, rel.types, max_hops,
                                                           part.shortest == PatternPart::Shortest::All);
                        for (auto& p : paths) {
                            context_.tick();
                            if (p.rels.size() < min_hops) continue;
                            if (!std::all_of(p.rels.begin(), p.rels.end(),
                                             [&](RelId r) { return rel_fits(rel, r); }))
                                continue;
                            const auto rel_slot = static_cast<std::size_t>(rel.slot);
                            List rels;
                            for (auto r : p.rels) rels.push_back(Value(RelRef{r}));
                            row_[rel_slot] = rel.variable_length
                                                 ? Value(std::move(rels))
                                                 : (p.rels.empty() ? Value() : Value(RelRef{p.rels[0]}));
                            state.nodes = {a, b};
                            if (part.path_slot >= 0)
                                row_[static_cast<std::size_t>(part.path_slot)] = Value(p);
                            match_part(i + 1);
                            if (part.path_slot >= 0) row_[static_cast<std::size_t>(part.path_slot)] = Value();
                            row_[rel_slot] = Value();
                            if (stop_) return;
                        }
                    });
                    return !stop_;
                });
            });
            return !stop_;
        });
    }

    const std::vector<PatternPart>& parts_;
    const MatchPlan& plan_;
    Row& row_;
    Context& context_;
    const PropertyGraph& graph_;
    const std::function<bool(Row&)>& found_;
    std::vector<char> bound_;
    std::vector<RelId> used_;
    bool stop_ = false;
};

}  // namespace

void match_pattern(const std::vector<PatternPart>& parts, const MatchPlan& plan, Row& row, Context& context,
                   const std::function<bool(Row&)>& found) {
    Search(parts, plan, row, context, found).run();
}

}  // namespace kizuna::cypher
