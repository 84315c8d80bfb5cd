#pragma once
// The SQLite store: one file holds a Kizuna database. Opening applies schema migrations (a database
// written by a newer Kizuna is refused, never altered). Every write goes through write(), which runs
// in one IMMEDIATE transaction: all of it lands or none of it does.
//
// Thread-safety: a Store is used by one thread at a time. Several processes may share the file (WAL).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "kizuna/core/model.h"

namespace kizuna {

class Store {
public:
    enum class Mode {
        ReadOnly,   // queries only; the file must exist and be up to date
        ReadWrite,  // the file must exist; migrations are applied
        Create,     // created when missing
    };

    // Throws StorageError naming the path: missing file, not a database, locked, newer schema.
    [[nodiscard]] static Store open(const std::filesystem::path& path, Mode mode);
    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    [[nodiscard]] static int latest_schema_version();
    [[nodiscard]] int schema_version() const;
    // Increases with every committed write that changed something; lets caches know they are stale.
    [[nodiscard]] std::int64_t generation() const;
    [[nodiscard]] const std::filesystem::path& path() const;

    // Reads.
    [[nodiscard]] std::optional<Entity> entity(const std::string& id) const;
    [[nodiscard]] std::optional<Relation> relation(const std::string& id) const;
    [[nodiscard]] std::vector<RelationType> relation_types() const;
    [[nodiscard]] std::optional<RelationType> relation_type(const std::string& id) const;
    [[nodiscard]] bool has_entity(const std::string& id) const;
    [[nodiscard]] std::int64_t entity_count() const;
    [[nodiscard]] std::int64_t relation_count() const;
    [[nodiscard]] bool empty() const;  // no entities and no relations
    // Every entity / relation, ordered by id. The callback must not use the store.
    void for_each_entity(const std::function<void(const Entity&)>& visit) const;
    void for_each_relation(const std::function<void(const Relation&)>& visit) const;

    // Entities whose id, name or alias (any language) equals or contains the text after normalisation
    // (see text.h): exact matches first, then prefix matches, then the rest; at most limit.
    [[nodiscard]] std::vector<Entity> search(const std::string& text, std::size_t limit) const;
    // The one entity an argument names: its id, a name or alias equal after normalisation, or else text
    // that the names of exactly one entity contain. Throws EntityLookupError listing the candidates when
    // it names several, or the closest names when it names none.
    [[nodiscard]] Entity resolve(const std::string& name) const;

    // What a write changed.
    struct WriteSummary {
        std::size_t types_changed = 0;
        std::size_t entities_changed = 0;
        std::size_t relations_changed = 0;
        [[nodiscard]] std::size_t total() const { return types_changed + entities_changed + relations_changed; }
    };

    // Upserts by id within one transaction. Values are stored as given (names and aliases in NFC);
    // REQUIRES: values already validated, relation endpoints and types present in the store or
    // written earlier in the same transaction.
    // A relation's fields as the store keeps them: dates as ISO text (empty: none), attributes and
    // sources as JSON text, endpoints by entity row (0: the writer looks the row up by id). Encoding
    // is pure, so a loader may encode on another thread than the one that writes.
    struct EncodedRelation {
        std::string start, end;
        std::string attributes, sources;
        std::int64_t from_row = 0, to_row = 0;
    };
    [[nodiscard]] static EncodedRelation encode(const Relation& relation);
    // An entity's fields as the store keeps them: names and aliases in NFC, aliases, attributes and
    // sources as JSON text, and its search names (language, name, normalised key; see text.h), each
    // once. Pure, like encode(Relation): a loader may encode on another thread.
    struct EncodedEntity {
        std::string name_en, name_ja, name_vi;
        std::string aliases, attributes, sources;
        struct SearchName {
            const char* lang;
            std::string name, key;
        };
        std::vector<SearchName> search_names;
    };
    [[nodiscard]] static EncodedEntity encode(const Entity& entity);
    // The row of every entity, by id, as the current transaction sees it (inside Store::write, the
    // entities written so far included): endpoint rows for EncodedRelation. One query.
    using EntityRows = std::unordered_map<std::string, std::int64_t>;
    [[nodiscard]] EntityRows entity_rows() const;

    class Writer {
    public:
        virtual ~Writer() = default;
        virtual void put(const RelationType& type) = 0;
        // REQUIRES: encoded == encode(entity).
        virtual void put(const Entity& entity, const EncodedEntity& encoded) = 0;
        void put(const Entity& entity) { put(entity, encode(entity)); }
        // REQUIRES: encoded == encode(relation).
        virtual void put(const Relation& relation, const EncodedRelation& encoded) = 0;
        void put(const Relation& relation) { put(relation, encode(relation)); }
        virtual void remove_relation(const std::string& id) = 0;
    };
    // Runs body inside one IMMEDIATE transaction; commits when it returns, rolls back when it throws.
    // Throws StorageError on a read-only store or a database failure.
    // expected: about how many entities and relations the body will put. Past a few thousand entities,
    // the name indexes are set aside and built once after the rows are in (inside the same transaction),
    // which is faster than updating them row by row; past tens of thousands of relations, the writer
    // checks their types and endpoints itself instead of SQLite's per-row foreign key lookups.
    // REQUIRES: each entity put at most once when entities are expected.
    struct WriteSize {
        std::size_t entities = 0;
        std::size_t relations = 0;
    };
    WriteSummary write(const std::function<void(Writer&)>& body, WriteSize expected);
    WriteSummary write(const std::function<void(Writer&)>& body);  // a small write

    struct Impl;  // defined in core/src/store_impl.h; used by the graph loader inside core
    [[nodiscard]] Impl& impl() const { return *impl_; }

private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace kizuna
