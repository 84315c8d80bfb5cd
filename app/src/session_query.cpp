// A session's queries in the query language: reading ones on one snapshot, writing ones in one
// transaction of the database opened for writing.
#include "kizuna/app/session.h"
#include "kizuna/cypher/errors.h"
#include "translate.h"

namespace kizuna::app {

cypher::QueryAnswer Session::answer(const QueryRequest& request) {
    const auto settings = QueryRequest::description().names();
    return translated(settings, [&] {
        request.validate();
        cypher::QueryRequest query;
        query.text = request.text;
        query.parameters = request.parameters;
        query.limits.timeout = std::chrono::milliseconds(request.timeout_ms);
        query.limits.max_rows = request.max_rows;
        query.limits.max_memory = request.max_memory_mib << 20;
        query.lang = request.lang;
        if (options_.cancelled) query.limits.cancelled = options_.cancelled;
        try {
            if (cypher::query_writes(query.text)) {
                if (!options_.writes_allowed) {
                    throw AppError(ErrorKind::Usage, {options_.writes_refused});
                }
                Store writing = open_writing();
                return cypher::answer_writing_query(writing, query);
            }
            const Snapshot data = snapshot();
            return cypher::answer_reading_query(data, query);
        } catch (const cypher::CypherError& e) {
            throw AppError(
                ErrorKind::Usage,
                settings_in(request.where + ": " + cypher::caret_message(query.text, e), settings));
        } catch (const cypher::LimitReached& e) {
            // The engine names the limit; each front end adds how it is set (--timeout, timeout=).
            const char* setting = e.limit() == cypher::LimitReached::Limit::Time     ? "timeout"
                                  : e.limit() == cypher::LimitReached::Limit::Rows   ? "max_rows"
                                  : e.limit() == cypher::LimitReached::Limit::Memory ? "max_memory"
                                                                                     : nullptr;
            const std::string said = request.where + ": stopped: " + std::string(e.what());
            if (setting == nullptr) throw AppError(ErrorKind::Limit, {said});
            throw AppError(ErrorKind::Limit, {said + " (", Setting{setting}, ")"});
        }
    });
}

}  // namespace kizuna::app
