#pragma once
// The answers a Session gives: the typed answers of queries/ (each with its to_json, the JSON every
// front end prints), the query language's, an import's, and the two of this layer (a diagram, an
// export).
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "kizuna/cypher/query_answer.h"
#include "kizuna/importers/import.h"
#include "kizuna/queries/answers/brief_answer.h"
#include "kizuna/queries/answers/common_answer.h"
#include "kizuna/queries/answers/communities_answer.h"
#include "kizuna/queries/answers/ego_answer.h"
#include "kizuna/queries/answers/list_answer.h"
#include "kizuna/queries/answers/partners_answer.h"
#include "kizuna/queries/answers/path_answer.h"
#include "kizuna/queries/answers/search_answer.h"
#include "kizuna/queries/answers/show_answer.h"
#include "kizuna/queries/answers/state_changes_answer.h"
#include "kizuna/queries/answers/stats_answer.h"
#include "kizuna/queries/answers/timeline_answer.h"

namespace kizuna {

// `list`: entities, or relations. (ShowAnswer and TimelineAnswer are of the same kind.)
using ListAnswer = std::variant<EntityListAnswer, RelationListAnswer>;
// JSON: the answer held.
void to_json(nlohmann::json& out, const ListAnswer& answer);

}  // namespace kizuna

namespace kizuna::app {

// A drawn diagram: its bytes in the request's format, and what it holds and left out.
struct RenderAnswer {
    std::string bytes;
    std::string format;  // svg, png, pdf or dot
    std::string content_type;
    std::size_t entities = 0, relations = 0;
    LeftOut left_out;
};

// A partner introduction sheet: its content, and the sheet in the request's format (html: one
// self-contained page, styles and diagram inline; pdf: that page printed on A4 landscape; json: none).
struct SheetAnswer {
    BriefAnswer brief;
    std::string bytes;
    std::string format;
    std::string content_type;
    std::size_t diagram_entities = 0, diagram_relations = 0;
};
// JSON: the brief's (queries/answers/brief_answer.h).
void to_json(nlohmann::json& out, const SheetAnswer& answer);

// What an export wrote.
struct ExportAnswer {
    std::string path;
    std::int64_t entities = 0, relations = 0;
    // What a CSV or xlsx export cannot hold (JSON Lines and GraphML keep them): a merge's redirects and
    // folded relations, and not-duplicates judgements; all 0 for those formats.
    std::size_t redirects_left_out = 0, relation_redirects_left_out = 0, judgements_left_out = 0;
};
// JSON: {"path", "entities", "relations"}, and "left_out": {"redirects", "relation_redirects",
// "not_duplicates"} when a CSV or xlsx export left some out.
void to_json(nlohmann::json& out, const ExportAnswer& answer);

}  // namespace kizuna::app
