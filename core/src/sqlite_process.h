#pragma once
// Private to core: SQLite's process-wide settings, made before the first connection opens.

namespace kizuna {

// Turns off SQLite's memory statistics (a global lock on every allocation). Gives whether SQLite took
// it: it cannot once it is running. Called once, at static initialisation (store.cpp).
bool configure_sqlite_process();

}  // namespace kizuna
