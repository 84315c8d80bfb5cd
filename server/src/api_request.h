#pragma once
// Private to server: an API request turned into the command line it stands for. GET
// /api/partners/vn-moh?type=mou&type=joint_venture&as_of=2020&lang=ja becomes
//   --format json --lang ja partners --type=mou --type=joint_venture --as-of=2020 -- vn-moh
// Path segments fill the command's positional arguments in order; a query parameter names a positional
// argument, an option (as_of or as-of for --as-of; repeated for several values; a flag takes 1/true or
// 0/false) or `lang`. Anything else is refused: options that write files or choose the database
// (-o, --db) are not the command's to take here.
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "kizuna/server/server.h"

namespace kizuna::server {

// A request the API cannot turn into a command line: HTTP 400 with this message.
class BadRequest : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// params: the query parameters in their order. Throws BadRequest.
[[nodiscard]] std::vector<std::string> command_line(
    const std::string& command, const CommandSpec& spec, const std::vector<std::string>& segments,
    const std::vector<std::pair<std::string, std::string>>& params, const std::vector<std::string>& globals,
    const std::vector<std::string>& fixed_options);

}  // namespace kizuna::server
