// Opening the database for a session: a missing file is a message that says how to make one, and a
// database of an older Kizuna is upgraded in place before it is read.
#include "kizuna/app/session.h"
#include "kizuna/core/errors.h"

namespace kizuna::app {

namespace {

void require_database(const std::filesystem::path& db) {
    if (!std::filesystem::exists(db)) {
        throw StorageError(db.string() + ": no database here; create one with `kizuna --db " + db.string() +
                           " init` or load the bundled data with `kizuna demo`");
    }
}

}  // namespace

Store open_for_reading(const std::filesystem::path& db) {
    require_database(db);
    try {
        return Store::open(db, Store::Mode::ReadOnly);
    } catch (const OutdatedSchemaError& e) {
        // A database from an older Kizuna: upgraded in place (every write would do the same), then read
        // as usual. Without write access it stays as it is and the message says how.
        try {
            (void)Store::open(db, Store::Mode::ReadWrite);
        } catch (const StorageError& cannot) {
            throw StorageError(std::string(e.what()) + "; upgrading it failed: " + cannot.what());
        }
        return Store::open(db, Store::Mode::ReadOnly);
    }
}

Store open_for_writing(const std::filesystem::path& db) {
    require_database(db);
    return Store::open(db, Store::Mode::ReadWrite);
}

}  // namespace kizuna::app
