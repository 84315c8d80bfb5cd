#include "kizuna/core/csv_format.h"

#include <csv.h>

namespace kizuna {

std::string format_csv_row(const std::vector<std::string>& fields) {
    std::string row;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string& field = fields[i];
        if (i > 0) row += ',';
        const bool needs_quotes = field.find_first_of(",\"\r\n") != std::string::npos ||
                                  (!field.empty() && (field.front() == ' ' || field.back() == ' '));
        if (!needs_quotes) {
            row += field;
            continue;
        }
        // libcsv quotes and doubles embedded quotes; a field at most doubles in size, plus the quotes.
        std::string quoted(2 * field.size() + 2, '\0');
        quoted.resize(csv_write(quoted.data(), quoted.size(), field.data(), field.size()));
        row += quoted;
    }
    row += "\r\n";
    return row;
}

}  // namespace kizuna
