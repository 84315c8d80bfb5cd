// A graph cache of an earlier state plus the changes made since (graph_delta.h): which changes lie between,
// what they touched, and the graph's additions and out-edge lists made from the rows as they are now.
#include "graph_delta.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "graph_impl.h"
#include "kizuna/core/changeset.h"
#include "store_impl.h"

namespace kizuna {

namespace {

// What the changes since the graph's state did to one row, all of them together.
// Changed: an entity of the graph's state whose kind or country changed. Restored: one removed and put back
// under its key (the undo of a merge or of a delete), the same vertex if its id is as it was (apply checks).
enum class Touch { Added, Changed, Removed, Restored };

// What the changes since did to one relation, all of them together.
struct RelationTouch {
    bool existed = false;  // it was there in the graph's state: the first change to it was no insertion
    bool exists = false;   // it is there now
    bool moved = false;    // its ends or id changed, or it was removed and put back: its CSR place is wrong
    std::optional<std::int64_t> src;  // its from entity in the graph's state, when a change showed it
};

struct Touched {
    std::map<std::int64_t, Touch> entities;  // by key
    std::map<std::int64_t, RelationTouch> relations;
    std::map<std::int64_t, std::string> removed_ids;  // of the entities removed, by key
};

// The position of each named column in a table (a changeset lists a row's columns in table order, which
// differs between a database made new and one upgraded: upgrades append columns).
std::map<std::string, std::size_t, std::less<>> column_positions(SQLite::Database& db,
                                                                 const std::string& table) {
    std::map<std::string, std::size_t, std::less<>> out;
    SQLite::Statement query(db, "SELECT cid, name FROM pragma_table_info(?)");
    query.bind(1, table);
    while (query.executeStep())
        out[query.getColumn(1).getString()] = static_cast<std::size_t>(query.getColumn(0).getInt64());
    return out;
}

bool changed_column(const changeset::Row& row, const std::map<std::string, std::size_t, std::less<>>& columns,
                    std::string_view name) {
    const auto it = columns.find(name);
    return it == columns.end() || (it->second < row.after.size() && row.after[it->second].present);
}

// Adds one changed row of the relations table to what the changes did to it.
void touch_relation(RelationTouch& touch, bool fresh, const changeset::Row& row,
                    const std::map<std::string, std::size_t, std::less<>>& columns) {
    const auto src = columns.find("src");
    const bool src_known = src != columns.end() && src->second < row.before.size() &&
                           row.before[src->second].present && !row.before[src->second].null;
    if (fresh) touch.existed = row.op != changeset::Row::Op::Insert;
    // The first from entity a change shows before it changed is the graph's: no change before moved it.
    if (touch.existed && !touch.src && src_known) touch.src = std::stoll(row.before[src->second].text);
    switch (row.op) {
        case changeset::Row::Op::Insert:
            if (!fresh) touch.moved = true;  // removed meanwhile and put back, maybe elsewhere
            touch.exists = true;
            break;
        case changeset::Row::Op::Update:
            if (changed_column(row, columns, "id") || changed_column(row, columns, "src") ||
                changed_column(row, columns, "dst"))
                touch.moved = true;
            touch.exists = true;
            break;
        case changeset::Row::Op::Delete:
            touch.exists = false;
            break;
    }
}

// The rows touched by the changes that made `now` out of `from`; nullopt when those changes are not all
// recorded (a bulk load, a restore, changes from before stamps were recorded) or not all ones a delta
// covers.
std::optional<Touched> touched_since(SQLite::Database& db, const Store::DataStamp& from,
                                     const Store::DataStamp& now) {
    SQLite::Statement query(
        db,
        "SELECT generation, data_version, kind, types + kinds, entities + relations, record "
        "FROM changes WHERE generation >= ? ORDER BY seq");
    query.bind(1, from.generation);
    std::int64_t generation = from.generation, version = from.version, rows = 0;
    bool first = true;
    std::vector<std::string> records;
    while (query.executeStep()) {
        const std::int64_t produced = query.getColumn(0).getInt64();
        const std::int64_t produced_version = query.getColumn(1).getInt64();
        if (first) {  // the change that produced the graph's state, in this very line of history
            if (produced != from.generation || produced_version != from.version) return std::nullopt;
            first = false;
            continue;
        }
        if (produced != generation + 1 || query.getColumn(2).getString() == "bulk load" ||
            query.getColumn(3).getInt64() != 0) {
            return std::nullopt;
        }
        rows += query.getColumn(4).getInt64();
        if (rows > kMaxDeltaRows) return std::nullopt;
        generation = produced;
        version = produced_version;
        const SQLite::Column record = query.getColumn(5);
        records.emplace_back(static_cast<const char*>(record.getBlob()),
                             static_cast<std::size_t>(record.getBytes()));
    }
    if (first || generation != now.generation || version != now.version) return std::nullopt;

    const auto entity_columns = column_positions(db, "entities");
    const auto relation_columns = column_positions(db, "relations");
    Touched touched;
    bool covered = true;
    for (const auto& record : records) {
        changeset::for_each_row(record, [&](const changeset::Row& row) {
            if (!covered) return;
            const bool entity = row.table == "entities";
            if (!entity && row.table != "relations") {
                // Redirects and judgements are not in the graph; the vocabularies are (counted above).
                if (row.table == "relation_types" || row.table == "entity_kinds") covered = false;
                return;
            }
            const std::int64_t key = std::stoll(row.latest(0).text);
            if (!entity) {
                const auto [at, fresh] = touched.relations.try_emplace(key);
                touch_relation(at->second, fresh, row, relation_columns);
                return;
            }
            auto& rows_of = touched.entities;
            switch (row.op) {
                case changeset::Row::Op::Insert: {
                    const auto at = rows_of.find(key);
                    if (at != rows_of.end() && at->second == Touch::Removed) {
                        at->second = Touch::Restored;
                        touched.removed_ids.erase(key);
                    } else if (at != rows_of.end()) {
                        covered = false;  // added or restored before: removed meanwhile
                    } else {
                        rows_of[key] = Touch::Added;
                    }
                    break;
                }
                case changeset::Row::Op::Update: {
                    // An entity's names, aliases, attributes, sources: not in the graph. Its kind or
                    // country: recoded (apply reads them as they are now). Its id: its place in the
                    // order, and its relations' - unless the delta added it (read as it is now).
                    const auto at = rows_of.find(key);
                    const bool added = at != rows_of.end() && at->second == Touch::Added;
                    if (changed_column(row, entity_columns, "id") && !added) {
                        covered = false;
                    } else if (at == rows_of.end() && (changed_column(row, entity_columns, "kind") ||
                                                       changed_column(row, entity_columns, "country"))) {
                        rows_of[key] = Touch::Changed;
                    }
                    break;
                }
                case changeset::Row::Op::Delete: {
                    // An entity the delta added goes again; one of the cache is marked removed (when all
                    // its relations are removed too: see apply). Its id (the cache's: an id change of one
                    // is not covered) finds the vertex of the relations removed with it.
                    const auto at = rows_of.find(key);
                    const auto id = entity_columns.find("id");
                    if (id == entity_columns.end() || id->second >= row.before.size()) {
                        covered = false;
                    } else if (at != rows_of.end() && at->second == Touch::Added) {
                        rows_of.erase(at);
                    } else {
                        rows_of[key] = Touch::Removed;
                        touched.removed_ids[key] = row.before[id->second].text;
                    }
                    break;
                }
            }
        });
        if (!covered) return std::nullopt;
    }
    return touched;
}

struct EntityNow {
    std::int64_t eid = 0;
    std::string id, kind, country;
};

struct RelationNow {
    std::int64_t rid = 0;
    std::string id, type, from_id, to_id;
    std::int64_t from = 0, to = 0;
    std::int32_t start = 0, end = 0;
};

std::int32_t delta_date(const SQLite::Column& column) {
    const auto date = read_date(column);
    return date ? date->packed() : 0;
}

// A graph's table of kinds or countries as the delta extends it: the cache's values, sorted, then those
// no entity of the cache had, appended in the order met (the columns hold positions: none may move).
class ValueTable {
  public:
    explicit ValueTable(std::vector<std::string>& table) : table_(table), sorted_(table.size()) {}
    // The position of value, appended when new; nullopt when the codes are full (a rebuild says so).
    std::optional<std::uint16_t> code(const std::string& value) {
        const auto end = table_.begin() + static_cast<std::ptrdiff_t>(sorted_);
        if (const auto it = std::lower_bound(table_.begin(), end, value); it != end && *it == value)
            return static_cast<std::uint16_t>(it - table_.begin());
        for (std::size_t i = sorted_; i < table_.size(); ++i) {
            if (table_[i] == value) return static_cast<std::uint16_t>(i);
        }
        if (table_.size() >= std::numeric_limits<std::uint16_t>::max()) return std::nullopt;
        table_.push_back(value);
        return static_cast<std::uint16_t>(table_.size() - 1);
    }
    [[nodiscard]] bool grew() const { return table_.size() > sorted_; }
    [[nodiscard]] std::size_t cache_values() const { return sorted_; }
    [[nodiscard]] const std::vector<std::string>& values() const { return table_; }

  private:
    std::vector<std::string>& table_;
    std::size_t sorted_;
};

// Which kinds and countries some entity has with the delta (Graph::kinds, countries): the cache's, less
// those only its removed or recoded vertices had, plus the ones appended. A value in doubt is looked for
// among the cache's other vertices, stopping once every one is found: all of them are read only when a value
// is really gone.
void list_values_in_use(const Graph::Impl& g, GraphDelta& delta, const ValueTable& kinds,
                        const ValueTable& countries) {
    if (delta.removed_vertex_count == 0 && delta.recoded.empty() && !kinds.grew() && !countries.grew())
        return;
    std::vector<char> kind_used(kinds.values().size(), 1), country_used(countries.values().size(), 1);
    std::size_t open = 0;
    const auto doubt = [&](std::vector<char>& used, std::uint64_t code) {
        if (used[code] != 0) ++open;
        used[code] = 0;
    };
    const auto confirm = [&](std::vector<char>& used, std::uint64_t code) {
        if (used[code] == 0) --open;
        used[code] = 1;
    };
    const auto removed = [&](VertexId v) {
        return !delta.removed_vertices.empty() && ((delta.removed_vertices[v >> 6U] >> (v & 63U)) & 1U) != 0;
    };
    for (VertexId v = 0; v < delta.csr_vertices && delta.removed_vertex_count > 0; ++v) {
        if (!removed(v)) continue;
        doubt(kind_used, g.kind_of[v]);
        doubt(country_used, g.country_of[v]);
    }
    for (const auto& [v, codes] : delta.recoded) {
        doubt(kind_used, g.kind_of[v]);
        doubt(country_used, g.country_of[v]);
    }
    for (std::size_t i = 0; i < delta.ids.size(); ++i) {
        confirm(kind_used, delta.kind[i]);
        confirm(country_used, delta.country[i]);
    }
    for (const auto& [v, codes] : delta.recoded) {
        confirm(kind_used, codes.kind);
        confirm(country_used, codes.country);
    }
    for (VertexId v = 0; open > 0 && v < delta.csr_vertices; ++v) {
        if (removed(v) || delta.recoded.contains(v)) continue;
        confirm(kind_used, g.kind_of[v]);
        confirm(country_used, g.country_of[v]);
    }
    const auto in_use = [](const ValueTable& table, const std::vector<char>& used) {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < used.size(); ++i) {
            if (used[i] != 0) out.push_back(table.values()[i]);
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    delta.values_changed = true;
    delta.kinds_in_use = in_use(kinds, kind_used);
    delta.countries_in_use = in_use(countries, country_used);
}

}  // namespace

// Store's friend: reads the history and the rows through its connection.
struct GraphDeltaReader {
    static bool apply(Graph::Impl& g, const Store& store, const Store::DataStamp& now);
};

bool GraphDeltaReader::apply(Graph::Impl& g, const Store& store, const Store::DataStamp& now) {
    Store::Impl& impl = *store.impl_;
    return guarded_read(impl, [&]() -> bool {
        SQLite::Database& db = impl.db;
        const auto touched = touched_since(db, {g.instance, g.generation, g.version}, now);
        if (!touched) return false;
        auto delta = std::make_unique<GraphDelta>();
        delta->csr_vertices = static_cast<std::uint32_t>(g.vertex_count());
        delta->csr_relations = static_cast<std::uint32_t>(g.relation_count());

        // Added vertices, in id order, after the CSR's; and the CSR's whose entity changed or came back.
        std::vector<EntityNow> entities, restored;
        {
            SQLite::Statement read(db, "SELECT id, kind, country FROM entities WHERE eid = ?");
            for (const auto& [eid, touch] : touched->entities) {
                if (touch == Touch::Removed) continue;  // no row any more
                read.bind(1, eid);
                if (!read.executeStep()) return false;
                (touch == Touch::Added ? entities : restored)
                    .push_back({eid, read.getColumn(0).getString(), read.getColumn(1).getString(),
                                read.getColumn(2).getString()});
                read.reset();
            }
        }
        std::sort(entities.begin(), entities.end(),
                  [](const EntityNow& a, const EntityNow& b) { return a.id < b.id; });
        ValueTable kinds(g.kinds), countries(g.countries);
        std::map<std::int64_t, VertexId> added_vertex;  // by key
        for (const auto& entity : entities) {
            const auto kind = kinds.code(entity.kind);
            const auto country = countries.code(entity.country);
            if (!kind || !country) return false;
            added_vertex[entity.eid] = delta->csr_vertices + static_cast<VertexId>(delta->ids.size());
            delta->ids.push_back(entity.id);
            delta->eids.push_back(entity.eid);
            delta->kind.push_back(*kind);
            delta->country.push_back(*country);
        }

        // The touched relations as they are now, with their ends' ids; and those of the CSR that are gone
        // from their place (removed, or moved: added anew), with their from entity in the graph's state.
        std::vector<RelationNow> added;
        std::vector<RelationNow> changed;
        std::vector<std::pair<std::int64_t, std::int64_t>> gone;  // key, from entity's key
        {
            SQLite::Statement read(
                db,
                "SELECT r.id, r.type, r.src, r.dst, r.start, r.\"end\", f.id, t.id FROM relations r "
                "JOIN entities f ON f.eid = r.src JOIN entities t ON t.eid = r.dst WHERE r.rid = ?");
            for (const auto& [rid, touch] : touched->relations) {
                std::optional<RelationNow> current;
                if (touch.exists) {
                    read.bind(1, rid);
                    if (!read.executeStep()) return false;
                    current = RelationNow{rid,
                                          read.getColumn(0).getString(),
                                          read.getColumn(1).getString(),
                                          read.getColumn(6).getString(),
                                          read.getColumn(7).getString(),
                                          read.getColumn(2).getInt64(),
                                          read.getColumn(3).getInt64(),
                                          delta_date(read.getColumn(4)),
                                          delta_date(read.getColumn(5))};
                    read.reset();
                }
                const bool in_place = touch.existed && touch.exists && !touch.moved;
                if (touch.existed && !in_place) {
                    // A from entity no change showed never changed: it is the one now.
                    const auto src = touch.src ? touch.src
                                     : current ? std::optional(current->from)
                                               : std::nullopt;
                    if (!src) return false;
                    gone.emplace_back(rid, *src);
                }
                if (current) (in_place ? changed : added).push_back(std::move(*current));
            }
        }
        auto type_code = [&](const std::string& type) -> std::optional<std::uint16_t> {
            for (std::size_t t = 0; t < g.types.size(); ++t) {
                if (g.types[t].id == type) return static_cast<std::uint16_t>(t);
            }
            return std::nullopt;
        };
        // A vertex by entity id: the CSR's by binary search (they are in id order), else an added one.
        auto csr_vertex = [&](std::string_view id) -> std::optional<VertexId> {
            std::size_t low = 0, high = delta->csr_vertices;
            while (low < high) {
                const std::size_t middle = (low + high) / 2;
                g.id_offsets.require(middle * 4, (middle + 2) * 4);
                const std::uint32_t begin = g.id_offsets.data()[middle],
                                    end = g.id_offsets.data()[middle + 1];
                g.id_chars.require(begin, end);
                const std::string_view at(g.id_chars.data() + begin, end - begin);
                if (at == id) return static_cast<VertexId>(middle);
                if (at < id) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return std::nullopt;
        };
        // Entities of the graph's state changed or put back: their vertex, under the same id (else a
        // rebuild), its kind and country recoded when they differ.
        for (const auto& entity : restored) {
            const auto v = csr_vertex(entity.id);
            if (!v || g.eids[*v] != entity.eid) return false;
            const auto kind = kinds.code(entity.kind);
            const auto country = countries.code(entity.country);
            if (!kind || !country) return false;
            if (*kind != g.kind_of[*v] || *country != g.country_of[*v])
                delta->recoded[*v] = {*kind, *country};
        }
        auto vertex_of = [&](std::int64_t eid, const std::string& id) -> std::optional<VertexId> {
            if (const auto it = added_vertex.find(eid); it != added_vertex.end()) return it->second;
            return csr_vertex(id);
        };

        // A relation of the CSR by its key, in its from vertex's row.
        auto csr_relation = [&](VertexId from, std::int64_t rid) -> std::optional<RelationIndex> {
            for (std::uint32_t r = g.forward_start[from]; r < g.forward_start[from + 1]; ++r) {
                if (g.rids[r] == rid) return r;
            }
            return std::nullopt;
        };

        // Relations of the CSR whose type or dates changed.
        for (const auto& row : changed) {
            const auto from = csr_vertex(row.from_id);
            const auto type = type_code(row.type);
            if (!from || !type) return false;
            const auto found = csr_relation(*from, row.rid);
            if (!found) return false;
            --g.type_counts[g.type_of[*found]];
            ++g.type_counts[*type];
            delta->changed[*found] = {*type, row.start, row.end};
        }

        // Relations of the CSR removed from their place: found in their from vertex's row (the vertex of
        // their from entity in the graph's state, by its id now or when it was removed).
        std::vector<RelationIndex> removed;
        std::map<RelationIndex, VertexId> removed_from;
        {
            SQLite::Statement read_id(db, "SELECT id FROM entities WHERE eid = ?");
            for (const auto& [rid, src] : gone) {
                std::string id;
                read_id.bind(1, src);
                if (read_id.executeStep()) {
                    id = read_id.getColumn(0).getString();
                } else if (const auto it = touched->removed_ids.find(src); it != touched->removed_ids.end()) {
                    id = it->second;
                }
                read_id.reset();
                const auto from = csr_vertex(id);
                if (!from || g.eids[*from] != src) return false;
                const auto found = csr_relation(*from, rid);
                if (!found) return false;
                --g.type_counts[g.type_of[*found]];
                removed.push_back(*found);
                removed_from[*found] = *from;
            }
        }

        // Entities of the cache removed: marked, when nothing else changes with them - every relation they
        // had is removed by this delta and their id is not added again.
        const std::set<RelationIndex> removed_set(removed.begin(), removed.end());
        auto all_removed = [&](VertexId v) {
            for (std::uint32_t r = g.forward_start[v]; r < g.forward_start[v + 1]; ++r) {
                if (!removed_set.contains(r)) return false;
            }
            for (std::uint32_t i = g.backward_start[v]; i < g.backward_start[v + 1]; ++i) {
                if (!removed_set.contains(g.backward_relation[i])) return false;
            }
            return true;
        };
        for (const auto& [eid, id] : touched->removed_ids) {
            const auto v = csr_vertex(id);
            if (!v || g.eids[*v] != eid || std::binary_search(delta->ids.begin(), delta->ids.end(), id) ||
                !all_removed(*v)) {
                return false;
            }
            if (delta->removed_vertices.empty())
                delta->removed_vertices.assign((delta->csr_vertices + 63) / 64, 0);
            delta->removed_vertices[*v >> 6U] |= std::uint64_t{1} << (*v & 63U);
            ++delta->removed_vertex_count;
        }
        list_values_in_use(g, *delta, kinds, countries);

        // Added relations, after the CSR's, in the order a build gives them: by from, to, relation id.
        struct Added {
            VertexId from = 0, to = 0;
            const RelationNow* row = nullptr;
        };
        std::vector<Added> order;
        for (const auto& row : added) {
            const auto from = vertex_of(row.from, row.from_id);
            const auto to = vertex_of(row.to, row.to_id);
            if (!from || !to) return false;
            order.push_back({*from, *to, &row});
        }
        std::sort(order.begin(), order.end(), [](const Added& a, const Added& b) {
            if (a.row->from_id != b.row->from_id) return a.row->from_id < b.row->from_id;
            if (a.row->to_id != b.row->to_id) return a.row->to_id < b.row->to_id;
            return a.row->id < b.row->id;
        });
        for (const auto& relation : order) {
            const auto type = type_code(relation.row->type);
            if (!type) return false;
            ++g.type_counts[*type];
            delta->rows.from.push_back(relation.from);
            delta->rows.to.push_back(relation.to);
            delta->type.push_back(*type);
            delta->start.push_back(relation.row->start);
            delta->end.push_back(relation.row->end);
            delta->rid.push_back(relation.row->rid);
        }

        // The out-edge lists of the touched vertices, in a build's order: forward edges by (target id,
        // relation id), then backward edges by (source id, relation id). The CSR's part of each list is
        // in that order already; each added edge goes in at its place.
        const std::uint32_t all_vertices =
            delta->csr_vertices + static_cast<std::uint32_t>(delta->ids.size());
        auto id_of = [&](VertexId v) -> std::string_view {
            if (v >= delta->csr_vertices) return delta->ids[v - delta->csr_vertices];
            const std::uint32_t begin = g.id_offsets[v];
            const std::uint32_t end = g.id_offsets[v + 1];
            g.id_chars.require(begin, end);
            return {g.id_chars.data() + begin, end - begin};
        };
        std::map<std::int64_t, std::string> relation_ids;  // of the CSR's relations, read when needed
        SQLite::Statement read_relation_id(db, "SELECT id FROM relations WHERE rid = ?");
        auto relation_id_of = [&](RelationIndex r) -> std::string {
            if (r >= delta->csr_relations) {
                for (const auto& relation : order) {
                    if (relation.row->rid == delta->rid[r - delta->csr_relations]) return relation.row->id;
                }
            }
            const std::int64_t rid = g.rids[r];
            auto [it, fresh] = relation_ids.try_emplace(rid);
            if (fresh) {
                read_relation_id.bind(1, rid);
                if (read_relation_id.executeStep()) it->second = read_relation_id.getColumn(0).getString();
                read_relation_id.reset();
            }
            return it->second;
        };
        auto before = [&](const WalkEdge& a, const WalkEdge& b) {
            const auto a_id = id_of(a.target), b_id = id_of(b.target);
            if (a_id != b_id) return a_id < b_id;
            return relation_id_of(a.half.relation()) < relation_id_of(b.half.relation());
        };
        std::map<VertexId, std::pair<std::vector<WalkEdge>, std::vector<WalkEdge>>> added_edges;
        for (std::size_t i = 0; i < order.size(); ++i) {
            const auto r = delta->csr_relations + static_cast<RelationIndex>(i);
            added_edges[order[i].from].first.push_back({order[i].from, order[i].to, HalfEdge::of(r, false)});
            added_edges[order[i].to].second.push_back({order[i].to, order[i].from, HalfEdge::of(r, true)});
        }
        for (VertexId v = delta->csr_vertices; v < all_vertices; ++v) (void)added_edges[v];
        if (!removed.empty()) {
            const auto all_relations = delta->csr_relations + static_cast<std::uint32_t>(order.size());
            delta->rows.removed.assign((all_relations + 63) / 64, 0);
            for (const RelationIndex r : removed) {
                delta->rows.removed[r >> 6U] |= std::uint64_t{1} << (r & 63U);
                (void)added_edges[g.forward_target[r]];  // its ends' lists leave it out
                (void)added_edges[removed_from.at(r)];
            }
            delta->removed = removed.size();
        }
        delta->rows.patched.assign((all_vertices + 63) / 64, 0);
        for (auto& [v, edges] : added_edges) {
            std::vector<WalkEdge> forward, backward;
            if (v < delta->csr_vertices) {
                const std::uint32_t forward_end = g.forward_start[v + 1],
                                    backward_end = g.backward_start[v + 1];
                for (std::uint32_t i = g.forward_start[v]; i < forward_end; ++i) {
                    if (!delta->rows.is_removed(i))
                        forward.push_back({v, g.forward_target[i], HalfEdge::of(i, false)});
                }
                for (std::uint32_t i = g.backward_start[v]; i < backward_end; ++i) {
                    if (!delta->rows.is_removed(g.backward_relation[i]))
                        backward.push_back(
                            {v, g.backward_source[i], HalfEdge::of(g.backward_relation[i], true)});
                }
            }
            for (auto* part : {&forward, &backward}) {
                auto& more = part == &forward ? edges.first : edges.second;
                std::sort(more.begin(), more.end(), before);
                std::vector<WalkEdge> merged;
                merged.reserve(part->size() + more.size());
                auto at = part->begin();
                for (const auto& edge : more) {  // a binary search each: a hub's row may be long
                    const auto place = std::upper_bound(at, part->end(), edge, before);
                    merged.insert(merged.end(), at, place);
                    merged.push_back(edge);
                    at = place;
                }
                merged.insert(merged.end(), at, part->end());
                *part = std::move(merged);
            }
            forward.insert(forward.end(), backward.begin(), backward.end());
            delta->rows.rows.emplace(v, std::move(forward));
            delta->rows.patched[v >> 6U] |= std::uint64_t{1} << (v & 63U);
        }
        // Ranks: where a build would put the added vertices and relations among the CSR's.
        auto csr_position = [&](std::string_view id) {  // CSR vertices with a smaller id
            std::size_t low = 0, high = delta->csr_vertices;
            while (low < high) {
                const std::size_t middle = (low + high) / 2;
                if (id_of(static_cast<VertexId>(middle)) < id) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return static_cast<std::uint32_t>(low);
        };
        constexpr std::uint64_t kSameMask = (std::uint64_t{1} << (Graph::kRankShift - 1)) - 1;
        auto ranked = [](std::vector<std::uint64_t> positions) {  // in order already: rank within a position
            std::vector<std::uint64_t> out;
            for (std::size_t i = 0; i < positions.size(); ++i) {
                const std::uint64_t same =
                    i > 0 && positions[i] == positions[i - 1] ? (out.back() & kSameMask) + 1 : 0;
                out.push_back(positions[i] << Graph::kRankShift | same);
            }
            return out;
        };
        std::vector<std::uint64_t> positions;
        for (const auto& id : delta->ids) positions.push_back(csr_position(id));
        delta->vertex_rank = ranked(positions);
        positions.clear();
        for (std::size_t i = 0; i < order.size(); ++i) {
            const VertexId from = order[i].from;
            const auto r = delta->csr_relations + static_cast<RelationIndex>(i);
            const auto& row = delta->rows.rows.at(from);
            // The first of the CSR's relations after it in its from vertex's forward edges, if any; else
            // the start of the next CSR row.
            std::optional<std::uint64_t> at;
            const auto it = std::find_if(row.begin(), row.end(), [&](const WalkEdge& e) {
                return e.half.packed == HalfEdge::of(r, false).packed;
            });
            for (auto next = it; next != row.end() && !next->half.reversed() && !at; ++next) {
                if (next->half.relation() < delta->csr_relations) at = next->half.relation();
            }
            if (!at) {
                const std::uint32_t next = from < delta->csr_vertices
                                               ? from + 1
                                               : csr_position(delta->ids[from - delta->csr_vertices]);
                at = g.forward_start[next];
            }
            positions.push_back(*at);
        }
        delta->relation_rank = ranked(positions);
        g.delta = std::move(delta);
        g.instance = now.instance;
        g.generation = now.generation;
        g.version = now.version;
        g.link();
        return true;
    });
}

bool apply_changes(Graph::Impl& graph, const Store& store, const Store::DataStamp& now) {
    return GraphDeltaReader::apply(graph, store, now);
}

}  // namespace kizuna
