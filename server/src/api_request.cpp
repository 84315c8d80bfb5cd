#include "api_request.h"

#include <algorithm>

namespace kizuna::server {

namespace {

// as_of -> as-of: query parameters are often written with underscores.
std::string option_name(std::string name) {
    std::replace(name.begin(), name.end(), '_', '-');
    return name;
}

bool flag_value(const std::string& name, const std::string& value) {
    if (value.empty() || value == "1" || value == "true" || value == "yes") return true;
    if (value == "0" || value == "false" || value == "no") return false;
    throw BadRequest("parameter '" + name + "': a flag is 1/true or 0/false, not '" + value + "'");
}

}  // namespace

std::vector<std::string> command_line(const std::string& command, const CommandSpec& spec,
                                      const std::vector<std::string>& segments,
                                      const std::vector<std::pair<std::string, std::string>>& params,
                                      const std::vector<std::string>& fixed_globals,
                                      const std::vector<std::string>& fixed_options) {
    std::vector<std::string> globals = fixed_globals, options = fixed_options;
    std::vector<std::string> positionals(spec.positionals.size());
    std::vector<bool> given(spec.positionals.size(), false);
    if (segments.size() > spec.positionals.size()) {
        throw BadRequest("/api/" + command + " takes at most " + std::to_string(spec.positionals.size()) +
                         " path segments");
    }
    for (std::size_t i = 0; i < segments.size(); ++i) {
        positionals[i] = segments[i];
        given[i] = true;
    }
    for (const auto& [raw_name, value] : params) {
        std::string name = raw_name;
        if (const auto alias = spec.aliases.find(name); alias != spec.aliases.end()) name = alias->second;
        if (name == "lang") {
            globals.insert(globals.end(), {"--lang", value});
            continue;
        }
        const auto positional = std::find(spec.positionals.begin(), spec.positionals.end(), name);
        if (positional != spec.positionals.end()) {
            const auto at = static_cast<std::size_t>(positional - spec.positionals.begin());
            if (given[at]) throw BadRequest("'" + name + "' is given twice");
            positionals[at] = value;
            given[at] = true;
            continue;
        }
        const std::string option = option_name(name);
        const auto found = spec.options.find(option);
        if (found == spec.options.end()) {
            std::string known;
            for (const auto& p : spec.positionals) known += (known.empty() ? "" : ", ") + p;
            for (const auto& [o, takes_value] : spec.options) known += (known.empty() ? "" : ", ") + o;
            throw BadRequest("/api/" + command + " has no parameter '" + raw_name +
                             "' (it takes: " + (known.empty() ? "none" : known) + ", lang)");
        }
        if (found->second) {
            options.push_back("--" + option + "=" + value);  // one word: a value can never pass for an option
        } else if (flag_value(raw_name, value)) {
            options.push_back("--" + option);
        }
    }
    std::vector<std::string> args = std::move(globals);
    args.push_back(command);
    args.insert(args.end(), options.begin(), options.end());
    // After "--" every word is a positional argument, even one that looks like an option ("-o").
    args.push_back("--");
    for (std::size_t i = 0; i < positionals.size(); ++i) {
        if (!given[i]) break;  // the command says which are required
        args.push_back(positionals[i]);
    }
    return args;
}

}  // namespace kizuna::server
