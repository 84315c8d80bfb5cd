#include "kizuna/core/errors.h"

namespace kizuna {

namespace {
std::string summarise(const std::vector<std::string>& problems, std::size_t total) {
    std::string text;
    for (const auto& p : problems) {
        if (!text.empty()) text += '\n';
        text += p;
    }
    if (total > problems.size()) {
        text += "\n... and " + std::to_string(total - problems.size()) + " more problems";
    }
    return text;
}
}  // namespace

ImportError::ImportError(std::vector<std::string> problems, std::size_t total)
    : InvalidDataError(summarise(problems, total)), problems_(std::move(problems)), total_(total) {}

}  // namespace kizuna
