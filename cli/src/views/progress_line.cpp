#include "progress_line.h"

#include <algorithm>
#include <ostream>
#include <string>

#include "output.h"

namespace kizuna::cli {

void ProgressLine::operator()(const ImportProgress& progress) {
    const auto now = std::chrono::steady_clock::now();
    if (!progress.finished && now - shown_ < std::chrono::milliseconds(250)) return;
    shown_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    std::string line = "written " + thousands(progress.written) + " rows";
    if (progress.finished) {
        *err_ << "\r" << line << ", committing" << std::string(30, ' ') << "\n" << std::flush;
        return;
    }
    line += "  " + std::to_string(static_cast<int>(progress.fraction * 100)) + "%";
    if (seconds >= 1) {
        line += "  " + thousands(static_cast<std::size_t>(double(progress.written) / seconds)) + " rows/s";
        const auto left =
            static_cast<long>(seconds * (1 - progress.fraction) / std::max(progress.fraction, 0.01) + 0.5);
        if (progress.fraction > 0.02 && left >= 1) {
            line += "  about " +
                    (left >= 120 ? std::to_string(left / 60) + " min" : std::to_string(left) + " s") +
                    " left";
        }
    }
    *err_ << "\r" << line << "   " << std::flush;  // trailing spaces cover a longer previous line's end
}

}  // namespace kizuna::cli
