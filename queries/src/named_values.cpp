#include "named_values.h"

#include <algorithm>

#include "kizuna/core/errors.h"
#include "kizuna/core/vocabulary.h"

namespace kizuna::queries {

std::vector<std::string> named_values(const Graph& graph, const std::vector<std::string>& words,
                                      Vocabulary vocabulary, const std::string& option) {
    const bool kinds = vocabulary == Vocabulary::Kind;
    const auto& known = kinds ? graph.kinds() : graph.countries();
    std::vector<std::string> ids;
    for (const auto& word : words) {
        const auto found = kinds ? match_kind(word, known, graph.entity_kinds()) : match_country(word, known);
        if (found) {
            ids.push_back(*found);
            continue;
        }
        std::vector<std::string> sorted = known;
        std::sort(sorted.begin(), sorted.end());
        std::string list;
        for (const auto& k : sorted) {
            if (!k.empty()) list += (list.empty() ? "" : ", ") + k;
        }
        throw UsageError(option + ": no entity has the " + (kinds ? "kind" : "country") + " '" + word +
                         "' (there are: " + list + ")");
    }
    return ids;
}

}  // namespace kizuna::queries
