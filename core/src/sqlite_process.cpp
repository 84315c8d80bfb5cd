// Process-wide SQLite settings, which SQLiteCpp has no call for: the raw C API, as for the session
// extension (changeset.cpp), in one small place.
#include "sqlite_process.h"

#include <sqlite3.h>

namespace kizuna {

bool configure_sqlite_process() {
    // Without memory statistics SQLite takes no global lock on each of its allocations: answers read in
    // parallel (kizuna serve's threads) no longer queue for it (path over HTTP at 1M: about 4,000 to
    // 4,600-5,000 requests/s, bench/README). Refused (SQLITE_MISUSE) once SQLite is running, e.g. when
    // Python's sqlite3 module started it first; Kizuna then runs as before.
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
}

}  // namespace kizuna
