// A session's history: log and diff read it; undo writes a change; restore writes a new file. Every
// write of the session is noted with its author and command (open_writing).
#include <future>

#include "file_digest.h"
#include "kizuna/app/session.h"
#include "translate.h"

namespace kizuna::app {

Store Session::open_writing(const std::vector<std::string>& files) {
    Store writing = open_for_writing(db_);
    ChangeNote note{options_.author, options_.command, {}};
    if (!files.empty()) {
        // Hashed on another thread while the import reads the same files; asked for at the commit.
        std::shared_future<std::vector<ChangeFile>> digests =
            std::async(std::launch::async, [files] { return file_digests(files); }).share();
        note.files = [digests] { return digests.get(); };
    }
    writing.note_changes(std::move(note));
    return writing;
}

Store Session::open_writing(const std::vector<FileInMemory>& uploads) {
    Store writing = open_for_writing(db_);
    writing.note_changes(
        {options_.author, options_.command, [digests = upload_digests(uploads)] { return digests; }});
    return writing;
}

LogAnswer Session::answer(const LogRequest& request) {
    return translated(LogRequest::description().names(), [&] {
        request.validate();
        const Store& reading = store();
        const Store::ReadTransaction snapshot(reading);
        ChangeFilter filter;
        filter.since = request.since;
        filter.author = request.author;
        if (!request.entity.empty()) {
            // An entity removed since is still named by its id.
            filter.entity =
                reading.has_entity(request.entity) ? request.entity : reading.resolve(request.entity).id;
        }
        return LogAnswer{History::changes(reading, filter)};
    });
}

DiffAnswer Session::answer(const DiffRequest& request) {
    return translated(DiffRequest::description().names(), [&] {
        request.validate();
        const auto [first, last] = request.range();
        const Store& reading = store();
        const Store::ReadTransaction snapshot(reading);
        DiffAnswer out;
        out.first = first;
        out.last = last;
        RowChanges rows = History::diff(reading, first, last, request.limit);
        out.rows = std::move(rows.listed);
        out.rows_total = rows.total;
        for (std::int64_t seq = first; seq <= last; ++seq)
            out.changes.push_back(History::change(reading, seq));
        return out;
    });
}

UndoAnswer Session::answer(const UndoRequest& request) {
    return translated(UndoRequest::description().names(), [&] {
        request.validate();
        if (!options_.writes_allowed)
            throw AppError(ErrorKind::Usage, {"undo writes; this session only reads"});
        const std::int64_t seq = std::stoll(request.change);
        Store writing = open_writing();
        History::Undone undone = History::undo(writing, seq, request.dry_run, request.limit);
        return UndoAnswer{request.dry_run, seq, std::move(undone.change), std::move(undone.rows.listed),
                          undone.rows.total};
    });
}

RestoreAnswer Session::answer(const RestoreRequest& request) {
    return translated(RestoreRequest::description().names(), [&] {
        request.validate();
        const std::int64_t seq = std::stoll(request.to);
        History::restore(store(), seq, request.output);
        const Store restored = Store::open(request.output, Store::Mode::ReadOnly);
        return RestoreAnswer{request.output, seq, restored.entity_count(), restored.relation_count()};
    });
}

}  // namespace kizuna::app
