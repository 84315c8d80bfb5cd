#pragma once
// The answers of duplicates, merge and not-duplicates, with the JSON every front end prints
// (docs/duplicates.md has their shapes).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kizuna/core/merge.h"
#include "kizuna/queries/duplicates.h"

namespace kizuna::app {

struct DuplicatesAnswer {
    struct Pair {
        Entity a, b;
        double score = 0;
        std::vector<DuplicateReason> reasons;
    };
    std::vector<Pair> pairs;
    std::size_t entities = 0, candidates = 0;  // entities looked at, pairs scored after blocking
    std::size_t left_out = 0;                  // pairs past the limit
};
// {"pairs": [{"a": entity, "b": entity, "score", "reasons": [{"reason", "detail", "weight"}]}],
//  "entities", "candidates", "left_out"}
void to_json(nlohmann::json& out, const DuplicatesAnswer& answer);

struct MergeAnswer {
    bool dry_run = false;
    MergePlan plan;
    std::int64_t change = 0;  // the change it was recorded as (0 on a dry run)
};
// {"dry_run", "change", "keep": entity (after), "other": entity (before), "conflicts": [{"field", "kept",
//  "dropped"}], "added": [...], "repointed": [relation], "folded": [{"relation", "into"}], "updated":
//  [relation], "dropped": [relation], "redirect": {"from", "to"}}
void to_json(nlohmann::json& out, const MergeAnswer& answer);

struct NotDuplicatesAnswer {
    std::string a, b;
    bool recorded = false;  // false: it was recorded already
    std::int64_t change = 0;
};
// {"a", "b", "recorded", "change"}
void to_json(nlohmann::json& out, const NotDuplicatesAnswer& answer);

}  // namespace kizuna::app
