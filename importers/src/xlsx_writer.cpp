// Writes a whole database as an Excel workbook with libxlsxwriter: sheets of entities, relations,
// relation types and sources; each with a bold, frozen header row, an autofilter and fitted column
// widths. Dates are text in the data's own precision ("2014-03"), never turned into Excel dates. Values are
// checked as for every export (export_checks.h); the workbook is written under a temporary name.
#include "xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "csv_cells.h"
#include "export_checks.h"
#include "kizuna/core/errors.h"
#include "temporary_output.h"

namespace kizuna::importers {

namespace {

// Excel's limit, header row included.
constexpr std::int64_t kMostRows = 1'048'576;
// Widest column, in characters: wider text wraps in the cell when the reader widens it.
constexpr double kWidestColumn = 60;

class Sheet {
  public:
    Sheet(lxw_workbook* book, const char* name, std::vector<std::string> header, lxw_format* bold)
        : sheet_(workbook_add_worksheet(book, name)), widths_(header.size(), 8) {
        if (sheet_ == nullptr) throw StorageError(std::string("cannot add the sheet ") + name);
        add(header, bold);
        worksheet_freeze_panes(sheet_, 1, 0);
    }

    void add(const std::vector<std::string>& cells, lxw_format* format = nullptr) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (cells[c].empty()) continue;
            worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(c), cells[c].c_str(), format);
            // Width by the longest line, counting a wide (CJK) character as two.
            double width = 0, line = 0;
            for (std::size_t i = 0; i < cells[c].size(); ++i) {
                const auto byte = static_cast<unsigned char>(cells[c][i]);
                if (cells[c][i] == '\n') {
                    line = 0;
                } else if ((byte & 0xC0) != 0x80) {
                    line += byte >= 0xE3 ? 2 : 1;  // CJK scripts start at U+3000 (lead byte E3)
                }
                width = std::max(width, line);
            }
            widths_[c] = std::max(widths_[c], std::min(width + 2, kWidestColumn));
        }
        ++row_;
    }

    void finish() {
        for (std::size_t c = 0; c < widths_.size(); ++c)
            worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths_[c],
                                 nullptr);
        worksheet_autofilter(sheet_, 0, 0, row_ > 0 ? row_ - 1 : 0,
                             static_cast<lxw_col_t>(widths_.size() - 1));
    }

  private:
    lxw_worksheet* sheet_;
    std::vector<double> widths_;
    lxw_row_t row_ = 0;
};

std::string date_text(const std::optional<PartialDate>& date) {
    return date ? date->to_string() : std::string();
}

}  // namespace

void export_xlsx(const Store& store, const std::filesystem::path& path) {
    if (store.relation_count() + 1 > kMostRows || store.entity_count() + 1 > kMostRows) {
        throw StorageError(path.string() +
                           ": a sheet holds at most 1,048,575 rows and this database has more; "
                           "export --format csv instead");
    }
    ExportChecks checks;
    const auto relation_types = store.relation_types();
    for (const auto& t : relation_types) checks.type(t);
    const auto entity_kinds = store.entity_kinds();
    for (const auto& k : entity_kinds) checks.kind(k);

    TemporaryOutput output(path);
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    // Freed unwritten when the export stops early (a damaged value); closing writes and frees it.
    std::unique_ptr<lxw_workbook, decltype(&lxw_workbook_free)> book(
        workbook_new_opt(output.path().c_str(), &options), &lxw_workbook_free);
    if (book == nullptr) throw StorageError(path.string() + ": cannot write here");
    lxw_format* bold = workbook_add_format(book.get());
    format_set_bold(bold);

    Sheet entities(
        book.get(), "entities",
        {"id", "kind", "name_en", "name_ja", "name_vi", "aliases", "country", "attributes", "sources"}, bold);
    Sheet relations(
        book.get(), "relations",
        {"id", "type", "from", "from_name", "to", "to_name", "start", "end", "attributes", "sources"}, bold);
    Sheet types(book.get(), "relation_types",
                {"id", "label_en", "label_ja", "label_vi", "directed", "description", "category"}, bold);
    Sheet kinds(book.get(), "entity_kinds", {"id", "label_en", "label_ja", "label_vi", "description"}, bold);
    Sheet sources(book.get(), "sources", {"of", "id", "title", "url", "locator"}, bold);
    std::map<std::string, std::string> names;  // entity id -> English name, for the relations sheet
    store.for_each_entity([&](const Entity& e) {
        checks.entity(e);
        entities.add({e.id, e.kind, e.names.en, e.names.ja, e.names.vi, format_aliases_cell(e.aliases),
                      e.country, format_attributes_cell(e.attributes), format_sources_cell(e.sources)});
        for (const auto& s : e.sources) sources.add({"entity", e.id, s.title, s.url, s.locator});
        names[e.id] = display_name(e, "en");
    });
    store.for_each_relation([&](const Relation& r) {
        checks.relation(r);
        relations.add({r.id, r.type, r.from, names[r.from], r.to, names[r.to], date_text(r.start),
                       date_text(r.end), format_attributes_cell(r.attributes),
                       format_sources_cell(r.sources)});
        for (const auto& s : r.sources) sources.add({"relation", r.id, s.title, s.url, s.locator});
    });
    checks.all_relations_read(store.relation_count());
    for (const auto& t : relation_types) {
        types.add({t.id, t.label_en, t.label_ja, t.label_vi, t.directed ? "true" : "false", t.description,
                   t.category});
    }
    for (const auto& k : entity_kinds) {
        kinds.add({k.id, k.label_en, k.label_ja, k.label_vi, k.description});
    }
    for (Sheet* sheet : {&entities, &relations, &types, &kinds, &sources}) sheet->finish();
    const lxw_error status = workbook_close(book.release());
    if (status != LXW_NO_ERROR)
        throw StorageError(path.string() + ": cannot write the workbook: " + lxw_strerror(status));
    output.commit();
}

}  // namespace kizuna::importers
