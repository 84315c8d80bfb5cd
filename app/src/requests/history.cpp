// log, diff, undo, restore: the history of changes (core/history.h).
#include <charconv>
#include <limits>

#include "../fields.h"
#include "kizuna/app/history_requests.h"

namespace kizuna::app {

namespace {

// A change number: a whole number, at least least.
std::int64_t change_number(const std::string& setting, const std::string& text, std::int64_t least) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < least) {
        throw AppError(ErrorKind::Usage, {Setting{setting}, ": '" + text + "' is not a change number (" +
                                                                (least == 0 ? "0 or more" : "1 or more") +
                                                                "; kizuna log lists them)"});
    }
    return value;
}

// diff's and undo's --limit: the rows their answers list.
template <typename R>
Field<R> rows_limit() {
    return fields::count<R>({.name = "limit",
                             .help = "list at most this many rows (all are counted; 0: only the counts)",
                             .placeholder = "N",
                             .least = 0,
                             .most = std::numeric_limits<std::uint32_t>::max(),
                             .default_value = std::to_string(kListedRows)},
                            &R::limit);
}

}  // namespace

const Description<LogRequest>& LogRequest::description() {
    using R = LogRequest;
    static const Description<R> description{
        "log",
        "the history of changes: who changed what, when, with which command and files",
        "Every write is one change: imports, queries that write, records written through kizuna serve, "
        "and undos. Each has a number, the time (UTC), its author (--author, else $KIZUNA_AUTHOR, else the "
        "system user), the command, the files imported with their SHA-256, and how many rows it changed.\n\n"
        "Examples:\n"
        "  kizuna log                              every change, oldest first\n"
        "  kizuna log --entity vn-moh              the changes to Vietnam's MOH and its relations\n"
        "  kizuna log --since 2026-03 --author ana changes by ana from March 2026 on\n"
        "  kizuna diff 7                           what change 7 did, field by field\n"
        "  kizuna undo 7 --dry-run                 what undoing it would do",
        {fields::text<R>({.name = "entity",
                          .help = "only changes to this entity (id or any name) or its relations",
                          .placeholder = "ENTITY"},
                         &R::entity),
         {{.name = "since",
           .type = ParamType::Date,
           .help = "only changes made on or after this date (UTC)",
           .placeholder = "DATE"},
          [](R& request, const std::string& value) {
              (void)fields::parse_date("since", value);
              request.since = value;
          }},
         fields::text<R>({.name = "author", .help = "only changes by this author", .placeholder = "NAME"},
                         &R::author)}};
    return description;
}

void LogRequest::validate() const {
    if (!since.empty()) (void)fields::parse_date("since", since);
}

const Description<DiffRequest>& DiffRequest::description() {
    using R = DiffRequest;
    static const Description<R> description{
        "diff",
        "what a change (or the changes A..B) did to entities, relations, types and kinds, field by field",
        "Each row changed: added, changed or removed, its id and name (a relation: its ends), and each field "
        "before and after. A bulk load (thousands of rows into an empty database) is one line: its rows "
        "were not recorded one by one.\n\n"
        "Examples:\n"
        "  kizuna diff 7                 what change 7 did\n"
        "  kizuna diff 3..7              what changes 3 to 7 did, in order\n"
        "  kizuna diff 7 --format json   the same for a script\n"
        "  kizuna diff 7 --limit 0       only how many rows it changed (a large import's: all of them "
        "with --limit 2000000)",
        {fields::text<R>({.name = "changes",
                          .help = "a change number, or A..B for changes A to B (kizuna log lists them)",
                          .placeholder = "CHANGE",
                          .positional = true,
                          .required = true},
                         &R::changes),
         rows_limit<R>()}};
    return description;
}

std::pair<std::int64_t, std::int64_t> DiffRequest::range() const {
    const auto dots = changes.find("..");
    if (dots == std::string::npos) {
        const std::int64_t one = change_number("changes", changes, 1);
        return {one, one};
    }
    const std::int64_t first = change_number("changes", changes.substr(0, dots), 1);
    const std::int64_t last = change_number("changes", changes.substr(dots + 2), 1);
    if (last < first) {
        throw AppError(
            ErrorKind::Usage,
            {Setting{"changes"}, ": " + changes + " runs backwards; write the earlier change first"});
    }
    return {first, last};
}

void DiffRequest::validate() const {
    (void)range();
    fields::check_count(description().find("limit")->param, limit);
}

const Description<UndoRequest>& UndoRequest::description() {
    using R = UndoRequest;
    static const Description<R> description{
        "undo",
        "take a change back: its inverse is applied as a new change",
        "Refused, naming them, when later changes touched the same rows (undo those first, newest first). "
        "Undoing a bulk load empties the database's entities and relations again. An undo is a change like "
        "any other: it shows in kizuna log, and can itself be undone.\n\n"
        "Examples:\n"
        "  kizuna undo 7 --dry-run       what undoing change 7 would do; nothing is written\n"
        "  kizuna undo 7                 undo it\n"
        "  kizuna undo 8                 undo the undo (change 8): change 7 again",
        {fields::text<R>({.name = "change",
                          .help = "the change to undo (kizuna log lists them)",
                          .placeholder = "CHANGE",
                          .positional = true,
                          .required = true},
                         &R::change),
         fields::flag<R>({.name = "dry_run", .help = "show what the undo would do; write nothing"},
                         &R::dry_run),
         rows_limit<R>()}};
    return description;
}

void UndoRequest::validate() const {
    (void)change_number("change", change, 1);
    fields::check_count(description().find("limit")->param, limit);
}

const Description<RestoreRequest>& RestoreRequest::description() {
    using R = RestoreRequest;
    static const Description<R> description{
        "restore",
        "write the database as it was after a change to a new file (the database itself is not touched)",
        "The new file holds the data and the history up to that change, for audits and for answering "
        "\"what did we know then\" with every other command (--db old.db).\n\n"
        "Examples:\n"
        "  kizuna restore --to 12 -o march.db            the data as change 12 left it\n"
        "  kizuna --db march.db partners vn-moh          asked of that state\n"
        "  kizuna restore --to 0 -o before.db            before the first change",
        {fields::text<R>({.name = "to",
                          .help = "the change after which to take the data (0: before the first)",
                          .placeholder = "CHANGE",
                          .required = true},
                         &R::to),
         fields::text<R>({.name = "output",
                          .help = "the new database file (must not exist)",
                          .placeholder = "FILE",
                          .short_name = "o",
                          .required = true},
                         &R::output)}};
    return description;
}

void RestoreRequest::validate() const {
    (void)change_number("to", to, 0);
    if (output.empty()) throw AppError(ErrorKind::Usage, {Setting{"output"}, " is required"});
}

}  // namespace kizuna::app
