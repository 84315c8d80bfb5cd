#include "generated_graph.h"

#include <cstdio>
#include <random>

namespace kizuna::test {

const std::vector<std::string>& generated_types() {
    static const std::vector<std::string> kTypes = {"mou", "acquisition", "joint_venture", "part_of"};
    return kTypes;
}

GeneratedGraph generate(std::size_t n, std::size_t m, std::uint32_t seed, Shape shape) {
    std::mt19937 random(seed);
    GeneratedGraph graph;
    graph.entities = n;
    std::uniform_int_distribution<std::uint32_t> any(0, static_cast<std::uint32_t>(n - 1));
    // Preferential attachment: endpoints drawn from the list of earlier endpoints favour high degree.
    std::vector<std::uint32_t> endpoints;
    for (std::size_t i = 0; i < m; ++i) {
        std::uint32_t a = any(random), b = any(random);
        if (shape == Shape::PowerLaw && !endpoints.empty() && random() % 4 != 0) {
            b = endpoints[random() % endpoints.size()];
        }
        if (a == b) b = (b + 1) % static_cast<std::uint32_t>(n);
        graph.edges.push_back({a, b, static_cast<std::uint32_t>(i % generated_types().size())});
        endpoints.push_back(a);
        endpoints.push_back(b);
    }
    return graph;
}

namespace {

std::string numbered(char prefix, std::size_t number) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%c%06zu", prefix, number);
    return buffer;
}

}  // namespace

void write_to_store(Store& store, const GeneratedGraph& graph) {
    (void)store.write([&](Store::Writer& writer) {
        for (std::size_t i = 0; i < graph.entities; ++i) {
            Entity entity;
            entity.id = numbered('e', i);
            entity.kind = i % 3 == 0 ? "company" : "ministry";
            entity.names.en = "Entity " + std::to_string(i);
            entity.country = i % 2 == 0 ? "JP" : "VN";
            writer.put(entity);
        }
        for (std::size_t i = 0; i < graph.edges.size(); ++i) {
            Relation relation;
            relation.id = numbered('r', i);
            relation.type = generated_types()[graph.edges[i].type];
            relation.from = numbered('e', graph.edges[i].from);
            relation.to = numbered('e', graph.edges[i].to);
            relation.start = PartialDate::parse(std::to_string(2000 + i % 25));
            relation.sources = {Source{"generated", "", ""}};
            writer.put(relation);
        }
    });
}

}  // namespace kizuna::test
