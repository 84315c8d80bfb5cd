#pragma once
// Duplicates and merges (core/merge.h, queries/duplicates.h): finding candidate pairs, merging one entity
// into another, and judging a pair not to be duplicates. Like requests.h's, each describes and checks
// itself.
#include <string>

#include "kizuna/app/parameter.h"

namespace kizuna::app {

// duplicates: candidate pairs, best first, with their score and reasons.
struct DuplicatesRequest {
    std::string kind;        // only entities of this kind
    std::string entity;      // only pairs with this entity (id or any name)
    double min_score = 0.7;  // 0 to 1
    std::size_t limit = 100;
    std::string lang = "en";  // the words of the reasons: en, ja or vi (the front end's language)
    static const Description<DuplicatesRequest>& description();
    void validate() const;
};

// merge KEEP OTHER: OTHER merged into KEEP, as one change.
struct MergeRequest {
    std::string keep, other;  // ids or names
    bool dry_run = false;
    std::string prefer = "keep";  // keep or other: whose value wins a conflict
    static const Description<MergeRequest>& description();
    void validate() const;
};

// not-duplicates A B: the judgement that A and B are two entities (recorded; never proposed again).
struct NotDuplicatesRequest {
    std::string a, b;
    static const Description<NotDuplicatesRequest>& description();
    void validate() const;
};

}  // namespace kizuna::app
