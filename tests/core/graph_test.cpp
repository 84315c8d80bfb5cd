#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "generated_graph.h"
#include "kizuna/core/graph.h"
#include "kizuna/core/store.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

// Each relation of the store, by id: (from, to, type, start).
using Facts = std::map<std::string, std::tuple<std::string, std::string, std::string, std::string>>;

Facts from_store(const Store& store) {
    Facts facts;
    store.for_each_relation([&](const Relation& r) {
        facts[r.id] = {r.from, r.to, r.type, r.start ? r.start->to_string() : ""};
    });
    return facts;
}

Facts from_graph(const Graph& graph) {
    Facts facts;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        const Relation relation = graph.relation(r);
        facts[relation.id] = {std::string(graph.entity_id(graph.from(r))), std::string(graph.entity_id(graph.to(r))),
                              graph.type(r).id, graph.start(r) ? graph.start(r)->to_string() : ""};
    }
    return facts;
}

void check_consistent(const Store& store) {
    const Graph graph = Graph::load(store);
    CHECK(graph.vertex_count() == static_cast<std::size_t>(store.entity_count()));
    CHECK(graph.relation_count() == static_cast<std::size_t>(store.relation_count()));
    CHECK(from_graph(graph) == from_store(store));
    // Vertices are in id order and find() inverts entity_id().
    for (VertexId v = 0; v + 1 < graph.vertex_count(); ++v) CHECK(graph.entity_id(v) < graph.entity_id(v + 1));
    for (VertexId v = 0; v < graph.vertex_count(); ++v) CHECK(graph.find(graph.entity_id(v)) == v);
    CHECK_FALSE(graph.find("no-such-entity").has_value());
}

}  // namespace

TEST_CASE("the compact graph matches the store after inserts, updates, deletes and reopen", "[core][graph]") {
    test::TempDir dir;
    const auto generated = test::generate(300, 1500, 7, test::Shape::PowerLaw);
    {
        Store store = Store::open(dir / "g.db", Store::Mode::Create);
        test::write_to_store(store, generated);
        check_consistent(store);

        // Update: move some relations to other endpoints and change their type; delete others.
        (void)store.write([&](Store::Writer& w) {
            for (int i = 0; i < 50; ++i) {
                auto relation = *store.relation("r" + std::string(6 - std::to_string(i).size(), '0') + std::to_string(i));
                relation.to = "e000299";
                if (relation.from == relation.to) relation.from = "e000298";
                relation.type = "acquisition";
                w.put(relation);
            }
            for (int i = 100; i < 130; ++i) w.remove_relation("r000" + std::to_string(i));
        });
        CHECK(store.relation_count() == 1470);
        check_consistent(store);
    }
    Store reopened = Store::open(dir / "g.db", Store::Mode::ReadOnly);
    check_consistent(reopened);
    CHECK(std::get<1>(from_store(reopened).at("r000000")) == "e000299");
    CHECK_FALSE(reopened.relation("r000100").has_value());
}
