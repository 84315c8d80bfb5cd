#include "ceilings.h"

#include <algorithm>
#include <cctype>

#include "api_request.h"

namespace kizuna::server {

namespace {

// as_of and as-of name the same option.
std::string long_option(std::string name) {
    std::replace(name.begin(), name.end(), '_', '-');
    return name;
}

}  // namespace

void apply_ceilings(const std::string& command, const CommandSpec& spec,
                    std::vector<std::pair<std::string, std::string>>& params) {
    for (const auto& [option, ceiling] : spec.ceilings) {
        bool given = false;
        for (const auto& [name, value] : params) {
            const auto alias = spec.aliases.find(name);
            if (long_option(alias == spec.aliases.end() ? name : alias->second) != option) continue;
            given = true;
            // Digits only: "+9e9" or " 99" must not pass for small here and large to the command.
            if (value.empty() || !std::all_of(value.begin(), value.end(),
                                              [](unsigned char c) { return std::isdigit(c) != 0; }))
                throw BadRequest("/api/" + command + ": " + name + "='" + value +
                                 "' is not a whole number (at most " + std::to_string(ceiling.most) + ")");
            const std::string digits = value.substr(std::min(value.find_first_not_of('0'), value.size()));
            if (digits.size() <= 18 && (digits.empty() || std::stoll(digits) <= ceiling.most)) continue;
            throw BadRequest("/api/" + command + ": " + name + "=" + value +
                             " is more than this server allows (" + option + " at most " +
                             std::to_string(ceiling.most) + ")");
        }
        if (!given && ceiling.by_default) params.emplace_back(option, std::to_string(ceiling.most));
    }
}

}  // namespace kizuna::server
