#pragma once
// The table and CSV views of every answer (the JSON view is the answer's own to_json, shared with the
// HTTP API). A table is for people: names in the chosen language, arrows, numbered sources under it. A
// CSV is for spreadsheets and scripts: one row per relation or entity, ids beside names.
#include <iosfwd>
#include <string>

#include "database_summary.h"
#include "kizuna/app/dedupe_answers.h"
#include "kizuna/app/history_answers.h"
#include "kizuna/cypher/query_answer.h"
#include "kizuna/importers/import.h"
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
#include "output.h"

namespace kizuna::cli {

void print_table(std::ostream& out, const SearchAnswer& answer, const std::string& lang);
CsvRows csv_rows(const SearchAnswer& answer, const std::string& lang);

void print_table(std::ostream& out, const EntityAnswer& answer, const std::string& lang);
CsvRows csv_rows(const EntityAnswer& answer, const std::string& lang);
void print_table(std::ostream& out, const RelationAnswer& answer, const std::string& lang);
CsvRows csv_rows(const RelationAnswer& answer, const std::string& lang);

void print_table(std::ostream& out, const EntityListAnswer& answer, const std::string& lang);
CsvRows csv_rows(const EntityListAnswer& answer, const std::string& lang);
void print_table(std::ostream& out, const RelationListAnswer& answer, const std::string& lang);
CsvRows csv_rows(const RelationListAnswer& answer, const std::string& lang);

void print_table(std::ostream& out, const PartnersAnswer& answer, const std::string& lang);
CsvRows csv_rows(const PartnersAnswer& answer, const std::string& lang);

void print_table(std::ostream& out, const PathAnswer& answer, const std::string& lang);
CsvRows csv_rows(const PathAnswer& answer, const std::string& lang);

void print_table(std::ostream& out, const CommonAnswer& answer, const std::string& lang);
CsvRows csv_rows(const CommonAnswer& answer, const std::string& lang);

void print_table(std::ostream& out, const EgoAnswer& answer, const std::string& lang);
CsvRows csv_rows(const EgoAnswer& answer, const std::string& lang);

void print_table(std::ostream& out, const EntityTimelineAnswer& answer, const std::string& lang);
CsvRows csv_rows(const EntityTimelineAnswer& answer, const std::string& lang);
void print_table(std::ostream& out, const ChangesAnswer& answer, const std::string& lang);
CsvRows csv_rows(const ChangesAnswer& answer, const std::string& lang);

void print_table(std::ostream& out, const StatsAnswer& answer, const std::string& lang);
CsvRows csv_rows(const StatsAnswer& answer, const std::string& lang);

void print_table(std::ostream& out, const CommunitiesAnswer& answer, const std::string& lang);
CsvRows csv_rows(const CommunitiesAnswer& answer, const std::string& lang);

void print_table(std::ostream& out, const StateChangesAnswer& answer, const std::string& lang);
CsvRows csv_rows(const StateChangesAnswer& answer, const std::string& lang);

void print_table(std::ostream& out, const ImportReport& answer, const std::string& lang);
CsvRows csv_rows(const ImportReport& answer, const std::string& lang);

void print_table(std::ostream& out, const DatabaseSummary& answer, const std::string& lang);
CsvRows csv_rows(const DatabaseSummary& answer, const std::string& lang);

void print_table(std::ostream& out, const cypher::QueryAnswer& answer, const std::string& lang);
CsvRows csv_rows(const cypher::QueryAnswer& answer, const std::string& lang);

// The history (history_view.cpp).
void print_table(std::ostream& out, const app::LogAnswer& answer, const std::string& lang);
CsvRows csv_rows(const app::LogAnswer& answer, const std::string& lang);
void print_table(std::ostream& out, const app::DiffAnswer& answer, const std::string& lang);
CsvRows csv_rows(const app::DiffAnswer& answer, const std::string& lang);
void print_table(std::ostream& out, const app::UndoAnswer& answer, const std::string& lang);
CsvRows csv_rows(const app::UndoAnswer& answer, const std::string& lang);
void print_table(std::ostream& out, const app::RestoreAnswer& answer, const std::string& lang);
CsvRows csv_rows(const app::RestoreAnswer& answer, const std::string& lang);

// Duplicates and merges (dedupe_view.cpp).
void print_table(std::ostream& out, const app::DuplicatesAnswer& answer, const std::string& lang);
CsvRows csv_rows(const app::DuplicatesAnswer& answer, const std::string& lang);
void print_table(std::ostream& out, const app::MergeAnswer& answer, const std::string& lang);
CsvRows csv_rows(const app::MergeAnswer& answer, const std::string& lang);
void print_table(std::ostream& out, const app::NotDuplicatesAnswer& answer, const std::string& lang);
CsvRows csv_rows(const app::NotDuplicatesAnswer& answer, const std::string& lang);

// What an answer leaves out or cannot say in its rows (left_out_notes and the like): printed under the
// table, and on standard error beside CSV. Answers without such notes have none.
template <typename Answer>
std::vector<std::string> answer_notes(const Answer&, const std::string& = "en") {
    return {};
}
std::vector<std::string> answer_notes(const PartnersAnswer& answer, const std::string& lang = "en");
std::vector<std::string> answer_notes(const RelationListAnswer& answer, const std::string& lang = "en");
std::vector<std::string> answer_notes(const PathAnswer& answer, const std::string& lang = "en");
std::vector<std::string> answer_notes(const CommonAnswer& answer, const std::string& lang = "en");
std::vector<std::string> answer_notes(const EgoAnswer& answer, const std::string& lang = "en");
std::vector<std::string> answer_notes(const EntityTimelineAnswer& answer, const std::string& lang = "en");
std::vector<std::string> answer_notes(const ChangesAnswer& answer, const std::string& lang = "en");
std::vector<std::string> answer_notes(const StatsAnswer& answer, const std::string& lang = "en");
std::vector<std::string> answer_notes(const CommunitiesAnswer& answer, const std::string& lang = "en");
std::vector<std::string> answer_notes(const StateChangesAnswer& answer, const std::string& lang = "en");
// diff and undo: the rows past --limit.
std::vector<std::string> answer_notes(const app::DiffAnswer& answer, const std::string& lang = "en");
std::vector<std::string> answer_notes(const app::UndoAnswer& answer, const std::string& lang = "en");
// import --match names: the proposed merges (CSV keeps its rows of counts).
std::vector<std::string> answer_notes(const ImportReport& answer, const std::string& lang = "en");

// Answers that are one of several kinds: the view of the kind they hold.
template <typename... Kinds>
void print_table(std::ostream& out, const std::variant<Kinds...>& answer, const std::string& lang) {
    std::visit([&](const auto& held) { print_table(out, held, lang); }, answer);
}
template <typename... Kinds>
CsvRows csv_rows(const std::variant<Kinds...>& answer, const std::string& lang) {
    return std::visit([&](const auto& held) { return csv_rows(held, lang); }, answer);
}
template <typename... Kinds>
std::vector<std::string> answer_notes(const std::variant<Kinds...>& answer, const std::string& lang = "en") {
    return std::visit([&](const auto& held) { return answer_notes(held, lang); }, answer);
}

}  // namespace kizuna::cli
