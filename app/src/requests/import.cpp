// import FILE…: check and load files in one transaction; and one record given in memory.
#include "../fields.h"

namespace kizuna::app {

const Description<ImportRequest>& ImportRequest::description() {
    using R = ImportRequest;
    static const Description<R> description{
        "import",
        "load entities and relations from CSV, JSON Lines, GraphML or xlsx",
        "Formats by extension: .csv (entities.csv, relations.csv, relation_types.csv: the kind is told by "
        "the "
        "header; also tab-separated .txt/.tsv as Excel's Unicode text), .jsonl/.ndjson, .graphml/.xml, .xlsx "
        "(the sheets export --format xlsx writes). CSV in CP932 (Japanese Excel) or UTF-16 is detected and "
        "converted; a note says so. Everything is checked before anything is committed; any problem is "
        "reported as file:line: message, exit 3, and nothing is written. Re-importing the same rows changes "
        "nothing; a changed row updates in place (upsert by id).",
        {fields::list<R>({.name = "files",
                          .help = "files or folders (a folder: its *.csv files)",
                          .placeholder = "FILE",
                          .positional = true,
                          .required = true},
                         &R::files),
         fields::flag<R>({.name = "dry_run", .help = "validate only; write nothing"}, &R::dry_run),
         fields::text<R>(
             {.name = "encoding",
              .help = "the CSV files' encoding: UTF-8, CP932 (Shift_JIS), UTF-16LE/BE or UTF-32LE/BE "
                      "(default: told by each file)",
              .placeholder = "ENC"},
             &R::encoding),
         fields::choice<R>({.name = "match",
                            .help = "names: report new entities whose names (folded, any language) existing "
                                    "entities have, as proposed merges; nothing is merged",
                            .placeholder = "WHAT",
                            .choices = {"names"}},
                           &R::match)}};
    return description;
}

void ImportRequest::validate() const {
    const int given = (files.empty() ? 0 : 1) + (records.empty() ? 0 : 1) + (uploads.empty() ? 0 : 1);
    if (given == 0) throw AppError(ErrorKind::Usage, {Setting{"files"}, ": give at least one file"});
    if (given > 1)
        throw AppError(ErrorKind::Usage,
                       {"files, records or files in memory: one of them, not more, for ", Setting{"files"}});
}

const Description<RecordRequest>& RecordRequest::description() {
    using R = RecordRequest;
    static const Description<R> description{
        "record",
        "write one record (an entity, relation, relation type or entity kind) as an import writes it",
        "The record is the object of a JSON Lines line ({\"entity\": RECORD}); it is checked as an import's "
        "are, and written in one transaction. An add refuses an id that exists; an edit replaces the "
        "record, and only while it is still as opened (the record as it was read) when that is given.",
        {fields::choice<R>({.name = "kind",
                            .help = "what the record is: entity, relation, type or kind",
                            .placeholder = "KIND",
                            .choices = {"entity", "relation", "type", "kind"},
                            .positional = true,
                            .required = true},
                           &R::kind),
         fields::text<R>({.name = "record",
                          .help = "the record as one JSON object",
                          .placeholder = "JSON",
                          .required = true},
                         &R::json),
         fields::choice<R>({.name = "mode",
                            .help = "add (refused when the id exists) or edit (the record exists)",
                            .placeholder = "MODE",
                            .choices = {"add", "edit"}},
                           &R::mode),
         fields::text<R>({.name = "opened",
                          .help = "edit: the record as it was read; refused when the stored one differs",
                          .placeholder = "JSON"},
                         &R::opened)}};
    return description;
}

void RecordRequest::validate() const {
    fields::check_choice(description().find("kind")->param, kind);
    fields::check_choice(description().find("mode")->param, mode);
    if (!opened.empty() && mode != "edit")
        throw AppError(ErrorKind::Usage, {Setting{"opened"}, " is an edit's: give it with mode edit"});
    if (!opened.empty() && kind != "entity" && kind != "relation")
        throw AppError(ErrorKind::Usage, {Setting{"opened"}, " is taken for an entity or a relation"});
}

}  // namespace kizuna::app
