#pragma once
// The one place where an answer is printed: in the format the user chose (--format), through the
// answer's JSON or its views (views.h).
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "context.h"
#include "terminal_text.h"
#include "views.h"

namespace kizuna::cli {

template <typename Answer>
void print_answer(const Context& context, const Answer& answer) {
    switch (context.format) {
        case OutputFormat::Json:
            print_json(context.o(), nlohmann::json(answer));
            return;
        case OutputFormat::Csv:
            print_csv(context.o(), csv_rows(answer, context.lang));
            for (const auto& note : answer_notes(answer)) context.e() << "note: " << note << '\n';
            return;
        case OutputFormat::Table: {
            std::ostringstream table;
            print_table(table, answer, context.lang);
            context.o() << visible_text(table.str());
            return;
        }
    }
}

}  // namespace kizuna::cli
