#pragma once
// `list`: entities by kind, country and attribute ("who is in Hanoi?", "all Japanese companies"), or
// relations by type, category and the kinds and countries of their two ends ("which Japanese firms hold
// stakes in Vietnamese companies?"). Kinds, countries and types may be named in any language.
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/queries/answers/answer_book.h"
#include "kizuna/queries/filter.h"

namespace kizuna {

// attribute=value (equal) or attribute~text (contains), both compared by search_key (case, width and
// diacritics folded). An empty name matches any attribute.
struct AttributeCondition {
    std::string name;
    std::string value;
    bool contains = false;
    // "city=Hanoi", "description~ME-BYO", "~未病"; throws UsageError otherwise.
    [[nodiscard]] static AttributeCondition parse(const std::string& text);
};

// The entities' side of a list: every condition given must hold; within one option, any value may.
struct EntityConditions {
    std::vector<std::string> kinds, countries;
    std::vector<AttributeCondition> where;
};

struct EntityListAnswer {
    std::vector<std::string> entities;  // ids in id order, in the book
    std::vector<AttributeCondition> where;
    // With --where: each listed entity's attributes that met the conditions, by entity id.
    std::map<std::string, Attributes> matched;
    AnswerBook book;
};

struct RelationListRequest {
    RelationFilter filter;  // types, dates; evidence is listed (marked) unless excluded
    std::vector<std::string> categories;
    EntityConditions from, to;  // the relation's own from and to ends
};

struct RelationListAnswer {
    std::vector<Relation> relations;     // in relation-id order
    std::vector<Relation> date_unknown;  // under a date filter, UndatedPolicy::Separate
    LeftOut left_out;
    AnswerBook book;
};

// Throws UsageError for a kind, country, type or category that nothing has.
[[nodiscard]] EntityListAnswer answer_entity_list(const Snapshot& snapshot,
                                                  const EntityConditions& conditions);
[[nodiscard]] RelationListAnswer answer_relation_list(const Snapshot& snapshot,
                                                      const RelationListRequest& request);

// JSON: {"entities": [entity]}, {"relations": [relation], "date_unknown", "left_out"}.
void to_json(nlohmann::json& out, const EntityListAnswer& answer);
void to_json(nlohmann::json& out, const RelationListAnswer& answer);

}  // namespace kizuna
