#pragma once
// What one query has spent, against its Limits (engine.h): the clock, read now and then by every loop
// that can run long (tick), and the memory it holds — lists, strings and maps as they are built
// (check_new) and the rows kept by sorting, grouping, DISTINCT, collect and the answer (hold/release).
// Each limit ends the query with LimitReached naming the limit, never with an allocation failure.
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "kizuna/cypher/engine.h"

namespace kizuna::cypher {

class Budget {
  public:
    Budget() = default;
    explicit Budget(const Limits& limits);

    // Counts cost units of work (one row, one element, one step of a search); every few thousand, reads
    // the clock. Throws LimitReached past the time limit.
    void tick(std::size_t cost = 1) {
        ticks_ += cost;
        if (ticks_ >= next_check_) check_time();
    }
    void check_time();
    // Throws LimitReached when a new value of `bytes`, beside what the query holds, passes the limit.
    void check_new(std::size_t bytes) const;
    // Rows and values kept until the query or an operator ends: counted until released.
    void hold(std::size_t bytes);
    void release(std::size_t bytes);
    [[nodiscard]] std::size_t held() const { return held_; }
    // Throws LimitReached when `rows` passes the row limit; what: "the answer has", "the query holds".
    void check_rows(std::size_t rows, const char* what) const;
    [[nodiscard]] const Limits& limits() const { return limits_; }

  private:
    [[noreturn]] void over_memory() const;
    Limits limits_;
    std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
    std::size_t ticks_ = 0;
    std::size_t next_check_ = kTicksBetweenClocks;
    std::size_t held_ = 0;
    static constexpr std::size_t kTicksBetweenClocks = 4096;
};

// About how many bytes a value takes: the value itself, its text, and the elements of its lists and
// maps (shared lists are counted at each use: an estimate on the safe side).
[[nodiscard]] std::size_t footprint(const Value& value);
[[nodiscard]] std::size_t footprint(const std::vector<Value>& row);

// "1 GiB", "512 MiB", "1500 bytes": a size as the memory limit is written.
[[nodiscard]] std::string bytes_text(std::size_t bytes);

}  // namespace kizuna::cypher
