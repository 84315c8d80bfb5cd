// Writes a whole database as CSV (a folder of four files), JSON Lines or GraphML. Every value is checked
// as an import would check it before it is written (export_checks.h), and every file is written under a
// temporary name and renamed when complete: a damaged database exports nothing rather than a half file.
#include <libxml/xmlwriter.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "csv_cells.h"
#include "export_checks.h"
#include "kizuna/core/csv_format.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/json.h"
#include "kizuna/importers/export.h"
#include "temporary_output.h"
#include "xlsx_writer.h"

namespace kizuna {

namespace {

using importers::ExportChecks;
using importers::format_aliases_cell;
using importers::format_attributes_cell;
using importers::format_sources_cell;
using importers::TemporaryOutput;

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// Opens an output's temporary file; messages name the output.
File open_for_writing(const TemporaryOutput& output) {
    File file(std::fopen(output.path().c_str(), "wb"));
    if (!file) throw StorageError(output.final_path().string() + ": cannot write here");
    return file;
}

void finish_writing(File file, const TemporaryOutput& output) {
    const bool failed = std::ferror(file.get()) != 0;
    if (std::fclose(file.release()) != 0 || failed)
        throw StorageError(output.final_path().string() + ": write failed");
}

void write_row(std::FILE* out, const std::vector<std::string>& fields) {
    const std::string row = format_csv_row(fields);
    std::fwrite(row.data(), 1, row.size(), out);
}

std::string date_text(const std::optional<PartialDate>& date) {
    return date ? date->to_string() : std::string();
}

// The four files are written under temporary names and renamed together once all are complete.
void export_csv(const Store& store, const std::filesystem::path& folder) {
    std::error_code error;
    const bool existed = std::filesystem::is_directory(folder, error);
    std::filesystem::create_directories(folder, error);
    if (error) throw StorageError(folder.string() + ": cannot create the folder: " + error.message());
    try {
        ExportChecks checks;
        TemporaryOutput types_out(folder / "relation_types.csv");
        File types = open_for_writing(types_out);
        write_row(types.get(),
                  {"id", "label_en", "label_ja", "label_vi", "directed", "description", "category"});
        for (const auto& type : store.relation_types()) {
            checks.type(type);
            write_row(types.get(), {type.id, type.label_en, type.label_ja, type.label_vi,
                                    type.directed ? "true" : "false", type.description, type.category});
        }
        finish_writing(std::move(types), types_out);

        TemporaryOutput kinds_out(folder / "entity_kinds.csv");
        File kinds = open_for_writing(kinds_out);
        write_row(kinds.get(), {"id", "label_en", "label_ja", "label_vi", "description"});
        for (const auto& kind : store.entity_kinds()) {
            checks.kind(kind);
            write_row(kinds.get(), {kind.id, kind.label_en, kind.label_ja, kind.label_vi, kind.description});
        }
        finish_writing(std::move(kinds), kinds_out);

        TemporaryOutput entities_out(folder / "entities.csv");
        File entities = open_for_writing(entities_out);
        write_row(entities.get(), {"id", "kind", "name_en", "name_ja", "name_vi", "aliases", "country",
                                   "attributes", "sources"});
        store.for_each_entity([&](const Entity& e) {
            checks.entity(e);
            write_row(entities.get(),
                      {e.id, e.kind, e.names.en, e.names.ja, e.names.vi, format_aliases_cell(e.aliases),
                       e.country, format_attributes_cell(e.attributes), format_sources_cell(e.sources)});
        });
        finish_writing(std::move(entities), entities_out);

        TemporaryOutput relations_out(folder / "relations.csv");
        File relations = open_for_writing(relations_out);
        write_row(relations.get(), {"id", "type", "from", "to", "start", "end", "attributes", "sources"});
        store.for_each_relation([&](const Relation& r) {
            checks.relation(r);
            write_row(relations.get(),
                      {r.id, r.type, r.from, r.to, date_text(r.start), date_text(r.end),
                       format_attributes_cell(r.attributes), format_sources_cell(r.sources)});
        });
        finish_writing(std::move(relations), relations_out);
        checks.all_relations_read(store.relation_count());

        for (TemporaryOutput* out : {&types_out, &kinds_out, &entities_out, &relations_out}) out->commit();
    } catch (...) {
        if (!existed) std::filesystem::remove(folder, error);  // only when empty: the folder it made
        throw;
    }
}

void export_jsonl(const Store& store, const std::filesystem::path& path) {
    ExportChecks checks;
    TemporaryOutput output(path);
    File out = open_for_writing(output);
    auto line = [&](const char* key, const nlohmann::json& value) {
        const std::string text = nlohmann::json{{key, value}}.dump() + "\n";
        std::fwrite(text.data(), 1, text.size(), out.get());
    };
    for (const auto& type : store.relation_types()) {
        checks.type(type);
        line("type", type);
    }
    for (const auto& kind : store.entity_kinds()) {
        checks.kind(kind);
        line("kind", kind);
    }
    store.for_each_entity([&](const Entity& entity) {
        checks.entity(entity);
        line("entity", entity);
    });
    store.for_each_relation([&](const Relation& relation) {
        checks.relation(relation);
        line("relation", relation);
    });
    for (const auto& [from, to] : store.redirects()) line("redirect", {{"from", from}, {"to", to}});
    for (const auto& [from, to] : store.relation_redirects())
        line("relation_redirect", {{"from", from}, {"to", to}});
    for (const auto& [a, b] : store.judgements()) line("not_duplicates", {{"a", a}, {"b", b}});
    finish_writing(std::move(out), output);
    checks.all_relations_read(store.relation_count());
    output.commit();
}

struct WriterDeleter {
    void operator()(xmlTextWriter* writer) const { xmlFreeTextWriter(writer); }
};

class GraphmlWriter {
  public:
    explicit GraphmlWriter(const TemporaryOutput& output)
        : path_(output.final_path()), writer_(xmlNewTextWriterFilename(output.path().c_str(), 0)) {
        if (!writer_) throw StorageError(path_.string() + ": cannot write here");
        xmlTextWriterSetIndent(writer_.get(), 1);
    }
    void check(int result) const {
        if (result < 0) throw StorageError(path_.string() + ": write failed");
    }
    void start(const char* element) { check(xmlTextWriterStartElement(writer_.get(), bytes(element))); }
    void end() { check(xmlTextWriterEndElement(writer_.get())); }
    void attribute(const char* name, const std::string& value) {
        check(xmlTextWriterWriteAttribute(writer_.get(), bytes(name), bytes(value.c_str())));
    }
    void data(const char* key, const std::string& value) {
        if (value.empty()) return;
        start("data");
        attribute("key", key);
        check(xmlTextWriterWriteString(writer_.get(), bytes(value.c_str())));
        end();
    }
    void begin_document() { check(xmlTextWriterStartDocument(writer_.get(), nullptr, "UTF-8", nullptr)); }
    void end_document() {
        check(xmlTextWriterEndDocument(writer_.get()));
        writer_.reset();
    }

  private:
    static const xmlChar* bytes(const char* text) { return reinterpret_cast<const xmlChar*>(text); }
    std::filesystem::path path_;
    std::unique_ptr<xmlTextWriter, WriterDeleter> writer_;
};

void export_graphml(const Store& store, const std::filesystem::path& path) {
    ExportChecks checks;
    TemporaryOutput output(path);
    GraphmlWriter out(output);
    out.begin_document();
    out.start("graphml");
    out.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
    // Key ids equal attribute names so that files stay readable; all values are strings.
    const std::vector<std::pair<const char*, const char*>> keys = {{"graph", "relation_types"},
                                                                   {"graph", "entity_kinds"},
                                                                   {"graph", "redirects"},
                                                                   {"graph", "not_duplicates"},
                                                                   {"graph", "relation_redirects"},
                                                                   {"node", "label"},
                                                                   {"node", "kind"},
                                                                   {"node", "name_en"},
                                                                   {"node", "name_ja"},
                                                                   {"node", "name_vi"},
                                                                   {"node", "aliases"},
                                                                   {"node", "country"},
                                                                   {"node", "attributes"},
                                                                   {"node", "sources"},
                                                                   {"edge", "type"},
                                                                   {"edge", "start"},
                                                                   {"edge", "end"},
                                                                   {"edge", "attributes"},
                                                                   {"edge", "sources"}};
    for (const auto& [domain, name] : keys) {
        out.start("key");
        out.attribute("id", name);
        out.attribute("for", domain);
        out.attribute("attr.name", name);
        out.attribute("attr.type", "string");
        out.end();
    }
    out.start("graph");
    out.attribute("id", "kizuna");
    out.attribute("edgedefault", "directed");
    const auto types = store.relation_types();
    for (const auto& type : types) checks.type(type);
    const auto kinds = store.entity_kinds();
    for (const auto& kind : kinds) checks.kind(kind);
    out.data("relation_types", nlohmann::json(types).dump());
    out.data("entity_kinds", nlohmann::json(kinds).dump());
    nlohmann::json redirects = nlohmann::json::array(), judgements = nlohmann::json::array();
    for (const auto& [from, to] : store.redirects()) redirects.push_back({{"from", from}, {"to", to}});
    for (const auto& [a, b] : store.judgements()) judgements.push_back({{"a", a}, {"b", b}});
    if (!redirects.empty()) out.data("redirects", redirects.dump());
    if (!judgements.empty()) out.data("not_duplicates", judgements.dump());
    nlohmann::json folded = nlohmann::json::array();
    for (const auto& [from, to] : store.relation_redirects()) folded.push_back({{"from", from}, {"to", to}});
    if (!folded.empty()) out.data("relation_redirects", folded.dump());
    store.for_each_entity([&](const Entity& e) {
        checks.entity(e);
        out.start("node");
        out.attribute("id", e.id);
        out.data("label", display_name(e, "en"));
        out.data("kind", e.kind);
        out.data("name_en", e.names.en);
        out.data("name_ja", e.names.ja);
        out.data("name_vi", e.names.vi);
        out.data("aliases", e.aliases.empty() ? "" : strings_to_json_text(e.aliases));
        out.data("country", e.country);
        out.data("attributes", e.attributes.empty() ? "" : attributes_to_json_text(e.attributes));
        out.data("sources", e.sources.empty() ? "" : sources_to_json_text(e.sources));
        out.end();
    });
    store.for_each_relation([&](const Relation& r) {
        checks.relation(r);
        out.start("edge");
        out.attribute("id", r.id);
        out.attribute("source", r.from);
        out.attribute("target", r.to);
        out.data("type", r.type);
        out.data("start", date_text(r.start));
        out.data("end", date_text(r.end));
        out.data("attributes", r.attributes.empty() ? "" : attributes_to_json_text(r.attributes));
        out.data("sources", r.sources.empty() ? "" : sources_to_json_text(r.sources));
        out.end();
    });
    out.end();  // graph
    out.end();  // graphml
    out.end_document();
    checks.all_relations_read(store.relation_count());
    output.commit();
}

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view name) {
    if (name == "csv") return ExportFormat::Csv;
    if (name == "jsonl") return ExportFormat::Jsonl;
    if (name == "graphml") return ExportFormat::Graphml;
    if (name == "xlsx") return ExportFormat::Xlsx;
    return std::nullopt;
}

void export_database(const Store& store, ExportFormat format, const std::filesystem::path& output) {
    const Store::ReadTransaction snapshot(store);  // types, entities and relations of one state
    switch (format) {
        case ExportFormat::Csv:
            return export_csv(store, output);
        case ExportFormat::Jsonl:
            return export_jsonl(store, output);
        case ExportFormat::Graphml:
            return export_graphml(store, output);
        case ExportFormat::Xlsx:
            return importers::export_xlsx(store, output);
    }
}

}  // namespace kizuna
