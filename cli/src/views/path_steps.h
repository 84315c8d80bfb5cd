#pragma once
// Private to the path views (path_view.cpp, time_order_view.cpp): a connection printed hop by hop.
#include <ostream>
#include <string>
#include <vector>

#include "kizuna/queries/answers/path_answer.h"
#include "output.h"
#include "source_notes.h"

namespace kizuna::cli {

// Each entity on its line and, between them, the relation: its direction, type, dates, state, step_notes[i]
// when given (--in-time-order: "surely in order"), its sources' marks and its caveat.
void print_path_steps(std::ostream& out, const AnswerBook& book, const AnsweredPath& path, SourceNotes& notes,
                      const std::string& lang, const std::vector<std::string>& step_notes = {});

// --in-time-order's views (time_order_view.cpp). REQUIRES: answer.in_time_order.
void print_time_order_table(std::ostream& out, const PathAnswer& answer, const std::string& lang);
[[nodiscard]] CsvRows time_order_csv_rows(const PathAnswer& answer, const std::string& lang);
// Why there is none: a first line, then one per block. REQUIRES: no earliest arrival.
[[nodiscard]] std::vector<std::string> time_order_none(const PathAnswer& answer, const std::string& lang);
[[nodiscard]] std::vector<std::string> time_order_notes(const PathAnswer& answer, const std::string& lang);

}  // namespace kizuna::cli
