// Reads one CSV file of Kizuna's CSV format with libcsv (RFC 4180: quoted fields, embedded commas,
// quotes and newlines), tracking the line each row starts on for error messages.
#include <csv.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "batch.h"
#include "csv_cells.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/validation.h"

namespace kizuna::importers {

namespace {

enum class Table { Types, Kinds, Entities, Relations };

const std::map<Table, std::vector<std::string>> kColumns = {
    {Table::Types, {"id", "label_en", "label_ja", "label_vi", "directed", "description", "category"}},
    {Table::Kinds, {"id", "label_en", "label_ja", "label_vi", "description"}},
    {Table::Entities,
     {"id", "kind", "name_en", "name_ja", "name_vi", "aliases", "country", "attributes", "sources"}},
    {Table::Relations, {"id", "type", "from", "to", "start", "end", "attributes", "sources"}},
};
const std::map<Table, std::vector<std::string>> kRequired = {
    {Table::Types, {"id", "directed"}},
    {Table::Kinds, {"id"}},
    {Table::Entities, {"id", "kind"}},
    {Table::Relations, {"id", "type", "from", "to"}},
};

// libcsv's parser state before any field of a row has begun (csv.h keeps the states private).
constexpr int kRowNotBegun = 0;

// Relations pass to a hand-over in chunks of this many rows.
constexpr std::size_t kHandOverRows = 20000;

// Fields are taken as written: no trimming of spaces around unquoted values.
int no_space(unsigned char) { return 0; }

void start_parser(csv_parser& parser, unsigned char options) {
    csv_init(&parser, options);
    csv_set_space_func(&parser, no_space);
}

// A UTF-8 byte order mark at the start of the file is not part of the header.
void drop_bom(std::string& line, std::size_t line_number) {
    if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
}

// What a CSV file holds, told by its header. Kinds and relation types share their label columns; a file
// with labels but no 'directed' holds kinds, unless its name says relation types (then 'directed' is
// reported missing rather than the file read as kinds).
std::optional<Table> table_of(const std::vector<std::string>& header, const std::string& file) {
    const std::set<std::string> names(header.begin(), header.end());
    if (names.count("from") || names.count("to")) return Table::Relations;
    if (names.count("directed")) return Table::Types;
    if (names.count("kind")) return Table::Entities;
    if (names.count("label_en") || names.count("label_ja") || names.count("label_vi")) {
        const std::string stem = std::filesystem::path(file).stem().string();
        return stem.find("relation_type") != std::string::npos ? Table::Types : Table::Kinds;
    }
    return std::nullopt;
}

bool parse_bool(const std::string& text, bool& out) {
    if (text == "true" || text == "yes" || text == "1") {
        out = true;
        return true;
    }
    if (text == "false" || text == "no" || text == "0") {
        out = false;
        return true;
    }
    return false;
}

std::optional<PartialDate> optional_date(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return PartialDate::parse_or_throw(text);
}

class RowReader {
  public:
    RowReader(const std::vector<std::string>& header, const std::vector<std::string>& row)
        : header_(header), row_(row) {}
    const std::string& operator[](const std::string& column) const {
        static const std::string kEmpty;
        for (std::size_t i = 0; i < header_.size(); ++i) {
            if (header_[i] == column) return row_[i];
        }
        return kEmpty;
    }

  private:
    const std::vector<std::string>& header_;
    const std::vector<std::string>& row_;
};

void read_row(Table table, const RowReader& row, const Place& place, Batch& batch) {
    switch (table) {
        case Table::Types: {
            RelationType type{row["id"],          row["label_en"], row["label_ja"], true,
                              row["description"], row["category"], row["label_vi"]};
            if (type.category.empty()) type.category = default_category(type.id);
            if (!parse_bool(row["directed"], type.directed)) {
                throw InvalidDataError("directed must be true or false, not '" + row["directed"] + "'");
            }
            batch.types.push_back({std::move(type), place});
            return;
        }
        case Table::Kinds: {
            batch.kinds.push_back(
                {EntityKind{row["id"], row["label_en"], row["label_ja"], row["label_vi"], row["description"]},
                 place});
            return;
        }
        case Table::Entities: {
            Entity entity;
            entity.id = row["id"];
            entity.kind = row["kind"];
            entity.names = {row["name_en"], row["name_ja"], row["name_vi"]};
            entity.aliases = parse_aliases_cell(row["aliases"]);
            entity.country = row["country"];
            entity.attributes = parse_attributes_cell(row["attributes"]);
            entity.sources = parse_sources_cell(row["sources"]);
            batch.entities.push_back({std::move(entity), place});
            return;
        }
        case Table::Relations: {
            Relation relation;
            relation.id = row["id"];
            relation.type = row["type"];
            relation.from = row["from"];
            relation.to = row["to"];
            relation.start = optional_date(row["start"]);
            relation.end = optional_date(row["end"]);
            relation.attributes = parse_attributes_cell(row["attributes"]);
            relation.sources = parse_sources_cell(row["sources"]);
            batch.relations.push_back({std::move(relation), place});
            return;
        }
    }
}

// Checks a header row; on success sets table. Problems name line 1.
bool check_header(const std::vector<std::string>& header, const std::string& file, Problems& problems,
                  std::optional<Table>& table) {
    table = table_of(header, file);
    if (!table) {
        problems.add(
            {file, 1},
            "cannot tell what this CSV holds: the header needs 'kind' (entities), 'from'/'to' (relations), "
            "'directed' (relation types) or labels without 'directed' (entity kinds)");
        return false;
    }
    const auto& allowed = kColumns.at(*table);
    std::set<std::string> seen;
    bool header_ok = true;
    for (const auto& column : header) {
        if (std::find(allowed.begin(), allowed.end(), column) == allowed.end()) {
            std::string known;
            for (const auto& name : allowed) known += (known.empty() ? "" : ", ") + name;
            problems.add({file, 1}, "unknown column '" + column + "' (known: " + known + ")");
            header_ok = false;
        } else if (!seen.insert(column).second) {
            problems.add({file, 1}, "column '" + column + "' appears twice");
            header_ok = false;
        }
    }
    for (const auto& column : kRequired.at(*table)) {
        if (!seen.count(column)) {
            problems.add({file, 1}, "missing column '" + column + "'");
            header_ok = false;
        }
    }
    return header_ok;
}

// Rows are turned into values as libcsv completes them, so a large file is never held as raw text.
// Their problems wait in `pending` and the values are taken back if the file turns out malformed:
// then the only problem reported is where the CSV itself breaks.
struct CsvFile {
    std::shared_ptr<const std::string> name;
    Batch& batch;
    const RelationHandOver* hand_over = nullptr;
    Problems pending;
    std::vector<std::string> fields;
    std::vector<std::string> header;
    std::optional<Table> table;
    bool header_seen = false;
    bool header_ok = false;
    bool stopped = false;  // the receiver of relations wants no more
    std::size_t row_start = 1;
    std::uint64_t bytes_read = 0;  // through the line being parsed

    void row() {
        if (stopped) return;
        if (!header_seen) {
            header = std::move(fields);
            header_seen = true;
            header_ok = check_header(header, *name, pending, table);
        } else if (header_ok) {
            const Place place{name, row_start};
            if (fields.size() != header.size()) {
                pending.add(place, "expected " + std::to_string(header.size()) + " fields, found " +
                                       std::to_string(fields.size()));
            } else {
                try {
                    for (std::size_t c = 0; c < fields.size(); ++c) validate_text(header[c], fields[c]);
                    read_row(*table, RowReader(header, fields), place, batch);
                } catch (const InvalidDataError& e) {
                    pending.add(place, e.what());
                }
                if (hand_over && batch.relations.size() >= kHandOverRows) {
                    stopped = !(*hand_over)(batch.relations, bytes_read);
                    batch.relations.clear();
                }
            }
        }
        fields.clear();
    }
};

void on_field(void* data, std::size_t length, void* state) {
    static_cast<CsvFile*>(state)->fields.emplace_back(static_cast<const char*>(data), length);
}

void on_row_end(int, void* state) { static_cast<CsvFile*>(state)->row(); }

}  // namespace

void read_csv(const std::string& file, Batch& batch, Problems& problems, const RelationHandOver* hand_over) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        problems.add({file, 0}, "cannot open the file");
        return;
    }
    // UTF-16 (what Excel writes as "Unicode text"): its byte-order mark, or a NUL in every other byte.
    {
        char head[2] = {0, 0};
        in.read(head, 2);
        const auto b0 = static_cast<unsigned char>(head[0]), b1 = static_cast<unsigned char>(head[1]);
        if (in.gcount() == 2 &&
            ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) || b0 == 0 || b1 == 0)) {
            problems.add({file, 1},
                         "the file is UTF-16 text, not UTF-8: save it as \"CSV UTF-8\" and import that");
            return;
        }
        in.clear();
        in.seekg(0);
    }
    const std::size_t types_before = batch.types.size(), kinds_before = batch.kinds.size(),
                      entities_before = batch.entities.size(), relations_before = batch.relations.size();
    csv_parser parser{};
    start_parser(parser, CSV_STRICT | CSV_STRICT_FINI);
    CsvFile state{std::make_shared<const std::string>(file), batch, hand_over, {}, {}, {}, {}};
    std::string line;
    std::size_t line_number = 0;
    bool parse_failed = false;
    while (std::getline(in, line)) {
        ++line_number;
        drop_bom(line, line_number);
        if (parser.pstate == kRowNotBegun) state.row_start = line_number;
        if (!in.eof()) line += '\n';
        state.bytes_read += line.size();
        if (state.stopped) break;
        if (csv_parse(&parser, line.data(), line.size(), on_field, on_row_end, &state) != line.size()) {
            problems.add({file, line_number},
                         std::string("malformed CSV: ") + csv_strerror(csv_error(&parser)) +
                             " (a quote inside an unquoted field, or text after a closing quote)");
            parse_failed = true;
            break;
        }
    }
    if (!parse_failed && csv_fini(&parser, on_field, on_row_end, &state) != 0) {
        problems.add({file, state.row_start},
                     "quoted field never closed before the end of the file (is the file truncated?)");
        parse_failed = true;
    }
    csv_free(&parser);
    if (parse_failed) {
        auto take_back = [](auto& items, std::size_t size) {
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(size), items.end());
        };
        take_back(batch.types, types_before);
        take_back(batch.kinds, kinds_before);
        take_back(batch.entities, entities_before);
        take_back(batch.relations, relations_before);
        return;
    }
    if (!state.header_seen) {
        problems.add({file, 1}, "empty file: expected a header row");
        return;
    }
    problems.add_all(state.pending);
}

bool csv_holds_relations(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    csv_parser parser{};
    start_parser(parser, CSV_STRICT);
    struct Header {
        std::vector<std::string> fields;
        bool done = false;
    } header;
    const auto field = [](void* data, std::size_t length, void* state) {
        auto* h = static_cast<Header*>(state);
        if (!h->done) h->fields.emplace_back(static_cast<const char*>(data), length);
    };
    const auto row_end = [](int, void* state) { static_cast<Header*>(state)->done = true; };
    std::string line;
    for (std::size_t n = 1; !header.done && std::getline(in, line); ++n) {
        drop_bom(line, n);
        line += '\n';
        if (csv_parse(&parser, line.data(), line.size(), field, row_end, &header) != line.size()) break;
    }
    csv_free(&parser);
    return header.done && table_of(header.fields, file) == Table::Relations;
}

}  // namespace kizuna::importers
