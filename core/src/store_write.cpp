// Writing: Store::write for small edits, BulkWrite::run for large loads; one transaction each.
#include <SQLiteCpp/SQLiteCpp.h>

#include "kizuna/core/bulk_write.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/graph.h"
#include "schema.h"
#include "sql_writer.h"
#include "store_impl.h"
#include "write_guards.h"

namespace kizuna {

namespace {

// From these sizes on, a write takes the bulk paths of bulk_write.h (bench/README.md: why these).
constexpr std::size_t kBulkRelations = 50000;
constexpr std::size_t kBulkEntities = 2000;

// A large write is followed by a first command that would otherwise read every relation back from
// SQLite to build the graph (seconds at millions of relations): the graph is built here instead, from
// the rows this transaction sees, and its cache written stamped with the data about to be committed. If
// the commit then fails, that stamp (a fresh random data version) names no committed state, so the file
// is never used; if this fails, the write goes on without it (the cache is an optimisation).
void cache_graph_of_write(Store& store, Store::Impl& impl) {
    struct JoinedReads {  // the graph's reads join this transaction instead of beginning their own
        int& depth;
        explicit JoinedReads(int& d) : depth(d) { ++depth; }
        ~JoinedReads() { --depth; }
        JoinedReads(const JoinedReads&) = delete;
        JoinedReads& operator=(const JoinedReads&) = delete;
    } joined(impl.read_depth);
    try {
        (void)Graph::save_cache(store, Graph::build(store));
    } catch (const StorageError&) {
        // Built by the first command that needs it instead.
    }
}

}  // namespace

Store::WriteSummary Store::write(const std::function<void(Writer&)>& body) {
    return BulkWrite::run(
        *this, [&](BulkWriter& writer) { body(writer); }, BulkWrite::Size{});
}

Store::WriteSummary BulkWrite::run(Store& store, const std::function<void(BulkWriter&)>& body,
                                   Size expected) {
    Store::Impl& impl = *store.impl_;
    if (impl.read_only) throw StorageError(impl.path.string() + ": database is open read-only; cannot write");
    if (impl.read_depth > 0)
        throw StorageError(impl.path.string() + ": cannot write inside a read transaction");
    const bool bulk_relations = expected.relations >= kBulkRelations;
    const bool bulk_names = expected.entities >= kBulkEntities;
    Store::WriteSummary summary;
    try {
        // Bulk relation writes go without foreign key enforcement: the writer binds ends by the keys it
        // was given or found (a missing one binds NULL, which NOT NULL refuses) and checks every type.
        const ForeignKeysOff unchecked(impl.db, bulk_relations);
        const RollbackJournal journal(impl.db, bulk_relations && store.empty());
        SQLite::Transaction transaction(impl.db, SQLite::TransactionBehavior::IMMEDIATE);
        // Under the write lock, read the schema as it now is: a writer that waited for another one
        // (which may have rebuilt indexes) must not prepare its statements against the schema it saw
        // before it waited.
        (void)impl.db.execAndGet("SELECT count(*) FROM sqlite_master");
        const std::int64_t names_before = bulk_names ? schema::begin_bulk_names(impl.db) : 0;
        {
            SqlWriter writer(impl.db, summary);
            body(writer);
            writer.finish();
        }
        if (bulk_names) schema::finish_bulk_names(impl.db, names_before);
        if (summary.total() > 0) {
            impl.db.exec(
                "UPDATE meta SET value = CASE key WHEN 'generation' THEN value + 1 ELSE random() END "
                "WHERE key IN ('generation', 'data_version')");
            if (bulk_relations) cache_graph_of_write(store, impl);
        }
        transaction.commit();
    } catch (const SQLite::Exception& e) {
        throw StorageError(impl.path.string() + ": write failed, nothing was changed: " + e.getErrorStr());
    }
    // Moves what the write-ahead log holds into the file, as far as no reader still needs it, without
    // waiting: a reader that opens the file later has less of a log to read, and a read-only reader
    // none (readers cannot do this themselves). The write is committed either way.
    try {
        (void)impl.db.execAndGet("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (const SQLite::Exception&) {
        // Busy or not in WAL mode: the next write or the last connection to close checkpoints.
    }
    return summary;
}

}  // namespace kizuna
