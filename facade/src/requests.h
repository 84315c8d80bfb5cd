#pragma once
// The API's requests as the engine's: each setting checked here, with messages that name the setting
// (as_of, max_hops), not a command-line flag.
#include <string>

#include "kizuna/kizuna.h"
#include "kizuna/queries/analytics.h"
#include "kizuna/queries/answers/list_answer.h"
#include "kizuna/queries/answers/path_answer.h"
#include "kizuna/queries/filter.h"
#include "kizuna/queries/partners.h"

namespace kizuna::api {

// Throws UsageError for a bad date, a period with as_of, since after until, undated without dates.
[[nodiscard]] kizuna::RelationFilter relation_filter(const Filter& filter);
[[nodiscard]] kizuna::PartnerQuery partner_query(const PartnersRequest& request);
[[nodiscard]] kizuna::PathRequest path_request(const PathRequest& request);
[[nodiscard]] kizuna::StatsQuery stats_query(const StatsRequest& request);
[[nodiscard]] kizuna::EntityConditions entity_conditions(const ListRequest::Ends& ends);
// Throws UsageError unless 1 <= value <= most (0 allowed when zero_allowed).
void check_count(const char* setting, std::size_t value, std::size_t most, bool zero_allowed = false);

}  // namespace kizuna::api
