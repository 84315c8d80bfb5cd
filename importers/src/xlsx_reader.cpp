// Reads an xlsx workbook: the sheets `export --format xlsx` writes (entities, relations, relation_types,
// entity_kinds, sources), also after Excel, LibreOffice or another program has edited and saved it. Cells
// may hold shared or inline strings, numbers, booleans or dates typed as dates (numbers whose format
// shows a date: read as ISO dates to the precision the format shows, "mmm-yy" as 2014-03). Problems
// name the cell: "book.xlsx:relations!F12: message".
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "batch.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/partial_date.h"
#include "kizuna/core/validation.h"
#include "table_rows.h"
#include "xlsx_package.h"

namespace kizuna::importers {

namespace {

// A formula whose result the workbook does not hold (openpyxl writes formulas without computing them).
constexpr const char* kUncalculated =
    "the cell holds a formula without its result (a program saved it uncalculated): type the value, or "
    "open and save the workbook in Excel or LibreOffice";

constexpr std::uint32_t kMostColumns = 16384;  // Excel's XFD

// "A" -> 1, "AB" -> 28; the letters of a cell reference ("AB12").
std::uint32_t column_of(const std::string& reference) {
    std::uint32_t column = 0;
    for (char c : reference) {
        if (c < 'A' || c > 'Z') break;
        column = column * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
        if (column > kMostColumns) return 0;
    }
    return column;
}

std::string number_text(double number) {
    char buffer[40];
    if (std::floor(number) == number && std::fabs(number) < 1e15) {
        std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(number));
        return buffer;
    }
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, number).ptr;  // shortest exact form
    return std::string(buffer, end);
}

// A spreadsheet date serial as an ISO date to the precision shown. Throws InvalidDataError.
std::string serial_date(double serial, bool date1904, DateShown shown) {
    using namespace std::chrono;
    constexpr double kLastDay = 2958465;  // 9999-12-31, the last day a spreadsheet shows
    const int whole = serial >= 0 && serial <= kLastDay ? static_cast<int>(std::floor(serial)) : -1;
    sys_days day;
    if (date1904 && whole >= 0) {
        day = sys_days{year{1904} / 1 / 1} + days{whole};
    } else if (!date1904 && whole >= 61) {
        day = sys_days{year{1899} / 12 / 30} + days{whole};
    } else if (!date1904 && whole >= 1 && whole != 60) {
        day = sys_days{year{1899} / 12 / 31} + days{whole};  // Lotus 1-2-3's 29 February 1900 is day 60
    } else {
        throw InvalidDataError("the date serial " + number_text(serial) +
                               " is no day (spreadsheet dates start in 1900): type the date as text");
    }
    const year_month_day date{day};
    char buffer[16];
    const int y = static_cast<int>(date.year());
    const unsigned m = static_cast<unsigned>(date.month()), d = static_cast<unsigned>(date.day());
    if (shown == DateShown::Year) {
        std::snprintf(buffer, sizeof buffer, "%04d", y);
    } else if (shown == DateShown::Month) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02u", y, m);
    } else {
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", y, m, d);
    }
    return buffer;
}

struct Cell {
    std::uint32_t column = 0;
    std::string value;
};

struct Row {
    std::size_t number = 0;
    std::vector<Cell> cells;  // the non-empty ones, in column order
};

// Reads a sheet's rows one at a time; a cell whose value cannot be read is a problem at the cell.
class SheetRows {
  public:
    SheetRows(const XlsxPackage& package, const XlsxPackage::Sheet& sheet,
              std::shared_ptr<const std::string> place_name, Problems& problems)
        : package_(package),
          xml_(package.open(sheet.part)),
          name_(std::move(place_name)),
          problems_(problems) {}

    // The next row with a cell, or false at the end of the sheet.
    bool next(Row& row) {
        while (xml_->next()) {
            if (!xml_->is_start() || xml_->name() != "row") continue;
            const auto r = xml_->attribute("r");
            row_number_ = r ? std::strtoull(r->c_str(), nullptr, 10) : row_number_ + 1;
            row.number = row_number_;
            row.cells.clear();
            if (!xml_->is_empty()) read_cells(row);
            if (!row.cells.empty()) return true;
        }
        return false;
    }

  private:
    void read_cells(Row& row) {
        const int depth = xml_->depth();
        std::uint32_t column = 0;
        while (xml_->next()) {
            if (xml_->is_end() && xml_->depth() == depth) return;
            if (!xml_->is_start() || xml_->name() != "c") continue;
            const auto reference = xml_->attribute("r");
            column = reference ? column_of(*reference) : column + 1;
            const std::string type = xml_->attribute("t").value_or("n");
            const auto style = static_cast<std::size_t>(
                std::strtoull(xml_->attribute("s").value_or("0").c_str(), nullptr, 10));
            std::string raw, inline_text;
            bool has_value = false, formula = false;
            if (!xml_->is_empty()) {
                const int cell_depth = xml_->depth();
                while (xml_->next()) {
                    if (xml_->is_end() && xml_->depth() == cell_depth) break;
                    if (!xml_->is_start()) continue;
                    const std::string name = xml_->name();
                    if (name == "v" && !xml_->is_empty()) {
                        has_value = true;
                        while (xml_->next() && !xml_->is_end()) {
                            if (xml_->is_text()) raw += xml_->value();
                        }
                    } else if (name == "is") {
                        has_value = true;
                        inline_text = read_string_item(*xml_);
                    } else if (name == "f") {
                        formula = true;
                    }
                }
            }
            if (formula && raw.empty() && inline_text.empty() && column != 0) {
                problems_.add(Place(name_, row.number, column), kUncalculated);
                continue;
            }
            if (!has_value) continue;
            const Place place(name_, row.number, column);
            if (column == 0) {
                problems_.add(Place(name_, row.number, 1), "a cell beyond column XFD");
                continue;
            }
            try {
                std::string value = cell_value(type, raw, inline_text, style);
                if (!value.empty()) row.cells.push_back({column, std::move(value)});
            } catch (const InvalidDataError& e) {
                problems_.add(place, e.what());
            }
        }
    }

    std::string cell_value(const std::string& type, const std::string& raw, std::string& inline_text,
                           std::size_t style) const {
        if (type == "s") {
            std::size_t index = 0;
            const auto parsed = std::from_chars(raw.data(), raw.data() + raw.size(), index);
            if (parsed.ec != std::errc() || index >= package_.shared_strings().size())
                throw InvalidDataError("the cell names shared string " + raw + ", which the workbook lacks");
            return package_.shared_strings()[index];
        }
        if (type == "inlineStr") return std::move(inline_text);
        if (type == "str") return raw;  // a formula's text result
        if (type == "b") return raw == "1" ? "true" : "false";
        if (type == "e") throw InvalidDataError("the cell holds the error " + raw + ": give it a value");
        if (type == "d") {  // an ISO 8601 date-time
            const DateShown shown = package_.date_shown(style);
            const std::size_t length = shown == DateShown::Year ? 4 : shown == DateShown::Month ? 7 : 10;
            return raw.substr(0, std::min(length, raw.find('T')));
        }
        if (raw.empty()) throw InvalidDataError(kUncalculated);  // <v></v>: a formula's result not saved
        double number = 0;
        const auto parsed = std::from_chars(raw.data(), raw.data() + raw.size(), number);
        if (parsed.ec != std::errc() || parsed.ptr != raw.data() + raw.size())
            throw InvalidDataError("the cell's number '" + raw + "' does not read as a number");
        const DateShown shown = package_.date_shown(style);
        if (shown != DateShown::None) return serial_date(number, package_.date1904(), shown);
        return number_text(number);
    }

    const XlsxPackage& package_;
    std::unique_ptr<XmlPart> xml_;
    std::shared_ptr<const std::string> name_;
    Problems& problems_;
    std::size_t row_number_ = 0;
};

// A sheet's header: its column names by column (1-based), with the columns read and those ignored.
struct Header {
    std::vector<std::string> names;              // the columns read, in order
    std::map<std::uint32_t, std::size_t> index;  // cell column -> position in names
    std::set<std::uint32_t> ignored;             // columns written for people (a relation's ends' names)
};

Header read_header(const Row& row, const std::vector<std::string>& ignored_names) {
    Header header;
    for (const auto& cell : row.cells) {
        if (std::find(ignored_names.begin(), ignored_names.end(), cell.value) != ignored_names.end()) {
            header.ignored.insert(cell.column);
            continue;
        }
        header.index[cell.column] = header.names.size();
        header.names.push_back(cell.value);
    }
    return header;
}

// A row's cells in the header's column order; a value outside every column is a problem.
bool row_fields(const Row& row, const Header& header, const std::shared_ptr<const std::string>& name,
                Problems& problems, std::vector<std::string>& fields) {
    fields.assign(header.names.size(), std::string());
    bool ok = true;
    for (const auto& cell : row.cells) {
        if (header.ignored.count(cell.column)) continue;
        const auto found = header.index.find(cell.column);
        if (found == header.index.end()) {
            problems.add(Place(name, row.number, cell.column), "a value in a column without a header");
            ok = false;
            continue;
        }
        try {
            validate_text(header.names[found->second], cell.value);
        } catch (const InvalidDataError& e) {
            problems.add(Place(name, row.number, cell.column), e.what());
            ok = false;
            continue;
        }
        fields[found->second] = cell.value;
    }
    return ok;
}

std::uint32_t column_named(const Header& header, const std::string& name) {
    for (const auto& [column, position] : header.index) {
        if (header.names[position] == name) return column;
    }
    return 1;
}

const std::map<std::string, Table> kSheets = {{"relation_types", Table::Types},
                                              {"entity_kinds", Table::Kinds},
                                              {"entities", Table::Entities},
                                              {"relations", Table::Relations}};

// Rows refused while reading the sheets, by id ("entity:x", "relation:y"): the sources sheet's lines of
// them are not reported again as naming no row.
using RefusedRows = std::unordered_set<std::string>;

void read_table_sheet(const XlsxPackage& package, const XlsxPackage::Sheet& sheet, Table table,
                      const std::string& file, Batch& batch, Problems& problems, RefusedRows& refused) {
    const auto name = std::make_shared<const std::string>(file + ":" + sheet.name);
    SheetRows rows(package, sheet, name, problems);
    Row row;
    if (!rows.next(row)) return;  // an empty sheet: nothing to import
    const Header header =
        read_header(row, table == Table::Relations ? std::vector<std::string>{"from_name", "to_name"}
                                                   : std::vector<std::string>{});
    if (!check_columns(table, header.names, Place(name, row.number, 1), problems)) return;
    std::vector<std::string> fields;
    while (rows.next(row)) {
        if (!row_fields(row, header, name, problems, fields)) continue;
        if (table == Table::Relations) {
            bool dates_ok = true;
            for (const char* column : {"start", "end"}) {
                const std::string& text = RowReader(header.names, fields)[column];
                if (text.empty()) continue;
                try {
                    (void)PartialDate::parse_or_throw(text);
                } catch (const InvalidDataError& e) {
                    problems.add(Place(name, row.number, column_named(header, column)), e.what());
                    dates_ok = false;
                }
            }
            if (!dates_ok) {
                refused.insert("relation:" + RowReader(header.names, fields)["id"]);
                continue;
            }
        }
        try {
            read_row(table, RowReader(header.names, fields), Place(name, row.number, 1), batch);
        } catch (const InvalidDataError& e) {
            problems.add(Place(name, row.number, 1), e.what());
            if (table == Table::Entities || table == Table::Relations)
                refused.insert((table == Table::Entities ? "entity:" : "relation:") +
                               RowReader(header.names, fields)["id"]);
        }
    }
}

// The sources sheet lists every source of every row once more, one a line, for reading and filtering.
// A source found there and not in the row's sources cell is added to the row (a source typed in as a
// new line); to change or remove one, edit the sources cell.
void read_sources_sheet(const XlsxPackage& package, const XlsxPackage::Sheet& sheet, const std::string& file,
                        std::size_t entities_from, std::size_t relations_from, Batch& batch,
                        Problems& problems, const RefusedRows& refused) {
    const auto name = std::make_shared<const std::string>(file + ":" + sheet.name);
    SheetRows rows(package, sheet, name, problems);
    Row row;
    if (!rows.next(row)) return;
    const Header header = read_header(row, {});
    const std::vector<std::string> known = {"of", "id", "title", "url", "locator"};
    bool header_ok = true;
    for (const auto& column : header.names) {
        if (std::find(known.begin(), known.end(), column) == known.end()) {
            problems.add(Place(name, row.number, 1),
                         "unknown column '" + column + "' (known: of, id, title, url, locator)");
            header_ok = false;
        }
    }
    for (const char* column : {"of", "id", "title"}) {
        if (std::find(header.names.begin(), header.names.end(), column) == header.names.end()) {
            problems.add(Place(name, row.number, 1), std::string("missing column '") + column + "'");
            header_ok = false;
        }
    }
    if (!header_ok) return;
    std::unordered_map<std::string, std::vector<Source>*> entity_sources, relation_sources;
    for (std::size_t i = entities_from; i < batch.entities.size(); ++i)
        entity_sources[batch.entities[i].value.id] = &batch.entities[i].value.sources;
    for (std::size_t i = relations_from; i < batch.relations.size(); ++i)
        relation_sources[batch.relations[i].value.id] = &batch.relations[i].value.sources;
    std::vector<std::string> fields;
    while (rows.next(row)) {
        if (!row_fields(row, header, name, problems, fields)) continue;
        const RowReader cells(header.names, fields);
        const std::string& of = cells["of"];
        if (of != "entity" && of != "relation") {
            problems.add(Place(name, row.number, column_named(header, "of")),
                         "of must be entity or relation, not '" + of + "'");
            continue;
        }
        auto& by_id = of == "entity" ? entity_sources : relation_sources;
        const auto found = by_id.find(cells["id"]);
        if (found == by_id.end()) {
            if (refused.count(of + ":" + cells["id"]) > 0) continue;  // its row's problem is reported
            problems.add(Place(name, row.number, column_named(header, "id")),
                         "no " + of + " '" + cells["id"] + "' in the " +
                             (of == "entity" ? "entities" : "relations") + " sheet");
            continue;
        }
        if (cells["title"].empty()) {
            problems.add(Place(name, row.number, column_named(header, "title")), "a source needs a title");
            continue;
        }
        const Source source{cells["title"], cells["url"], cells["locator"]};
        auto& sources = *found->second;
        if (std::find(sources.begin(), sources.end(), source) == sources.end()) sources.push_back(source);
    }
}

}  // namespace

void read_xlsx(const std::string& file, Batch& batch, Problems& problems, const std::string* bytes) {
    std::unique_ptr<XlsxPackage> package;
    try {
        package = std::make_unique<XlsxPackage>(file, bytes);
    } catch (const std::runtime_error& e) {
        problems.add({file, 0}, e.what());
        return;
    }
    const std::size_t entities_from = batch.entities.size(), relations_from = batch.relations.size();
    try {
        const XlsxPackage::Sheet* sources = nullptr;
        std::vector<std::pair<Table, const XlsxPackage::Sheet*>> tables;
        for (const auto& sheet : package->sheets()) {
            const auto table = kSheets.find(sheet.name);
            if (table != kSheets.end()) {
                tables.emplace_back(table->second, &sheet);
            } else if (sheet.name == "sources") {
                sources = &sheet;
            } else {
                problems.add(Place(std::make_shared<const std::string>(file + ":" + sheet.name), 1, 1),
                             "unknown sheet '" + sheet.name +
                                 "' (known: entities, relations, relation_types, entity_kinds, sources)");
            }
        }
        if (tables.empty()) {
            problems.add({file, 0}, "no sheet named entities, relations, relation_types or entity_kinds");
            return;
        }
        // In the order the rows depend on each other, whatever the order of the sheets.
        std::stable_sort(tables.begin(), tables.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        RefusedRows refused;
        for (const auto& [table, sheet] : tables)
            read_table_sheet(*package, *sheet, table, file, batch, problems, refused);
        if (sources != nullptr)
            read_sources_sheet(*package, *sources, file, entities_from, relations_from, batch, problems,
                               refused);
    } catch (const std::runtime_error& e) {
        problems.add({file, 0}, e.what());
    }
}

}  // namespace kizuna::importers
