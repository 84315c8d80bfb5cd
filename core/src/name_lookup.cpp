// Finding entities by name: search (any name or alias, any language) and resolve (the one entity an
// argument names, or the candidates and closest names).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
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

// The distinct trigrams of a key (the first kMostTrigrams).
std::vector<std::string> trigrams_of(const std::string& key) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if ((static_cast<unsigned char>(key[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(key.size());
    std::set<std::string> seen;
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 3 < starts.size() && seen.size() < kMostTrigrams; ++i) {
        std::string trigram = key.substr(starts[i], starts[i + 3] - starts[i]);
        if (seen.insert(trigram).second) out.push_back(std::move(trigram));
    }
    return out;
}

// How many names a "closest names" query lets FTS5 rank by bm25: every name that shares a trigram. Past it
// (a trigram as common as "org" in millions of names: 5.8 s at 10M relations), the names that share the
// rarest trigrams are the candidates, ranked by the trigrams they share (bench/README.md).
constexpr std::int64_t kClosestPostings = 50000;

// Each trigram of a key with how many names hold it in both name indexes (fts5vocab tables in the
// connection's temp schema); nullopt when the counts cannot be read.
std::optional<std::vector<std::pair<std::string, std::int64_t>>> counted_trigrams(SQLite::Database& db,
                                                                                  const std::string& key) {
    try {
        db.exec(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.name_search_terms USING fts5vocab(main, name_search, "
            "row);"
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.name_recent_terms USING fts5vocab(main, name_recent, "
            "row)");
        SQLite::Statement count(
            db,
            "SELECT (SELECT coalesce(sum(doc), 0) FROM temp.name_search_terms WHERE term = ?1) + "
            "(SELECT coalesce(sum(doc), 0) FROM temp.name_recent_terms WHERE term = ?1)");
        std::vector<std::pair<std::string, std::int64_t>> out;
        for (auto& trigram : trigrams_of(key)) {
            count.bind(1, trigram);
            const std::int64_t names = count.executeStep() ? count.getColumn(0).getInt64() : 0;
            count.reset();
            out.emplace_back(std::move(trigram), names);
        }
        return out;
    } catch (const SQLite::Exception&) {
        return std::nullopt;
    }
}

std::string fts_any(const std::vector<std::string>& trigrams) {
    std::string query;
    for (const auto& trigram : trigrams) query += (query.empty() ? "" : " OR ") + fts_phrase(trigram);
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

namespace {

// The entities whose names are closest to key (not one of their names nor part of one), best first.
std::vector<Entity> closest_names(SQLite::Database& db, const std::string& key) {
    const auto counted = counted_trigrams(db, key);
    std::int64_t postings = 0;
    std::vector<std::string> all;
    for (const auto& [trigram, names] :
         counted.value_or(std::vector<std::pair<std::string, std::int64_t>>{})) {
        postings += names;
        all.push_back(trigram);
    }
    std::vector<Entity> out;
    if (!counted || postings <= kClosestPostings) {
        // Each entity by its best-ranked name (FTS5's bm25 over the shared trigrams, so rare trigrams such
        // as those of "taisho" count for more than common ones such as those of "vietnam"). Each index
        // weighs by its own counts: names written since the last bulk write are weighed among themselves.
        SQLite::Statement fuzzy(
            db, std::string("SELECT ") + kEntityColumns +
                    " FROM (SELECT n.eid, min(s.rank) AS best FROM (SELECT rowid, rank FROM name_search "
                    "WHERE name_search MATCH ?1 UNION ALL SELECT rowid, rank FROM "
                    "name_recent WHERE name_recent MATCH ?1) s "
                    "JOIN entity_names n ON n.nid = s.rowid "
                    "WHERE n.lang NOT LIKE 'attribute:%' "
                    "GROUP BY n.eid ORDER BY best, n.eid LIMIT ?2) b "
                    "JOIN entities e ON e.eid = b.eid ORDER BY b.best, e.id");
        fuzzy.bind(1, counted ? fts_any(all) : fts_any(trigrams_of(key)));
        fuzzy.bind(2, static_cast<std::int64_t>(kSuggestionCount));
        while (fuzzy.executeStep()) out.push_back(read_entity(fuzzy));
        return out;
    }
    // Too many names share a trigram to rank them all: the names that share the rarest ones, as many as
    // fit kClosestPostings (at least the rarest), each scored by the trigrams of key it holds, a rare one
    // weighing more (log(total / names holding it), as bm25's idf); ties: the shorter name, then the id.
    auto by_rarity = *counted;
    std::erase_if(by_rarity, [](const auto& c) { return c.second == 0; });
    std::sort(by_rarity.begin(), by_rarity.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second < b.second : a.first < b.first;
    });
    std::vector<std::string> rare;
    std::int64_t taken = 0;
    for (const auto& [trigram, names] : by_rarity) {
        if (!rare.empty() && taken + names > kClosestPostings) break;
        taken += names;
        rare.push_back(trigram);
    }
    // About how many names there are (the largest name key: deleted ones leave gaps) for the weights.
    SQLite::Statement largest(db, "SELECT coalesce(max(nid), 0) FROM entity_names");
    const double total =
        static_cast<double>(std::max<std::int64_t>(
            largest.executeStep() ? largest.getColumn(0).getInt64() : 0, by_rarity.back().second)) +
        1.0;
    struct Best {
        double score = -1;
        std::size_t length = 0;
    };
    std::map<std::int64_t, Best> best;  // by entity key
    SQLite::Statement candidates(
        db,
        "SELECT n.eid, n.key FROM (SELECT rowid FROM name_search WHERE name_search MATCH ?1 "
        "UNION ALL SELECT rowid FROM name_recent WHERE name_recent MATCH ?1) s "
        "JOIN entity_names n ON n.nid = s.rowid WHERE n.lang NOT LIKE 'attribute:%'");
    candidates.bind(1, fts_any(rare));
    while (candidates.executeStep()) {
        const std::string name = candidates.getColumn(1).getString();
        double score = 0;
        for (const auto& [trigram, names] : by_rarity) {
            if (name.find(trigram) != std::string::npos)
                score += std::log(total / static_cast<double>(names));
        }
        const std::size_t length = codepoint_count(name);
        auto& entity = best[candidates.getColumn(0).getInt64()];
        if (score > entity.score || (score == entity.score && length < entity.length))
            entity = {score, length};
    }
    std::vector<std::pair<Best, Entity>> ranked;
    SQLite::Statement read(db, std::string("SELECT ") + kEntityColumns + " FROM entities e WHERE e.eid = ?");
    // Only the best few need their rows: a first pass by score and length, the id deciding among those.
    std::vector<std::pair<std::int64_t, Best>> order(best.begin(), best.end());
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.second.score != b.second.score ? a.second.score > b.second.score
                                                : a.second.length < b.second.length;
    });
    for (const auto& [eid, score] : order) {
        if (ranked.size() >= kSuggestionCount &&
            (score.score != ranked.back().first.score || score.length != ranked.back().first.length))
            break;
        read.bind(1, eid);
        if (read.executeStep()) ranked.emplace_back(score, read_entity(read));
        read.reset();
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        if (a.first.score != b.first.score) return a.first.score > b.first.score;
        if (a.first.length != b.first.length) return a.first.length < b.first.length;
        return a.second.id < b.second.id;
    });
    for (auto& [score, entity] : ranked) {
        if (out.size() == kSuggestionCount) break;
        out.push_back(std::move(entity));
    }
    return out;
}

}  // namespace

std::vector<std::string> Store::entities_folded_as(const std::string& name) const {
    const std::string folded = folded_name(name);
    if (folded.empty()) return {};
    // The name's pieces between separators, legal forms left out: each is part of the key of any name
    // folded alike (unless that one is written without the space or mark: "hatay" for "ha tay").
    std::vector<std::string> pieces;
    const std::string key = search_key(name);
    std::string piece;
    const auto flush = [&] {
        if (codepoint_count(piece) >= 3) pieces.push_back(piece);
        piece.clear();
    };
    std::size_t start = 0;
    while (start <= key.size()) {
        std::size_t end = key.find(' ', start);
        if (end == std::string::npos) end = key.size();
        std::string_view word(key.data() + start, end - start);
        while (!word.empty() && word.back() == ',') word.remove_suffix(1);
        if (!is_legal_form(word)) {
            for (const auto character : code_points(word)) {
                if (is_name_separator(character)) {
                    flush();
                } else {
                    piece += character;
                }
            }
        }
        flush();
        start = end + 1;
    }
    return guarded_read(*impl_, [&] {
        std::string sql =
            "SELECT e.id, n.name FROM entity_names n JOIN entities e ON e.eid = n.eid WHERE n.lang NOT LIKE "
            "'attribute:%' AND n.lang <> 'id' AND ";
        std::string match;
        for (const auto& part : pieces) match += (match.empty() ? "" : " AND ") + fts_phrase(part);
        sql += match.empty() ? "n.key = ?1"
                             : "n.nid IN (SELECT rowid FROM name_search WHERE name_search MATCH ?1 UNION ALL "
                               "SELECT rowid FROM name_recent WHERE name_recent MATCH ?1)";
        SQLite::Statement query(impl_->db, sql + " LIMIT 10000");
        query.bind(1, match.empty() ? key : match);
        std::set<std::string> out;
        while (query.executeStep()) {
            if (folded_name(query.getColumn(1).getString()) == folded)
                out.insert(query.getColumn(0).getString());
        }
        return std::vector<std::string>(out.begin(), out.end());
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
        if (codepoint_count(key) >= 3) closest = closest_names(impl_->db, key);
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
