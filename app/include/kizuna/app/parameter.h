#pragma once
// What a request takes, described once: each parameter's name, type, help, default and range. The
// command line builds its CLI11 options from it, the server its parameter table and OpenAPI document,
// and every front end fills a request through the same setters, which parse and check each value (a bad
// value is an AppError of kind Usage naming the parameter).
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace kizuna::app {

enum class ParamType {
    Text,    // a string (an entity name, a query)
    Date,    // a partial date: YYYY, YYYY-MM or YYYY-MM-DD
    Count,   // a whole number from least to most
    Number,  // a decimal number (its range is in its help and checked by its setter)
    Flag,    // true or false; given alone on the command line
    Choice,  // one of choices
    List,    // a string, repeatable (choices, when given, restrict each)
};

struct Param {
    std::string name{};  // snake_case, as the HTTP API and Python spell it: as_of
    ParamType type = ParamType::Text;
    std::string help{};
    std::string placeholder{};  // the value's name in help: DATE, N, ENTITY
    std::string short_name{};   // the command line's one-letter alias ("t" for -t), if any
    std::string long_alias{};   // the command line's other long name ("from" for --from), if any
    std::vector<std::string> choices{};
    std::size_t least = 0, most = 0;  // Count: the range
    std::string default_value{};      // as text, for documentation; "" when none
    bool positional = false;          // the command line takes it as an argument, the API as a path segment
    bool required = false;
    std::size_t values = 0;               // List: exactly this many values (0: any number)
    std::vector<std::string> excludes{};  // parameters that may not be given with this one
    std::vector<std::string> needs{};     // parameters that must be given with this one
};

// A parameter and how it fills a Request: set is called once per value given (a flag gets "true" or
// "false"); it parses and checks the value, and throws AppError (Usage) naming the parameter.
template <typename Request>
struct Field {
    Param param;
    std::function<void(Request&, const std::string&)> set;
};

// A request type's description: the command's name, what it does, the notes under its help, and its
// parameters in the order help lists them.
template <typename Request>
struct Description {
    std::string name;
    std::string summary;
    std::string notes;
    std::vector<Field<Request>> fields;

    [[nodiscard]] std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& field : fields) out.push_back(field.param.name);
        return out;
    }
    [[nodiscard]] const Field<Request>* find(const std::string& wanted) const {
        for (const auto& field : fields) {
            if (field.param.name == wanted) return &field;
        }
        return nullptr;
    }
};

// The words a flag takes from a text front end: 1/true/yes (or empty: given alone) and 0/false/no.
// Throws AppError (Usage) naming the parameter for anything else.
[[nodiscard]] bool flag_value(const std::string& name, const std::string& text);

}  // namespace kizuna::app
