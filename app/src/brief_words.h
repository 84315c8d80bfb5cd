#pragma once
// Private to app: every word of the partner introduction sheet in English, Japanese and Vietnamese —
// headings, labels, states, the names of relation attributes — and dates written as each language writes
// them. English is the key; a word without a translation stays English (a test reads every word in ja).
#include <initializer_list>
#include <string>
#include <string_view>

#include "kizuna/core/date_rule.h"
#include "kizuna/core/partial_date.h"

namespace kizuna::app {

// The English text in lang, {0}, {1} … replaced by the values in order.
[[nodiscard]] std::string sheet_word(std::string_view english, const std::string& lang,
                                     std::initializer_list<std::string> values = {});
// An attribute's name ("purpose", "area_1", "stake") in lang; "" when the sheet has no name for it (the
// view then shows the name as the data spells it).
[[nodiscard]] std::string attribute_word(const std::string& name, const std::string& lang);
// A relation's state in lang: active, possibly active, inactive, date unknown.
[[nodiscard]] std::string state_word(Activity state, const std::string& lang);
// 2024-11-15 as "2024年11月15日", "15/11/2024" or "2024-11-15"; a year or month alone likewise.
[[nodiscard]] std::string date_words(const PartialDate& date, const std::string& lang);
// "2014-03 – " (ongoing), "2024-04 – 2025-03", "" without dates, in lang.
[[nodiscard]] std::string span_words(const std::optional<PartialDate>& start,
                                     const std::optional<PartialDate>& end, const std::string& lang);

}  // namespace kizuna::app
