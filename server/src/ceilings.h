#pragma once
// Private to server: the most a client may ask of the server. A query parameter that sets a limit of
// the request (query's timeout and max_rows, path's k …) may lower it, never raise it past the server's
// ceiling; a ceiling that is also the value when none is given (query's timeout) is added.
#include <map>
#include <string>

#include "endpoints.h"
#include "kizuna/server/server.h"

namespace kizuna::server {

// Checks the request's values against the endpoint's ceilings and adds the ones given by default.
// Throws app::AppError (Limit) naming the ceiling.
void apply_ceilings(const Endpoint& endpoint, const EndpointLimits& limits, QueryParams& params);

}  // namespace kizuna::server
