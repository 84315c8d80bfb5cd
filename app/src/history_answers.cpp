// The history's answers as JSON (docs/history.md).
#include "kizuna/app/history_answers.h"

namespace kizuna {

void to_json(nlohmann::json& out, const RecordedChange& change) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& file : change.files) files.push_back({{"path", file.path}, {"sha256", file.sha256}});
    out = {{"seq", change.seq},
           {"at", change.at},
           {"author", change.author},
           {"command", change.command},
           {"kind", change.kind},
           {"undoes", change.undoes ? nlohmann::json(*change.undoes) : nlohmann::json()},
           {"undone_by", change.undone_by ? nlohmann::json(*change.undone_by) : nlohmann::json()},
           {"files", files},
           {"changed",
            {{"relation_types", change.counts.types_changed},
             {"entity_kinds", change.counts.kinds_changed},
             {"entities", change.counts.entities_changed},
             {"relations", change.counts.relations_changed},
             {"redirects_and_judgements", change.counts.links_changed}}},
           {"record_bytes", change.record_bytes}};
}

void to_json(nlohmann::json& out, const RowChange& row) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& field : row.fields) {
        fields.push_back({{"field", field.field},
                          {"before", field.before ? nlohmann::json(*field.before) : nlohmann::json()},
                          {"after", field.after ? nlohmann::json(*field.after) : nlohmann::json()}});
    }
    out = {{"seq", row.seq}, {"what", row.what}, {"op", row.op},
           {"id", row.id},   {"name", row.name}, {"fields", fields}};
}

}  // namespace kizuna

namespace kizuna::app {

void to_json(nlohmann::json& out, const LogAnswer& answer) { out = {{"changes", answer.changes}}; }

void to_json(nlohmann::json& out, const DiffAnswer& answer) {
    out = {{"first", answer.first},
           {"last", answer.last},
           {"changes", answer.changes},
           {"rows", answer.rows},
           {"rows_total", answer.rows_total}};
}

void to_json(nlohmann::json& out, const UndoAnswer& answer) {
    out = {{"dry_run", answer.dry_run},
           {"undone", answer.undone},
           {"change", answer.change},
           {"rows", answer.rows},
           {"rows_total", answer.rows_total}};
}

void to_json(nlohmann::json& out, const RestoreAnswer& answer) {
    out = {{"path", answer.path},
           {"to", answer.to},
           {"entities", answer.entities},
           {"relations", answer.relations}};
}

}  // namespace kizuna::app
