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

// The answer in the chosen format, to standard output or to -o FILE (written whole, then renamed into
// place, so a failed write leaves no half file).
template <typename Answer>
void print_answer(const Context& context, const Answer& answer) {
    std::ostringstream text;
    switch (context.format) {
        case OutputFormat::Json:
            print_json(text, nlohmann::json(answer));
            break;
        case OutputFormat::Csv:
            if (!context.output.empty() && context.bom) text << "\xEF\xBB\xBF";
            print_csv(text, csv_rows(answer, context.lang));
            for (const auto& note : answer_notes(answer)) context.e() << "note: " << note << '\n';
            break;
        case OutputFormat::Table: {
            std::ostringstream table;
            print_table(table, answer, context.lang);
            text << visible_text(table.str());
            break;
        }
    }
    if (context.output.empty() || context.output == "-") {
        context.o() << text.str();
    } else {
        write_file_atomically(context.output, text.str());
    }
}

}  // namespace kizuna::cli
