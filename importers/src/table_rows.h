#pragma once
// Private to importers: the four tables of Kizuna's CSV format (and of the xlsx workbook's sheets) and
// the turning of one row of named cells into a value of the batch.
#include <optional>
#include <string>
#include <vector>

#include "batch.h"

namespace kizuna::importers {

enum class Table { Types, Kinds, Entities, Relations };

// The columns a table may have, in the order exports write them.
[[nodiscard]] const std::vector<std::string>& table_columns(Table table);

// What a CSV file holds, told by its header (the file's name tells relation types from kinds when the
// header does not).
[[nodiscard]] std::optional<Table> table_of(const std::vector<std::string>& header, const std::string& file);

// Reports unknown, repeated and missing columns of a header at `place`; true when there are none.
bool check_columns(Table table, const std::vector<std::string>& header, const Place& place,
                   Problems& problems);

// One row's cells by column name (a column not in the header reads as empty).
class RowReader {
  public:
    RowReader(const std::vector<std::string>& header, const std::vector<std::string>& row)
        : header_(header), row_(row) {}
    const std::string& operator[](const std::string& column) const;

  private:
    const std::vector<std::string>& header_;
    const std::vector<std::string>& row_;
};

// Appends the row's value to the batch. Throws InvalidDataError naming what is wrong in the row.
void read_row(Table table, const RowReader& row, const Place& place, Batch& batch);

}  // namespace kizuna::importers
