// libFuzzer target: naming an entity. Any UTF-8 text is normalised into a search key (idempotent: a key
// is its own key) and looked up among a few entities; the outcome is an entity or EntityLookupError.
// Text that is not UTF-8 is refused with InvalidDataError.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "kizuna/core/errors.h"
#include "kizuna/core/store.h"
#include "kizuna/core/text.h"

namespace {

kizuna::Store& store() {
    static kizuna::Store made = [] {
        const auto folder =
            std::filesystem::temp_directory_path() / ("kizuna-fuzz-name-" + std::to_string(::getpid()));
        std::filesystem::create_directories(folder);
        kizuna::Store s = kizuna::Store::open(folder / "names.db", kizuna::Store::Mode::Create);
        (void)s.write([](kizuna::Store::Writer& w) {
            const char* names[][3] = {{"vn-moh", "Ministry of Health", "Bộ Y tế"},
                                      {"mhlw", "Ministry of Health, Labour and Welfare", "厚生労働省"},
                                      {"kanagawa", "Kanagawa Prefecture", "神奈川県"}};
            for (const auto& [id, en, other] : names) {
                kizuna::Entity e;
                e.id = id;
                e.kind = "ministry";
                e.names.en = en;
                e.names.ja = other;
                e.aliases = {"MOH"};
                w.put(e);
            }
        });
        return s;
    }();
    return made;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const std::string key = kizuna::search_key(text);
        if (kizuna::search_key(key) != key) std::abort();
    } catch (const kizuna::InvalidDataError&) {
        return 0;  // text that is not UTF-8 is refused as such (exit 3 on the command line)
    }
    try {
        (void)store().resolve(text);
    } catch (const kizuna::EntityLookupError&) {
    }
    (void)store().search(text, 5);
    return 0;
}
