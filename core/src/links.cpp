// Reads of what merges and judgements left (schema v14): redirects from merged-away ids, pairs judged not
// to be duplicates; and the two lookups a merge and a name match need.
#include <SQLiteCpp/SQLiteCpp.h>

#include "kizuna/core/store.h"
#include "store_impl.h"

namespace kizuna {

namespace {

std::vector<std::pair<std::string, std::string>> text_pairs(SQLite::Database& db, const char* sql) {
    SQLite::Statement query(db, sql);
    std::vector<std::pair<std::string, std::string>> out;
    while (query.executeStep())
        out.emplace_back(query.getColumn(0).getString(), query.getColumn(1).getString());
    return out;
}

}  // namespace

std::optional<std::string> Store::redirect(const std::string& id) const {
    return guarded_read(*impl_, [&]() -> std::optional<std::string> {
        SQLite::Statement query(impl_->db, "SELECT target FROM redirects WHERE id = ?");
        query.bind(1, id);
        if (!query.executeStep()) return std::nullopt;
        return query.getColumn(0).getString();
    });
}

std::vector<std::pair<std::string, std::string>> Store::redirects() const {
    return guarded_read(
        *impl_, [&] { return text_pairs(impl_->db, "SELECT id, target FROM redirects ORDER BY id"); });
}

std::vector<std::pair<std::string, std::string>> Store::relation_redirects() const {
    return guarded_read(*impl_, [&] {
        return text_pairs(impl_->db, "SELECT id, target FROM relation_redirects ORDER BY id");
    });
}

std::vector<std::pair<std::string, std::string>> Store::judgements() const {
    return guarded_read(
        *impl_, [&] { return text_pairs(impl_->db, "SELECT a, b FROM not_duplicates ORDER BY a, b"); });
}

std::vector<std::string> Store::entities_named(const std::string& key) const {
    return guarded_read(*impl_, [&] {
        SQLite::Statement query(impl_->db,
                                "SELECT DISTINCT e.id FROM entity_names n JOIN entities e ON e.eid = n.eid "
                                "WHERE n.key = ? AND n.lang NOT LIKE 'attribute:%' AND n.lang <> 'id' "
                                "ORDER BY e.id");
        query.bind(1, key);
        std::vector<std::string> out;
        while (query.executeStep()) out.push_back(query.getColumn(0).getString());
        return out;
    });
}

std::vector<Relation> Store::relations_of(const std::string& entity_id) const {
    return guarded_read(*impl_, [&] {
        SQLite::Statement query(impl_->db,
                                std::string("SELECT ") + kRelationColumns + kRelationJoins +
                                    " WHERE r.src = (SELECT eid FROM entities WHERE id = ?1) OR "
                                    "r.dst = (SELECT eid FROM entities WHERE id = ?1) ORDER BY r.id");
        query.bind(1, entity_id);
        std::vector<Relation> out;
        while (query.executeStep()) out.push_back(read_relation(query));
        return out;
    });
}

}  // namespace kizuna
