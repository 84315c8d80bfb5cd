#pragma once
// A session on one database: it turns requests into answers, each answer read from one snapshot (a read
// transaction and the graph of that very state). Every failure leaves it as an AppError of its kind
// (errors.h); nothing else escapes but std::bad_alloc.
//
// A session opens its database itself (the command line, a program embedding Kizuna), or borrows a
// connection and the graph a long-running process shares between its threads (`kizuna serve`: one
// session per request), or opens the database and shares only the graph (the library, per call). Writes
// (import, records, writing queries) open the database for writing, one transaction each, all or nothing; a
// caller serialises them when several threads write.
//
// Thread-safety: one thread at a time per session. REQUIRES: a borrowed store and graph outlive it.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kizuna/app/answers.h"
#include "kizuna/app/dedupe_answers.h"
#include "kizuna/app/dedupe_requests.h"
#include "kizuna/app/errors.h"
#include "kizuna/app/history_answers.h"
#include "kizuna/app/history_requests.h"
#include "kizuna/app/requests.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/core/store.h"

namespace kizuna::app {

struct SessionOptions {
    bool writes_allowed = true;  // false: writing queries are refused (a reading API, a read-only handle)
    // Why, said when a writing query is refused (a Usage error).
    std::string writes_refused = "a query that writes cannot run through kizuna serve's reading API";
    // Called before the query graph is built from the rows (seconds from a million relations on: the
    // command line says why it waits), with the store being read.
    std::function<void(const Store& store)> before_building{};
    // Asked while a query runs: true stops it (a server's client has gone). May be empty.
    std::function<bool()> cancelled{};
    // Called while an import writes (may be empty).
    std::function<void(const ImportProgress&)> import_progress{};
    // Who the session's writes are recorded as in the history, and the command they were made by (empty:
    // $KIZUNA_AUTHOR or the system user; "write").
    std::string author{};
    std::string command{};
};

class Session {
  public:
    // A session that opens db itself, when an answer first needs it.
    explicit Session(std::filesystem::path db, SessionOptions options = {});
    // A session that opens db itself and answers from a graph shared with other sessions (a library
    // handle used by several threads: one session per call).
    Session(std::filesystem::path db, SharedGraph& graph, SessionOptions options = {});
    // A session on a borrowed read-only connection of db and a shared graph.
    Session(std::filesystem::path db, const Store& store, SharedGraph& graph, SessionOptions options = {});
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    [[nodiscard]] const std::filesystem::path& database() const { return db_; }

    // Each validates the request, then answers it; throws AppError.
    [[nodiscard]] SearchAnswer answer(const SearchRequest& request);
    [[nodiscard]] ShowAnswer answer(const ShowRequest& request);
    [[nodiscard]] ListAnswer answer(const ListRequest& request);
    [[nodiscard]] PartnersAnswer answer(const PartnersRequest& request);
    [[nodiscard]] PathAnswer answer(const PathRequest& request);
    [[nodiscard]] CommonAnswer answer(const CommonRequest& request);
    [[nodiscard]] EgoAnswer answer(const EgoRequest& request);
    [[nodiscard]] TimelineAnswer answer(const TimelineRequest& request);
    [[nodiscard]] StatsAnswer answer(const StatsRequest& request);
    [[nodiscard]] CommunitiesAnswer answer(const CommunitiesRequest& request);
    [[nodiscard]] StateChangesAnswer answer(const ChangesRequest& request);
    [[nodiscard]] RenderAnswer answer(const RenderRequest& request);
    [[nodiscard]] SheetAnswer answer(const BriefRequest& request);
    [[nodiscard]] cypher::QueryAnswer answer(const QueryRequest& request);
    // Writes.
    [[nodiscard]] ExportAnswer answer(const ExportRequest& request);
    [[nodiscard]] ImportReport answer(const ImportRequest& request);
    [[nodiscard]] ImportReport answer(const RecordRequest& request);
    // The history (session_history.cpp).
    [[nodiscard]] LogAnswer answer(const LogRequest& request);
    [[nodiscard]] DiffAnswer answer(const DiffRequest& request);
    [[nodiscard]] UndoAnswer answer(const UndoRequest& request);
    [[nodiscard]] RestoreAnswer answer(const RestoreRequest& request);
    // Duplicates and merges (session_dedupe.cpp).
    [[nodiscard]] DuplicatesAnswer answer(const DuplicatesRequest& request);
    [[nodiscard]] MergeAnswer answer(const MergeRequest& request);
    [[nodiscard]] NotDuplicatesAnswer answer(const NotDuplicatesRequest& request);

  private:
    [[nodiscard]] const Store& store();
    // The database opened for writing, its writes noted as this session's (with these files).
    [[nodiscard]] Store open_writing(const std::vector<std::string>& files = {});
    [[nodiscard]] Store open_writing(const std::vector<FileInMemory>& uploads);
    [[nodiscard]] Snapshot snapshot();

    std::filesystem::path db_;
    SessionOptions options_;
    std::unique_ptr<Store> own_store_;
    const Store* store_ = nullptr;
    SharedGraph* shared_graph_ = nullptr;
};

// The database for reading: a missing file is a StorageError that says how to make one; one of an older
// schema is upgraded first (when it can be written). Throws StorageError.
[[nodiscard]] Store open_for_reading(const std::filesystem::path& db);
// The database for writing; throws StorageError.
[[nodiscard]] Store open_for_writing(const std::filesystem::path& db);

}  // namespace kizuna::app
