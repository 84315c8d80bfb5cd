#pragma once
// The history's answers, with the JSON every front end prints (docs/history.md has their shapes).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kizuna/core/history.h"

namespace kizuna {

// {"seq", "at", "author", "command", "kind", "undoes", "undone_by", "files": [{"path", "sha256"}],
//  "changed": {"relation_types", "entity_kinds", "entities", "relations"}, "record_bytes"}
void to_json(nlohmann::json& out, const RecordedChange& change);
// {"seq", "what", "op", "id", "name", "fields": [{"field", "before", "after"}]}
void to_json(nlohmann::json& out, const RowChange& row);

}  // namespace kizuna

namespace kizuna::app {

struct LogAnswer {
    std::vector<RecordedChange> changes;
};
// {"changes": [change, ...]}
void to_json(nlohmann::json& out, const LogAnswer& answer);

struct DiffAnswer {
    std::int64_t first = 0, last = 0;
    std::vector<RecordedChange> changes;
    std::vector<RowChange> rows;  // the first of them, up to the request's limit
    std::size_t rows_total = 0;
};
// {"first", "last", "changes": [change, ...], "rows": [row, ...], "rows_total"}
void to_json(nlohmann::json& out, const DiffAnswer& answer);

struct UndoAnswer {
    bool dry_run = false;
    std::int64_t undone = 0;
    RecordedChange change;        // the new change (seq 0 on a dry run)
    std::vector<RowChange> rows;  // the first of them, up to the request's limit
    std::size_t rows_total = 0;
};
// {"dry_run", "undone", "change": change, "rows": [row, ...], "rows_total"}
void to_json(nlohmann::json& out, const UndoAnswer& answer);

struct RestoreAnswer {
    std::string path;
    std::int64_t to = 0;
    std::int64_t entities = 0, relations = 0;
};
// {"path", "to", "entities", "relations"}
void to_json(nlohmann::json& out, const RestoreAnswer& answer);

}  // namespace kizuna::app
