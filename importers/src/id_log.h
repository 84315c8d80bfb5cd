#pragma once
// Private to importers: the ids of a streamed import's relations, for finding repeats at the end.
// Millions of ids are kept as one block of characters with their lines (about 20 bytes each besides
// the id), not as a hash map of strings (about 90); repeats are found by sorting hashes once.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "batch.h"

namespace kizuna::importers {

class IdLog {
  public:
    explicit IdLog(const char* what) : what_(what) {}

    // Records an id where it was read. Places of one file come together (files are read in turn).
    void record(const std::string& id, const Place& place);
    // Reports every repeat of an id, in the order read, naming where the id came first. Call once,
    // after the last record.
    void report_repeats(Problems& problems);
    // Reports the item when its id was recorded. REQUIRES: report_repeats was called.
    void check_against(const Located<Relation>& item, Problems& problems) const;

  private:
    [[nodiscard]] std::string_view id(std::size_t index) const;
    [[nodiscard]] Place place(std::size_t index) const;

    const char* what_;
    std::string chars_;                 // every id, one after another
    std::vector<std::uint64_t> ends_;   // end of each id in chars_
    std::vector<std::uint64_t> lines_;  // line of each id
    std::vector<std::shared_ptr<const std::string>> files_;
    std::vector<std::size_t> file_starts_;                        // index of the first id of each file
    std::vector<std::pair<std::uint64_t, std::size_t>> by_hash_;  // (hash, index), sorted
};

}  // namespace kizuna::importers
