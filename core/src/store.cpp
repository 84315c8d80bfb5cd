// The store: opening (with migrations), read transactions and the reads by id.
#include "kizuna/core/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "kizuna/core/errors.h"
#include "schema.h"
#include "sqlite_process.h"
#include "store_impl.h"

namespace kizuna {

namespace {

// Before any connection opens (static initialisation comes before any code can open a store).
[[maybe_unused]] const bool sqlite_configured = configure_sqlite_process();

constexpr int kBusyTimeoutMs = 5000;
constexpr auto kBusyRetry = std::chrono::milliseconds(10);

bool folder_writable(const std::filesystem::path& path) {
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    return ::access(folder.c_str(), W_OK) == 0;
}

bool holds_bytes(const std::filesystem::path& path) {
    std::error_code error;
    return std::filesystem::file_size(path, error) > 0 && !error;
}

std::filesystem::path companion(const std::filesystem::path& path, const char* suffix) {
    return path.string() + suffix;
}

// SQLite's URI for reading a file that nothing can change: no locks, no -shm file to create.
std::string immutable_uri(const std::filesystem::path& path) {
    std::string uri = "file:";
    for (const char c : std::filesystem::absolute(path).string()) {
        if (c == '?' || c == '#' || c == '%') {
            static const char* const kHex = "0123456789ABCDEF";
            uri += '%';
            uri += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
            uri += kHex[static_cast<unsigned char>(c) & 0xF];
        } else {
            uri += c;
        }
    }
    return uri + "?immutable=1";
}

std::string interrupted_write_message(const std::string& shown) {
    return shown + ": a write was interrupted (a crash or a kill) and left " + shown +
           "-journal; nothing of it is in the data, but rolling it back needs write access to the folder: "
           "run a command that can write, e.g. `kizuna --db " +
           shown + " init`";
}

// Rolls back a write that a crash interrupted in rollback-journal mode (bulk_write.h uses that mode to
// fill an empty database): SQLite does so on the first read of a connection that may write. A journal
// of a write still running is not hot, and the read simply waits for it or reads past it.
void recover_interrupted_write(const std::filesystem::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    db.setBusyTimeout(kBusyTimeoutMs);
    (void)db.execAndGet("SELECT count(*) FROM sqlite_master");
}

// Write-ahead logging for every connection that may write. Another writer filling an empty database in
// rollback-journal mode holds the lock this needs: wait for it as for any busy database.
void use_write_ahead_log(SQLite::Database& db) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    while (true) {
        try {
            db.exec("PRAGMA journal_mode = WAL");
            return;
        } catch (const SQLite::Exception& e) {
            const int code = e.getErrorCode() & 0xFF;
            if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline)
                throw;
            std::this_thread::sleep_for(kBusyRetry);
        }
    }
}

void check_readable_version(SQLite::Database& db, const std::string& shown) {
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version > schema::latest_version()) schema::migrate(db, shown);  // throws: newer schema
    if (version == 0) throw StorageError(shown + ": not a Kizuna database (run 'kizuna init')");
    if (version != schema::latest_version()) {
        throw OutdatedSchemaError(shown + ": database needs an upgrade (schema v" + std::to_string(version) +
                                  ", this Kizuna reads v" + std::to_string(schema::latest_version()) +
                                  "); open it once for writing, e.g. `kizuna --db " + shown + " init`");
    }
}

// A Store is used by one thread at a time (store.h), so SQLite's per-connection mutex is only cost.
const int kCommonFlags = SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX;

std::unique_ptr<Store::Impl> open_for_reading(const std::filesystem::path& path, const std::string& shown) {
    const bool writable = folder_writable(path);
    if (writable && holds_bytes(companion(path, "-journal"))) recover_interrupted_write(path);
    try {
        auto impl = std::make_unique<Store::Impl>(path, kCommonFlags | SQLite::OPEN_READONLY, true);
        impl->db.setBusyTimeout(kBusyTimeoutMs);
        check_readable_version(impl->db, shown);
        return impl;
    } catch (const SQLite::Exception& e) {
        if (holds_bytes(companion(path, "-journal"))) throw StorageError(interrupted_write_message(shown));
        // A read-only folder or medium: SQLite cannot create the -shm file a reader of a write-ahead-logged
        // database needs. With no log beside it, every committed write is in the file itself, and nothing
        // can change it here: read it as immutable.
        if (writable || holds_bytes(companion(path, "-wal"))) {
            if (!writable) {
                throw StorageError(shown + ": the folder is read-only and " + shown +
                                   "-wal holds committed writes that only a command with write access can "
                                   "merge into the file (e.g. `kizuna --db " +
                                   shown + " init`): " + e.getErrorStr());
            }
            throw;
        }
        auto impl =
            std::make_unique<Store::Impl>(immutable_uri(path), kCommonFlags | SQLite::OPEN_READONLY, true);
        impl->path = path;
        check_readable_version(impl->db, shown);
        return impl;
    }
}

std::unique_ptr<Store::Impl> open_for_writing(const std::filesystem::path& path, const std::string& shown,
                                              bool create) {
    auto impl = std::make_unique<Store::Impl>(
        path, kCommonFlags | SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0), false);
    auto& db = impl->db;
    db.setBusyTimeout(kBusyTimeoutMs);
    use_write_ahead_log(db);
    db.exec("PRAGMA synchronous = FULL");
    // A large import touches every index page; a page cache this size (at most 256 MiB, used only as
    // needed) keeps them in memory instead of spilling them to the write-ahead log mid-write.
    db.exec("PRAGMA cache_size = -262144");
    db.exec("PRAGMA threads = 2");
    schema::migrate(db, shown);
    return impl;
}

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
        auto impl = mode == Mode::ReadOnly ? open_for_reading(path, shown)
                                           : open_for_writing(path, shown, mode == Mode::Create);
        impl->db.exec("PRAGMA foreign_keys = ON");
        return Store(std::move(impl));
    } catch (const SQLite::Exception& e) {
        throw StorageError(shown + ": " + e.getErrorStr());
    }
}

int Store::latest_schema_version() { return schema::latest_version(); }

int Store::schema_version() const {
    return guarded_read(*impl_,
                        [&]() -> int { return impl_->db.execAndGet("PRAGMA user_version").getInt(); });
}

std::int64_t Store::generation() const {
    return guarded_read(*impl_, [&]() -> std::int64_t {
        return impl_->db.execAndGet("SELECT value FROM meta WHERE key = 'generation'").getInt64();
    });
}

Store::DataStamp Store::data_stamp() const {
    return guarded_read(*impl_, [&]() -> Store::DataStamp {
        const Reused query(*impl_,
                           "SELECT (SELECT value FROM meta WHERE key = 'instance'), "
                           "(SELECT value FROM meta WHERE key = 'generation'), "
                           "(SELECT value FROM meta WHERE key = 'data_version')");
        query->executeStep();
        return {query->getColumn(0).getInt64(), query->getColumn(1).getInt64(),
                query->getColumn(2).getInt64()};
    });
}

const std::filesystem::path& Store::path() const { return impl_->path; }

Store::ReadTransaction::ReadTransaction(const Store& store)
    : store_(&store), outermost_(store.impl_->read_depth == 0) {
    ++store_->impl_->read_depth;
    if (!outermost_) return;
    try {
        (void)Reused(*store_->impl_, "BEGIN DEFERRED")->exec();
        // A deferred transaction takes its snapshot at its first read: take it now.
        (void)Reused(*store_->impl_, "SELECT count(*) FROM meta")->executeStep();
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
        // A read transaction: nothing to commit, the snapshot ends.
        (void)Reused(*store_->impl_, "COMMIT")->exec();
    } catch (const SQLite::Exception&) {
        // Ending a read cannot lose data; a destructor must not throw.
    }
}

std::optional<Entity> Store::entity(const std::string& id) const {
    return guarded_read(*impl_, [&]() -> std::optional<Entity> {
        const Reused query(*impl_,
                           std::string("SELECT ") + kEntityColumns + " FROM entities e WHERE e.id = ?");
        query->bind(1, id);
        if (!query->executeStep()) return std::nullopt;
        return read_entity(*query);
    });
}

std::optional<Relation> Store::relation(const std::string& id) const {
    return guarded_read(*impl_, [&]() -> std::optional<Relation> {
        SQLite::Statement query(
            impl_->db, std::string("SELECT ") + kRelationColumns + kRelationJoins + " WHERE r.id = ?");
        query.bind(1, id);
        if (!query.executeStep()) return std::nullopt;
        return read_relation(query);
    });
}

std::vector<RelationType> Store::relation_types() const {
    return guarded_read(*impl_, [&]() -> std::vector<RelationType> {
        SQLite::Statement query(
            impl_->db,
            "SELECT id, label_en, label_ja, directed, description, category, label_vi FROM relation_types "
            "ORDER BY id");
        std::vector<RelationType> out;
        while (query.executeStep()) {
            out.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                           query.getColumn(2).getString(), query.getColumn(3).getInt() != 0,
                           query.getColumn(4).getString(), query.getColumn(5).getString(),
                           query.getColumn(6).getString()});
        }
        return out;
    });
}

std::optional<RelationType> Store::relation_type(const std::string& id) const {
    return guarded_read(*impl_, [&]() -> std::optional<RelationType> {
        for (auto& type : relation_types()) {
            if (type.id == id) return type;
        }
        return std::nullopt;
    });
}

std::vector<EntityKind> Store::entity_kinds() const {
    return guarded_read(*impl_, [&]() -> std::vector<EntityKind> {
        SQLite::Statement query(
            impl_->db, "SELECT id, label_en, label_ja, label_vi, description FROM entity_kinds ORDER BY id");
        std::vector<EntityKind> out;
        while (query.executeStep()) {
            out.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                           query.getColumn(2).getString(), query.getColumn(3).getString(),
                           query.getColumn(4).getString()});
        }
        return out;
    });
}

bool Store::has_entity(const std::string& id) const {
    return guarded_read(*impl_, [&]() -> bool {
        SQLite::Statement query(impl_->db, "SELECT 1 FROM entities WHERE id = ?");
        query.bind(1, id);
        return query.executeStep();
    });
}

std::int64_t Store::entity_count() const {
    return guarded_read(*impl_,
                        [&] { return impl_->db.execAndGet("SELECT count(*) FROM entities").getInt64(); });
}

std::int64_t Store::relation_count() const {
    return guarded_read(*impl_,
                        [&] { return impl_->db.execAndGet("SELECT count(*) FROM relations").getInt64(); });
}

void Store::for_each_entity(const std::function<void(const Entity&)>& visit) const {
    guarded_read(*impl_, [&] {
        SQLite::Statement query(impl_->db,
                                std::string("SELECT ") + kEntityColumns + " FROM entities e ORDER BY e.id");
        while (query.executeStep()) visit(read_entity(query));
    });
}

void Store::for_each_relation(const std::function<void(const Relation&)>& visit) const {
    guarded_read(*impl_, [&] {
        SQLite::Statement query(
            impl_->db, std::string("SELECT ") + kRelationColumns + kRelationJoins + " ORDER BY r.id");
        while (query.executeStep()) visit(read_relation(query));
    });
}

bool Store::empty() const {
    return guarded_read(*impl_, [&]() -> bool {
        return impl_->db
                   .execAndGet(
                       "SELECT NOT EXISTS (SELECT 1 FROM entities) AND NOT EXISTS (SELECT 1 FROM relations)")
                   .getInt() != 0;
    });
}

}  // namespace kizuna
