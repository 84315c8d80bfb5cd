#pragma once
// Private to queries: the --in-time-order part of `path` (path_answer.h, time_path.h).
#include <nlohmann/json_fwd.hpp>

#include "answer_builder.h"
#include "kizuna/queries/answers/path_answer.h"

namespace kizuna::queries {

// Fills answer's paths (the earliest arrival, then the fewest hops when it is another path), its
// in_time_order. Throws UsageError (unknown type).
void answer_in_time_order(AnswerBuilder& builder, VertexId from, VertexId to, const PathRequest& request,
                          PathAnswer& answer);

[[nodiscard]] nlohmann::json time_order_json(const AnswerBook& book, const TimeOrderAnswer& answer);

}  // namespace kizuna::queries
