#pragma once
// Large loads (the importers): a write of up to millions of rows in one transaction, with the values
// encoded ahead (on other threads: encoding is pure) and relations naming their ends by opaque keys
// instead of one lookup per row. Past a few thousand entities the name indexes are set aside and built
// once after the rows are in; past tens of thousands of relations the writer checks their types and
// ends itself instead of SQLite's per-row foreign key lookups. Either way it is all or nothing.
#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "kizuna/core/row_keys.h"
#include "kizuna/core/store.h"

namespace kizuna {

// An entity's fields as the store keeps them: names and aliases in NFC, aliases and attributes as JSON
// text (sources: the writer stores each document once), and its search names (language, name, normalised key;
// see text.h), each once.
struct EncodedEntity {
    std::string name_en, name_ja, name_vi;
    std::string aliases, attributes;
    // lang: "id", "en", "ja", "vi", "alias", or "attribute:NAME" for an attribute's value (found by
    // search, never taken for the entity's name).
    struct SearchName {
        std::string lang;
        std::string name, key;
    };
    std::vector<SearchName> search_names;
};
// A relation's fields as the store keeps them: dates as ISO text (empty: none), attributes as JSON text
// (sources: the writer stores each document once), and its ends' keys (kNoEntity: the writer looks the end up
// by id).
struct EncodedRelation {
    std::string start, end;
    std::string attributes;
    EntityKey from = kNoEntity, to = kNoEntity;
};
// Pure functions: a loader may encode on another thread than the one that writes.
[[nodiscard]] EncodedEntity encode(const Entity& entity);
[[nodiscard]] EncodedRelation encode(const Relation& relation);

class BulkWriter : public Store::Writer {
  public:
    using Store::Writer::put;
    // REQUIRES: encoded == encode(entity); each entity put at most once in a bulk write.
    virtual void put(const Entity& entity, const EncodedEntity& encoded) = 0;
    // REQUIRES: encoded == encode(relation) but for its keys, which come from entity_keys().
    virtual void put(const Relation& relation, const EncodedRelation& encoded) = 0;
    // Every entity's key, by id, as this write sees them (the entities put so far included). One query.
    using EntityKeys = std::unordered_map<std::string, EntityKey>;
    [[nodiscard]] virtual EntityKeys entity_keys() = 0;
    // The keys of these ids only (those that are entities), one lookup each: for a write that names a
    // few ends, where reading every entity would cost more than the write (seconds at 10M relations).
    [[nodiscard]] virtual EntityKeys entity_keys(const std::vector<std::string>& ids) = 0;
};

class BulkWrite {
  public:
    // About how many entities and relations the body will put: chooses the bulk paths above.
    struct Size {
        std::size_t entities = 0;
        std::size_t relations = 0;
    };
    // Runs body inside one IMMEDIATE transaction; commits when it returns, rolls back when it throws.
    // Throws StorageError on a read-only store or a database failure.
    static Store::WriteSummary run(Store& store, const std::function<void(BulkWriter&)>& body, Size expected);
};

}  // namespace kizuna
