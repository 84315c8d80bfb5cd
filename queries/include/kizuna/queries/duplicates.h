#pragma once
// Finding entities that are probably one: pairs with a score from 0 to 1 and the reasons for it — a name
// or alias equal after folding (text.h: width variants, case, diacritics) in any language, similar names
// (shared character trigrams), the same website or other identifying attribute, the same kind and
// country, shared neighbours. Candidates are blocked first (pairs sharing a folded name, an uncommon
// trigram or an identifying value), so the work grows with the candidates, not with the square of the
// entities. Pure: the caller gathers the entities and edges.
#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kizuna/core/model.h"

namespace kizuna {

struct DuplicateReason {
    std::string reason;  // same name, similar name, same attribute, same kind, same country, different ...
    std::string detail;  // what matched: "'Hataphar' (alias) = 'HATAPHAR' (en)"
    double weight = 0;   // its share of the score (negative: counts against)
};

struct DuplicatePair {
    std::string a, b;  // entity ids, a < b
    double score = 0;
    std::vector<DuplicateReason> reasons;
};

struct DuplicateInput {
    std::vector<Entity> entities;
    std::vector<std::pair<std::string, std::string>> edges;        // relation ends, by id
    std::set<std::pair<std::string, std::string>> not_duplicates;  // judged pairs, each (a < b)
};

struct DuplicateOptions {
    std::string kind;        // only entities of this kind; empty: all
    double min_score = 0.7;  // pairs scoring less are left out
    std::string entity;      // only pairs with this entity (its id); empty: every pair
};

struct DuplicateFindings {
    std::vector<DuplicatePair> pairs;  // best first, then by ids
    std::size_t candidates = 0;        // pairs scored after blocking (the entity's, when one is given)
};

[[nodiscard]] DuplicateFindings find_duplicates(const DuplicateInput& input, const DuplicateOptions& options);

}  // namespace kizuna
