#pragma once
// `stats`: counts by kind, country and type, components, and the entities ranked by degree (and, when
// asked, betweenness).
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/queries/analytics.h"
#include "kizuna/queries/answers/answer_book.h"

namespace kizuna {

struct RankedEntity {
    std::string entity;  // id, in the book
    double score = 0;
};

struct StatsAnswer {
    std::size_t entities = 0;
    std::size_t relations = 0;  // passing the filter
    std::map<std::string, std::size_t> by_kind, by_country, by_type;
    std::size_t components = 0;
    std::vector<std::size_t> largest_components;
    std::vector<RankedEntity> by_degree;
    bool betweenness = false;  // asked for
    std::vector<RankedEntity> by_betweenness;
    std::size_t betweenness_sources = 0;  // == entities: exact; fewer: an estimate
    LeftOut left_out;                     // not walked by components and rankings
    AnswerBook book;                      // the ranked entities and every relation type
    [[nodiscard]] bool betweenness_exact() const { return betweenness_sources == entities; }
};

// Throws UsageError (unknown type), StorageError.
[[nodiscard]] StatsAnswer answer_stats(const Snapshot& snapshot, const StatsQuery& query);

// JSON: {"entities", "relations", "by_kind", "by_country", "by_type", "components", "largest_components",
// "by_degree": [{"id", "score"}]} and, with betweenness, "by_betweenness", "betweenness_sources",
// "betweenness_exact", and "left_out".
void to_json(nlohmann::json& out, const StatsAnswer& answer);

}  // namespace kizuna
