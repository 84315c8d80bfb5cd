// Time-respecting connections (time_path.h): an earliest-arrival search and a fewest-hops search, both
// label-setting searches over the filtered Boost view every connection query walks.
#include "kizuna/queries/time_path.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <queue>
#include <tuple>

#include "kizuna/queries/traversal.h"

namespace kizuna {

namespace {

using queries::CompiledFilter;
using queries::kUnreached;

// A day no walk reaches.
constexpr std::int32_t kNever = DaySpan::kAfterAll + 1;

// The day a walk at `day` can take a relation alive over `life`: the later of the two, when the relation
// is still alive then.
std::optional<std::int32_t> take_at(std::int32_t day, const DaySpan& life) {
    if (life.empty()) return std::nullopt;
    const std::int32_t taken = std::max(day, life.first);
    if (taken > life.last) return std::nullopt;
    return taken;
}

// Every relation's possible life, and its relations of unknown date by type, for one state of the data.
// Reading a date from the graph decodes it; a search takes the same relations many times, and a large
// graph's every relation is looked at to count the undated ones, so these are worked out once per data
// state and shared by the queries of every thread.
struct RelationLives {
    std::vector<DaySpan> possible;  // an empty span: date unknown
    std::vector<std::size_t> undated_by_type;
    std::vector<std::optional<RelationIndex>> an_undated_of_type;  // to ask a filter about the type
};

std::shared_ptr<const RelationLives> relation_lives(const Graph& graph) {
    static std::mutex mutex;
    static std::shared_ptr<const RelationLives> cached;
    static std::tuple<Store::DataStamp, std::size_t, std::size_t> cached_key;
    const auto key = std::make_tuple(graph.data_stamp(), graph.vertex_count(), graph.relation_count());
    const std::lock_guard lock(mutex);
    if (cached && cached_key == key) return cached;
    auto lives = std::make_shared<RelationLives>();
    lives->possible.resize(graph.relation_count(), DaySpan{DaySpan::kAfterAll, DaySpan::kBeforeAll});
    lives->undated_by_type.resize(graph.relation_types().size(), 0);
    lives->an_undated_of_type.resize(graph.relation_types().size());
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (graph.removed(r)) continue;  // by a delta: no more in the data
        if (const auto life = life_of(graph.start(r), graph.end(r))) {
            lives->possible[r] = life->possible;
        } else {
            ++lives->undated_by_type[graph.type_index(r)];
            lives->an_undated_of_type[graph.type_index(r)] = r;
        }
    }
    cached = std::move(lives);
    cached_key = key;
    return cached;
}

// The earliest day any walk can reach `to`: no earlier than the start, nor than the earliest first day
// of a relation it arrives by.
std::int32_t arrival_floor(const CompiledFilter& filter, const RelationLives& lives, VertexId to,
                           std::int32_t start) {
    const auto into = queries::filtered(filter, nullptr, true);  // its out-edges of v are the ways into v
    std::int32_t floor = kNever;
    for (const auto& e : boost::make_iterator_range(boost::out_edges(to, into))) {
        const DaySpan& life = lives.possible[e.half.relation()];
        if (!life.empty()) floor = std::min(floor, life.first);
    }
    return std::max(floor, start);
}

// Relations of unknown date the filter would walk: each type's count, when the filter takes the type's
// undated relations (it decides by type and dates alone, so one relation of the type answers for all).
std::size_t undated_walkable(const CompiledFilter& filter, const RelationLives& lives) {
    std::size_t count = 0;
    for (std::size_t t = 0; t < lives.undated_by_type.size(); ++t) {
        const auto sample = lives.an_undated_of_type[t];
        if (sample && filter.relation_ok(*sample)) count += lives.undated_by_type[t];
    }
    return count;
}

std::int32_t first_day(const std::optional<PartialDate>& from) {
    return from ? days_of(*from).first : DaySpan::kBeforeAll;
}

std::int32_t sure_first_day(const std::optional<PartialDate>& from) {
    return from ? days_of(*from).last : DaySpan::kBeforeAll;
}

Path path_back(const Graph& graph, VertexId from, VertexId to,
               const std::function<HalfEdge(VertexId, std::size_t)>& via) {
    Path path;
    for (VertexId v = to; v != from;) {
        const HalfEdge half = via(v, path.relations.size());
        path.vertices.push_back(v);
        path.relations.push_back(half.relation());
        v = queries::tail(graph, half);
    }
    path.vertices.push_back(from);
    std::reverse(path.vertices.begin(), path.vertices.end());
    std::reverse(path.relations.begin(), path.relations.end());
    return path;
}

// Earliest arrival without a hop limit: Dijkstra's label-setting order on the arrival day. Taking a
// relation never makes a walk earlier and a later walk never takes one an earlier walk cannot (the FIFO
// property), so the first time a vertex is settled its day is its earliest. Ties go to fewer hops.
// bound: a day the target is reached by (the fewest-hops walk's): a walk later than it cannot be the
// earliest, so it is not followed.
std::optional<Path> earliest_arrival_search(const CompiledFilter& filter, const RelationLives& lives,
                                            VertexId from, VertexId to, std::int32_t start,
                                            std::int32_t bound) {
    const Graph& graph = filter.graph();
    const auto view = queries::filtered(filter);
    std::vector<std::int32_t> day(graph.vertex_count(), kNever);
    std::vector<std::uint32_t> hops(graph.vertex_count(), kUnreached);
    std::vector<HalfEdge> via(graph.vertex_count());
    std::vector<char> settled(graph.vertex_count(), 0);
    // Equal days and hops in entity-id order: by the vertex number, or, when a delta numbered some
    // vertices out of that order (graph.h), by the vertex's place in it.
    std::vector<VertexId> in_order, place;
    if (graph.has_delta()) {
        const auto order = graph.vertices_in_order();
        in_order.assign(order.begin(), order.end());
        place.resize(graph.vertex_count());
        for (std::size_t i = 0; i < in_order.size(); ++i) place[in_order[i]] = static_cast<VertexId>(i);
    }
    const auto key = [&](VertexId v) { return place.empty() ? v : place[v]; };
    using Entry = std::tuple<std::int32_t, std::uint32_t, VertexId>;  // day, hops, key(vertex)
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    day[from] = start;
    hops[from] = 0;
    queue.emplace(start, 0, key(from));
    while (!queue.empty()) {
        const auto [at, count, keyed] = queue.top();
        const VertexId u = in_order.empty() ? keyed : in_order[keyed];
        queue.pop();
        if (settled[u]) continue;
        settled[u] = 1;
        if (u == to) break;
        for (const auto& e : boost::make_iterator_range(boost::out_edges(u, view))) {
            const VertexId v = boost::target(e, view);
            const auto taken = take_at(at, lives.possible[e.half.relation()]);
            if (settled[v] || !taken || *taken > bound ||
                std::make_pair(*taken, count + 1) >= std::make_pair(day[v], hops[v]))
                continue;
            day[v] = *taken;
            hops[v] = count + 1;
            via[v] = e.half;
            queue.emplace(*taken, count + 1, key(v));
        }
    }
    if (!settled[to]) return std::nullopt;
    return path_back(graph, from, to, [&](VertexId v, std::size_t) { return via[v]; });
}

// Level by level: after level h, best[v] is the earliest day a walk of at most h relations reaches v.
// Only the vertices improved at level h - 1 are expanded at level h (the others were, with the same
// day, before). improved[h] holds each vertex improved at level h with its half-edge, by vertex.
struct HopLevels {
    std::vector<std::int32_t> best;
    std::vector<std::vector<std::pair<VertexId, HalfEdge>>> improved;
    std::optional<std::size_t> target_level;  // the last level that improved the target
    // This level's best offer per vertex (kNever: none), and the vertices offered one.
    std::vector<std::int32_t> offer;
    std::vector<HalfEdge> offer_via;
    std::vector<VertexId> offered;

    [[nodiscard]] const HalfEdge* at(std::size_t level, VertexId v) const {
        const auto& row = improved[level];
        const auto it = std::lower_bound(row.begin(), row.end(), std::make_pair(v, HalfEdge{}),
                                         [](const auto& a, const auto& b) { return a.first < b.first; });
        return it != row.end() && it->first == v ? &it->second : nullptr;
    }
};

std::vector<VertexId> expand_level(const CompiledFilter& filter, const RelationLives& lives,
                                   const std::vector<VertexId>& frontier, HopLevels& levels) {
    const auto view = queries::filtered(filter);
    for (const VertexId u : frontier) {
        for (const auto& e : boost::make_iterator_range(boost::out_edges(u, view))) {
            const VertexId v = boost::target(e, view);
            const auto taken = take_at(levels.best[u], lives.possible[e.half.relation()]);
            if (!taken || *taken >= levels.best[v] || *taken >= levels.offer[v]) continue;
            if (levels.offer[v] == kNever) levels.offered.push_back(v);
            levels.offer[v] = *taken;
            levels.offer_via[v] = e.half;
        }
    }
    std::sort(levels.offered.begin(), levels.offered.end());  // a fixed order, and the rows by vertex
    auto& level = levels.improved.emplace_back();
    for (const VertexId v : levels.offered) {
        levels.best[v] = levels.offer[v];
        level.emplace_back(v, levels.offer_via[v]);
        levels.offer[v] = kNever;
    }
    std::vector<VertexId> next;
    next.swap(levels.offered);
    // Expanded in entity-id order (the first of equal offers wins), also when a delta added vertices.
    if (const Graph& graph = filter.graph(); graph.has_delta()) {
        std::sort(next.begin(), next.end(),
                  [&](VertexId a, VertexId b) { return graph.vertex_rank(a) < graph.vertex_rank(b); });
    }
    return next;
}

HopLevels hop_levels(const CompiledFilter& filter, const RelationLives& lives, VertexId from, VertexId to,
                     std::int32_t start, std::size_t limit, bool stop_at_target) {
    HopLevels levels;
    const std::size_t vertices = filter.graph().vertex_count();
    levels.best.assign(vertices, kNever);
    levels.offer.assign(vertices, kNever);
    levels.offer_via.resize(vertices);
    levels.best[from] = start;
    levels.improved.emplace_back();  // level 0: the start
    std::vector<VertexId> frontier{from};
    while (!frontier.empty() && levels.improved.size() <= limit) {
        frontier = expand_level(filter, lives, frontier, levels);
        if (levels.at(levels.improved.size() - 1, to) != nullptr) {
            levels.target_level = levels.improved.size() - 1;
            if (stop_at_target) break;
        }
    }
    return levels;
}

// The walk that improved the target at its last improving level, back to the start: each vertex's
// half-edge at the latest level before the one its successor was improved at.
Path levels_path(const Graph& graph, const HopLevels& levels, VertexId from, VertexId to) {
    std::size_t level = *levels.target_level;
    return path_back(graph, from, to, [&](VertexId v, std::size_t) {
        while (levels.at(level, v) == nullptr) --level;
        return *levels.at(level--, v);
    });
}

// The first block met walking path in time order, or nullopt when it is possibly in order.
std::optional<TimeBlock> first_block(const Graph& graph, const Path& path,
                                     const std::optional<PartialDate>& from) {
    std::int32_t day = first_day(from);
    std::optional<RelationIndex> set_by;
    for (const RelationIndex r : path.relations) {
        const auto life = life_of(graph.start(r), graph.end(r));
        if (!life) return TimeBlock{TimeBlock::Kind::Undated, std::nullopt, r, 0};
        if (life->possible.first > day) set_by = r;
        const auto taken = take_at(day, life->possible);
        if (!taken) return TimeBlock{TimeBlock::Kind::EndedBefore, set_by, r, 0};
        day = *taken;
    }
    return std::nullopt;
}

// Why no connection is in time order: the first block of each loopless connection looked at.
void explain_none(const Graph& graph, VertexId from, VertexId to, const TimePathQuery& query,
                  TimePaths& out) {
    const auto shortest = shortest_path(graph, from, to, PathQuery{query.filter, query.max_hops});
    out.connected = shortest.has_value();
    if (!shortest) return;
    // Every loopless connection has fewer relations than the graph has vertices: on a small graph the
    // limit covers them all.
    std::size_t hops = std::min(std::max(kBlockedHops, shortest->length()), graph.live_vertex_count() - 1);
    if (query.max_hops) hops = std::min(hops, *query.max_hops);
    const PathSet set = all_simple_paths(graph, from, to, query.filter, hops, kBlockedConnections);
    out.connections_examined = set.paths.size();
    out.examined_hops = hops;
    out.every_connection_examined = !set.truncated && !set.work_limited;
    for (const Path& path : set.paths) {
        const auto block = first_block(graph, path, query.from);
        if (!block) continue;  // cannot happen: a connection in order would have been found
        auto same = [&](const TimeBlock& b) {
            return b.kind == block->kind && b.earlier == block->earlier && b.later == block->later;
        };
        auto it = std::find_if(out.blocks.begin(), out.blocks.end(), same);
        if (it == out.blocks.end()) it = out.blocks.insert(out.blocks.end(), *block);
        ++it->connections;
    }
    std::stable_sort(out.blocks.begin(), out.blocks.end(),
                     [](const TimeBlock& a, const TimeBlock& b) { return a.connections > b.connections; });
}

}  // namespace

std::optional<TimedPath> walk_in_time(const Graph& graph, const Path& path,
                                      const std::optional<PartialDate>& from) {
    TimedPath timed{path, {}, first_day(from), std::nullopt};
    std::int32_t sure_day = sure_first_day(from);
    bool surely = true;
    for (const RelationIndex r : path.relations) {
        const auto life = life_of(graph.start(r), graph.end(r));
        if (!life) return std::nullopt;
        if (life->possible.first > timed.arrival) timed.arrival_set_by = r;
        const auto taken = take_at(timed.arrival, life->possible);
        if (!taken) return std::nullopt;
        timed.arrival = *taken;
        const auto surely_taken = surely ? take_at(sure_day, life->sure) : std::nullopt;
        surely = surely_taken.has_value();
        if (surely) sure_day = *surely_taken;
        timed.surely.push_back(surely);
    }
    return timed;
}

TimePaths time_respecting_paths(const Graph& graph, VertexId from, VertexId to, const TimePathQuery& query) {
    const CompiledFilter filter(graph, query.filter);
    const auto lives = relation_lives(graph);
    TimePaths out;
    out.undated = undated_walkable(filter, *lives);
    const std::int32_t start = first_day(query.from);
    const std::size_t limit = query.max_hops.value_or(graph.live_vertex_count());
    const HopLevels fewest = hop_levels(filter, *lives, from, to, start, limit, true);
    if (from == to || fewest.target_level) {
        const Path path = from == to ? Path{{from}, {}} : levels_path(graph, fewest, from, to);
        out.fewest_hops = walk_in_time(graph, path, query.from);
    }
    if (!out.fewest_hops) {
        explain_none(graph, from, to, query, out);
        return out;
    }
    std::optional<Path> earliest;
    if (from == to) {
        earliest = Path{{from}, {}};
    } else if (out.fewest_hops->arrival <= arrival_floor(filter, *lives, to, start)) {
        earliest = out.fewest_hops->path;  // no walk arrives earlier: the fewest hops are the earliest too
    } else if (!query.max_hops) {
        earliest = earliest_arrival_search(filter, *lives, from, to, start, out.fewest_hops->arrival);
    } else {
        const HopLevels bounded = hop_levels(filter, *lives, from, to, start, limit, false);
        earliest = levels_path(graph, bounded, from, to);
    }
    out.earliest_arrival = walk_in_time(graph, *earliest, query.from);
    out.connected = true;
    return out;
}

}  // namespace kizuna
