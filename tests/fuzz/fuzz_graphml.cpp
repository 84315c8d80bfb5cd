// libFuzzer target: the GRAPHML reader and the import checks behind it (a dry run).
#include "fuzz_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return kizuna::fuzz::import_once(data, size, ".graphml");
}
