// Parameters from text (parameter.h): nlohmann's reader, stopped at the nesting bound as it reads, then
// converted with the depth known to be small.
#include "kizuna/cypher/parameter.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace kizuna::cypher {
namespace {

struct TooDeep {};

Value value_of(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::boolean:
            return Value(j.get<bool>());
        case nlohmann::json::value_t::number_integer:
            return Value(j.get<std::int64_t>());
        case nlohmann::json::value_t::number_unsigned:
            // Above the largest Integer: a Float, as Cypher reads a literal too large to be an Integer.
            if (j.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
                return Value(static_cast<double>(j.get<std::uint64_t>()));
            return Value(j.get<std::int64_t>());
        case nlohmann::json::value_t::number_float:
            return Value(j.get<double>());
        case nlohmann::json::value_t::string:
            return Value(j.get<std::string>());
        case nlohmann::json::value_t::array: {
            List list;
            list.reserve(j.size());
            for (const auto& x : j) list.push_back(value_of(x));
            return Value(std::move(list));
        }
        case nlohmann::json::value_t::object: {
            Map map;
            for (const auto& [k, x] : j.items()) map[k] = value_of(x);
            return Value(std::move(map));
        }
        default:
            return {};
    }
}

}  // namespace

Value parameter_value(const std::string& text) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text, [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
            if (depth >= kMaxParameterNesting) throw TooDeep{};  // depth counts from 0
            return true;
        });
    } catch (const TooDeep&) {
        throw std::invalid_argument("the value nests lists or maps more than " +
                                    std::to_string(kMaxParameterNesting) + " levels deep");
    } catch (const nlohmann::json::exception&) {
        return Value(text);  // not JSON: the text itself
    }
    return value_of(json);
}

std::pair<std::string, Value> parameter_assignment(const std::string& assignment) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        throw std::invalid_argument("write name=value (the value as JSON, or plain text)");
    return {assignment.substr(0, eq), parameter_value(assignment.substr(eq + 1))};
}

}  // namespace kizuna::cypher
