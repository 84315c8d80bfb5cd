// Queries on generated graphs (uniform and power-law), checked against independent computations written
// here: a plain breadth-first search, and brute-force enumeration on small graphs.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <deque>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "generated_graph.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/core/store.h"
#include "kizuna/queries/analytics.h"
#include "kizuna/queries/ego.h"
#include "kizuna/queries/partners.h"
#include "kizuna/queries/path.h"
#include "kizuna/queries/sampled_betweenness.h"  // the estimator itself, checked against Boost
#include "temp_dir.h"

using namespace kizuna;
using test::GeneratedGraph;

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Entities e000000… sort in number order, so their numbers are vertex indices. The graph numbers
// relations its own way (by from entity); edge_of maps its relation index to the generated edge (r000000…).
struct Fixture {
    GeneratedGraph generated;
    test::TempDir dir;
    Store store;
    Snapshot snapshot;
    const Graph& graph;
    std::vector<std::uint32_t> edge_of;
    Fixture(std::size_t n, std::size_t m, std::uint32_t seed, test::Shape shape)
        : generated(test::generate(n, m, seed, shape)),
          store(Store::open(dir / "g.db", Store::Mode::Create)),
          snapshot(load(store, generated)),
          graph(snapshot.graph()) {
        for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
            edge_of.push_back(static_cast<std::uint32_t>(std::stoul(snapshot.relation(r).id.substr(1))));
        }
    }
    static Snapshot load(Store& store, const GeneratedGraph& generated) {
        test::write_to_store(store, generated);
        return Snapshot::take(store);
    }
    // A path's relations as generated edge numbers.
    [[nodiscard]] std::vector<std::uint32_t> edges(const Path& path) const {
        std::vector<std::uint32_t> out;
        for (const auto r : path.relations) out.push_back(edge_of[r]);
        return out;
    }
};

bool symmetric(const GeneratedGraph::Edge& e) { return test::generated_types()[e.type] == "mou"; }

// Adjacency for the reference computations: (neighbour, relation) pairs, honouring direction and a type.
std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> adjacency(const GeneratedGraph& g,
                                                                            bool directed,
                                                                            int only_type = -1) {
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> adj(g.entities);
    for (std::uint32_t r = 0; r < g.edges.size(); ++r) {
        const auto& e = g.edges[r];
        if (only_type >= 0 && e.type != static_cast<std::uint32_t>(only_type)) continue;
        adj[e.from].push_back({e.to, r});
        if (!directed || symmetric(e)) adj[e.to].push_back({e.from, r});
    }
    return adj;
}

std::vector<std::uint32_t> reference_bfs(
    const std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>>& adj, std::uint32_t source) {
    std::vector<std::uint32_t> distance(adj.size(), kNone);
    std::deque<std::uint32_t> queue{source};
    distance[source] = 0;
    while (!queue.empty()) {
        const auto v = queue.front();
        queue.pop_front();
        for (const auto& [w, r] : adj[v]) {
            if (distance[w] == kNone) {
                distance[w] = distance[v] + 1;
                queue.push_back(w);
            }
        }
    }
    return distance;
}

// A path is real: consecutive vertices are the two ends of its relation, and no vertex repeats.
void check_path(const Graph& graph, const Path& path, VertexId from, VertexId to) {
    REQUIRE(path.vertices.size() == path.relations.size() + 1);
    CHECK(path.vertices.front() == from);
    CHECK(path.vertices.back() == to);
    for (std::size_t i = 0; i < path.relations.size(); ++i) {
        const auto r = path.relations[i];
        const auto a = path.vertices[i], b = path.vertices[i + 1];
        CHECK(((graph.from(r) == a && graph.to(r) == b) || (graph.from(r) == b && graph.to(r) == a)));
    }
    CHECK(std::set<VertexId>(path.vertices.begin(), path.vertices.end()).size() == path.vertices.size());
}

// Every simple path (as a relation sequence) from a to b of at most max_hops relations.
void enumerate(const std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>>& adj, std::uint32_t v,
               std::uint32_t target, std::size_t max_hops, std::vector<char>& on_path,
               std::vector<std::uint32_t>& rels, std::vector<std::vector<std::uint32_t>>& out) {
    if (v == target) {
        out.push_back(rels);
        return;
    }
    if (rels.size() == max_hops) return;
    for (const auto& [w, r] : adj[v]) {
        if (on_path[w]) continue;
        on_path[w] = 1;
        rels.push_back(r);
        enumerate(adj, w, target, max_hops, on_path, rels, out);
        rels.pop_back();
        on_path[w] = 0;
    }
}

std::vector<std::vector<std::uint32_t>> brute_force_paths(const GeneratedGraph& g, std::uint32_t a,
                                                          std::uint32_t b, std::size_t max_hops,
                                                          bool directed = false) {
    const auto adj = adjacency(g, directed);
    std::vector<char> on_path(g.entities, 0);
    on_path[a] = 1;
    std::vector<std::uint32_t> rels;
    std::vector<std::vector<std::uint32_t>> out;
    enumerate(adj, a, b, max_hops, on_path, rels, out);
    return out;
}

}  // namespace

TEST_CASE("shortest path lengths agree with an independent BFS", "[queries][generated][path]") {
    const auto shape = GENERATE(test::Shape::Uniform, test::Shape::PowerLaw);
    const bool directed = GENERATE(false, true);
    Fixture f(3000, 9000, 11, shape);
    const auto adj = adjacency(f.generated, directed);
    std::mt19937 random(5);
    PathQuery query;
    query.filter.directed = directed;
    for (int source_round = 0; source_round < 15; ++source_round) {
        const auto source = static_cast<std::uint32_t>(random() % f.generated.entities);
        const auto reference = reference_bfs(adj, source);
        for (int t = 0; t < 20; ++t) {
            const auto target = static_cast<std::uint32_t>(random() % f.generated.entities);
            const auto path = shortest_path(f.graph, source, target, query);
            INFO("source " << source << " target " << target);
            if (reference[target] == kNone) {
                CHECK_FALSE(path.has_value());
                continue;
            }
            REQUIRE(path.has_value());
            CHECK(path->length() == reference[target]);
            check_path(f.graph, *path, source, target);
            if (directed) {
                for (std::size_t i = 0; i < path->relations.size(); ++i) {
                    const auto& e = f.generated.edges[f.edge_of[path->relations[i]]];
                    CHECK((symmetric(e) || e.from == path->vertices[i]));
                }
            }
        }
    }
}

TEST_CASE("a type filter gives the distances of the subgraph of that type", "[queries][generated][path]") {
    Fixture f(1000, 4000, 21, test::Shape::PowerLaw);
    const auto adj = adjacency(f.generated, false, 1);  // acquisition only
    PathQuery query;
    query.filter.types = {"acquisition"};
    const auto reference = reference_bfs(adj, 0);
    for (std::uint32_t target = 0; target < 1000; target += 7) {
        const auto path = shortest_path(f.graph, 0, target, query);
        CHECK(path.has_value() == (reference[target] != kNone));
        if (path) {
            CHECK(path->length() == reference[target]);
            for (auto r : path->relations) CHECK(f.graph.type(r).id == "acquisition");
        }
    }
}

TEST_CASE("all shortest paths match a brute-force count on small graphs", "[queries][generated][path]") {
    const auto seed = GENERATE(1u, 2u, 3u, 4u);
    Fixture f(40, 90, seed, seed % 2 ? test::Shape::Uniform : test::Shape::PowerLaw);
    const auto adj = adjacency(f.generated, false);
    for (std::uint32_t a = 0; a < 40; a += 3) {
        const auto distance = reference_bfs(adj, a);
        for (std::uint32_t b = 1; b < 40; b += 5) {
            if (a == b || distance[b] == kNone || distance[b] > 6) continue;
            const auto brute = brute_force_paths(f.generated, a, b, distance[b]);
            std::set<std::vector<std::uint32_t>> shortest_brute;
            for (const auto& p : brute) {
                if (p.size() == distance[b]) shortest_brute.insert(p);
            }
            const auto all = all_shortest_paths(f.graph, a, b, {}, 100000);
            INFO("a " << a << " b " << b);
            CHECK_FALSE(all.truncated);
            std::set<std::vector<std::uint32_t>> found;
            for (const auto& p : all.paths) {
                check_path(f.graph, p, a, b);
                found.insert(f.edges(p));
            }
            CHECK(found.size() == all.paths.size());  // no duplicates
            CHECK(found == shortest_brute);
            // Deterministic order: sorted by vertices, then relations.
            for (std::size_t i = 1; i < all.paths.size(); ++i) {
                CHECK(std::tie(all.paths[i - 1].vertices, all.paths[i - 1].relations) <
                      std::tie(all.paths[i].vertices, all.paths[i].relations));
            }
        }
    }
}

TEST_CASE("Yen's k shortest paths are loopless, distinct, non-decreasing and truly the shortest",
          "[queries][generated][path]") {
    const auto seed = GENERATE(7u, 8u, 9u);
    Fixture f(30, 70, seed, test::Shape::PowerLaw);
    for (std::uint32_t a = 0; a < 30; a += 4) {
        for (std::uint32_t b = 2; b < 30; b += 7) {
            if (a == b) continue;
            const auto brute = brute_force_paths(f.generated, a, b, 7);
            std::vector<std::size_t> brute_lengths;
            for (const auto& p : brute) brute_lengths.push_back(p.size());
            std::sort(brute_lengths.begin(), brute_lengths.end());
            const std::size_t k = 12;
            const auto paths = k_shortest_paths(f.graph, a, b, {}, k);
            INFO("a " << a << " b " << b);
            std::set<std::vector<std::uint32_t>> distinct;
            for (std::size_t i = 0; i < paths.size(); ++i) {
                check_path(f.graph, paths[i], a, b);
                distinct.insert(paths[i].relations);
                if (i > 0) CHECK(paths[i - 1].length() <= paths[i].length());
            }
            CHECK(distinct.size() == paths.size());
            CHECK(paths.size() == std::min(k, brute.size() + 0));
            // The i-th path is as short as the i-th shortest of all simple paths (within the brute-force
            // bound).
            for (std::size_t i = 0; i < paths.size() && i < brute_lengths.size(); ++i) {
                if (paths[i].length() <= 7) CHECK(paths[i].length() == brute_lengths[i]);
            }
        }
    }
}

TEST_CASE("all simple paths up to N hops match brute force, and the cap is reported",
          "[queries][generated][path]") {
    Fixture f(60, 150, 31, test::Shape::PowerLaw);
    for (std::uint32_t a = 0; a < 60; a += 11) {
        for (std::uint32_t b = 3; b < 60; b += 13) {
            if (a == b) continue;
            const auto brute = brute_force_paths(f.generated, a, b, 4);
            const auto found = all_simple_paths(f.graph, a, b, {}, 4, 1000000);
            INFO("a " << a << " b " << b);
            CHECK_FALSE(found.truncated);
            CHECK(found.paths.size() == brute.size());
            for (std::size_t i = 1; i < found.paths.size(); ++i) {
                CHECK(found.paths[i - 1].length() <= found.paths[i].length());
            }
            if (brute.size() > 3) {
                const auto capped = all_simple_paths(f.graph, a, b, {}, 4, 3);
                CHECK(capped.paths.size() == 3);
                CHECK(capped.truncated);
            }
        }
    }
}

TEST_CASE("ego networks on a generated graph are the BFS balls", "[queries][generated][ego]") {
    Fixture f(2000, 5000, 41, test::Shape::PowerLaw);
    const auto reference = reference_bfs(adjacency(f.generated, false), 17);
    for (std::size_t radius : {0u, 1u, 2u, 3u}) {
        const auto ego = ego_network(f.graph, 17, radius, {});
        std::size_t expected = 0;
        for (auto d : reference) expected += d <= radius ? 1 : 0;
        CHECK(ego.vertices.size() == expected);
        for (std::size_t i = 0; i < ego.vertices.size(); ++i)
            CHECK(ego.distance[i] == reference[ego.vertices[i]]);
    }
}

TEST_CASE("partners and degree agree with the relation list", "[queries][generated][partners]") {
    Fixture f(500, 2000, 51, test::Shape::PowerLaw);
    std::vector<std::size_t> degree(500, 0);
    for (const auto& e : f.generated.edges) {
        ++degree[e.from];
        ++degree[e.to];
    }
    for (VertexId v = 0; v < 500; v += 9) CHECK(partners(f.graph, v, {}).size() == degree[v]);
    StatsQuery query;
    query.top = 5;
    const auto stats = graph_stats(f.graph, query);
    const auto most = std::max_element(degree.begin(), degree.end());
    REQUIRE_FALSE(stats.by_degree.empty());
    CHECK(stats.by_degree.front().score == static_cast<double>(*most));
    CHECK(stats.relations == 2000);
}

TEST_CASE("betweenness centrality matches a count of shortest paths through each vertex",
          "[queries][generated][stats]") {
    const auto seed = GENERATE(61u, 62u);
    Fixture f(50, 120, seed, test::Shape::PowerLaw);
    const auto adj = adjacency(f.generated, false);
    const std::size_t n = f.generated.entities;
    // Distances and shortest-path counts (over relations, so parallel relations count twice) between all
    // pairs.
    std::vector<std::vector<std::uint32_t>> distance(n);
    std::vector<std::vector<double>> paths(n, std::vector<double>(n, 0.0));
    for (std::uint32_t s = 0; s < n; ++s) {
        distance[s] = reference_bfs(adj, s);
        std::vector<std::uint32_t> order(n);
        std::iota(order.begin(), order.end(), 0U);
        std::sort(order.begin(), order.end(),
                  [&](auto a, auto b) { return distance[s][a] < distance[s][b]; });
        paths[s][s] = 1;
        for (const auto v : order) {
            if (distance[s][v] == kNone) break;
            for (const auto& [w, r] : adj[v]) {
                if (distance[s][w] == distance[s][v] + 1) paths[s][w] += paths[s][v];
            }
        }
    }
    // Each unordered pair (s, t) gives v the share of its shortest paths that pass through v.
    std::vector<double> expected(n, 0.0);
    for (std::uint32_t s = 0; s < n; ++s) {
        for (std::uint32_t t = s + 1; t < n; ++t) {
            if (distance[s][t] == kNone) continue;
            for (std::uint32_t v = 0; v < n; ++v) {
                if (v == s || v == t || distance[s][v] == kNone || distance[v][t] == kNone) continue;
                if (distance[s][v] + distance[v][t] == distance[s][t]) {
                    expected[v] += paths[s][v] * paths[v][t] / paths[s][t];
                }
            }
        }
    }
    StatsQuery query;
    query.betweenness = true;
    query.top = n;
    const auto stats = graph_stats(f.graph, query);
    std::vector<double> found(n, 0.0);
    for (const auto& ranked : stats.by_betweenness) found[ranked.vertex] = ranked.score;
    std::size_t positive = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
        INFO("vertex " << v);
        CHECK(found[v] == Approx(expected[v]).margin(1e-9));
        positive += expected[v] > 0 ? 1 : 0;
    }
    CHECK(positive > 5);  // the graph has real intermediaries
}

TEST_CASE("sampled betweenness: every source gives Boost's exact values, a sample estimates them",
          "[queries][generated][stats]") {
    Fixture f(400, 1600, 71, test::Shape::PowerLaw);
    const std::size_t n = f.generated.entities;
    StatsQuery query;
    query.betweenness = true;
    query.top = n;
    const auto exact_stats = graph_stats(f.graph, query);
    CHECK(exact_stats.betweenness_sources == n);  // small enough to be exact
    std::vector<double> exact(n, 0.0);
    for (const auto& ranked : exact_stats.by_betweenness) exact[ranked.vertex] = ranked.score;

    // The estimator, given every vertex as a source, is Brandes' algorithm itself.
    const queries::CompiledFilter filter(f.graph, RelationFilter{});
    std::vector<VertexId> everyone(n);
    std::iota(everyone.begin(), everyone.end(), VertexId{0});
    const auto all_sources = queries::sampled_betweenness(queries::filtered(filter), n, everyone);
    for (std::uint32_t v = 0; v < n; ++v) {
        INFO("vertex " << v);
        CHECK(all_sources[v] == Approx(exact[v]).margin(1e-6));
    }

    // A quarter of the sources: the same leaders, and the total within a few percent.
    query.betweenness_sources = n / 4;
    const auto sampled = graph_stats(f.graph, query);
    CHECK(sampled.betweenness_sources == n / 4);
    double exact_total = 0, sampled_total = 0;
    for (const auto& ranked : sampled.by_betweenness) sampled_total += ranked.score;
    for (const double value : exact) exact_total += value;
    CHECK(sampled_total == Approx(exact_total).epsilon(0.10));
    std::set<VertexId> sampled_top;
    for (std::size_t i = 0; i < 5; ++i) sampled_top.insert(sampled.by_betweenness[i].vertex);
    CHECK(sampled_top.count(exact_stats.by_betweenness[0].vertex) == 1);
    CHECK(sampled_top.count(exact_stats.by_betweenness[1].vertex) == 1);
    // The same sample each time.
    const auto again = graph_stats(f.graph, query);
    CHECK(again.by_betweenness.front().vertex == sampled.by_betweenness.front().vertex);
    CHECK(again.by_betweenness.front().score == sampled.by_betweenness.front().score);
}

TEST_CASE("betweenness does not overflow on long chains of parallel relations or diamonds",
          "[queries][stats]") {
    // A chain of 22 entities, three parallel MOUs per step: 3^21 shortest paths between the ends, past
    // 2^32. Entity i lies on the shortest connections of i * (21 - i) pairs.
    GeneratedGraph chain;
    chain.entities = 22;
    for (std::uint32_t i = 0; i + 1 < 22; ++i) {
        for (int copy = 0; copy < 3; ++copy) chain.edges.push_back({i, i + 1, 0});
    }
    // 40 diamonds in a row: 2^40 shortest paths end to end.
    GeneratedGraph diamonds;
    diamonds.entities = 1 + 3 * 40;
    for (std::uint32_t d = 0; d < 40; ++d) {
        const std::uint32_t left = 3 * d, up = left + 1, down = left + 2, right = left + 3;
        diamonds.edges.push_back({left, up, 0});
        diamonds.edges.push_back({left, down, 0});
        diamonds.edges.push_back({up, right, 0});
        diamonds.edges.push_back({down, right, 0});
    }
    for (const auto* generated : {&chain, &diamonds}) {
        test::TempDir dir;
        Store store = Store::open(dir / "b.db", Store::Mode::Create);
        test::write_to_store(store, *generated);
        const Snapshot snapshot = Snapshot::take(store);
        StatsQuery query;
        query.betweenness = true;
        query.top = generated->entities;
        const GraphStats stats = graph_stats(snapshot.graph(), query);
        REQUIRE(stats.betweenness_sources == generated->entities);
        std::map<VertexId, double> score;
        for (const auto& ranked : stats.by_betweenness) score[ranked.vertex] = ranked.score;
        for (const auto& [v, value] : score) {
            INFO("vertex " << v << " score " << value);
            CHECK(std::isfinite(value));
            CHECK(value >= 0);
        }
        if (generated == &chain) {
            for (VertexId i = 0; i < 22; ++i) CHECK(score[i] == Approx(double(i) * (21 - i)).epsilon(1e-12));
        } else {
            // An end lies on one of the two shortest connections between the middle corners of its
            // diamond (1/2). Junction k lies on every connection from its left side to its right side,
            // and on half of those between the middle corners of each diamond it closes (1/2 + 1/2).
            CHECK(score[0] == Approx(0.5));
            CHECK(score[3 * 40] == Approx(0.5));
            for (std::uint32_t k = 1; k < 40; ++k) {
                const double left = 3.0 * k, right = 3.0 * (40 - k);  // entities on each side, itself apart
                CHECK(score[3 * k] == Approx(left * right + 1).epsilon(1e-9));
            }
        }
    }
}
