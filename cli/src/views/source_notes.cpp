#include "source_notes.h"

#include <ostream>

#include "words.h"

namespace kizuna::cli {

std::string SourceNotes::mark(const std::vector<Source>& sources) {
    if (sources.empty()) return "";
    std::string text = "[";
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const Source& source = sources[i];
        const auto [found, added] =
            numbers_.try_emplace({source.title, source.url, source.locator}, sources_.size() + 1);
        if (added) sources_.push_back(source);
        if (i > 0) text += ",";
        text += std::to_string(found->second);
    }
    return text + "]";
}

void SourceNotes::print(std::ostream& out, const std::string& lang) const {
    if (sources_.empty()) return;
    out << "\n" << tr("Sources:", lang) << "\n";
    for (std::size_t i = 0; i < sources_.size(); ++i) {
        const Source& source = sources_[i];
        out << "  [" << i + 1 << "] " << source.title;
        if (!source.locator.empty()) out << ", " << source.locator;
        if (!source.url.empty()) out << " <" << source.url << ">";
        out << '\n';
    }
}

}  // namespace kizuna::cli
