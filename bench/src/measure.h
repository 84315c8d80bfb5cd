#pragma once
// Clocks, percentiles and memory readings for the benchmarks.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <vector>

namespace kizuna::bench {

class Stopwatch {
  public:
    Stopwatch() : start_(std::chrono::steady_clock::now()) {}
    [[nodiscard]] double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

  private:
    std::chrono::steady_clock::time_point start_;
};

// The q-quantile (0..1) by nearest rank; 0 for no samples.
inline double percentile(std::vector<double> samples, double q) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<std::size_t>(q * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[std::min(rank, samples.size() - 1)];
}

// Peak resident set size of this process so far, in bytes.
inline std::size_t peak_rss_bytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::size_t>(usage.ru_maxrss) * 1024;
}

// A database's size on disk: the file and its write-ahead log.
inline std::size_t database_bytes(const std::filesystem::path& db) {
    std::size_t total = 0;
    std::error_code error;
    for (const char* suffix : {"", "-wal"}) {
        const auto size = std::filesystem::file_size(db.string() + suffix, error);
        if (!error) total += size;
    }
    return total;
}

}  // namespace kizuna::bench
