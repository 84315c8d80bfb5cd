#include "context.h"

#include <unistd.h>

#include <cstdlib>
#include <ostream>

namespace kizuna::cli {

std::filesystem::path default_db_path() {
    if (const char* env = std::getenv("KIZUNA_DB"); env != nullptr && *env != '\0') return env;
    return "kizuna.db";
}

app::Session& Context::session(app::SessionOptions options) const {
    if (session_ != nullptr) return *session_;
    if (shared != nullptr) {
        options.writes_allowed = false;
        options.cancelled = shared->cancelled;
        session_ = std::make_unique<app::Session>(db, shared->store(), *shared->graph, std::move(options));
        return *session_;
    }
    options.author = author;
    options.command = command_line;
    // Building takes seconds from a million relations on: say why the first query after a change waits.
    options.before_building = [this](const Store& store) {
        constexpr std::int64_t kWorthSaying = 500'000;
        if (isatty(STDERR_FILENO) != 1) return;
        const std::int64_t relations = store.relation_count();  // a full count: once
        if (relations >= kWorthSaying) {
            e() << "building the query graph of " << relations
                << " relations (after each change, once; later commands load it from "
                << Graph::cache_path(store.path()).filename().string() << ")\n"
                << std::flush;
        }
    };
    session_ = std::make_unique<app::Session>(db, std::move(options));
    return *session_;
}

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

}  // namespace kizuna::cli
