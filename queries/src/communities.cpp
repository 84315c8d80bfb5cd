#include "kizuna/queries/communities.h"

#include <igraph/igraph.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <string>

#include "kizuna/core/errors.h"
#include "kizuna/queries/traversal.h"

namespace kizuna {

namespace {

// igraph's random numbers and error handler are process-wide: one search at a time (a server answers
// several requests at once).
std::mutex& igraph_lock() {
    static std::mutex lock;
    return lock;
}

// igraph's default handler aborts the process; here a failed call becomes an exception.
void check_igraph(igraph_error_t code, const char* what) {
    if (code != IGRAPH_SUCCESS) {
        if (code == IGRAPH_ENOMEM) throw std::bad_alloc();
        throw Error(std::string("community detection failed in ") + what + ": " + igraph_strerror(code));
    }
}

// The RAII owners of igraph's objects.
struct IntVector {
    igraph_vector_int_t v;
    explicit IntVector(igraph_integer_t size = 0) { check_igraph(igraph_vector_int_init(&v, size), "init"); }
    ~IntVector() { igraph_vector_int_destroy(&v); }
    IntVector(const IntVector&) = delete;
    IntVector& operator=(const IntVector&) = delete;
};
struct RealVector {
    igraph_vector_t v;
    explicit RealVector(igraph_integer_t size = 0) { check_igraph(igraph_vector_init(&v, size), "init"); }
    ~RealVector() { igraph_vector_destroy(&v); }
    RealVector(const RealVector&) = delete;
    RealVector& operator=(const RealVector&) = delete;
};
struct UndirectedGraph {
    igraph_t g;
    UndirectedGraph(const IntVector& edges, igraph_integer_t vertices) {
        check_igraph(igraph_create(&g, &edges.v, vertices, IGRAPH_UNDIRECTED), "igraph_create");
    }
    ~UndirectedGraph() { igraph_destroy(&g); }
    UndirectedGraph(const UndirectedGraph&) = delete;
    UndirectedGraph& operator=(const UndirectedGraph&) = delete;
};

// The relations the filter keeps, as pairs of dense vertex numbers (only entities with one of them).
struct KeptEdges {
    std::vector<VertexId> vertex_of;       // dense number -> graph vertex
    std::vector<igraph_integer_t> ends;    // 2 per relation, dense numbers
    std::vector<std::size_t> kept_degree;  // by dense number
};

KeptEdges kept_edges(const Graph& graph, const RelationFilter& filter) {
    const queries::CompiledFilter compiled(graph, filter);
    constexpr auto kNone = static_cast<igraph_integer_t>(-1);
    std::vector<igraph_integer_t> dense(graph.vertex_count(), kNone);
    KeptEdges out;
    const auto number = [&](VertexId v) {
        if (dense[v] == kNone) {
            dense[v] = static_cast<igraph_integer_t>(out.vertex_of.size());
            out.vertex_of.push_back(v);
            out.kept_degree.push_back(0);
        }
        return dense[v];
    };
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (graph.removed(r)) continue;  // by a delta: no more in the data
        if (!compiled.relation_ok(r)) continue;
        const auto a = number(graph.from(r)), b = number(graph.to(r));
        out.ends.push_back(a);
        out.ends.push_back(b);
        ++out.kept_degree[static_cast<std::size_t>(a)];
        ++out.kept_degree[static_cast<std::size_t>(b)];
    }
    return out;
}

// The membership igraph found, as groups of graph vertices in the answer's order.
Communities groups_of(const Graph& graph, const KeptEdges& kept, const igraph_vector_int_t& membership) {
    Communities out;
    out.relations = kept.ends.size() / 2;
    out.entities = kept.vertex_of.size();
    std::vector<Community> groups;
    for (std::size_t i = 0; i < kept.vertex_of.size(); ++i) {
        const auto g = static_cast<std::size_t>(VECTOR(membership)[static_cast<igraph_integer_t>(i)]);
        if (g >= groups.size()) groups.resize(g + 1);
        groups[g].members.push_back(static_cast<VertexId>(i));  // dense numbers for now
    }
    for (std::size_t e = 0; e + 1 < kept.ends.size(); e += 2) {
        const auto a = VECTOR(membership)[kept.ends[e]], b = VECTOR(membership)[kept.ends[e + 1]];
        if (a == b) ++groups[static_cast<std::size_t>(a)].relations;
    }
    for (auto& group : groups) {
        std::sort(group.members.begin(), group.members.end(), [&](VertexId x, VertexId y) {
            if (kept.kept_degree[x] != kept.kept_degree[y]) return kept.kept_degree[x] > kept.kept_degree[y];
            return graph.entity_id(kept.vertex_of[x]) < graph.entity_id(kept.vertex_of[y]);
        });
        for (auto& member : group.members) member = kept.vertex_of[member];
    }
    std::erase_if(groups, [](const Community& c) { return c.members.empty(); });
    std::sort(groups.begin(), groups.end(), [&](const Community& x, const Community& y) {
        if (x.members.size() != y.members.size()) return x.members.size() > y.members.size();
        return graph.entity_id(x.members.front()) < graph.entity_id(y.members.front());
    });
    out.groups = std::move(groups);
    return out;
}

}  // namespace

Communities find_communities(const Graph& graph, const CommunityQuery& query) {
    if (!(query.resolution > 0) || !std::isfinite(query.resolution)) {
        throw UsageError("the resolution must be a positive number, not " + std::to_string(query.resolution));
    }
    const KeptEdges kept = kept_edges(graph, query.filter);
    if (kept.ends.empty()) return groups_of(graph, kept, igraph_vector_int_t{});

    const std::lock_guard<std::mutex> lock(igraph_lock());
    struct RestoreHandler {
        igraph_error_handler_t* previous = igraph_set_error_handler(igraph_error_handler_ignore);
        ~RestoreHandler() { igraph_set_error_handler(previous); }
    } const restore;
    check_igraph(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(query.seed)), "seeding");

    IntVector edges(static_cast<igraph_integer_t>(kept.ends.size()));
    std::copy(kept.ends.begin(), kept.ends.end(), VECTOR(edges.v));
    const UndirectedGraph g(edges, static_cast<igraph_integer_t>(kept.vertex_of.size()));
    IntVector membership;
    if (query.algorithm == CommunityAlgorithm::Louvain) {
        check_igraph(
            igraph_community_multilevel(&g.g, nullptr, query.resolution, &membership.v, nullptr, nullptr),
            "igraph_community_multilevel");
    } else {
        // Leiden's modularity objective: node weights are degrees, the resolution divided by 2m.
        RealVector degrees(static_cast<igraph_integer_t>(kept.vertex_of.size()));
        for (std::size_t i = 0; i < kept.kept_degree.size(); ++i) {
            VECTOR(degrees.v)[static_cast<igraph_integer_t>(i)] = static_cast<double>(kept.kept_degree[i]);
        }
        igraph_integer_t clusters = 0;
        igraph_real_t quality = 0;
        const double two_m = static_cast<double>(kept.ends.size());
        check_igraph(igraph_community_leiden(&g.g, nullptr, &degrees.v, query.resolution / two_m, 0.01, false,
                                             -1, &membership.v, &clusters, &quality),
                     "igraph_community_leiden");
    }
    Communities out = groups_of(graph, kept, membership.v);
    check_igraph(
        igraph_modularity(&g.g, &membership.v, nullptr, query.resolution, IGRAPH_UNDIRECTED, &out.modularity),
        "igraph_modularity");
    return out;
}

}  // namespace kizuna
