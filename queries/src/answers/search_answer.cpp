#include "kizuna/queries/answers/search_answer.h"

#include <nlohmann/json.hpp>

#include "kizuna/core/json.h"

namespace kizuna {

SearchAnswer answer_search(const Store& store, const std::string& text, std::size_t limit) {
    SearchAnswer answer{text, limit, {}, false};
    // One more than shown tells whether there are more.
    answer.entities = store.search(text, limit + 1);
    answer.more = answer.entities.size() > limit;
    if (answer.more) answer.entities.pop_back();
    return answer;
}

void to_json(nlohmann::json& out, const SearchAnswer& answer) { out = answer.entities; }

}  // namespace kizuna
