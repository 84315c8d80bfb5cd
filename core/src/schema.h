#pragma once
// Private to core: the schema and its migrations. Migration i (0-based) takes user_version i to i + 1.
#include <SQLiteCpp/Database.h>

namespace kizuna::schema {

[[nodiscard]] int latest_version();
// Applies the missing migrations in one transaction. Throws StorageError for a newer schema.
void migrate(SQLite::Database& db, const std::string& path);

}  // namespace kizuna::schema
