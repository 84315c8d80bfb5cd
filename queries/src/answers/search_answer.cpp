#include "kizuna/queries/answers/search_answer.h"

#include <nlohmann/json.hpp>

#include "kizuna/core/json.h"

namespace kizuna {

SearchAnswer answer_search(const Store& store, const std::string& text, std::size_t limit) {
    SearchAnswer answer{text, limit, {}, {}, false, {}};
    const Store::ReadTransaction snapshot(store);  // the hits and the kinds' names of one state
    const auto kinds = store.entity_kinds();
    // One more than shown tells whether there are more.
    auto hits = store.search_everywhere(text, limit + 1);
    answer.more = hits.size() > limit;
    if (answer.more) hits.pop_back();
    for (auto& hit : hits) {
        answer.book.keep_kind(hit.entity.kind, kinds);
        answer.entities.push_back(std::move(hit.entity));
        answer.matched.emplace_back(std::move(hit.field), std::move(hit.text));
    }
    return answer;
}

void to_json(nlohmann::json& out, const SearchAnswer& answer) {
    out = nlohmann::json::array();
    for (std::size_t i = 0; i < answer.entities.size(); ++i) {
        nlohmann::json entity = answer.entities[i];
        entity["matched"] = {{"field", answer.matched[i].first}, {"text", answer.matched[i].second}};
        out.push_back(std::move(entity));
    }
}

}  // namespace kizuna
