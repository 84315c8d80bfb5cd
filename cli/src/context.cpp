#include "context.h"

#include <unistd.h>

#include <cstdlib>
#include <ostream>

#include "kizuna/core/errors.h"

namespace kizuna::cli {

std::filesystem::path default_db_path() {
    if (const char* env = std::getenv("KIZUNA_DB"); env != nullptr && *env != '\0') return env;
    return "kizuna.db";
}

namespace {

void require_database(const std::filesystem::path& db) {
    if (!std::filesystem::exists(db)) {
        throw StorageError(db.string() + ": no database here; create one with `kizuna --db " + db.string() +
                           " init` or load the bundled data with `kizuna demo`");
    }
}

}  // namespace

Store Context::open_for_reading() const {
    require_database(db);
    try {
        return Store::open(db, Store::Mode::ReadOnly);
    } catch (const OutdatedSchemaError& e) {
        // A database from an older Kizuna: upgraded in place (every write command would do the same),
        // then read as usual. Without write access it stays as it is and the message says how.
        try {
            (void)Store::open(db, Store::Mode::ReadWrite);
        } catch (const StorageError& cannot) {
            throw StorageError(std::string(e.what()) + "; upgrading it failed: " + cannot.what());
        }
        return Store::open(db, Store::Mode::ReadOnly);
    }
}

Store Context::open_for_writing() const {
    require_database(db);
    return Store::open(db, Store::Mode::ReadWrite);
}

namespace {

// Building takes seconds from a million relations on: say why the first query after a change waits.
Snapshot take_snapshot(const Context& context, const Store& store) {
    return Snapshot::take(store, [&] {
        constexpr std::int64_t kWorthSaying = 500'000;
        if (isatty(STDERR_FILENO) != 1) return;
        const std::int64_t relations = store.relation_count();  // a full count: once
        if (relations >= kWorthSaying) {
            context.e() << "building the query graph of " << relations
                        << " relations (after each change, once; later commands load it from "
                        << Graph::cache_path(store.path()).filename().string() << ")\n"
                        << std::flush;
        }
    });
}

}  // namespace

Loaded::Loaded(const Context& context)
    : own_store_(context.shared == nullptr ? std::optional<Store>(context.open_for_reading()) : std::nullopt),
      store(context.shared == nullptr ? *own_store_ : context.shared->store()),
      snapshot(context.shared == nullptr ? take_snapshot(context, store)
                                         : Snapshot::take(store, *context.shared->graph)) {}

ReadingStore::ReadingStore(const Context& context)
    : own_(context.shared == nullptr ? std::optional<Store>(context.open_for_reading()) : std::nullopt),
      store_(context.shared == nullptr ? &*own_ : &context.shared->store()) {}

std::string default_lang() {
    for (const char* variable : {"KIZUNA_LANG", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value == nullptr || *value == '\0') continue;
        const std::string text = value;
        for (const char* lang : {"en", "ja", "vi"}) {
            if (text.rfind(lang, 0) == 0) return lang;  // "ja", "ja_JP.UTF-8"
        }
        if (std::string(variable) == "KIZUNA_LANG") break;  // a bad value is not silently replaced by LANG
    }
    return "en";
}

std::optional<PartialDate> date_option(const std::string& option, const std::string& text) {
    if (text.empty()) return std::nullopt;
    if (auto date = PartialDate::parse(text)) return date;
    throw UsageError(option + ": '" + text +
                     "' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024-11-15)");
}

}  // namespace kizuna::cli
