#pragma once
// Private to core: the schema and its migrations. Migration i (0-based) takes user_version i to i + 1.
#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>

namespace kizuna::schema {

[[nodiscard]] int latest_version();
// Applies the missing migrations in one transaction. Throws StorageError for a newer schema.
void migrate(SQLite::Database& db, const std::string& path);

// Bulk writes of many entities set the name indexes aside while rows go in and build them once at the
// end, inside the same transaction: the key index and the name-search insert triggers; finish indexes
// every name not yet in the bulk name search index (the write's and the recent ones).
// REQUIRES: the write puts each entity at most once.
void begin_bulk_names(SQLite::Database& db);
void finish_bulk_names(SQLite::Database& db);

// A bulk load of relations into an empty database builds the relation endpoint indexes once at the end
// instead of inserting into them row by row.
void begin_bulk_relations(SQLite::Database& db);
void finish_bulk_relations(SQLite::Database& db);

// Removes every entity, relation and name (undoing a bulk load): the name search index emptied at
// once instead of one delete per name.
void empty_data(SQLite::Database& db);

}  // namespace kizuna::schema
