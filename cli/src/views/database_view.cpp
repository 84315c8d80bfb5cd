// import and init: what was read and changed; which database and how large.
#include <ostream>

#include "views.h"
#include "words.h"

namespace kizuna::cli {

void print_table(std::ostream& out, const ImportReport& report, const std::string&) {
    out << (report.dry_run ? "valid: " : "read ") << thousands(report.entities_read) << " entities, "
        << thousands(report.relations_read) << " relations, " << thousands(report.types_read)
        << " relation types";
    if (report.kinds_read > 0) out << ", " << thousands(report.kinds_read) << " entity kinds";
    if (report.redirects_read + report.judgements_read > 0)
        out << ", " << thousands(report.redirects_read) << " redirects, " << thousands(report.judgements_read)
            << " not-duplicate judgements";
    if (report.dry_run) {
        out << " (dry run: nothing written)\n";
    } else {
        out << "; changed " << thousands(report.changed.entities_changed) << " entities, "
            << thousands(report.changed.relations_changed) << " relations, "
            << thousands(report.changed.types_changed) << " relation types";
        if (report.kinds_read > 0) out << ", " << thousands(report.changed.kinds_changed) << " entity kinds";
        out << "\n";
    }
    if (report.relations_merged_away > 0) {
        out << "left out " << thousands(report.relations_merged_away)
            << " relations that merges folded into others or removed\n";
    }
    if (!report.names_matched) return;
    if (report.proposed_merges.empty()) {
        out << "no new entity has the name of an existing one\n";
        return;
    }
    out << "proposed merges (nothing merged; kizuna merge KEEP OTHER --dry-run shows what one would do):\n";
    for (const auto& merge : report.proposed_merges) {
        out << "  " << merge.place << ": new " << merge.incoming << " and existing " << merge.existing
            << " are both named '" << merge.name << "'\n";
    }
}

std::vector<std::string> answer_notes(const ImportReport& report, const std::string&) {
    std::vector<std::string> out;
    for (const auto& merge : report.proposed_merges) {
        out.push_back("proposed merge: " + merge.place + ": new " + merge.incoming + " and existing " +
                      merge.existing + " are both named '" + merge.name + "'");
    }
    return out;
}

CsvRows csv_rows(const ImportReport& report, const std::string&) {
    return {
        {"rows", "read", "changed"},
        {"relation_types", std::to_string(report.types_read), std::to_string(report.changed.types_changed)},
        {"entity_kinds", std::to_string(report.kinds_read), std::to_string(report.changed.kinds_changed)},
        {"entities", std::to_string(report.entities_read), std::to_string(report.changed.entities_changed)},
        {"relations", std::to_string(report.relations_read),
         std::to_string(report.changed.relations_changed)}};
}

void print_table(std::ostream& out, const DatabaseSummary& summary, const std::string&) {
    out << (summary.created ? "created " : "opened existing ") << summary.database << " (schema v"
        << summary.schema_version << ", " << summary.entities << " entities, " << summary.relations
        << " relations)\n";
}

CsvRows csv_rows(const DatabaseSummary& summary, const std::string&) {
    return {{"database", "created", "schema_version", "entities", "relations"},
            {summary.database, summary.created ? "true" : "false", std::to_string(summary.schema_version),
             std::to_string(summary.entities), std::to_string(summary.relations)}};
}

}  // namespace kizuna::cli
