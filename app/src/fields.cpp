#include "fields.h"

#include <algorithm>
#include <charconv>
#include <sstream>

namespace kizuna::app {

bool flag_value(const std::string& name, const std::string& text) {
    if (text.empty() || text == "1" || text == "true" || text == "yes") return true;
    if (text == "0" || text == "false" || text == "no") return false;
    throw AppError(ErrorKind::Usage, {Setting{name}, ": a flag is 1/true or 0/false, not '" + text + "'"});
}

namespace fields {

std::size_t parse_count(const std::string& name, const std::string& text, std::size_t least,
                        std::size_t most) {
    const std::string range = "a whole number from " + std::to_string(least) + " to " + std::to_string(most);
    constexpr std::size_t kLongestNumber = 12;
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos ||
        text.size() > kLongestNumber) {
        throw AppError(ErrorKind::Usage, {Setting{name}, ": '" + text + "' is not " + range});
    }
    const auto value = std::stoull(text);
    if (value < least || value > most)
        throw AppError(ErrorKind::Usage, {Setting{name}, ": '" + text + "' is not " + range});
    return value;
}

namespace {
std::string number_text(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}
}  // namespace

void check_number(const std::string& name, double value, double least, double most) {
    if (!(value >= least && value <= most)) {
        throw AppError(ErrorKind::Usage,
                       {Setting{name}, ": '" + number_text(value) + "' is not a number from " +
                                           number_text(least) + " to " + number_text(most)});
    }
}

double parse_number(const std::string& name, const std::string& text, double least, double most) {
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || stop != end) {
        throw AppError(ErrorKind::Usage,
                       {Setting{name}, ": '" + text + "' is not a number from " + number_text(least) +
                                           " to " + number_text(most)});
    }
    check_number(name, value, least, most);
    return value;
}

void check_count(const Param& param, std::size_t value) {
    if (value < param.least || value > param.most) {
        throw AppError(
            ErrorKind::Usage,
            {Setting{param.name}, ": '" + std::to_string(value) + "' is not a whole number from " +
                                      std::to_string(param.least) + " to " + std::to_string(param.most)});
    }
}

PartialDate parse_date(const std::string& name, const std::string& text) {
    if (auto date = PartialDate::parse(text)) return *date;
    throw AppError(ErrorKind::Usage, {Setting{name}, ": '" + text +
                                                         "' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD "
                                                         "(e.g. 2024-11-15)"});
}

void check_choice(const Param& param, const std::string& text) {
    if (std::find(param.choices.begin(), param.choices.end(), text) != param.choices.end()) return;
    std::string choices;
    for (const auto& choice : param.choices) choices += (choices.empty() ? "" : ", ") + choice;
    throw AppError(ErrorKind::Usage, {Setting{param.name}, ": '" + text + "' is not one of " + choices});
}

void applies_only(bool given, const std::string& setting, const std::vector<MessagePart>& to_what) {
    if (!given) return;
    std::vector<MessagePart> parts = {Setting{setting}, " applies to "};
    parts.insert(parts.end(), to_what.begin(), to_what.end());
    throw AppError(ErrorKind::Usage, std::move(parts));
}

}  // namespace fields

}  // namespace kizuna::app
