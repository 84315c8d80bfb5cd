#pragma once
// Private to app: the fields requests are described with, each a parameter and a setter that parses and
// checks one value (messages name the setting, never a front end's spelling of it).
#include <optional>
#include <string>
#include <vector>

#include "kizuna/app/errors.h"
#include "kizuna/app/parameter.h"
#include "kizuna/app/requests.h"

namespace kizuna::app::fields {

// A whole number from least to most; throws AppError (Usage) naming the setting.
[[nodiscard]] std::size_t parse_count(const std::string& name, const std::string& text, std::size_t least,
                                      std::size_t most);
// A decimal number from least to most (both included); throws AppError (Usage) naming the setting.
[[nodiscard]] double parse_number(const std::string& name, const std::string& text, double least,
                                  double most);
// value in [least, most]; throws as parse_number.
void check_number(const std::string& name, double value, double least, double most);
// A partial date; throws AppError (Usage) naming the setting.
[[nodiscard]] PartialDate parse_date(const std::string& name, const std::string& text);
// One of choices; throws AppError (Usage) naming the setting and the choices.
void check_choice(const Param& param, const std::string& text);
// value in [least, most] of the described parameter; throws as parse_count.
void check_count(const Param& param, std::size_t value);

template <typename R>
Field<R> text(Param param, std::string R::*member) {
    param.type = ParamType::Text;
    return {std::move(param), [member](R& request, const std::string& value) { request.*member = value; }};
}

// The positional, required argument naming an entity by its id or any of its names.
template <typename R>
Field<R> entity(std::string name, std::string placeholder, std::string R::*member) {
    return text<R>({.name = std::move(name),
                    .help = "id or any name or alias",
                    .placeholder = std::move(placeholder),
                    .positional = true,
                    .required = true},
                   member);
}

template <typename R>
Field<R> choice(Param param, std::string R::*member) {
    param.type = ParamType::Choice;
    return {param, [member, param](R& request, const std::string& value) {
                check_choice(param, value);
                request.*member = value;
            }};
}

template <typename R>
Field<R> list(Param param, std::vector<std::string> R::*member) {
    param.type = ParamType::List;
    return {param, [member, param](R& request, const std::string& value) {
                if (!param.choices.empty()) check_choice(param, value);
                (request.*member).push_back(value);
            }};
}

template <typename R>
Field<R> flag(Param param, bool R::*member) {
    param.type = ParamType::Flag;
    return {param, [member, name = param.name](R& request, const std::string& value) {
                request.*member = flag_value(name, value);
            }};
}

// member: std::size_t or std::optional<std::size_t>.
template <typename R, typename T>
Field<R> count(Param param, T R::*member) {
    param.type = ParamType::Count;
    return {param, [member, param](R& request, const std::string& value) {
                request.*member = parse_count(param.name, value, param.least, param.most);
            }};
}

// member: double, from least to most.
template <typename R>
Field<R> number(Param param, double R::*member, double least, double most) {
    param.type = ParamType::Number;
    return {param, [member, name = param.name, least, most](R& request, const std::string& value) {
                request.*member = parse_number(name, value, least, most);
            }};
}

// Which of the optional filter settings a request takes (it never takes one it would ignore).
struct FilterTakes {
    bool directed = true;  // direction has a meaning for the request
    bool evidence = true;  // it walks connections (partners, show and timeline list evidence)
};

// The filter's parameters: type, exclude_type, as_of, since, until, undated, directed, include_evidence.
[[nodiscard]] std::vector<Param> filter_params(FilterTakes takes);
// Sets the filter setting named name from text. REQUIRES: name is one of filter_params().
void set_filter(FilterSettings& filter, const std::string& name, const std::string& text);

template <typename R>
void add_filter(std::vector<Field<R>>& out, FilterSettings R::*member, FilterTakes takes) {
    for (auto& param : filter_params(takes)) {
        const std::string name = param.name;
        out.push_back({std::move(param), [member, name](R& request, const std::string& value) {
                           set_filter(request.*member, name, value);
                       }});
    }
}

// The rules of the filter under a command's own notes (footer first when not empty).
[[nodiscard]] std::string filter_notes(FilterTakes takes, const std::string& footer = "");

// Throws AppError (Usage) "<setting> applies to <what>" when given.
void applies_only(bool given, const std::string& setting, const std::vector<MessagePart>& to_what);

}  // namespace kizuna::app::fields
