#pragma once
// Merging two entities found to be one: the other's relations re-pointed to the one kept (two relations of
// the same type, ends and dates become one, their sources united), names, aliases, attributes and sources
// united with conflicting values listed, and the other's id kept as a redirect (Store::redirect) so that
// commands and later imports naming it reach the kept one. Written as one write, hence one change of the
// history (history.h), undone as one.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "kizuna/core/model.h"
#include "kizuna/core/store.h"

namespace kizuna {

// A field both entities give, differently: the value kept and the value set aside. A set-aside name
// becomes an alias; a set-aside kind, country or attribute value is dropped (the history keeps it).
struct MergeConflict {
    std::string field;  // kind, country, name_en, name_ja, name_vi, attribute:NAME, or "relation ID
                        // attribute:NAME" (an attribute of a relation folded into relation ID)
    std::string kept, dropped;
};

struct MergePlan {
    Entity keep, other;  // as they are now
    Entity united;       // the kept entity after the merge
    std::vector<MergeConflict> conflicts;
    std::vector<std::string> added;   // what the other brought to the kept one: "alias: Hataphar", ...
    std::vector<Relation> repointed;  // the other's relations, now ending at the kept entity
    struct Folded {
        Relation relation;  // removed: the same tie as `into`
        std::string into;
    };
    std::vector<Folded> folded;
    std::vector<Relation> updated;  // relations that received the folded ones' sources and attributes
    std::vector<Relation> dropped;  // relations between the two: they would tie the entity to itself
    // Not-duplicate judgements naming the other: now naming the kept one (new_a empty: they named both).
    struct MovedJudgement {
        std::string a, b, new_a, new_b;
    };
    std::vector<MovedJudgement> judgements_moved;
};

// What merging other into keep does. prefer_other: the other's value wins each conflict. Throws UsageError
// when the two are one entity or either is missing. REQUIRES: ids, not names (callers resolve them).
[[nodiscard]] MergePlan plan_merge(const Store& store, const std::string& keep, const std::string& other,
                                   bool prefer_other);

// The kept entity with what the other adds to it, as a merge unites them (keep's values win): how an import
// takes a record of a merged-away id.
[[nodiscard]] Entity united_entity(const Entity& keep, const Entity& other);

// Writes the plan in one write (one change of the history). REQUIRES: nothing was written since the plan
// was made (callers plan and write in one go).
Store::WriteSummary apply_merge(Store& store, const MergePlan& plan);

}  // namespace kizuna
