#include "batch.h"
#include "kizuna/core/errors.h"
#include "kizuna/importers/import.h"

namespace kizuna::importers {

std::string Place::where() const {
    if (column == 0) return *file + ":" + std::to_string(line);
    std::string letters;
    for (std::uint32_t c = column; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return *file + "!" + letters + std::to_string(line);
}

void Problems::add(const Place& place, const std::string& message) {
    ++total_;
    if (kept_.size() < kMaxReportedProblems) kept_.push_back(place.prefix() + message);
}

void Problems::add_all(const Problems& other) {
    for (const auto& message : other.kept_) {
        if (kept_.size() < kMaxReportedProblems) kept_.push_back(message);
    }
    total_ += other.total_;
}

void Problems::throw_if_any() const {
    if (total_ > 0) throw ImportError(kept_, total_);
}

}  // namespace kizuna::importers
