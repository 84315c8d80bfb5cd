#pragma once
// Private to importers: what the readers produce, each value with the place it came from.
#include <string>
#include <vector>

#include "kizuna/core/model.h"

namespace kizuna::importers {

struct Place {
    std::string file;
    std::size_t line = 0;
    [[nodiscard]] std::string prefix() const { return file + ":" + std::to_string(line) + ": "; }
};

template <typename T>
struct Located {
    T value;
    Place place;
};

struct Batch {
    std::vector<Located<RelationType>> types;
    std::vector<Located<Entity>> entities;
    std::vector<Located<Relation>> relations;
};

// Collects "file:line: message" problems; keeps the first kMaxReportedProblems, counts all.
class Problems {
public:
    void add(const Place& place, const std::string& message);
    [[nodiscard]] bool empty() const { return total_ == 0; }
    // Throws ImportError when any problem was added.
    void throw_if_any() const;

private:
    std::vector<std::string> kept_;
    std::size_t total_ = 0;
};

// Readers append what they read to the batch and report problems; they never throw for bad data.
void read_csv(const std::string& file, Batch& batch, Problems& problems);
void read_jsonl(const std::string& file, Batch& batch, Problems& problems);
void read_graphml(const std::string& file, Batch& batch, Problems& problems);

}  // namespace kizuna::importers
