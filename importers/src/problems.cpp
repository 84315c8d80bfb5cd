#include "batch.h"
#include "kizuna/core/errors.h"
#include "kizuna/importers/import.h"

namespace kizuna::importers {

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
