#pragma once
// Private to importers: how list- and map-valued fields sit in one CSV cell (documented in README.md).
//   aliases     "MOH | Bộ Y tế"                 or a JSON array of strings
//   sources     one source per line, "title | url | locator" (url and locator optional)
//                                               or a JSON array of {title, url, locator}
//   attributes  one "name: value" per line      or a JSON object of strings
// Writers use the plain form whenever it reads back exactly, JSON otherwise. Parsers throw
// InvalidDataError.
#include <string>
#include <vector>

#include "kizuna/core/model.h"

namespace kizuna::importers {

[[nodiscard]] std::vector<std::string> parse_aliases_cell(const std::string& cell);
[[nodiscard]] std::string format_aliases_cell(const std::vector<std::string>& aliases);
[[nodiscard]] std::vector<Source> parse_sources_cell(const std::string& cell);
[[nodiscard]] std::string format_sources_cell(const std::vector<Source>& sources);
[[nodiscard]] Attributes parse_attributes_cell(const std::string& cell);
[[nodiscard]] std::string format_attributes_cell(const Attributes& attributes);

}  // namespace kizuna::importers
