// RE2 for `=~` (regex.h): compiled with a bound on each program's memory, kept for the query (at most
// kCached patterns: a pattern computed per row must not fill memory with programs).
#include "regex.h"

#include <re2/re2.h>

#include "kizuna/cypher/errors.h"

namespace kizuna::cypher {
namespace {

constexpr std::size_t kCached = 32;
constexpr std::int64_t kProgramMemory = std::int64_t{8} << 20;  // RE2's default, stated
constexpr std::size_t kBytesPerTick = 64;

}  // namespace

RegexCache::RegexCache() = default;
RegexCache::~RegexCache() = default;

const re2::RE2& RegexCache::compiled(const std::string& pattern) {
    auto found = compiled_.find(pattern);
    if (found != compiled_.end()) return *found->second;
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(kProgramMemory);
    auto re = std::make_unique<re2::RE2>(pattern, options);
    if (!re->ok()) {
        std::string shown = pattern.size() <= 80 ? pattern : pattern.substr(0, 80) + "…";
        throw CypherError("ArgumentError", CypherError::Phase::Runtime,
                          "invalid regular expression '" + shown + "': " + re->error() +
                              " (=~ takes RE2's syntax: no backreferences or lookaround)");
    }
    if (compiled_.size() >= kCached) compiled_.clear();
    return *compiled_.emplace(pattern, std::move(re)).first->second;
}

bool RegexCache::full_match(const std::string& text, const std::string& pattern, Budget& budget) {
    const auto& re = compiled(pattern);
    budget.tick(1 + text.size() / kBytesPerTick);
    return RE2::FullMatch(text, re);
}

}  // namespace kizuna::cypher
