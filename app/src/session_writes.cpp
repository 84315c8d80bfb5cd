// A session's writes and exports: each opens the database for writing (or reading, to export) on its own,
// one transaction, all or nothing.
#include <nlohmann/json.hpp>

#include "kizuna/app/session.h"
#include "kizuna/importers/export.h"
#include "kizuna/importers/import_text.h"
#include "record_checks.h"
#include "translate.h"

namespace kizuna::app {

ExportAnswer Session::answer(const ExportRequest& request) {
    return translated(ExportRequest::description().names(), [&] {
        request.validate();
        const Store reading = open_for_reading(db_);
        export_database(reading, *parse_export_format(request.format), request.path);
        ExportAnswer answer{request.path, reading.entity_count(), reading.relation_count()};
        if (request.format == "csv" || request.format == "xlsx") {
            answer.redirects_left_out = reading.redirects().size();
            answer.relation_redirects_left_out = reading.relation_redirects().size();
            answer.judgements_left_out = reading.judgements().size();
        }
        return answer;
    });
}

ImportReport Session::answer(const ImportRequest& request) {
    return translated(ImportRequest::description().names(), [&] {
        request.validate();
        Store writing = request.dry_run            ? open_for_writing(db_)
                        : !request.uploads.empty() ? open_writing(request.uploads)
                                                   : open_writing(request.files);
        ImportOptions options;
        options.dry_run = request.dry_run;
        options.encoding = request.encoding;
        options.match_names = request.match == "names";
        options.progress = options_.import_progress;
        if (!request.records.empty()) return import_jsonl_text(writing, "records", request.records, options);
        if (!request.uploads.empty()) return import_files_in_memory(writing, request.uploads, options);
        const std::vector<std::filesystem::path> paths(request.files.begin(), request.files.end());
        return import_files(writing, paths, options);
    });
}

ImportReport Session::answer(const RecordRequest& request) {
    return translated(RecordRequest::description().names(), [&] {
        request.validate();
        const auto parsed = nlohmann::json::parse(request.json, nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object()) {
            throw AppError(ErrorKind::Usage, {Setting{"record"}, ": one JSON object, the " + request.kind +
                                                                     " (PRODUCT.md's shape)"});
        }
        // One line of JSON Lines: a line break inside JSON can only be white space between tokens (a
        // string may not hold one raw), so it becomes a space. The text itself is imported, not the
        // parsed object, so that a key given twice is refused as import refuses it.
        std::string line = "{\"" + request.kind + "\": " + request.json + "}";
        for (char& ch : line) {
            if (ch == '\n' || ch == '\r') ch = ' ';
        }
        require_sources(request.kind, parsed);
        Store writing = open_writing();
        // An id import would refuse (missing, not text) is left to import's own message.
        const auto id = parsed.find("id");
        if (id != parsed.end() && id->is_string()) {
            if (request.mode == "edit")
                refuse_stale(writing, request.kind, id->get<std::string>(), request.opened);
            else
                refuse_existing(writing, request.kind, id->get<std::string>());
        }
        return import_jsonl_text(writing, request.kind, line);
    });
}

}  // namespace kizuna::app
