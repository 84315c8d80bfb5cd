#pragma once
// The words tables, notes and titles print, in the language of --lang. English is the key: tr("partner",
// "ja") is "相手先". Phrases with numbers or names take {0}, {1} … ("Partners of {0}: {1}").
// Messages on standard error and --help stay English.
#include <initializer_list>
#include <string>
#include <string_view>

namespace kizuna::cli {

// The English text in lang ("en", "ja", "vi"); the English itself when lang is en or the text has no
// translation (tests/cli/cases/lang.test runs every table command in ja and vi).
[[nodiscard]] std::string tr(std::string_view english, const std::string& lang);
// tr() with {0}, {1} … replaced by the values, in order.
[[nodiscard]] std::string tr(std::string_view english, const std::string& lang,
                             std::initializer_list<std::string> values);
// English as written (with its singulars) when lang is en; otherwise the template in lang.
[[nodiscard]] inline std::string say(const std::string& lang, const std::string& english,
                                     std::string_view english_template,
                                     std::initializer_list<std::string> values) {
    return lang == "ja" || lang == "vi" ? tr(english_template, lang, values) : english;
}

}  // namespace kizuna::cli
