#include "table_rows.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "csv_cells.h"
#include "kizuna/core/errors.h"

namespace kizuna::importers {

namespace {

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

bool parse_bool(const std::string& text, bool& out) {
    if (text == "true" || text == "yes" || text == "1" || text == "TRUE") {
        out = true;
        return true;
    }
    if (text == "false" || text == "no" || text == "0" || text == "FALSE") {
        out = false;
        return true;
    }
    return false;
}

std::optional<PartialDate> optional_date(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return PartialDate::parse_or_throw(text);
}

}  // namespace

const std::vector<std::string>& table_columns(Table table) { return kColumns.at(table); }

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

bool check_columns(Table table, const std::vector<std::string>& header, const Place& place,
                   Problems& problems) {
    const auto& allowed = kColumns.at(table);
    std::set<std::string> seen;
    bool header_ok = true;
    for (const auto& column : header) {
        if (std::find(allowed.begin(), allowed.end(), column) == allowed.end()) {
            std::string known;
            for (const auto& name : allowed) known += (known.empty() ? "" : ", ") + name;
            problems.add(place, "unknown column '" + column + "' (known: " + known + ")");
            header_ok = false;
        } else if (!seen.insert(column).second) {
            problems.add(place, "column '" + column + "' appears twice");
            header_ok = false;
        }
    }
    for (const auto& column : kRequired.at(table)) {
        if (!seen.count(column)) {
            problems.add(place, "missing column '" + column + "'");
            header_ok = false;
        }
    }
    return header_ok;
}

const std::string& RowReader::operator[](const std::string& column) const {
    static const std::string kEmpty;
    for (std::size_t i = 0; i < header_.size(); ++i) {
        if (header_[i] == column) return row_[i];
    }
    return kEmpty;
}

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

}  // namespace kizuna::importers
