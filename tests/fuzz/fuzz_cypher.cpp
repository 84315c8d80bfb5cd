// libFuzzer target: the query language. Any text either answers or fails with CypherError or
// LimitReached (never a crash, a hang past the limits or another exception), on a small graph that
// the query may also change; an answer's rows have as many values as its columns.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kizuna/cypher/engine.h"
#include "kizuna/cypher/memory_graph.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kizuna::cypher;
    const std::string text(reinterpret_cast<const char*>(data), size);
    MemoryGraph graph;
    const auto a = graph.create_node({"company"}, {{"id", Value("a")}, {"name", Value("Alpha")}});
    const auto b = graph.create_node({"ministry"}, {{"id", Value("b")}, {"n", Value(std::int64_t{2})}});
    const auto c = graph.create_node({}, {{"list", Value(List{Value(1), Value(2.5), Value("x")})}});
    (void)graph.create_rel("mou", a, b, {{"start", Value("2014-03")}});
    (void)graph.create_rel("part_of", b, c, {});
    (void)graph.create_rel("mou", c, a, {});
    const Limits limits{std::chrono::milliseconds(200), 10'000};
    try {
        const auto result =
            run_query(graph, text, {{"p", Value(1)}, {"ids", Value(List{Value("a"), Value("b")})}}, limits);
        for (const auto& row : result.rows) {
            if (row.size() != result.columns.size()) std::abort();
        }
    } catch (const CypherError&) {
    } catch (const LimitReached&) {
    }
    return 0;
}
