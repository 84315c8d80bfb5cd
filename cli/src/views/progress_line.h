#pragma once
// The import's progress on a terminal: one line, refreshed at most 4 times a second,
// "written 4,200,000 rows  41%  190,000 rows/s  about 30 s left".
#include <chrono>
#include <iosfwd>

#include "kizuna/importers/import.h"

namespace kizuna::cli {

class ProgressLine {
  public:
    explicit ProgressLine(std::ostream& err) : err_(&err) {}
    void operator()(const ImportProgress& progress);

  private:
    std::ostream* err_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point shown_{};
};

}  // namespace kizuna::cli
