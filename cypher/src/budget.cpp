// The clock and the memory budget of one query (budget.h).
#include "budget.h"

#include "kizuna/cypher/errors.h"

namespace kizuna::cypher {

Budget::Budget(const Limits& limits) : limits_(limits) {
    const auto start = limits.started == std::chrono::steady_clock::time_point{}
                           ? std::chrono::steady_clock::now()
                           : limits.started;
    if (limits.timeout < std::chrono::steady_clock::time_point::max() - start)
        deadline_ = start + limits.timeout;
}

void Budget::check_time() {
    next_check_ = ticks_ + kTicksBetweenClocks;
    if (std::chrono::steady_clock::now() > deadline_) {
        throw LimitReached(LimitReached::Limit::Time, "the query ran longer than the time limit of " +
                                                          std::to_string(limits_.timeout.count()) + " ms");
    }
    if (limits_.cancelled && limits_.cancelled())
        throw LimitReached(LimitReached::Limit::Cancelled, "the query was cancelled (its client has gone)");
}

void Budget::over_memory() const {
    throw LimitReached(LimitReached::Limit::Memory, "the query needs more than the memory limit of " +
                                                        bytes_text(limits_.max_memory) +
                                                        "; narrow it or raise the limit");
}

void Budget::check_new(std::size_t bytes) const {
    if (bytes > limits_.max_memory || held_ > limits_.max_memory - bytes) over_memory();
}

void Budget::hold(std::size_t bytes) {
    check_new(bytes);
    held_ += bytes;
}

void Budget::release(std::size_t bytes) { held_ -= std::min(bytes, held_); }

void Budget::check_rows(std::size_t rows, const char* what) const {
    if (rows > limits_.max_rows) {
        throw LimitReached(LimitReached::Limit::Rows,
                           std::string(what) + " more than " + std::to_string(limits_.max_rows) +
                               " rows (the row limit); add LIMIT or raise the limit");
    }
}

std::size_t footprint(const Value& value) {
    std::size_t bytes = sizeof(Value);
    switch (value.type()) {
        case Value::Type::String:
            return bytes + value.as_string().capacity();
        case Value::Type::List:
            for (const auto& v : value.as_list()) bytes += footprint(v);
            return bytes + 16;
        case Value::Type::Map:
            // A tree node per entry: its key, its value and the node's links.
            for (const auto& [k, v] : value.as_map()) bytes += 48 + k.capacity() + footprint(v);
            return bytes + 16;
        case Value::Type::Path:
            return bytes + 16 + 8 * (value.as_path().nodes.size() + value.as_path().rels.size());
        default:
            return bytes;
    }
}

std::size_t footprint(const std::vector<Value>& row) {
    std::size_t bytes = 24;
    for (const auto& v : row) bytes += footprint(v);
    return bytes;
}

std::string bytes_text(std::size_t bytes) {
    static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes == 0 || bytes % 1024 != 0) return std::to_string(bytes) + " bytes";
    std::size_t unit = 0;
    bytes /= 1024;
    while (unit + 1 < std::size(kUnits) && bytes % 1024 == 0) {
        bytes /= 1024;
        ++unit;
    }
    return std::to_string(bytes) + " " + kUnits[unit];
}

}  // namespace kizuna::cypher
