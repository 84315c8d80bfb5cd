// The query language's fuzz seeds and every input that once failed (tests/fuzz/regressions/cypher),
// replayed through the fuzz target's own check in the ordinary build too: the fuzz tests run only in the
// clang build, and the engine changes in both.
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

TEST_CASE("cypher fuzz replay: every seed and regression of the query language's fuzz target passes") {
    std::size_t count = 0;
    for (const char* folder : {KIZUNA_FUZZ_DIR "/corpus/cypher", KIZUNA_FUZZ_DIR "/regressions/cypher"}) {
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            std::ifstream in(entry.path(), std::ios::binary);
            const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            INFO(entry.path().string());
            // The target aborts on a wrong answer; any exception it lets through fails here.
            CHECK_NOTHROW(
                LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
            ++count;
        }
    }
    CHECK(count > 0);
}
