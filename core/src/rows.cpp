// Mapping of stored rows to model values, for every read of the store.
#include "kizuna/core/errors.h"
#include "kizuna/core/json.h"
#include "store_impl.h"

namespace kizuna {

namespace {

// A row's sources in the JSON form sources_from_json_text reads: each [did, "locator"] of the stored
// column (see SqlWriter::stored_sources) with its document's title and URL; json_each gives the
// elements in order.
std::string sources_of(const std::string& column) {
    return "(SELECT json_group_array(json((SELECT json_object('title', d.title, 'url', nullif(d.url, ''), "
           "'locator', s.value ->> 1) FROM documents d WHERE d.did = s.value ->> 0))) FROM json_each(" +
           column + ") s)";
}

const std::string kEntityColumnsText =
    "e.id, e.kind, e.name_en, e.name_ja, e.name_vi, e.aliases, e.country, e.attributes, " +
    sources_of("e.sources");
const std::string kRelationColumnsText =
    "r.id, r.type, f.id, t.id, r.start, r.\"end\", r.attributes, " + sources_of("r.sources");

}  // namespace

const char* const kEntityColumns = kEntityColumnsText.c_str();
const char* const kRelationColumns = kRelationColumnsText.c_str();
const char* const kRelationJoins =
    " FROM relations r JOIN entities f ON f.eid = r.src JOIN entities t ON t.eid = r.dst";

namespace {

// A stored value that does not read back (its JSON text broken) is damage to the file, not bad input.
template <typename Read>
auto stored(const char* what, const std::string& id, Read&& read) -> decltype(read()) {
    try {
        return read();
    } catch (const InvalidDataError& e) {
        throw StorageError(std::string("the stored ") + what + " '" + id + "' is damaged: " + e.what());
    }
}

}  // namespace

Entity read_entity(SQLite::Statement& row) {
    Entity entity;
    entity.id = row.getColumn(0).getString();
    return stored("entity", entity.id, [&] {
        entity.kind = row.getColumn(1).getString();
        entity.names = {row.getColumn(2).getString(), row.getColumn(3).getString(),
                        row.getColumn(4).getString()};
        entity.aliases = strings_from_json_text(row.getColumn(5).getString());
        entity.country = row.getColumn(6).getString();
        entity.attributes = attributes_from_json_text(row.getColumn(7).getString());
        entity.sources = sources_from_json_text(row.getColumn(8).getString());
        return entity;
    });
}

std::optional<PartialDate> read_date(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    auto date = PartialDate::parse(column.getString());
    if (!date) throw StorageError("a stored date '" + column.getString() + "' is damaged");
    return date;
}

Relation read_relation(SQLite::Statement& row) {
    Relation relation;
    relation.id = row.getColumn(0).getString();
    return stored("relation", relation.id, [&] {
        relation.type = row.getColumn(1).getString();
        relation.from = row.getColumn(2).getString();
        relation.to = row.getColumn(3).getString();
        relation.start = read_date(row.getColumn(4));
        relation.end = read_date(row.getColumn(5));
        relation.attributes = attributes_from_json_text(row.getColumn(6).getString());
        relation.sources = sources_from_json_text(row.getColumn(7).getString());
        return relation;
    });
}

}  // namespace kizuna
