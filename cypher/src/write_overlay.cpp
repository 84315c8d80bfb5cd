// The write overlay: the touched nodes and relationships in ordered maps, the base for the rest.
#include "kizuna/cypher/write_overlay.h"

#include <algorithm>

#include "breadth_first_paths.h"
#include "kizuna/cypher/errors.h"

namespace kizuna::cypher {
namespace {

[[noreturn]] void overlay_missing(const char* what) {
    throw CypherError("EntityNotFound", CypherError::Phase::Runtime,
                      std::string("the ") + what + " was deleted");
}

bool overlay_type_wanted(const std::vector<std::string>& types, const std::string& type) {
    return types.empty() || std::find(types.begin(), types.end(), type) != types.end();
}

void overlay_set(Map& properties, const std::string& key, const Value& value) {
    if (value.is_null()) {
        properties.erase(key);
    } else {
        properties[key] = value;
    }
}

}  // namespace

WriteOverlay::WriteOverlay(const PropertyGraph& base, NodeId first_node, RelId first_rel)
    : base_(base),
      first_node_(first_node),
      first_rel_(first_rel),
      next_node_(first_node),
      next_rel_(first_rel) {}

const WriteOverlay::NodeState* WriteOverlay::node_state(NodeId node) const {
    if (deleted_nodes_.count(node) || gone_nodes_.count(node)) overlay_missing("node");
    auto found = nodes_.find(node);
    if (found != nodes_.end()) return &found->second;
    if (created(node)) overlay_missing("node");
    return nullptr;
}

const WriteOverlay::RelState* WriteOverlay::rel_state(RelId rel) const {
    if (deleted_rels_.count(rel) || gone_types_.count(rel)) overlay_missing("relationship");
    auto found = rels_.find(rel);
    if (found != rels_.end()) return &found->second;
    if (created_rel(rel)) overlay_missing("relationship");
    return nullptr;
}

WriteOverlay::NodeState& WriteOverlay::writable_node(NodeId node) {
    if (node_state(node) == nullptr) {
        const auto labels = base_.labels(node);
        nodes_[node] = {{labels.begin(), labels.end()}, base_.node_properties(node)};
    }
    return nodes_.at(node);
}

WriteOverlay::RelState& WriteOverlay::writable_rel(RelId rel) {
    if (rel_state(rel) == nullptr) {
        rels_[rel] = {base_.rel_type(rel), base_.rel_start(rel), base_.rel_end(rel),
                      base_.rel_properties(rel)};
    }
    return rels_.at(rel);
}

void WriteOverlay::for_each_node(const std::function<bool(NodeId)>& visit) const {
    bool go_on = true;
    base_.for_each_node([&](NodeId n) { return deleted_nodes_.count(n) ? true : (go_on = visit(n)); });
    for (auto n = nodes_.lower_bound(first_node_); go_on && n != nodes_.end(); ++n) go_on = visit(n->first);
}

void WriteOverlay::for_each_node_with_label(const std::string& label,
                                            const std::function<bool(NodeId)>& visit) const {
    // In id order, as a scan of all nodes would give them: the base's, less those that lost the label,
    // with those that gained it; then the created ones.
    bool go_on = true;
    if (relabelled_.empty()) {
        base_.for_each_node_with_label(
            label, [&](NodeId n) { return deleted_nodes_.count(n) ? true : (go_on = visit(n)); });
    } else {
        std::vector<NodeId> found;
        base_.for_each_node_with_label(label, [&](NodeId n) {
            if (!deleted_nodes_.count(n) && !relabelled_.count(n)) found.push_back(n);
            return true;
        });
        for (const auto n : relabelled_) {
            if (!deleted_nodes_.count(n) && nodes_.at(n).labels.count(label)) found.push_back(n);
        }
        std::sort(found.begin(), found.end(),
                  [&](NodeId a, NodeId b) { return node_order(a) < node_order(b); });
        for (std::size_t i = 0; go_on && i < found.size(); ++i) go_on = visit(found[i]);
    }
    for (auto n = nodes_.lower_bound(first_node_); go_on && n != nodes_.end(); ++n) {
        if (n->second.labels.count(label)) go_on = visit(n->first);
    }
}

std::uint64_t WriteOverlay::node_order(NodeId node) const {
    constexpr std::uint64_t kCreated = std::uint64_t{1} << 63U;  // after every base node
    return node < first_node_ ? base_.node_order(node) : kCreated | node;
}

std::uint64_t WriteOverlay::rel_order(RelId rel) const {
    constexpr std::uint64_t kCreated = std::uint64_t{1} << 63U;  // after every base relationship
    return rel < first_rel_ ? base_.rel_order(rel) : kCreated | rel;
}

std::size_t WriteOverlay::count_nodes(const std::string& label) const {
    auto count = static_cast<std::ptrdiff_t>(base_.count_nodes(label));
    for (const auto n : deleted_nodes_) {
        if (label.empty() || base_.has_label(n, label)) --count;
    }
    for (const auto n : relabelled_) {
        if (deleted_nodes_.count(n) || label.empty()) continue;
        count += static_cast<std::ptrdiff_t>(nodes_.at(n).labels.count(label)) -
                 static_cast<std::ptrdiff_t>(base_.has_label(n, label));
    }
    for (auto n = nodes_.lower_bound(first_node_); n != nodes_.end(); ++n) {
        if (label.empty() || n->second.labels.count(label)) ++count;
    }
    return static_cast<std::size_t>(std::max<std::ptrdiff_t>(count, 0));
}

std::optional<std::vector<NodeId>> WriteOverlay::lookup(const std::string& key, const Value& value) const {
    auto hits = base_.lookup(key, value);
    if (!hits) return hits;
    // The base's hits that the query left alone, and every node it touched that fits now (for the name
    // search, every touched node: a superset is fine, the condition is checked).
    std::vector<NodeId> out;
    for (const auto n : *hits) {
        if (!deleted_nodes_.count(n) && !nodes_.count(n)) out.push_back(n);
    }
    for (const auto& [n, state] : nodes_) {
        if (key == kNameSearchKey || node_has(n, key, value)) out.push_back(n);
    }
    std::sort(out.begin(), out.end(), [&](NodeId a, NodeId b) { return node_order(a) < node_order(b); });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::optional<std::vector<RelId>> WriteOverlay::lookup_rels(const std::string& key,
                                                            const Value& value) const {
    auto hits = base_.lookup_rels(key, value);
    if (!hits) return hits;
    // The base's hits the query did not delete, and every relationship it created or wrote to (a superset:
    // the condition is checked); by number, which is for_each_rel's order (the base's, then the created).
    std::vector<RelId> out;
    for (const auto r : *hits) {
        if (!deleted_rels_.count(r)) out.push_back(r);
    }
    for (const auto& entry : rels_) out.push_back(entry.first);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool WriteOverlay::node_has(NodeId node, const std::string& key, const Value& value) const {
    const auto* state = node_state(node);
    if (state == nullptr) return base_.node_has(node, key, value);
    auto found = state->properties.find(key);
    const auto same = equals(found == state->properties.end() ? Value() : found->second, value);
    if (!same.is_null() && same.as_bool()) return true;
    // What else the base lets the value name (a merged-away id) holds while the property is unchanged.
    if (created(node)) return false;
    return found != state->properties.end() && equivalent(found->second, base_.node_property(node, key)) &&
           base_.node_has(node, key, value);
}

std::vector<std::string> WriteOverlay::labels(NodeId node) const {
    const auto* state = node_state(node);
    if (state == nullptr) return base_.labels(node);
    return {state->labels.begin(), state->labels.end()};
}

bool WriteOverlay::has_label(NodeId node, const std::string& label) const {
    const auto* state = node_state(node);
    return state == nullptr ? base_.has_label(node, label) : state->labels.count(label) > 0;
}

Value WriteOverlay::node_property(NodeId node, const std::string& key) const {
    const auto* state = node_state(node);
    if (state == nullptr) return base_.node_property(node, key);
    auto found = state->properties.find(key);
    return found == state->properties.end() ? Value() : found->second;
}

Map WriteOverlay::node_properties(NodeId node) const {
    const auto* state = node_state(node);
    return state == nullptr ? base_.node_properties(node) : state->properties;
}

void WriteOverlay::for_each_step(NodeId node, Direction direction, const std::vector<std::string>& types,
                                 const std::function<bool(const Step&)>& visit) const {
    (void)node_state(node);
    bool go_on = true;
    if (!created(node)) {
        base_.for_each_step(node, direction, types, [&](const Step& s) {
            return deleted_rels_.count(s.rel) ? true : (go_on = visit(s));
        });
    }
    auto created_steps = [&](const std::map<NodeId, std::vector<RelId>>& at, bool outgoing) {
        auto list = at.find(node);
        if (list == at.end()) return;
        for (std::size_t i = 0; go_on && i < list->second.size(); ++i) {
            const auto r = list->second[i];
            const auto& rel = rels_.at(r);
            // A loop is one step when either direction will do.
            if (!outgoing && direction == Direction::Both && rel.start == rel.end) continue;
            if (overlay_type_wanted(types, rel.type)) go_on = visit({r, outgoing ? rel.end : rel.start});
        }
    };
    if (go_on && direction != Direction::Incoming) created_steps(new_out_, true);
    if (go_on && direction != Direction::Outgoing) created_steps(new_in_, false);
}

// Positions of the scan: the base graph's own, then the relationships this query created, numbered from
// kCreatedPosition (so that a scan stopped in either part goes on where it stopped).
std::size_t WriteOverlay::for_each_rel(const std::vector<std::string>& types, std::size_t from,
                                       const std::function<bool(RelId, NodeId, NodeId)>& visit) const {
    constexpr std::size_t kCreatedPosition = std::size_t{1} << 62;
    if (from < kCreatedPosition) {
        const std::size_t stopped = base_.for_each_rel(types, from, [&](RelId r, NodeId start, NodeId end) {
            return deleted_rels_.count(r) ? true : visit(r, start, end);
        });
        if (stopped != npos) return stopped;
        from = kCreatedPosition;
    }
    std::size_t position = kCreatedPosition;
    for (auto r = rels_.lower_bound(first_rel_); r != rels_.end(); ++r, ++position) {
        if (position < from || !overlay_type_wanted(types, r->second.type)) continue;
        if (!visit(r->first, r->second.start, r->second.end)) return position + 1;
    }
    return npos;
}

std::string WriteOverlay::rel_type(RelId rel) const {
    // The type of a relationship deleted by the same query can still be asked for.
    auto gone = gone_types_.find(rel);
    if (gone != gone_types_.end()) return gone->second;
    auto found = rels_.find(rel);
    return found != rels_.end() ? found->second.type : base_.rel_type(rel);
}

NodeId WriteOverlay::rel_start(RelId rel) const {
    const auto* state = rel_state(rel);
    return state == nullptr ? base_.rel_start(rel) : state->start;
}

NodeId WriteOverlay::rel_end(RelId rel) const {
    const auto* state = rel_state(rel);
    return state == nullptr ? base_.rel_end(rel) : state->end;
}

Value WriteOverlay::rel_property(RelId rel, const std::string& key) const {
    const auto* state = rel_state(rel);
    if (state == nullptr) return base_.rel_property(rel, key);
    auto found = state->properties.find(key);
    return found == state->properties.end() ? Value() : found->second;
}

Map WriteOverlay::rel_properties(RelId rel) const {
    const auto* state = rel_state(rel);
    return state == nullptr ? base_.rel_properties(rel) : state->properties;
}

bool WriteOverlay::node_exists(NodeId node) const {
    if (created(node)) return nodes_.count(node) > 0;
    return !deleted_nodes_.count(node) && base_.node_exists(node);
}

bool WriteOverlay::rel_exists(RelId rel) const {
    if (created_rel(rel)) return rels_.count(rel) > 0;
    return !deleted_rels_.count(rel) && base_.rel_exists(rel);
}

std::vector<Path> WriteOverlay::shortest_paths(NodeId from, NodeId to, Direction direction,
                                               const std::vector<std::string>& types, std::size_t max_hops,
                                               bool all) const {
    // The base's own search while the relationships are the base's; else a search over the steps here.
    if (!changes_structure() && !created(from) && !created(to)) {
        (void)node_state(from);
        (void)node_state(to);
        return base_.shortest_paths(from, to, direction, types, max_hops, all);
    }
    return breadth_first_paths(*this, from, to, direction, types, max_hops, all);
}

NodeId WriteOverlay::create_node(const std::vector<std::string>& labels, const Map& properties) {
    const auto id = next_node_++;
    nodes_[id] = {{labels.begin(), labels.end()}, properties};
    return id;
}

RelId WriteOverlay::create_rel(const std::string& type, NodeId start, NodeId end, const Map& properties) {
    (void)node_state(start);
    (void)node_state(end);
    const auto id = next_rel_++;
    rels_[id] = {type, start, end, properties};
    new_out_[start].push_back(id);
    new_in_[end].push_back(id);
    return id;
}

void WriteOverlay::set_node_property(NodeId node, const std::string& key, const Value& value) {
    overlay_set(writable_node(node).properties, key, value);
}

void WriteOverlay::set_rel_property(RelId rel, const std::string& key, const Value& value) {
    overlay_set(writable_rel(rel).properties, key, value);
}

void WriteOverlay::add_label(NodeId node, const std::string& label) {
    writable_node(node).labels.insert(label);
    if (!created(node)) relabelled_.insert(node);
}

void WriteOverlay::remove_label(NodeId node, const std::string& label) {
    writable_node(node).labels.erase(label);
    if (!created(node)) relabelled_.insert(node);
}

void WriteOverlay::delete_node(NodeId node, bool detach) {
    std::vector<RelId> attached;
    for_each_step(node, Direction::Both, {}, [&](const Step& s) {
        attached.push_back(s.rel);
        return true;
    });
    if (!detach && !attached.empty()) {
        throw CypherError("ConstraintVerificationFailed", CypherError::Phase::Runtime,
                          "DeleteConnectedNode: the node still has relationships");
    }
    for (const auto r : attached) {
        if (rel_exists(r)) delete_rel(r);
    }
    nodes_.erase(node);
    (created(node) ? gone_nodes_ : deleted_nodes_).insert(node);
}

void WriteOverlay::delete_rel(RelId rel) {
    (void)rel_state(rel);
    if (!created_rel(rel)) {
        rels_.erase(rel);
        deleted_rels_.insert(rel);
        return;
    }
    const auto state = rels_.at(rel);
    auto drop = [&](std::map<NodeId, std::vector<RelId>>& at, NodeId node) {
        auto& list = at[node];
        list.erase(std::remove(list.begin(), list.end(), rel), list.end());
        if (list.empty()) at.erase(node);
    };
    drop(new_out_, state.start);
    drop(new_in_, state.end);
    gone_types_[rel] = state.type;
    rels_.erase(rel);
}

std::vector<std::string> WriteOverlay::label_vocabulary() const { return base_.label_vocabulary(); }
std::vector<std::string> WriteOverlay::type_vocabulary() const { return base_.type_vocabulary(); }

}  // namespace kizuna::cypher
