// Graphviz objects come out in the order they were made (viz/src/creation_order_ids.h), not in the order
// of their names' addresses: the same diagram is the same DOT from any run.
#include <catch2/catch.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cgraph_helpers.h"
#include "creation_order_ids.h"

using namespace kizuna::viz;

namespace {

std::vector<std::string> subgraph_names(Agraph_t* g) {
    std::vector<std::string> out;
    for (Agraph_t* s = agfstsubg(g); s != nullptr; s = agnxtsubg(s)) out.emplace_back(agnameof(s));
    return out;
}

std::string dot_of(Agraph_t* g) {
    char* text = nullptr;
    std::size_t size = 0;
    FILE* out = open_memstream(&text, &size);
    agwrite(g, out);
    std::fclose(out);
    std::string dot(text, size);
    std::free(text);
    return dot;
}

}  // namespace

TEST_CASE("graphviz subgraphs and nodes keep the order they were made in", "[viz]") {
    std::unique_ptr<Agraph_t, GraphCloser> g(open_in_creation_order("kizuna", Agdirected));
    REQUIRE(g);
    CHECK(std::string(agnameof(g.get())) == "kizuna");
    for (const char* name : {"zeta", "alpha", "cluster_mid"}) REQUIRE(agsubg(g.get(), c(name), 1));
    // A subgraph closed and another made: the new one comes last, whatever memory its name took.
    agdelsubg(g.get(), agsubg(g.get(), c("alpha"), 0));
    REQUIRE(agsubg(g.get(), c("beta"), 1));
    CHECK(subgraph_names(g.get()) == std::vector<std::string>{"zeta", "cluster_mid", "beta"});
    CHECK(agsubg(g.get(), c("alpha"), 0) == nullptr);
    CHECK(agsubg(g.get(), c("beta"), 0) != nullptr);
    Agnode_t* a = agnode(g.get(), c("node a"), 1);
    Agnode_t* b = agnode(g.get(), c("<b>"), 1);
    REQUIRE(agedge(g.get(), a, b, nullptr, 1));
    CHECK(agnode(g.get(), c("node a"), 0) == a);
    const std::string dot = dot_of(g.get());
    // Names are quoted as cgraph quotes them (the discipline's names are cgraph's own strings).
    CHECK(dot.find("subgraph zeta") < dot.find("subgraph cluster_mid"));
    CHECK(dot.find("subgraph cluster_mid") < dot.find("subgraph beta"));
    CHECK(dot.find("\"node a\" -> \"<b>\"") != std::string::npos);
}
