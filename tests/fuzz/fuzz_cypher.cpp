// libFuzzer target: the query language. Any text either answers or fails with CypherError or
// LimitReached (never a crash, a hang past the limits or another exception), on a small graph that
// the query may also change; an answer's rows have as many values as its columns. A first line
// "//p=<text>" gives $p from that text as a front end's parameter (parameter.h): JSON or plain text.
// The dictionary cypher.dict gives the fuzzer the language's words.
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "kizuna/cypher/engine.h"
#include "kizuna/cypher/memory_graph.h"
#include "kizuna/cypher/parameter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kizuna::cypher;
    std::string text(reinterpret_cast<const char*>(data), size);
    Map parameters{{"p", Value(1)}, {"ids", Value(List{Value("a"), Value("b")})}};
    if (text.rfind("//p=", 0) == 0) {
        const auto end = text.find('\n');
        try {
            parameters["p"] = parameter_value(text.substr(4, end == std::string::npos ? end : end - 4));
        } catch (const std::invalid_argument&) {
            return 0;
        } catch (const LimitReached&) {
            return 0;
        }
        text = end == std::string::npos ? std::string() : text.substr(end + 1);
    }
    MemoryGraph graph;
    const auto a = graph.create_node({"company"}, {{"id", Value("a")}, {"name", Value("Alpha")}});
    const auto b = graph.create_node({"ministry"}, {{"id", Value("b")}, {"n", Value(std::int64_t{2})}});
    const auto c = graph.create_node({}, {{"list", Value(List{Value(1), Value(2.5), Value("x")})}});
    (void)graph.create_rel("mou", a, b, {{"start", Value("2014-03")}});
    (void)graph.create_rel("part_of", b, c, {});
    (void)graph.create_rel("mou", c, a, {});
    Limits limits;
    limits.timeout = std::chrono::milliseconds(200);
    limits.max_rows = 10'000;
    limits.max_memory = std::size_t{256} << 20;
    try {
        const auto result = run_query(graph, text, parameters, limits);
        for (const auto& row : result.rows) {
            if (row.size() != result.columns.size()) std::abort();
        }
    } catch (const CypherError&) {
    } catch (const LimitReached&) {
    }
    return 0;
}
