// Reads one CSV file of Kizuna's CSV format with libcsv (RFC 4180: quoted fields, embedded commas,
// quotes and newlines), tracking the line each row starts on for error messages.
#include <csv.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "batch.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/validation.h"
#include "table_rows.h"
#include "text_encoding.h"

namespace kizuna::importers {

namespace {

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
    return check_columns(*table, header, {file, 1}, problems);
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

std::string read_csv(const std::string& file, const std::string& encoding, Batch& batch, Problems& problems,
                     const RelationHandOver* hand_over, const std::string* bytes) {
    TextFile text = open_text(file, encoding, bytes);
    if (!text.in) {
        problems.add({file, text.problem_line}, text.problem);
        return text.encoding;
    }
    std::istream& in = *text.in;
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
        // Tab-separated: Excel's "Unicode text" (a header has no quoted fields that could hold a tab).
        if (line_number == 1 && line.find('\t') != std::string::npos && line.find(',') == std::string::npos)
            csv_set_delim(&parser, '\t');
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
        return text.encoding;
    }
    if (!state.header_seen) {
        problems.add({file, 1}, "empty file: expected a header row");
        return text.encoding;
    }
    problems.add_all(state.pending);
    return text.encoding;
}

bool csv_holds_relations(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::string head(4, '\0');
    in.read(head.data(), 4);
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (!encoding_by_marks(head).empty()) return false;  // UTF-16 or UTF-32: read whole
    in.clear();
    in.seekg(0);
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
