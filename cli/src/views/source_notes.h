#pragma once
// Source markers for table output: each distinct source gets a number, cells show "[1,2]", and the
// sources are listed once under the table, so evidence travels with every answer.
#include <iosfwd>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "kizuna/core/model.h"

namespace kizuna::cli {

class SourceNotes {
  public:
    // "[n,…]" for the sources, numbering new ones; "" when there are none.
    std::string mark(const std::vector<Source>& sources);
    // "Sources:" and one line per numbered source (title, locator, url); nothing when none were marked.
    void print(std::ostream& out, const std::string& lang = "en") const;

  private:
    std::vector<Source> sources_;  // in the order first marked
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t>
        numbers_;  // (title, url, locator)
};

}  // namespace kizuna::cli
