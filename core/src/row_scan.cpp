// The row scan the in-memory graph is built from, and the reads by key that fetch an answer's details.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "kizuna/core/errors.h"
#include "kizuna/core/store.h"
#include "store_impl.h"

namespace kizuna {

namespace {

std::string_view text_of(const SQLite::Column& column) {
    return {column.getText(), static_cast<std::size_t>(column.getBytes())};
}

}  // namespace

void Store::scan_entities(const std::function<void(const EntityRow&)>& visit) const {
    try {
        SQLite::Statement query(impl_->db, "SELECT eid, id, kind, country FROM entities ORDER BY id");
        while (query.executeStep()) {
            // text_of before getBytes of the next column: each view stays valid until the next step.
            visit({EntityKey{query.getColumn(0).getInt64()}, text_of(query.getColumn(1)),
                   text_of(query.getColumn(2)), text_of(query.getColumn(3))});
        }
    } catch (const SQLite::Exception& e) {
        throw StorageError(impl_->path.string() + ": cannot read the entities: " + e.getErrorStr());
    }
}

void Store::scan_relations(const std::function<void(const RelationRow&)>& visit) const {
    try {
        SQLite::Statement query(impl_->db,
                                "SELECT rid, type, src, dst, start, \"end\" FROM relations ORDER BY id");
        while (query.executeStep()) {
            visit({RelationKey{query.getColumn(0).getInt64()}, text_of(query.getColumn(1)),
                   EntityKey{query.getColumn(2).getInt64()}, EntityKey{query.getColumn(3).getInt64()},
                   read_date(query.getColumn(4)), read_date(query.getColumn(5))});
        }
    } catch (const SQLite::Exception& e) {
        throw StorageError(impl_->path.string() + ": cannot read the relations: " + e.getErrorStr());
    }
}

void Store::scan_relation_ids(const std::function<void(RelationKey, std::string_view)>& visit) const {
    try {
        SQLite::Statement query(impl_->db, "SELECT rid, id FROM relations");
        while (query.executeStep())
            visit(RelationKey{query.getColumn(0).getInt64()}, text_of(query.getColumn(1)));
    } catch (const SQLite::Exception& e) {
        throw StorageError(impl_->path.string() + ": cannot read the relations: " + e.getErrorStr());
    }
}

Store::KeyExtent Store::entity_key_extent() const {
    return guarded_read(*impl_, [&]() -> Store::KeyExtent {
        SQLite::Statement query(
            impl_->db, "SELECT count(*), coalesce(min(eid), 0), coalesce(max(eid), 0) FROM entities");
        query.executeStep();
        return {query.getColumn(0).getInt64(), query.getColumn(1).getInt64(), query.getColumn(2).getInt64()};
    });
}

namespace {

// One row by its key through a statement prepared once per store (preparing costs more than the read).
template <typename Read>
auto read_by_key(const Store::Impl& impl, std::unique_ptr<SQLite::Statement>& query, const std::string& sql,
                 std::int64_t key, const char* what, Read read) {
    return guarded_read(impl, [&] {
        if (!query) query = std::make_unique<SQLite::Statement>(impl.db, sql);
        query->reset();
        query->bind(1, key);
        if (!query->executeStep()) {
            throw StorageError(std::string(what) + " changed while answering; run the query again");
        }
        auto value = read(*query);
        query->reset();  // an active statement would hold its read open
        return value;
    });
}

}  // namespace

Entity Store::entity_at(EntityKey key) const {
    return read_by_key(*impl_, impl_->entity_at,
                       std::string("SELECT ") + kEntityColumns + " FROM entities e WHERE e.eid = ?",
                       static_cast<std::int64_t>(key), "entity", read_entity);
}

Relation Store::relation_at(RelationKey key) const {
    return read_by_key(*impl_, impl_->relation_at,
                       std::string("SELECT ") + kRelationColumns + kRelationJoins + " WHERE r.rid = ?",
                       static_cast<std::int64_t>(key), "relation", read_relation);
}

}  // namespace kizuna
