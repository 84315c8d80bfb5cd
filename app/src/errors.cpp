#include "kizuna/app/errors.h"

#include <algorithm>

namespace kizuna::app {

namespace {

std::string spelled(const std::vector<MessagePart>& parts, const SettingSpelling& spelling) {
    std::string out;
    for (const auto& part : parts) out += part.setting && spelling ? spelling(part.text) : part.text;
    return out;
}

}  // namespace

const char* kind_name(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Usage:
            return "usage";
        case ErrorKind::UnknownEntity:
            return "unknown_entity";
        case ErrorKind::AmbiguousEntity:
            return "ambiguous_entity";
        case ErrorKind::InvalidData:
            return "invalid_data";
        case ErrorKind::Database:
            return "database";
        case ErrorKind::Limit:
            return "limit";
        case ErrorKind::Conflict:
            return "conflict";
        case ErrorKind::Internal:
            break;
    }
    return "internal";
}

AppError::AppError(ErrorKind kind, std::vector<MessagePart> message)
    : std::runtime_error(spelled(message, {})), kind_(kind), parts_(std::move(message)) {}

std::string AppError::message(const SettingSpelling& spelling) const { return spelled(parts_, spelling); }

std::string AppError::setting() const {
    for (const auto& part : parts_) {
        if (part.setting) return part.text;
    }
    return {};
}

std::string command_line_spelling(const std::string& setting) {
    std::string option = "--" + setting;
    std::replace(option.begin(), option.end(), '_', '-');
    return option;
}

std::vector<MessagePart> settings_in(const std::string& text, const std::vector<std::string>& settings) {
    std::vector<MessagePart> parts;
    std::string plain;
    std::size_t at = 0;
    while (at < text.size()) {
        const bool starts_word =
            at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) != 0 || text[at - 1] == '-');
        if (starts_word && text.compare(at, 2, "--") == 0) {
            std::size_t end = at + 2;
            while (end < text.size() &&
                   (std::islower(static_cast<unsigned char>(text[end])) != 0 ||
                    std::isdigit(static_cast<unsigned char>(text[end])) != 0 || text[end] == '-')) {
                ++end;
            }
            std::string name = text.substr(at + 2, end - at - 2);
            std::replace(name.begin(), name.end(), '-', '_');
            if (!name.empty() && std::find(settings.begin(), settings.end(), name) != settings.end()) {
                if (!plain.empty()) parts.emplace_back(std::move(plain));
                plain.clear();
                parts.emplace_back(Setting{name});
                at = end;
                continue;
            }
        }
        plain += text[at++];
    }
    if (!plain.empty()) parts.emplace_back(std::move(plain));
    return parts;
}

}  // namespace kizuna::app
