// Running a query on Kizuna's database. Writing queries run inside the write transaction on a
// WriteOverlay over the database as it is there (so they read their own writes and read only what they
// look at); then every entity and relation the query touched and left different is converted back and
// validated as an import's rows are, and only then written; removed ones are deleted (relations before
// entities). Any error rolls the whole transaction back.
#include "kizuna/cypher/query_answer.h"

#include <algorithm>
#include <map>
#include <set>

#include "budget.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/validation.h"
#include "kizuna/cypher/kizuna_graph.h"
#include "kizuna/cypher/write_overlay.h"

namespace kizuna::cypher {
namespace {

using ValueType = Value::Type;  // (not T: value.cpp's functions name theirs T, and unity builds join them)

void describe(const Value& v, const PropertyGraph& graph, QueryAnswer& answer) {
    switch (v.type()) {
        case ValueType::Node: {
            const auto n = v.as_node();
            if (answer.nodes.count(n) || !graph.node_exists(n)) return;
            const auto id = graph.node_property(n, "id");
            answer.nodes[n] = {id.type() == ValueType::String ? id.as_string() : std::to_string(n),
                               graph.labels(n), graph.node_properties(n)};
            return;
        }
        case ValueType::Rel: {
            const auto r = v.as_rel();
            if (answer.relationships.count(r) || !graph.rel_exists(r)) return;
            const auto id = graph.rel_property(r, "id");
            const auto s = graph.node_property(graph.rel_start(r), "id");
            const auto e = graph.node_property(graph.rel_end(r), "id");
            answer.relationships[r] = {id.type() == ValueType::String ? id.as_string() : std::to_string(r),
                                       graph.rel_type(r), s.type() == ValueType::String ? s.as_string() : "",
                                       e.type() == ValueType::String ? e.as_string() : "",
                                       graph.rel_properties(r)};
            describe(Value(NodeRef{graph.rel_start(r)}), graph, answer);
            describe(Value(NodeRef{graph.rel_end(r)}), graph, answer);
            return;
        }
        case ValueType::Path:
            for (auto n : v.as_path().nodes) describe(Value(NodeRef{n}), graph, answer);
            for (auto r : v.as_path().rels) describe(Value(RelRef{r}), graph, answer);
            return;
        case ValueType::List:
            for (const auto& x : v.as_list()) describe(x, graph, answer);
            return;
        case ValueType::Map:
            for (const auto& [k, x] : v.as_map()) describe(x, graph, answer);
            return;
        default:
            return;
    }
}

QueryAnswer answer_of(QueryResult result, const PropertyGraph& graph) {
    QueryAnswer answer;
    answer.columns = std::move(result.columns);
    answer.rows = std::move(result.rows);
    answer.plan = std::move(result.plan);
    answer.explain = result.explain;
    answer.profile = result.profile;
    answer.warnings = std::move(result.warnings);
    answer.writes = result.writes;
    for (const auto& row : answer.rows) {
        for (const auto& v : row) describe(v, graph, answer);
    }
    return answer;
}

[[noreturn]] void refuse(const std::string& what) { throw InvalidDataError("query: " + what); }

std::string text_of(const Value& v, const std::string& what) {
    if (auto text = scalar_text(v)) return *text;
    refuse(what + " must be text, a number or a boolean, not a " + type_name(v.type()));
}

std::vector<Source> sources_of(const Value& v, const std::string& what) {
    std::vector<Source> out;
    if (v.is_null()) return out;
    if (v.type() != ValueType::List) refuse(what + ": sources must be a list");
    for (const auto& s : v.as_list()) {
        if (s.type() != ValueType::Map) refuse(what + ": each source must be a map {title, url, locator}");
        const auto& m = s.as_map();
        Source source;
        auto field = [&](const char* key) {
            auto found = m.find(key);
            return found == m.end() || found->second.is_null()
                       ? std::string()
                       : text_of(found->second, what + ": source " + key);
        };
        source.title = field("title");
        source.url = field("url");
        source.locator = field("locator");
        out.push_back(std::move(source));
    }
    return out;
}

Entity entity_of(const WriteOverlay::NodeState& node, const Map* original, const std::string& lang) {
    const auto& p = node.properties;
    auto get = [&](const char* key) {
        auto found = p.find(key);
        return found == p.end() ? Value() : found->second;
    };
    const auto id_value = get("id");
    if (id_value.type() != ValueType::String)
        refuse("every node needs an id property (text, e.g. 'vn-moh'): the node " +
               std::string(node.labels.empty() ? "" : ":" + *node.labels.begin()) + " has none");
    Entity e;
    e.id = id_value.as_string();
    const std::string where = "entity '" + e.id + "'";
    if (node.labels.size() != 1)
        refuse(where + " needs exactly one label, its kind (it has " + std::to_string(node.labels.size()) +
               ")");
    e.kind = *node.labels.begin();
    const auto kind = get("kind");
    if (kind.type() == ValueType::String && kind.as_string() != e.kind) {
        const bool kind_changed = !original || !original->count("kind") ||
                                  !(original->at("kind").type() == ValueType::String &&
                                    original->at("kind").as_string() == kind.as_string());
        if (kind_changed) e.kind = kind.as_string();
    }
    if (auto v = get("name_en"); !v.is_null()) e.names.en = text_of(v, where + ": name_en");
    if (auto v = get("name_ja"); !v.is_null()) e.names.ja = text_of(v, where + ": name_ja");
    if (auto v = get("name_vi"); !v.is_null()) e.names.vi = text_of(v, where + ": name_vi");
    // `name` is the name in the query's language: setting it sets that one.
    const auto name = get("name");
    const bool name_changed = !name.is_null() && (!original || !original->count("name") ||
                                                  equals(original->at("name"), name).is_null() ||
                                                  !equals(original->at("name"), name).as_bool());
    if (name_changed) {
        const auto text = text_of(name, where + ": name");
        (lang == "ja" ? e.names.ja : lang == "vi" ? e.names.vi : e.names.en) = text;
    }
    if (auto v = get("aliases"); !v.is_null()) {
        if (v.type() != ValueType::List) refuse(where + ": aliases must be a list of text");
        for (const auto& a : v.as_list()) e.aliases.push_back(text_of(a, where + ": an alias"));
    }
    if (auto v = get("country"); !v.is_null()) e.country = text_of(v, where + ": country");
    e.sources = sources_of(get("sources"), where);
    static const std::set<std::string> own = {"id",      "kind",    "name",    "name_en", "name_ja",
                                              "name_vi", "aliases", "country", "sources"};
    for (const auto& [k, v] : p) {
        if (!own.count(k)) e.attributes[k] = text_of(v, where + ": attribute " + k);
    }
    try {
        validate_entity(e);
    } catch (const Error& error) {
        refuse(where + ": " + error.what());
    }
    return e;
}

Relation relation_of(const PropertyGraph& graph, const WriteOverlay::RelState& rel) {
    const auto& p = rel.properties;
    auto get = [&](const char* key) {
        auto found = p.find(key);
        return found == p.end() ? Value() : found->second;
    };
    Relation r;
    r.type = rel.type;
    r.from = graph.node_property(rel.start, "id").as_string();
    r.to = graph.node_property(rel.end, "id").as_string();
    const auto id_value = get("id");
    if (id_value.is_null())
        refuse("a relationship " + r.from + " -[" + r.type + "]-> " + r.to +
               " has no id (it was removed with SET or REMOVE)");
    r.id = text_of(id_value, "a relationship's id");
    const std::string where = "relation '" + r.id + "'";
    try {
        if (auto v = get("start"); !v.is_null())
            r.start = PartialDate::parse_or_throw(text_of(v, where + ": start"));
        if (auto v = get("end"); !v.is_null())
            r.end = PartialDate::parse_or_throw(text_of(v, where + ": end"));
    } catch (const InvalidDataError& e) {
        refuse(where + ": " + e.what());
    }
    r.sources = sources_of(get("sources"), where);
    static const std::set<std::string> own = {"id", "start", "end", "category", "sources"};
    for (const auto& [k, v] : p) {
        if (!own.count(k)) r.attributes[k] = text_of(v, where + ": attribute " + k);
    }
    return r;
}

}  // namespace

QueryAnswer answer_reading_query(const Snapshot& snapshot, const QueryRequest& request) {
    KizunaGraph graph(snapshot, request.lang);
    return answer_of(run_query(graph, request.text, request.parameters, request.limits), graph);
}

namespace {

// A writing query's graph: the database as it is inside the write transaction, with the query's changes
// held beside it. A relationship created without an id gets <type>-<from>-<to>, numbered when taken (by
// a relation of the database, even one this query deleted, or one it created), so that the query itself
// (RETURN r.id) and the database see the same id.
class DatabaseOverlay : public WriteOverlay {
  public:
    DatabaseOverlay(const KizunaGraph& base, const Snapshot& snapshot)
        : WriteOverlay(base, snapshot.graph().vertex_count(), snapshot.graph().relation_count()),
          store_(snapshot.store()) {}

    RelId create_rel(const std::string& type, NodeId start, NodeId end, const Map& properties) override {
        if (properties.count("id")) {
            if (properties.at("id").type() == Value::Type::String)
                ids_.insert(properties.at("id").as_string());
            return WriteOverlay::create_rel(type, start, end, properties);
        }
        const auto from = node_property(start, "id");
        const auto to = node_property(end, "id");
        std::string base = type + "-" + (from.type() == Value::Type::String ? from.as_string() : "new") +
                           "-" + (to.type() == Value::Type::String ? to.as_string() : "new");
        for (auto& c : base) {
            if (c == '_') c = '-';
        }
        std::string id = base;
        for (int n = 2; taken(id); ++n) id = base + "-" + std::to_string(n);
        ids_.insert(id);
        Map with_id = properties;
        with_id["id"] = Value(id);
        return WriteOverlay::create_rel(type, start, end, with_id);
    }

    // Whether a relation id was the database's as the write began (nothing is written before the end).
    [[nodiscard]] bool in_database(const std::string& id) const { return store_.relation(id).has_value(); }
    // Why an entity or relation id cannot be given to a new one, if it cannot: another entity has it, or
    // a merge made it a redirect (every later command naming it reaches the kept one), or folded a
    // relation of that id into another.
    [[nodiscard]] std::optional<std::string> entity_id_taken(const std::string& id) const {
        if (store_.entity(id))
            return "entity '" + id + "' exists already (entity ids are unique; MATCH it and SET, or MERGE)";
        if (const auto kept = store_.redirect(id))
            return "entity id '" + id + "' was merged into '" + *kept + "' (a redirect: it names '" + *kept +
                   "')";
        return std::nullopt;
    }
    [[nodiscard]] std::optional<std::string> relation_id_taken(const std::string& id) const {
        if (in_database(id)) return "relation '" + id + "' exists already (relation ids are unique)";
        if (!folded_) {  // read once: a query may create thousands of relations
            folded_.emplace();
            for (auto& [from, to] : store_.relation_redirects())
                folded_->emplace(std::move(from), std::move(to));
        }
        if (const auto it = folded_->find(id); it != folded_->end()) {
            return "relation id '" + id + "' was folded into " +
                   (it->second.empty() ? std::string("another relation") : "'" + it->second + "'") +
                   " by a merge; choose another id";
        }
        return std::nullopt;
    }

  private:
    [[nodiscard]] bool taken(const std::string& id) const {
        return ids_.count(id) > 0 || relation_id_taken(id).has_value();
    }

    const Store& store_;
    std::set<std::string> ids_;
    mutable std::optional<std::map<std::string, std::string>> folded_;  // relation redirects
};

// What a writing query changed, as rows: converted and checked before anything is written.
struct RowChanges {
    std::vector<Entity> entities;  // created or changed
    std::vector<std::string> removed_relations;
    std::vector<Relation> relations;  // created or changed
    std::vector<std::string> removed_entities;
};

std::string base_id(const PropertyGraph& base, NodeId node) {
    return base.node_property(node, "id").as_string();
}

// Entities created or changed (an id cannot change), in node order: the database's in id order, then
// the created ones.
void entity_changes(const DatabaseOverlay& graph, const std::string& lang, Budget& clock, RowChanges& out) {
    std::set<std::string> created;
    for (const auto& [id, node] : graph.touched().nodes) {
        clock.tick();
        if (graph.created(id)) {
            // A new entity never replaces another (a write of an entity row is an upsert).
            auto entity = entity_of(node, nullptr, lang);
            if (const auto why = graph.entity_id_taken(entity.id)) refuse(*why);
            if (!created.insert(entity.id).second)
                refuse("entity '" + entity.id + "' is created twice (entity ids are unique)");
            out.entities.push_back(std::move(entity));
            continue;
        }
        const auto labels = graph.base().labels(id);
        const std::set<std::string> old_labels(labels.begin(), labels.end());
        const Map old = graph.base().node_properties(id);
        if (old_labels == node.labels && equivalent(Value(old), Value(node.properties))) continue;
        const auto old_id = base_id(graph.base(), id);
        const auto now_id = node.properties.count("id") ? node.properties.at("id") : Value();
        if (now_id.type() != ValueType::String || now_id.as_string() != old_id)
            refuse("entity '" + old_id +
                   "': its id cannot be changed (create a new entity and move its relations)");
        out.entities.push_back(entity_of(node, &old, lang));
    }
}

// Relations created or changed, each checked as an import checks its rows, in relation id order, then
// the created ones.
void relation_changes(const DatabaseOverlay& graph, const std::vector<RelationType>& types, Budget& clock,
                      RowChanges& out) {
    const auto touched = graph.touched();
    std::vector<std::pair<std::string, RelId>> changed;
    std::vector<RelId> created;
    for (const auto& [id, rel] : touched.rels) {
        if (graph.created_rel(id)) {
            created.push_back(id);
        } else {
            changed.emplace_back(graph.base().rel_property(id, "id").as_string(), id);
        }
    }
    std::sort(changed.begin(), changed.end());
    auto knows_type = [&](const std::string& t) {
        return std::any_of(types.begin(), types.end(), [&](const RelationType& k) { return k.id == t; });
    };
    auto knows_entity = [&](const std::string&) { return true; };
    std::set<std::string> written;
    auto check = [&](RelId id, bool is_new) {
        clock.tick();
        const auto& rel = touched.rels.at(id);
        if (!is_new) {
            const Map old = graph.base().rel_properties(id);
            if (equivalent(Value(old), Value(rel.properties))) return;
            const auto old_id = old.at("id").as_string();
            const auto now_id = rel.properties.count("id") ? rel.properties.at("id") : Value();
            if (now_id.type() != ValueType::String || now_id.as_string() != old_id)
                refuse("relation '" + old_id + "': its id cannot be changed");
        }
        auto relation = relation_of(graph, rel);
        if (is_new && written.count(relation.id))
            refuse("relation '" + relation.id + "' exists already (relation ids are unique)");
        if (is_new) {
            if (const auto why = graph.relation_id_taken(relation.id)) refuse(*why);
        }
        written.insert(relation.id);
        try {
            validate_relation(relation, knows_type, knows_entity);
        } catch (const Error& e) {
            refuse("relation '" + relation.id + "': " + e.what());
        }
        out.relations.push_back(std::move(relation));
    };
    for (const auto& [rel_id, id] : changed) check(id, false);
    for (const auto id : created) check(id, true);
}

RowChanges row_changes(const DatabaseOverlay& graph, const std::vector<RelationType>& types,
                       const std::string& lang, Budget& clock) {
    RowChanges out;
    entity_changes(graph, lang, clock, out);
    const auto touched = graph.touched();
    for (const auto r : touched.deleted_rels)
        out.removed_relations.push_back(graph.base().rel_property(r, "id").as_string());
    relation_changes(graph, types, clock, out);
    for (const auto n : touched.deleted_nodes) out.removed_entities.push_back(base_id(graph.base(), n));
    return out;
}

}  // namespace

QueryAnswer answer_writing_query(Store& store, const QueryRequest& request) {
    QueryAnswer answer;
    // The time limit covers the whole write: the query, checking and writing; past it, the transaction
    // is rolled back (nothing is committed).
    Limits limits = request.limits;
    if (limits.started == std::chrono::steady_clock::time_point{})
        limits.started = std::chrono::steady_clock::now();
    Budget clock(limits);
    answer.written = store.write([&](Store::Writer& writer) {
        RowChanges changes;
        {
            // The state being written (the snapshot's reads join the write transaction), read only
            // where the query looks; every change is converted and checked before the first is written.
            const auto snapshot = Snapshot::take(store);
            const KizunaGraph base(snapshot, request.lang);
            DatabaseOverlay graph(base, snapshot);
            auto result = run_query(graph, request.text, request.parameters, limits);
            answer = answer_of(std::move(result), graph);
            answer.wrote = true;
            changes = row_changes(graph, store.relation_types(), request.lang, clock);
        }
        for (const auto& e : changes.entities) writer.put(e);
        for (const auto& id : changes.removed_relations) writer.remove_relation(id);
        for (const auto& r : changes.relations) writer.put(r);
        // Entities removed last, after the relations that named them.
        for (const auto& id : changes.removed_entities) writer.remove_entity(id);
        clock.check_time();  // the last moment to stop: after it, the transaction commits
    });
    return answer;
}

}  // namespace kizuna::cypher
