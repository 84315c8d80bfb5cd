#pragma once
// Cypher's `=~` through RE2, whose matching takes time linear in the text (no backtracking: `(a+)+$`
// cannot run away, and no pattern recurses on the stack). The whole string must match, as Java's
// Pattern.matches does for Neo4j. Patterns are compiled once per query.
#include <memory>
#include <string>
#include <unordered_map>

#include "budget.h"

namespace re2 {
class RE2;
}

namespace kizuna::cypher {

class RegexCache {
  public:
    RegexCache();
    ~RegexCache();
    RegexCache(const RegexCache&) = delete;
    RegexCache& operator=(const RegexCache&) = delete;

    // Whether the whole of text matches pattern. Counts the text's length as work on the budget's
    // clock. Throws CypherError (ArgumentError) naming a pattern RE2 refuses, and why.
    [[nodiscard]] bool full_match(const std::string& text, const std::string& pattern, Budget& budget);

  private:
    const re2::RE2& compiled(const std::string& pattern);
    std::unordered_map<std::string, std::unique_ptr<re2::RE2>> compiled_;
};

}  // namespace kizuna::cypher
