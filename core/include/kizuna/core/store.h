#pragma once
// The SQLite store: one file holds a Kizuna database. Opening applies schema migrations (a database
// written by a newer Kizuna is refused, never altered). Every write goes through write() (or, for large
// loads, bulk_write.h), which runs in one IMMEDIATE transaction: all of it lands or none of it does.
// All of Kizuna's SQL lives behind this header.
//
// Thread-safety: a Store is used by one thread at a time. Several processes may share the file (WAL).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/core/model.h"
#include "kizuna/core/row_keys.h"

namespace kizuna {

struct ChangeNote;

class Store {
  public:
    enum class Mode {
        ReadOnly,   // queries only; the file must exist and be up to date
        ReadWrite,  // the file must exist; migrations are applied
        Create,     // created when missing
    };

    // Throws StorageError naming the path: missing file, not a database, locked, newer schema
    // (OutdatedSchemaError for an older one opened ReadOnly).
    [[nodiscard]] static Store open(const std::filesystem::path& path, Mode mode);
    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    [[nodiscard]] static int latest_schema_version();
    [[nodiscard]] int schema_version() const;
    // Increases with every committed write that changed something.
    [[nodiscard]] std::int64_t generation() const;
    // Which data this is: the database's instance number (random, fixed at creation), its generation
    // and its data version (random, drawn anew by every write that changed something), so that no
    // other state of the data - a restored backup written to since, another database - has the same.
    struct DataStamp {
        std::int64_t instance = 0;
        std::int64_t generation = 0;
        std::int64_t version = 0;
        friend bool operator==(const DataStamp&, const DataStamp&) = default;
    };
    [[nodiscard]] DataStamp data_stamp() const;
    [[nodiscard]] const std::filesystem::path& path() const;

    // While it lives, every read of this store sees one state of the data, whatever other processes
    // commit meanwhile. Nested ones join the outermost. REQUIRES: the Store outlives it; no write
    // through this Store while it lives.
    class ReadTransaction {
      public:
        explicit ReadTransaction(const Store& store);  // throws StorageError
        ~ReadTransaction();
        ReadTransaction(const ReadTransaction&) = delete;
        ReadTransaction& operator=(const ReadTransaction&) = delete;

      private:
        const Store* store_;
        bool outermost_;
    };

    // Reads.
    [[nodiscard]] std::optional<Entity> entity(const std::string& id) const;
    [[nodiscard]] std::optional<Relation> relation(const std::string& id) const;
    [[nodiscard]] std::vector<RelationType> relation_types() const;  // ordered by id
    [[nodiscard]] std::optional<RelationType> relation_type(const std::string& id) const;
    [[nodiscard]] std::vector<EntityKind> entity_kinds() const;  // the kind vocabulary, ordered by id
    [[nodiscard]] bool has_entity(const std::string& id) const;
    [[nodiscard]] std::int64_t entity_count() const;
    [[nodiscard]] std::int64_t relation_count() const;
    [[nodiscard]] bool empty() const;  // no entities and no relations
    // Every entity / relation, ordered by id. The callback must not use the store.
    void for_each_entity(const std::function<void(const Entity&)>& visit) const;
    void for_each_relation(const std::function<void(const Relation&)>& visit) const;

    // The row scan the in-memory graph is built from (see graph.h): every entity's and relation's key
    // and structural fields, ordered by id. The views are valid during the callback only, which must
    // not use the store. Throws StorageError.
    struct EntityRow {
        EntityKey key;
        std::string_view id, kind, country;
    };
    struct RelationRow {
        RelationKey key;
        std::string_view type;
        EntityKey from, to;
        std::optional<PartialDate> start, end;
    };
    void scan_entities(const std::function<void(const EntityRow&)>& visit) const;
    void scan_relations(const std::function<void(const RelationRow&)>& visit) const;
    // Every relation's key and id, in no particular order (a scan for a query that matches relations by
    // id: the graph holds no relation ids). The id is valid during the callback only.
    void scan_relation_ids(const std::function<void(RelationKey, std::string_view)>& visit) const;
    // The smallest and largest entity key and the entity count: lets the graph index keys densely.
    struct KeyExtent {
        std::int64_t count = 0, smallest = 0, largest = 0;
    };
    [[nodiscard]] KeyExtent entity_key_extent() const;
    // The full row behind a key from the scan; throws StorageError when it is gone (the data changed
    // since the scan: never within one ReadTransaction).
    [[nodiscard]] Entity entity_at(EntityKey key) const;
    [[nodiscard]] Relation relation_at(RelationKey key) const;

    // Entities whose id, name or alias (any language) equals or contains the text after normalisation
    // (see text.h): exact matches first, then prefix matches, then the rest; at most limit.
    [[nodiscard]] std::vector<Entity> search(const std::string& text, std::size_t limit) const;
    // As search, over attribute values as well ("Hanoi" finds the entity whose city it is): each entity
    // with the field its best match is in ("id", "en", "ja", "vi", "alias", "attribute:city") and that
    // field's text. Names rank before attributes.
    struct Hit {
        Entity entity;
        std::string field, text;
    };
    [[nodiscard]] std::vector<Hit> search_everywhere(const std::string& text, std::size_t limit) const;
    // The entity a merged-away id was merged into (links.cpp), if the id is a redirect.
    [[nodiscard]] std::optional<std::string> redirect(const std::string& id) const;
    // Every redirect, merged-away id -> kept id, ordered by the merged-away id.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> redirects() const;
    // Every relation a merge folded (merged-away relation id -> the relation it now is, "" when removed).
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> relation_redirects() const;
    // Every pair judged not to be duplicates, each ordered (a < b), ordered.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> judgements() const;
    // The ids of the entities with a name or alias (not an attribute) whose search key (text.h) is key.
    [[nodiscard]] std::vector<std::string> entities_named(const std::string& key) const;
    // The ids of the entities with a name or alias whose folded name (text.h: folded_name, as duplicates
    // compare names) is that of name: "MINISTRY OF HEALTH LABOUR AND WELFARE" finds the entity named
    // "Ministry of Health, Labour and Welfare", "Taisho Pharmaceutical Co Ltd" the one named "Taisho
    // Pharmaceutical Co., Ltd." (candidates by the trigram index, then compared).
    [[nodiscard]] std::vector<std::string> entities_folded_as(const std::string& name) const;
    // Every relation that has the entity at one of its ends, ordered by id (a scan of the relations: the
    // store keeps no index by end; queries use the graph).
    [[nodiscard]] std::vector<Relation> relations_of(const std::string& entity_id) const;

    // The one entity an argument names: its id, a merged-away id (its redirect), a name or alias equal
    // after normalisation, or else text
    // that the names of exactly one entity contain. Throws EntityLookupError listing the candidates when
    // it names several, or the closest names when it names none.
    [[nodiscard]] Entity resolve(const std::string& name) const;

  private:
    [[nodiscard]] std::vector<Hit> search_in(const std::string& text, std::size_t limit,
                                             bool attributes) const;

  public:
    // What a write changed.
    struct WriteSummary {
        std::size_t types_changed = 0;
        std::size_t entities_changed = 0;
        std::size_t relations_changed = 0;
        std::size_t kinds_changed = 0;
        std::size_t links_changed = 0;  // redirects and not-duplicate judgements (links.h)
        [[nodiscard]] std::size_t total() const {
            return types_changed + entities_changed + relations_changed + kinds_changed + links_changed;
        }
    };

    // Upserts by id. Values are stored as given (names and aliases in NFC).
    // REQUIRES: values already validated; a relation's ends and type present in the store or written
    // earlier in the same write (else StorageError, and nothing of the write lands).
    class Writer {
      public:
        virtual ~Writer() = default;
        virtual void put(const RelationType& type) = 0;
        virtual void put(const EntityKind& kind) = 0;
        virtual void put(const Entity& entity) = 0;
        virtual void put(const Relation& relation) = 0;
        virtual void remove_relation(const std::string& id) = 0;
        // Removes an entity with its names. Its relations must be removed first (else StorageError).
        virtual void remove_entity(const std::string& id) = 0;
        // Records that the entity `from` (merged away) is now `to`: later lookups of `from` reach `to`, and
        // so do the redirects that led to `from`. REQUIRES: no entity has the id `from`.
        virtual void put_redirect(const std::string& from, const std::string& to) = 0;
        // Records that a merge folded the relation `from` into the relation `to` (empty: removed it, as it
        // tied the merged entities together): importing `from` again does not bring it back.
        virtual void put_relation_redirect(const std::string& from, const std::string& to) = 0;
        // Records (or, with present false, takes back) the judgement that two entities are not duplicates.
        virtual void put_judgement(const std::string& a, const std::string& b, bool present = true) = 0;
    };
    // Runs body inside one IMMEDIATE transaction; commits when it returns, rolls back when it throws.
    // Throws StorageError on a read-only store or a database failure.
    WriteSummary write(const std::function<void(Writer&)>& body);

    // Every later write through this Store is recorded in the history as this author and command, with
    // these files (history.h).
    void note_changes(ChangeNote note);

    struct Impl;  // core/src/store_impl.h

  private:
    friend class BulkWrite;
    friend struct GraphDeltaReader;  // core/src/graph_delta.cpp: the history and rows behind a delta
    friend class History;
    friend class ReadTransaction;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace kizuna
