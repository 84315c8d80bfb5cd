#pragma once
// The history's requests (core/history.h): log, diff, undo and restore. Like requests.h's, each
// describes and checks itself.
#include <cstdint>
#include <string>

#include "kizuna/app/parameter.h"
#include "kizuna/core/history.h"

namespace kizuna::app {

// log: the changes, oldest first, narrowed to an entity, a date and an author.
struct LogRequest {
    std::string entity;  // an id or any name; changes to it or its relations
    std::string since;   // a partial date (UTC)
    std::string author;
    static const Description<LogRequest>& description();
    void validate() const;
};

// diff CHANGE or A..B: what the changes did, field by field.
struct DiffRequest {
    std::string changes;              // "7" or "3..7"
    std::size_t limit = kListedRows;  // rows listed (all are counted)
    static const Description<DiffRequest>& description();
    void validate() const;
    // The first and last change named; throws AppError (Usage) naming the setting.
    [[nodiscard]] std::pair<std::int64_t, std::int64_t> range() const;
};

// undo CHANGE: its inverse, applied as a new change.
struct UndoRequest {
    std::string change;
    bool dry_run = false;
    std::size_t limit = kListedRows;  // rows listed (all are counted)
    static const Description<UndoRequest>& description();
    void validate() const;
};

// restore --to CHANGE -o FILE: the database as it was after the change, written to a new file.
struct RestoreRequest {
    std::string to;  // a change number; 0: before the first
    std::string output;
    static const Description<RestoreRequest>& description();
    void validate() const;
};

}  // namespace kizuna::app
