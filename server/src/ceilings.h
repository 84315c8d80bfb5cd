#pragma once
// Private to server: the most a client may ask of the server. A query parameter that sets a limit of
// the command (query's timeout and max_rows, path's max_hops …) may lower it, never raise it past the
// server's ceiling; a ceiling that is also the value when none is given (query's timeout) is added.
#include <string>
#include <utility>
#include <vector>

#include "kizuna/server/server.h"

namespace kizuna::server {

// Checks the request's values against the command's ceilings and adds the ones given by default.
// Throws BadRequest naming the ceiling.
void apply_ceilings(const std::string& command, const CommandSpec& spec,
                    std::vector<std::pair<std::string, std::string>>& params);

}  // namespace kizuna::server
