#pragma once
// A request's parameters as a command's CLI11 options, derived from the request's description: names
// (as_of -> --as-of, with its one-letter alias), help, placeholders, ranges and choices checked by CLI11
// (its messages), exclusions and needs. After parsing, request() fills a request through the
// description's setters, in the description's order, with the values given.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "kizuna/app/errors.h"
#include "kizuna/app/parameter.h"
#include "option_limits.h"

namespace kizuna::cli {

template <typename Request>
class RequestOptions {
  public:
    // Adds the options of every parameter but those named in skip (which the command adds its own way).
    explicit RequestOptions(CLI::App& command, const std::vector<std::string>& skip = {}) {
        const auto& description = Request::description();
        for (const auto& field : description.fields) {
            if (std::find(skip.begin(), skip.end(), field.param.name) != skip.end()) continue;
            slots_.push_back(std::make_unique<Slot>(Slot{&field}));
            add(command, *slots_.back());
        }
        for (const auto& slot : slots_) {
            for (const auto& name : slot->field->param.excludes) {
                if (CLI::Option* other = option(name)) slot->option->excludes(other);
            }
            for (const auto& name : slot->field->param.needs) {
                if (CLI::Option* other = option(name)) slot->option->needs(other);
            }
        }
    }

    // The request with the values given. Throws app::AppError (Usage) for a value its setter refuses.
    [[nodiscard]] Request request() const {
        Request request;
        for (const auto& slot : slots_) {
            if (slot->option->count() == 0) continue;
            const auto& param = slot->field->param;
            if (param.type == app::ParamType::Flag) {
                slot->field->set(request, slot->flag ? "true" : "false");
            } else if (param.type == app::ParamType::List) {
                for (const auto& value : slot->values) slot->field->set(request, value);
            } else {
                slot->field->set(request, slot->value);
            }
        }
        return request;
    }

    // The option of a parameter, or nullptr when it has none here.
    [[nodiscard]] CLI::Option* option(const std::string& name) const {
        for (const auto& slot : slots_) {
            if (slot->field->param.name == name) return slot->option;
        }
        return nullptr;
    }

  private:
    struct Slot {
        const app::Field<Request>* field;
        CLI::Option* option = nullptr;
        std::string value{};
        std::vector<std::string> values{};
        bool flag = false;
    };

    static void add(CLI::App& command, Slot& slot) {
        const app::Param& param = slot.field->param;
        if (param.positional) {
            slot.option = param.type == app::ParamType::List
                              ? command.add_option(param.name, slot.values, param.help)
                              : command.add_option(param.name, slot.value, param.help);
            slot.option->type_name(param.placeholder);
            if (param.required) slot.option->required();
            return;
        }
        std::string names = app::command_line_spelling(param.name);
        if (!param.short_name.empty()) names += ",-" + param.short_name;
        if (!param.long_alias.empty()) names += ",--" + param.long_alias;
        switch (param.type) {
            case app::ParamType::Flag:
                slot.option = command.add_flag(names, slot.flag, param.help);
                return;
            case app::ParamType::List:
                slot.option = command.add_option(names, slot.values, param.help);
                if (param.values > 0) slot.option->expected(static_cast<int>(param.values));
                break;
            default:
                slot.option = command.add_option(names, slot.value, param.help);
                break;
        }
        slot.option->type_name(param.placeholder);
        if (param.required) slot.option->required();
        if (param.type == app::ParamType::Count) slot.option->check(count_between(param.least, param.most));
        if (!param.choices.empty()) slot.option->check(CLI::IsMember(param.choices));
    }

    std::vector<std::unique_ptr<Slot>> slots_;
};

}  // namespace kizuna::cli

namespace kizuna::cli {

// A command made from a request's description: its name, summary and notes, and its options.
template <typename Request>
struct RequestCommand {
    CLI::App* command;
    std::shared_ptr<RequestOptions<Request>> options;
};

template <typename Request>
RequestCommand<Request> add_request_command(CLI::App& root, const std::vector<std::string>& skip = {}) {
    const auto& description = Request::description();
    auto* command = root.add_subcommand(description.name, description.summary);
    if (!description.notes.empty()) command->footer(description.notes);
    return {command, std::make_shared<RequestOptions<Request>>(*command, skip)};
}

}  // namespace kizuna::cli
