// libFuzzer target: partial dates. Whatever parses prints back as what parses to the same date, and its
// packed form unpacks to it.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kizuna/core/partial_date.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto date = kizuna::PartialDate::parse(text);
    if (!date) return 0;
    const auto again = kizuna::PartialDate::parse(date->to_string());
    if (!again || !(*again == *date)) std::abort();
    const auto unpacked = kizuna::PartialDate::from_packed(date->packed());
    if (!unpacked || !(*unpacked == *date)) std::abort();
    return 0;
}
