#include "ceilings.h"

#include <algorithm>
#include <cctype>

namespace kizuna::server {

namespace {

// as-of and as_of name the same parameter; an alias names its parameter.
std::string parameter_name(const Endpoint& endpoint, std::string name) {
    std::replace(name.begin(), name.end(), '-', '_');
    const auto alias = endpoint.aliases.find(name);
    return alias == endpoint.aliases.end() ? name : alias->second;
}

}  // namespace

void apply_ceilings(const Endpoint& endpoint, const EndpointLimits& limits, QueryParams& params) {
    for (const auto& [parameter, ceiling] : limits.ceilings) {
        bool given = false;
        for (const auto& [name, value] : params) {
            if (parameter_name(endpoint, name) != parameter) continue;
            given = true;
            // Digits only: "+9e9" or " 99" must not pass for small here and large to the request.
            if (value.empty() || !std::all_of(value.begin(), value.end(),
                                              [](unsigned char c) { return std::isdigit(c) != 0; }))
                throw app::AppError(app::ErrorKind::Usage, {"/api/" + endpoint.name + ": " + name + "='" +
                                                            value + "' is not a whole number (at most " +
                                                            std::to_string(ceiling.most) + ")"});
            const std::string digits = value.substr(std::min(value.find_first_not_of('0'), value.size()));
            constexpr std::size_t kLongestInt64 = 18;
            if (digits.size() <= kLongestInt64 && (digits.empty() || std::stoll(digits) <= ceiling.most))
                continue;
            throw app::AppError(
                app::ErrorKind::Limit,
                {"/api/" + endpoint.name + ": " + name + "=" + value + " is more than this server allows (",
                 app::Setting{parameter}, " at most " + std::to_string(ceiling.most) + ")"});
        }
        if (!given && ceiling.by_default) params.emplace_back(parameter, std::to_string(ceiling.most));
    }
}

}  // namespace kizuna::server
