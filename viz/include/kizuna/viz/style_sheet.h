#pragma once
// The visual vocabulary as data, for the explorer page (GET /api/style?lang=ja): the same shapes, fills,
// colours and words the diagrams use (viz/src/style.cpp, core/vocabulary.h), so that the page keeps no
// copy of its own.
#include <string>
#include <vector>

#include "kizuna/core/model.h"

namespace kizuna::viz {

// JSON: {"lang", "categories": [{id, name, colour, rank}], "types": [{id, label, category, colour,
// directed}], "kinds": [{id, label, shape}], "countries": [{code, name, fill}], "groups": [fill] (community
// groups 1, 2 … then one fill for the rest), "fallback": {shape,
// fill, colour}}. kinds: the vocabulary's and those entities have (used_kinds); countries: those entities
// have. rank orders categories for the explorer's choice of neighbours (collaboration first).
[[nodiscard]] std::string style_sheet_json(const std::vector<EntityKind>& kind_vocabulary,
                                           const std::vector<std::string>& used_kinds,
                                           const std::vector<RelationType>& types,
                                           const std::vector<std::string>& countries,
                                           const std::string& lang);

}  // namespace kizuna::viz
