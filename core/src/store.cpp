// The store: opening (with migrations), read transactions and the reads by id.
#include "kizuna/core/store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "kizuna/core/errors.h"
#include "schema.h"
#include "store_impl.h"

namespace kizuna {

namespace {

constexpr int kBusyTimeoutMs = 5000;

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

Store Store::open(const std::filesystem::path& path, Mode mode) {
    const std::string shown = path.string();
    std::error_code ignored;
    if (mode != Mode::Create && !std::filesystem::exists(path, ignored)) {
        throw StorageError(shown + ": no database here; create one with 'kizuna init' (or set --db)");
    }
    if (const auto folder = path.parent_path();
        !folder.empty() && !std::filesystem::is_directory(folder, ignored)) {
        throw StorageError(shown + ": the folder " + folder.string() + " does not exist");
    }
    try {
        // A Store is used by one thread at a time (store.h), so SQLite's per-connection mutex is only cost.
        int flags = SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX;
        if (mode == Mode::ReadOnly) {
            flags |= SQLite::OPEN_READONLY;
        } else {
            flags |= SQLite::OPEN_READWRITE | (mode == Mode::Create ? SQLite::OPEN_CREATE : 0);
        }
        auto impl = std::make_unique<Impl>(path, flags, mode == Mode::ReadOnly);
        auto& db = impl->db;
        db.setBusyTimeout(kBusyTimeoutMs);
        db.exec("PRAGMA foreign_keys = ON");
        if (mode == Mode::ReadOnly) {
            const int version = db.execAndGet("PRAGMA user_version").getInt();
            if (version > schema::latest_version()) schema::migrate(db, shown);  // throws: newer schema
            if (version == 0) throw StorageError(shown + ": not a Kizuna database (run 'kizuna init')");
            if (version != schema::latest_version()) {
                throw OutdatedSchemaError(
                    shown + ": database needs an upgrade (schema v" + std::to_string(version) +
                    ", this Kizuna reads v" + std::to_string(schema::latest_version()) +
                    "); open it once for writing, e.g. `kizuna --db " + shown + " init`");
            }
        } else {
            db.exec("PRAGMA journal_mode = WAL");
            db.exec("PRAGMA synchronous = FULL");
            // A large import touches every index page; a page cache this size (at most 256 MiB, used only
            // as needed) keeps them in memory instead of spilling them to the write-ahead log mid-write.
            db.exec("PRAGMA cache_size = -262144");
            db.exec("PRAGMA threads = 2");
            schema::migrate(db, shown);
        }
        return Store(std::move(impl));
    } catch (const SQLite::Exception& e) {
        throw StorageError(shown + ": " + e.getErrorStr());
    }
}

int Store::latest_schema_version() { return schema::latest_version(); }

int Store::schema_version() const { return impl_->db.execAndGet("PRAGMA user_version").getInt(); }

std::int64_t Store::generation() const {
    return impl_->db.execAndGet("SELECT value FROM meta WHERE key = 'generation'").getInt64();
}

Store::DataStamp Store::data_stamp() const {
    SQLite::Statement query(impl_->db,
                            "SELECT (SELECT value FROM meta WHERE key = 'instance'), "
                            "(SELECT value FROM meta WHERE key = 'generation')");
    query.executeStep();
    return {query.getColumn(0).getInt64(), query.getColumn(1).getInt64()};
}

const std::filesystem::path& Store::path() const { return impl_->path; }

Store::ReadTransaction::ReadTransaction(const Store& store)
    : store_(&store), outermost_(store.impl_->read_depth == 0) {
    ++store_->impl_->read_depth;
    if (!outermost_) return;
    try {
        store_->impl_->db.exec("BEGIN DEFERRED");
        // A deferred transaction takes its snapshot at its first read: take it now.
        (void)store_->impl_->db.execAndGet("SELECT count(*) FROM meta");
    } catch (const SQLite::Exception& e) {
        --store_->impl_->read_depth;
        try {
            store_->impl_->db.exec("ROLLBACK");
        } catch (const SQLite::Exception&) {
            // No transaction was started.
        }
        throw StorageError(store_->impl_->path.string() + ": cannot read: " + e.getErrorStr());
    }
}

Store::ReadTransaction::~ReadTransaction() {
    --store_->impl_->read_depth;
    if (!outermost_) return;
    try {
        store_->impl_->db.exec("COMMIT");  // a read transaction: nothing to commit, the snapshot ends
    } catch (const SQLite::Exception&) {
        // Ending a read cannot lose data; a destructor must not throw.
    }
}

std::optional<Entity> Store::entity(const std::string& id) const {
    SQLite::Statement query(impl_->db,
                            std::string("SELECT ") + kEntityColumns + " FROM entities e WHERE e.id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_entity(query);
}

std::optional<Relation> Store::relation(const std::string& id) const {
    SQLite::Statement query(impl_->db,
                            std::string("SELECT ") + kRelationColumns + kRelationJoins + " WHERE r.id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_relation(query);
}

std::vector<RelationType> Store::relation_types() const {
    SQLite::Statement query(
        impl_->db, "SELECT id, label_en, label_ja, directed, description FROM relation_types ORDER BY id");
    std::vector<RelationType> out;
    while (query.executeStep()) {
        out.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                       query.getColumn(2).getString(), query.getColumn(3).getInt() != 0,
                       query.getColumn(4).getString()});
    }
    return out;
}

std::optional<RelationType> Store::relation_type(const std::string& id) const {
    for (auto& type : relation_types()) {
        if (type.id == id) return type;
    }
    return std::nullopt;
}

bool Store::has_entity(const std::string& id) const {
    SQLite::Statement query(impl_->db, "SELECT 1 FROM entities WHERE id = ?");
    query.bind(1, id);
    return query.executeStep();
}

std::int64_t Store::entity_count() const {
    return impl_->db.execAndGet("SELECT count(*) FROM entities").getInt64();
}

std::int64_t Store::relation_count() const {
    return impl_->db.execAndGet("SELECT count(*) FROM relations").getInt64();
}

void Store::for_each_entity(const std::function<void(const Entity&)>& visit) const {
    SQLite::Statement query(impl_->db,
                            std::string("SELECT ") + kEntityColumns + " FROM entities e ORDER BY e.id");
    while (query.executeStep()) visit(read_entity(query));
}

void Store::for_each_relation(const std::function<void(const Relation&)>& visit) const {
    SQLite::Statement query(impl_->db,
                            std::string("SELECT ") + kRelationColumns + kRelationJoins + " ORDER BY r.id");
    while (query.executeStep()) visit(read_relation(query));
}

bool Store::empty() const {
    return impl_->db
               .execAndGet(
                   "SELECT NOT EXISTS (SELECT 1 FROM entities) AND NOT EXISTS (SELECT 1 FROM relations)")
               .getInt() != 0;
}

}  // namespace kizuna
