#include "source_notes.h"

#include <algorithm>
#include <ostream>

namespace kizuna::cli {

std::string SourceNotes::mark(const std::vector<Source>& sources) {
    if (sources.empty()) return "";
    std::string text = "[";
    for (std::size_t i = 0; i < sources.size(); ++i) {
        auto found = std::find(sources_.begin(), sources_.end(), sources[i]);
        if (found == sources_.end()) found = sources_.insert(sources_.end(), sources[i]);
        if (i > 0) text += ",";
        text += std::to_string(found - sources_.begin() + 1);
    }
    return text + "]";
}

void SourceNotes::print(std::ostream& out) const {
    if (sources_.empty()) return;
    out << "\nSources:\n";
    for (std::size_t i = 0; i < sources_.size(); ++i) {
        const Source& source = sources_[i];
        out << "  [" << i + 1 << "] " << source.title;
        if (!source.locator.empty()) out << ", " << source.locator;
        if (!source.url.empty()) out << " <" << source.url << ">";
        out << '\n';
    }
}

}  // namespace kizuna::cli
