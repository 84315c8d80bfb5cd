#pragma once
// `search TEXT`: entities by any name, alias or attribute value in any language
// (Store::search_everywhere), best first, each with the field that matched.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "kizuna/core/model.h"
#include "kizuna/core/store.h"
#include "kizuna/queries/answers/answer_book.h"

namespace kizuna {

struct SearchAnswer {
    std::string text;
    std::size_t limit = 0;
    std::vector<Entity> entities;  // at most limit
    // For each entity: the field its best match is in ("en", "alias", "attribute:city" …) and its text.
    std::vector<std::pair<std::string, std::string>> matched;
    bool more = false;  // more entities match than limit
    AnswerBook book;    // the names of the entities' kinds
};

// REQUIRES: limit > 0. Throws StorageError.
[[nodiscard]] SearchAnswer answer_search(const Store& store, const std::string& text, std::size_t limit);

// JSON: the list of entities, each with "matched": {"field", "text"} (scripts get the list they asked
// for; `more` is for people).
void to_json(nlohmann::json& out, const SearchAnswer& answer);

}  // namespace kizuna
