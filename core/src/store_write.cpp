// Writing: Store::write for small edits, BulkWrite::run for large loads; one transaction each.
#include <SQLiteCpp/SQLiteCpp.h>

#include <future>
#include <optional>

#include "graph_builder.h"
#include "graph_cache.h"
#include "graph_impl.h"
#include "history_record.h"
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
// SQLite to build the graph (seconds at millions of relations): the graph is made here instead, and its
// cache written stamped with the data about to be committed. If the commit then fails, that stamp (a
// fresh random data version) names no committed state, so the file is never used; if this fails, the
// write goes on without it (the cache is an optimisation).
// The store's reads (Store::ReadTransaction) join the write transaction instead of beginning their own.
struct JoinedReads {
    int& depth;
    explicit JoinedReads(int& d) : depth(d) { ++depth; }
    ~JoinedReads() { --depth; }
    JoinedReads(const JoinedReads&) = delete;
    JoinedReads& operator=(const JoinedReads&) = delete;
};

class GraphOfWrite {
  public:
    // Rows are gathered as they are written when the database starts empty: they are then all the data.
    explicit GraphOfWrite(const Store& store) {
        if (store.empty()) builder_.emplace(false);
    }
    [[nodiscard]] GraphBuilder* gather() { return builder_ ? &*builder_ : nullptr; }

    // After the body: the gathered rows become the graph on another thread while the caller finishes
    // its indexes, when they are exactly the tables' rows (every put inserted one row, in order).
    void start(Store::Impl& impl, const SqlWriter& writer, const Store& store) {
        if (!builder_ || !writer.gathering() || !builder_->relations_ordered()) return;
        const JoinedReads joined(impl.read_depth);
        SQLite::Statement counts(impl.db,
                                 "SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM relations), "
                                 "(SELECT coalesce(max(rid), 0) FROM relations)");
        counts.executeStep();
        const auto relations = static_cast<std::int64_t>(builder_->relation_count());
        if (counts.getColumn(0).getInt64() != static_cast<std::int64_t>(builder_->entity_count()) ||
            counts.getColumn(1).getInt64() != relations || counts.getColumn(2).getInt64() != relations) {
            return;
        }
        graph_ = std::async(std::launch::async,
                            [this, types = store.relation_types(), kinds = store.entity_kinds()] {
                                return builder_->finish(types, kinds);
                            });
    }

    // After the stamp is updated, before the commit.
    void write_cache(Store& store, Store::Impl& impl) {
        const JoinedReads joined(impl.read_depth);
        try {
            std::unique_ptr<Graph::Impl> graph = graph_.valid() ? graph_.get() : nullptr;
            if (graph) {
                const Store::DataStamp stamp = store.data_stamp();
                graph->instance = stamp.instance;
                graph->generation = stamp.generation;
                graph->version = stamp.version;
                (void)write_graph_cache(*graph, Graph::cache_path(store.path()), store.schema_version());
            } else {
                (void)Graph::save_cache(store, Graph::build(store));
            }
        } catch (const StorageError&) {
            // Built by the first command that needs it instead.
        }
    }

  private:
    std::optional<GraphBuilder> builder_;
    std::future<std::unique_ptr<Graph::Impl>> graph_;
};

}  // namespace

void Store::note_changes(ChangeNote note) { impl_->note = std::move(note); }

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
        ChangeRecording recording(impl, bulk_relations || bulk_names);
        SQLite::Transaction transaction(impl.db, SQLite::TransactionBehavior::IMMEDIATE);
        // Under the write lock, read the schema as it now is: a writer that waited for another one
        // (which may have rebuilt indexes) must not prepare its statements against the schema it saw
        // before it waited.
        (void)impl.db.execAndGet("SELECT count(*) FROM sqlite_master");
        recording.begin(store.empty());
        if (bulk_names) schema::begin_bulk_names(impl.db);
        // Into an empty database, the endpoint indexes are built once from the loaded rows (cheaper than
        // row by row); into a full one, maintaining them costs less than rebuilding them.
        const bool bulk_endpoints = bulk_relations && store.empty();
        if (bulk_endpoints) schema::begin_bulk_relations(impl.db);
        std::optional<GraphOfWrite> graph;
        if (bulk_relations) graph.emplace(store);
        {
            SqlWriter writer(impl.db, summary, graph ? graph->gather() : nullptr);
            {
                // The body may read (a Snapshot of the state it is writing): its reads are this write's.
                const JoinedReads joined(impl.read_depth);
                body(writer);
            }
            writer.finish();
            if (graph) graph->start(impl, writer, store);
        }
        if (bulk_names) schema::finish_bulk_names(impl.db);
        if (bulk_endpoints) schema::finish_bulk_relations(impl.db);
        recording.finish(summary);
        if (summary.total() > 0) {
            bump_data_stamp(impl.db, recording.recorded());
            if (graph) graph->write_cache(store, impl);
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
