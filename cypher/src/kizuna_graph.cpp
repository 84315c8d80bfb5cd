// Kizuna's snapshot seen as a property graph. Node ids are the graph's vertex numbers, relationship
// ids its relation indices: valid for one snapshot, which is all one query sees.
#include "kizuna/cypher/kizuna_graph.h"

#include <algorithm>

#include "breadth_first_paths.h"
#include "kizuna/core/graph_internals.h"
#include "kizuna/core/model.h"
#include "kizuna/cypher/errors.h"
#include "kizuna/queries/path.h"

namespace kizuna::cypher {
namespace {

Value text_or_null(const std::string& s) { return s.empty() ? Value() : Value(s); }

Value sources_value(const std::vector<Source>& sources) {
    if (sources.empty()) return Value();
    List out;
    for (const auto& s : sources) {
        Map m{{"title", Value(s.title)}};
        if (!s.url.empty()) m["url"] = Value(s.url);
        if (!s.locator.empty()) m["locator"] = Value(s.locator);
        out.push_back(Value(std::move(m)));
    }
    return Value(std::move(out));
}

bool type_wanted(const std::vector<std::string>& types, const std::string& type) {
    return types.empty() || std::find(types.begin(), types.end(), type) != types.end();
}

}  // namespace

Map entity_properties(const Entity& e, const std::string& lang) {
    Map m;
    for (const auto& [k, v] : e.attributes) m[k] = Value(v);
    m["id"] = Value(e.id);
    m["kind"] = Value(e.kind);
    m["name"] = Value(display_name(e, lang));
    if (!e.names.en.empty()) m["name_en"] = Value(e.names.en);
    if (!e.names.ja.empty()) m["name_ja"] = Value(e.names.ja);
    if (!e.names.vi.empty()) m["name_vi"] = Value(e.names.vi);
    if (!e.aliases.empty()) {
        List aliases;
        for (const auto& a : e.aliases) aliases.push_back(Value(a));
        m["aliases"] = Value(std::move(aliases));
    }
    if (!e.country.empty()) m["country"] = Value(e.country);
    if (auto s = sources_value(e.sources); !s.is_null()) m["sources"] = s;
    return m;
}

Map relation_properties(const Relation& r, const RelationType* type) {
    Map m;
    for (const auto& [k, v] : r.attributes) m[k] = Value(v);
    m["id"] = Value(r.id);
    if (r.start) m["start"] = Value(r.start->to_string());
    if (r.end) m["end"] = Value(r.end->to_string());
    if (type) m["category"] = Value(type->category);
    if (auto s = sources_value(r.sources); !s.is_null()) m["sources"] = s;
    return m;
}

KizunaGraph::KizunaGraph(const Snapshot& snapshot, std::string lang)
    : snapshot_(snapshot), graph_(snapshot.graph()), lang_(std::move(lang)) {}

const Entity& KizunaGraph::entity(NodeId node) const {
    auto found = entities_.find(node);
    if (found != entities_.end()) return found->second;
    return entities_.emplace(node, snapshot_.entity(static_cast<VertexId>(node))).first->second;
}

const Relation& KizunaGraph::relation(RelId rel) const {
    auto found = relations_.find(rel);
    if (found != relations_.end()) return found->second;
    return relations_.emplace(rel, snapshot_.relation(static_cast<RelationIndex>(rel))).first->second;
}

std::string KizunaGraph::relation_id(RelId rel) const {
    // One by one, a relation costs a read of its row; the whole column, a scan of the relations.
    constexpr std::size_t kOneByOne = 256;
    if (!relation_ids_.empty()) return relation_ids_[rel];
    if (relations_.count(rel) || ++relation_id_reads_ <= kOneByOne) return relation(rel).id;
    const auto count = graph_.relation_count();
    std::vector<std::pair<std::int64_t, RelationIndex>> by_key(count);
    for (std::size_t r = 0; r < count; ++r) {
        const auto index = static_cast<RelationIndex>(r);
        // A relation a delta moved has its key twice: the removed one's id stays unread.
        const auto key =
            graph_.removed(index) ? std::int64_t{-1} : static_cast<std::int64_t>(graph_.relation_key(index));
        by_key[r] = {key, index};
    }
    std::sort(by_key.begin(), by_key.end());
    relation_ids_.resize(count);
    snapshot_.store().scan_relation_ids([&](RelationKey key, std::string_view id) {
        const std::pair<std::int64_t, RelationIndex> wanted{static_cast<std::int64_t>(key), 0};
        auto found = std::lower_bound(by_key.begin(), by_key.end(), wanted);
        if (found != by_key.end() && found->first == wanted.first) relation_ids_[found->second] = id;
    });
    return relation_ids_[rel];
}

// Nodes in entity-id order, as a graph built anew numbers them (a delta numbers the ones it added last).
void KizunaGraph::for_each_node(const std::function<bool(NodeId)>& visit) const {
    for (const VertexId v : graph_.vertices_in_order()) {
        if (!visit(v)) return;
    }
}

void KizunaGraph::for_each_node_with_label(const std::string& label,
                                           const std::function<bool(NodeId)>& visit) const {
    for (const VertexId v : graph_.vertices_in_order()) {
        if (graph_.kind(v) == label && !visit(v)) return;
    }
}

std::uint64_t KizunaGraph::node_order(NodeId node) const {
    return graph_.vertex_rank(static_cast<VertexId>(node));
}

std::uint64_t KizunaGraph::rel_order(RelId rel) const {
    return graph_.relation_rank(static_cast<RelationIndex>(rel));
}

std::size_t KizunaGraph::count_nodes(const std::string& label) const {
    if (label.empty()) return graph_.live_vertex_count();
    if (kind_counts_.empty()) {
        for (const VertexId v : graph_.vertices_in_order()) ++kind_counts_[graph_.kind(v)];
        kind_counts_[""] = 0;
    }
    auto found = kind_counts_.find(label);
    return found == kind_counts_.end() ? 0 : found->second;
}

std::optional<std::vector<NodeId>> KizunaGraph::lookup(const std::string& key, const Value& value) const {
    if (key == kNameSearchKey) {
        // The store's name search has matches()'s semantics (id, names, aliases containing the folded
        // text); when it finds more than it returns, the engine scans instead.
        constexpr std::size_t kMost = 100'000;
        if (value.type() != Value::Type::String) return std::vector<NodeId>{};
        const auto found = snapshot_.store().search(value.as_string(), kMost);
        if (found.size() >= kMost) return std::nullopt;
        std::vector<NodeId> out;
        for (const auto& e : found) {
            if (auto v = graph_.find(e.id)) out.push_back(*v);
        }
        std::sort(out.begin(), out.end(), [&](NodeId a, NodeId b) { return node_order(a) < node_order(b); });
        return out;
    }
    // Entity ids are the graph's own index; a merged-away id reaches the entity it was merged into.
    if (key != "id") return std::nullopt;
    if (value.type() != Value::Type::String) return std::vector<NodeId>{};
    if (auto v = graph_.find(value.as_string())) return std::vector<NodeId>{*v};
    if (const auto& kept = redirect(value.as_string())) {
        if (auto v = graph_.find(*kept)) return std::vector<NodeId>{*v};
    }
    return std::vector<NodeId>{};
}

const std::optional<std::string>& KizunaGraph::redirect(const std::string& id) const {
    auto found = redirects_.find(id);
    if (found == redirects_.end()) found = redirects_.emplace(id, snapshot_.store().redirect(id)).first;
    return found->second;
}

bool KizunaGraph::node_has(NodeId node, const std::string& key, const Value& value) const {
    if (PropertyGraph::node_has(node, key, value)) return true;
    if (key != "id" || value.type() != Value::Type::String) return false;
    const auto& kept = redirect(value.as_string());
    return kept && *kept == graph_.entity_id(static_cast<VertexId>(node));
}

std::vector<std::string> KizunaGraph::labels(NodeId node) const {
    return {graph_.kind(static_cast<VertexId>(node))};
}

bool KizunaGraph::has_label(NodeId node, const std::string& label) const {
    return graph_.kind(static_cast<VertexId>(node)) == label;
}

Value KizunaGraph::node_property(NodeId node, const std::string& key) const {
    const auto v = static_cast<VertexId>(node);
    // What the graph holds is read without the store.
    if (key == "id") return Value(std::string(graph_.entity_id(v)));
    if (key == "kind") return Value(graph_.kind(v));
    if (key == "country") return text_or_null(graph_.country(v));
    const auto props = entity_properties(entity(node), lang_);
    auto found = props.find(key);
    return found == props.end() ? Value() : found->second;
}

Map KizunaGraph::node_properties(NodeId node) const { return entity_properties(entity(node), lang_); }

const std::vector<char>& KizunaGraph::type_mask(const std::vector<std::string>& types) const {
    // Patterns ask with the same types again and again: the mask of the last list is kept.
    if (types != mask_types_ || mask_.empty()) {
        const auto& known = graph_.relation_types();
        mask_.assign(known.size(), 0);
        for (std::size_t i = 0; i < known.size(); ++i) mask_[i] = type_wanted(types, known[i].id) ? 1 : 0;
        mask_types_ = types;
    }
    return mask_;
}

void KizunaGraph::for_each_step(NodeId node, Direction direction, const std::vector<std::string>& types,
                                const std::function<bool(const Step&)>& visit) const {
    const auto& walk = GraphInternals::half_edges(graph_);
    const auto& wanted = type_mask(types);
    auto [edge, end] = out_edges(static_cast<VertexId>(node), walk);
    for (; edge != end; ++edge) {
        const auto e = *edge;
        const bool outgoing = !e.half.reversed();
        // A vertex's outgoing relations come first (half_edge_graph.h): after them, all are incoming.
        if (direction == Direction::Outgoing && !outgoing) break;
        if (direction == Direction::Incoming && outgoing) continue;
        const auto r = e.half.relation();
        if (!types.empty() && wanted[graph_.type_index(r)] == 0) continue;
        if (!visit({r, e.target})) return;
    }
}

std::optional<std::vector<RelId>> KizunaGraph::lookup_rels(const std::string& key, const Value& value) const {
    // Relation ids are unique in the store (an index): the relation's row, then the relation among its
    // start's outgoing ones in the graph, of its type to its end (almost always one; their ids compared
    // when more). No redirect: a relation's id property is its own id.
    if (key != "id") return std::nullopt;
    if (value.type() != Value::Type::String) return std::vector<RelId>{};
    const auto found = snapshot_.store().relation(value.as_string());
    if (!found) return std::vector<RelId>{};
    const auto from = graph_.find(found->from);
    const auto to = graph_.find(found->to);
    if (!from || !to) return std::vector<RelId>{};
    std::vector<RelId> candidates;
    for_each_step(*from, Direction::Outgoing, {found->type}, [&](const Step& s) {
        if (s.other == *to) candidates.push_back(s.rel);
        return true;
    });
    std::vector<RelId> out;
    for (const auto r : candidates) {
        if (candidates.size() == 1 || relation_id(r) == found->id) out.push_back(r);
    }
    return out;
}

std::size_t KizunaGraph::for_each_rel(const std::vector<std::string>& types, std::size_t from,
                                      const std::function<bool(RelId, NodeId, NodeId)>& visit) const {
    // The graph's columns: relations are numbered by (from, to, id), so this is the order of a scan of
    // every vertex's outgoing relations, without walking the vertices; the position is the index (in a
    // build's order: a delta's added relations at their places, its removed ones not at all).
    const auto& wanted = type_mask(types);
    const auto order = graph_.relations_in_order();
    for (auto it = order.at(from); it != order.end(); ++it) {  // positions count removed ones too
        const RelationIndex r = *it;
        if (!types.empty() && wanted[graph_.type_index(r)] == 0) continue;
        if (!visit(r, graph_.from(r), graph_.to(r))) return it.position() + 1;
    }
    return npos;
}

int KizunaGraph::rel_date_column(const std::string& key) const {
    return key == "start" ? 0 : key == "end" ? 1 : -1;
}

std::int32_t KizunaGraph::rel_packed_date(RelId rel, int column) const {
    const auto r = static_cast<RelationIndex>(rel);
    const auto date = column == 0 ? graph_.start(r) : graph_.end(r);
    return date ? date->packed() : 0;
}

std::string KizunaGraph::rel_type(RelId rel) const { return graph_.type(static_cast<RelationIndex>(rel)).id; }
NodeId KizunaGraph::rel_start(RelId rel) const { return graph_.from(static_cast<RelationIndex>(rel)); }
NodeId KizunaGraph::rel_end(RelId rel) const { return graph_.to(static_cast<RelationIndex>(rel)); }

Value KizunaGraph::rel_property(RelId rel, const std::string& key) const {
    const auto r = static_cast<RelationIndex>(rel);
    if (key == "start") return graph_.start(r) ? Value(graph_.start(r)->to_string()) : Value();
    if (key == "end") return graph_.end(r) ? Value(graph_.end(r)->to_string()) : Value();
    if (key == "category") return Value(graph_.type(r).category);
    if (key == "id") return Value(relation_id(rel));
    const auto props = rel_properties(rel);
    auto found = props.find(key);
    return found == props.end() ? Value() : found->second;
}

Map KizunaGraph::rel_properties(RelId rel) const {
    return relation_properties(relation(rel), &graph_.type(static_cast<RelationIndex>(rel)));
}

bool KizunaGraph::node_exists(NodeId node) const {
    return node < graph_.vertex_count() && !graph_.vertex_removed(static_cast<VertexId>(node));
}
bool KizunaGraph::rel_exists(RelId rel) const {
    return rel < graph_.relation_count() && !graph_.removed(static_cast<RelationIndex>(rel));
}

std::vector<Path> KizunaGraph::shortest_paths(NodeId from, NodeId to, Direction direction,
                                              const std::vector<std::string>& types, std::size_t max_hops,
                                              bool all) const {
    if (direction != Direction::Both) {
        // Kizuna's search reads symmetric types both ways; a pattern with an arrow means the arrow.
        return breadth_first_paths(*this, from, to, direction, types, max_hops, all);
    }
    if (from == to) return {};
    // A type no relation has matches nothing (the search refuses unknown types).
    std::vector<std::string> known_types;
    for (const auto& t : types) {
        const auto& known = graph_.relation_types();
        if (std::any_of(known.begin(), known.end(), [&](const RelationType& k) { return k.id == t; }))
            known_types.push_back(t);
    }
    if (!types.empty() && known_types.empty()) return {};
    PathQuery query;
    query.filter.types = known_types;
    query.filter.include_evidence = true;
    query.filter.undated = UndatedPolicy::Include;
    if (max_hops != std::numeric_limits<std::size_t>::max()) query.max_hops = max_hops;
    std::vector<kizuna::Path> found;
    if (all) {
        found =
            all_shortest_paths(graph_, static_cast<VertexId>(from), static_cast<VertexId>(to), query, 10'000)
                .paths;
    } else if (auto p =
                   shortest_path(graph_, static_cast<VertexId>(from), static_cast<VertexId>(to), query)) {
        found.push_back(*p);
    }
    std::vector<Path> out;
    for (const auto& p : found) {
        Path path;
        path.nodes.assign(p.vertices.begin(), p.vertices.end());
        path.rels.assign(p.relations.begin(), p.relations.end());
        out.push_back(std::move(path));
    }
    return out;
}

void KizunaGraph::read_only() {
    throw CypherError("SemanticError", CypherError::Phase::Runtime, "this view of the database is read-only");
}
NodeId KizunaGraph::create_node(const std::vector<std::string>&, const Map&) { read_only(); }
RelId KizunaGraph::create_rel(const std::string&, NodeId, NodeId, const Map&) { read_only(); }
void KizunaGraph::set_node_property(NodeId, const std::string&, const Value&) { read_only(); }
void KizunaGraph::set_rel_property(RelId, const std::string&, const Value&) { read_only(); }
void KizunaGraph::add_label(NodeId, const std::string&) { read_only(); }
void KizunaGraph::remove_label(NodeId, const std::string&) { read_only(); }
void KizunaGraph::delete_node(NodeId, bool) { read_only(); }
void KizunaGraph::delete_rel(RelId) { read_only(); }

std::vector<std::string> KizunaGraph::label_vocabulary() const {
    std::vector<std::string> out = graph_.kinds();
    for (const auto& k : graph_.entity_kinds()) {
        if (std::find(out.begin(), out.end(), k.id) == out.end()) out.push_back(k.id);
    }
    return out;
}

std::vector<std::string> KizunaGraph::type_vocabulary() const {
    std::vector<std::string> out;
    for (const auto& t : graph_.relation_types()) out.push_back(t.id);
    return out;
}

}  // namespace kizuna::cypher
