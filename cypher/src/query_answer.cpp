// Running a query on Kizuna's database. Writing queries: the data is copied into an in-memory property
// graph inside the write transaction, the query runs there (so it reads its own writes), then every
// entity and relation that differs from the copy's original is converted back, validated and written;
// removed ones are deleted (relations before entities). Any error rolls the whole transaction back.
#include "kizuna/cypher/query_answer.h"

#include <set>
#include <unordered_map>

#include "budget.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/validation.h"
#include "kizuna/cypher/kizuna_graph.h"
#include "kizuna/cypher/memory_graph.h"

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

// The working copy of a writing query: Kizuna's data in memory, with Kizuna's functions.
class WorkingGraph : public MemoryGraph {
  public:
    // A relationship created without an id gets <type>-<from>-<to>, numbered when taken, so that the
    // query itself (RETURN r.id) and the database see the same id.
    RelId create_rel(const std::string& type, NodeId start, NodeId end, const Map& properties) override {
        if (properties.count("id")) {
            if (properties.at("id").type() == Value::Type::String)
                ids_.insert(properties.at("id").as_string());
            return MemoryGraph::create_rel(type, start, end, properties);
        }
        const auto from = node_property(start, "id");
        const auto to = node_property(end, "id");
        std::string base = type + "-" + (from.type() == Value::Type::String ? from.as_string() : "new") +
                           "-" + (to.type() == Value::Type::String ? to.as_string() : "new");
        for (auto& c : base) {
            if (c == '_') c = '-';
        }
        std::string id = base;
        for (int n = 2; ids_.count(id); ++n) id = base + "-" + std::to_string(n);
        ids_.insert(id);
        Map with_id = properties;
        with_id["id"] = Value(id);
        return MemoryGraph::create_rel(type, start, end, with_id);
    }

  private:
    std::set<std::string> ids_;
};

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

Entity entity_of(const MemoryGraph::Node& node, const Map* original, const std::string& lang) {
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

Relation relation_of(const MemoryGraph& graph, const MemoryGraph::Relationship& rel) {
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

// The database as a working graph the query can change (read inside the write transaction).
void load_working_copy(Store& store, const std::string& lang, const std::vector<RelationType>& types,
                       Budget& clock, WorkingGraph& graph) {
    std::unordered_map<std::string, NodeId> node_of;
    std::vector<Entity> entities;
    store.for_each_entity([&](const Entity& e) { entities.push_back(e); });
    for (const auto& e : entities) {
        clock.tick();
        node_of[e.id] = graph.create_node({e.kind}, entity_properties(e, lang));
    }
    std::vector<Relation> relations;
    store.for_each_relation([&](const Relation& r) { relations.push_back(r); });
    for (const auto& r : relations) {
        clock.tick();
        const RelationType* type = nullptr;
        for (const auto& t : types) {
            if (t.id == r.type) type = &t;
        }
        (void)graph.create_rel(r.type, node_of.at(r.from), node_of.at(r.to), relation_properties(r, type));
    }
}

// Entities created or changed (an id cannot change).
void write_entities(const WorkingGraph& graph, const std::map<NodeId, MemoryGraph::Node>& original_nodes,
                    const std::string& lang, Budget& clock, Store::Writer& writer) {
    for (const auto& [id, node] : graph.nodes()) {
        clock.tick();
        auto before = original_nodes.find(id);
        if (before == original_nodes.end()) {
            writer.put(entity_of(node, nullptr, lang));
            continue;
        }
        const auto& old = before->second;
        if (old.labels == node.labels && equivalent(Value(old.properties), Value(node.properties))) continue;
        const auto old_id = old.properties.at("id").as_string();
        const auto now_id = node.properties.count("id") ? node.properties.at("id") : Value();
        if (now_id.type() != ValueType::String || now_id.as_string() != old_id)
            refuse("entity '" + old_id +
                   "': its id cannot be changed (create a new entity and move its relations)");
        writer.put(entity_of(node, &old.properties, lang));
    }
}

// Relations removed, then created or changed, each checked as an import checks its rows.
void write_relations(const WorkingGraph& graph,
                     const std::map<RelId, MemoryGraph::Relationship>& original_rels,
                     const std::vector<RelationType>& types, Budget& clock, Store::Writer& writer) {
    std::set<std::string> taken;
    for (const auto& [id, rel] : original_rels) taken.insert(rel.properties.at("id").as_string());
    for (const auto& [id, rel] : original_rels) {
        if (!graph.relationships().count(id)) writer.remove_relation(rel.properties.at("id").as_string());
    }
    auto knows_type = [&](const std::string& t) {
        return std::any_of(types.begin(), types.end(), [&](const RelationType& k) { return k.id == t; });
    };
    auto knows_entity = [&](const std::string&) { return true; };
    for (const auto& [id, rel] : graph.relationships()) {
        clock.tick();
        auto before = original_rels.find(id);
        if (before != original_rels.end()) {
            if (equivalent(Value(before->second.properties), Value(rel.properties))) continue;
            const auto old_id = before->second.properties.at("id").as_string();
            const auto now_id = rel.properties.count("id") ? rel.properties.at("id") : Value();
            if (now_id.type() != ValueType::String || now_id.as_string() != old_id)
                refuse("relation '" + old_id + "': its id cannot be changed");
        }
        auto relation = relation_of(graph, rel);
        if (before == original_rels.end() && taken.count(relation.id))
            refuse("relation '" + relation.id + "' exists already (relation ids are unique)");
        taken.insert(relation.id);
        try {
            validate_relation(relation, knows_type, knows_entity);
        } catch (const Error& e) {
            refuse("relation '" + relation.id + "': " + e.what());
        }
        writer.put(relation);
    }
}

}  // namespace

QueryAnswer answer_writing_query(Store& store, const QueryRequest& request) {
    QueryAnswer answer;
    // The time limit covers the whole write: copying the data, the query, checking and writing; past
    // it, the transaction is rolled back (nothing is committed).
    Limits limits = request.limits;
    if (limits.started == std::chrono::steady_clock::time_point{})
        limits.started = std::chrono::steady_clock::now();
    Budget clock(limits);
    answer.written = store.write([&](Store::Writer& writer) {
        WorkingGraph graph;
        const std::vector<RelationType> types = store.relation_types();
        load_working_copy(store, request.lang, types, clock, graph);
        const auto original_nodes = graph.nodes();
        const auto original_rels = graph.relationships();

        auto result = run_query(graph, request.text, request.parameters, limits);
        answer = answer_of(std::move(result), graph);
        answer.wrote = true;

        write_entities(graph, original_nodes, request.lang, clock, writer);
        write_relations(graph, original_rels, types, clock, writer);
        // Entities removed last, after the relations that named them.
        for (const auto& [id, node] : original_nodes) {
            if (!graph.nodes().count(id)) writer.remove_entity(node.properties.at("id").as_string());
        }
        clock.check_time();  // the last moment to stop: after it, the transaction commits
    });
    return answer;
}

}  // namespace kizuna::cypher
