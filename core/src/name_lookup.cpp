// Finding entities by name: search (any name or alias, any language) and resolve (the one entity an
// argument names, or the candidates and closest names).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <set>

#include "kizuna/core/errors.h"
#include "kizuna/core/store.h"
#include "kizuna/core/text.h"
#include "store_impl.h"

namespace kizuna {

namespace {

constexpr std::size_t kSuggestionCount = 5;

// Quotes user text for FTS5 MATCH so that C++, AT&T and (株) are searched literally.
std::string fts_phrase(const std::string& text) {
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '\0')
            continue;  // FTS5's query parser ends at a NUL (text from an HTTP request may hold one)
        quoted += c;
        if (c == '"') quoted += '"';
    }
    return quoted + "\"";
}

std::size_t codepoint_count(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The most trigrams a "closest names" query asks for: enough to rank names by what they share, and a
// bound on the work however long the text (a few thousand trigrams made one lookup take seconds).
constexpr std::size_t kMostTrigrams = 48;

// The distinct trigrams of a key (the first kMostTrigrams), each quoted, joined by OR: "closest names" by
// shared trigrams.
std::string fts_any_trigram(const std::string& key) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if ((static_cast<unsigned char>(key[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(key.size());
    std::set<std::string> seen;
    std::string query;
    for (std::size_t i = 0; i + 3 < starts.size() && seen.size() < kMostTrigrams; ++i) {
        std::string trigram = key.substr(starts[i], starts[i + 3] - starts[i]);
        if (!seen.insert(trigram).second) continue;
        if (!query.empty()) query += " OR ";
        query += fts_phrase(trigram);
    }
    return query;
}

std::string describe(const Entity& entity) {
    const std::string& name = display_name(entity, "en");
    return name == entity.id ? entity.id : entity.id + " (" + name + ")";
}

}  // namespace

namespace {

// Rank 0: the whole key; 2: a prefix; 4: elsewhere; an alias after a name matched as well (+1: "Hataphar"
// finds the entity of that name before the one that has it as an alias); attribute values after names
// (+6). Substrings through the trigram index when the key is long enough for trigrams, else through LIKE
// on the key.
std::string search_sql(bool use_fts, bool attributes) {
    std::string sql =
        std::string("SELECT ") + kEntityColumns +
        ", min((CASE WHEN n.key = ?1 THEN 0 WHEN substr(n.key, 1, length(?1)) = ?1 THEN 2 ELSE 4 END) + "
        "(CASE WHEN n.lang = 'alias' THEN 1 WHEN n.lang LIKE 'attribute:%' THEN 6 ELSE 0 END)) AS rank, "
        "n.lang, n.name "
        "FROM entity_names n JOIN entities e ON e.eid = n.eid WHERE (";
    // Both name search indexes (schema.cpp: kCreateNameInsertTriggers); the join keeps only names that
    // are still there.
    sql += use_fts ? "n.nid IN (SELECT rowid FROM name_search WHERE name_search MATCH ?2 UNION ALL "
                     "SELECT rowid FROM name_recent WHERE name_recent MATCH ?2) OR n.key = ?1"
                   : "instr(n.key, ?1) > 0";
    sql += ")";
    if (!attributes) sql += " AND n.lang NOT LIKE 'attribute:%'";
    sql += " GROUP BY e.eid ORDER BY rank, e.id LIMIT ?3";
    return sql;
}

}  // namespace

std::vector<Entity> Store::search(const std::string& text, std::size_t limit) const {
    std::vector<Entity> out;
    for (auto& hit : search_in(text, limit, false)) out.push_back(std::move(hit.entity));
    return out;
}

std::vector<Store::Hit> Store::search_everywhere(const std::string& text, std::size_t limit) const {
    return search_in(text, limit, true);
}

std::vector<Store::Hit> Store::search_in(const std::string& text, std::size_t limit, bool attributes) const {
    return guarded_read(*impl_, [&]() -> std::vector<Hit> {
        const std::string key = search_key(text);
        if (key.empty() || limit == 0) return {};
        const bool use_fts = codepoint_count(key) >= 3;
        SQLite::Statement query(impl_->db, search_sql(use_fts, attributes));
        query.bind(1, key);
        if (use_fts) query.bind(2, fts_phrase(key));
        query.bind(3, static_cast<std::int64_t>(limit));
        std::vector<Hit> out;
        while (query.executeStep()) {
            // SQLite takes the bare columns of a min() aggregate from the row that gave the minimum.
            const int lang_column = query.getColumnCount() - 2;
            out.push_back({read_entity(query), query.getColumn(lang_column).getString(),
                           query.getColumn(lang_column + 1).getString()});
        }
        return out;
    });
}

Entity Store::resolve(const std::string& name) const {
    return guarded_read(*impl_, [&]() -> Entity {
        if (auto by_id = entity(name)) return *by_id;
        if (const auto kept = redirect(name)) {
            if (auto merged_into = entity(*kept)) return *merged_into;
        }
        const std::string key = search_key(name);
        SQLite::Statement exact(impl_->db,
                                std::string("SELECT DISTINCT ") + kEntityColumns +
                                    " FROM entity_names n JOIN entities e ON e.eid = n.eid "
                                    "WHERE n.key = ? AND n.lang NOT LIKE 'attribute:%' ORDER BY e.id");
        exact.bind(1, key);
        std::vector<Entity> found;
        while (exact.executeStep()) found.push_back(read_entity(exact));
        if (found.size() == 1) return found.front();
        std::vector<std::string> candidates;
        if (!found.empty()) {
            std::string message = "'" + name + "' names " + std::to_string(found.size()) + " entities:";
            for (const auto& entity : found) {
                message += "\n  " + describe(entity);
                candidates.push_back(entity.id);
            }
            throw EntityLookupError(EntityLookupError::Kind::Ambiguous, message + "\nuse an id to choose one",
                                    candidates);
        }
        // Not a full name: a name that only one entity's names contain still names it (保健省 →
        // ベトナム保健省).
        std::vector<Entity> closest = search(name, kSuggestionCount);
        if (closest.size() == 1) return closest.front();
        if (closest.size() > 1) {
            std::string message = "'" + name + "' is part of the names of several entities:";
            for (const auto& entity : closest) {
                message += "\n  " + describe(entity);
                candidates.push_back(entity.id);
            }
            throw EntityLookupError(EntityLookupError::Kind::Ambiguous,
                                    message + "\nuse an id or a fuller name to choose one", candidates);
        }
        if (codepoint_count(key) >= 3) {
            // Best first: each entity by its best-ranked name (FTS5's bm25 over the shared trigrams, so rare
            // trigrams such as those of "taisho" count for more than common ones such as those of "vietnam").
            // Each index weighs by its own counts: names written since the last bulk write are weighed
            // among themselves.
            SQLite::Statement fuzzy(
                impl_->db,
                std::string("SELECT ") + kEntityColumns +
                    " FROM (SELECT n.eid, min(s.rank) AS best FROM (SELECT rowid, rank FROM name_search "
                    "WHERE name_search MATCH ?1 UNION ALL SELECT rowid, rank FROM "
                    "name_recent WHERE name_recent MATCH ?1) s "
                    "JOIN entity_names n ON n.nid = s.rowid "
                    "WHERE n.lang NOT LIKE 'attribute:%' "
                    "GROUP BY n.eid ORDER BY best, n.eid LIMIT ?2) b "
                    "JOIN entities e ON e.eid = b.eid ORDER BY b.best, e.id");
            fuzzy.bind(1, fts_any_trigram(key));
            fuzzy.bind(2, static_cast<std::int64_t>(kSuggestionCount));
            while (fuzzy.executeStep()) closest.push_back(read_entity(fuzzy));
        }
        std::string message = "unknown entity '" + name + "'";
        if (!closest.empty()) {
            message += "; closest:";
            for (const auto& entity : closest) {
                message += "\n  " + describe(entity);
                candidates.push_back(entity.id);
            }
        }
        throw EntityLookupError(EntityLookupError::Kind::Unknown, message, candidates);
    });
}

}  // namespace kizuna
