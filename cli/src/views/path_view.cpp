// path: each connection hop by hop, each hop with its direction, dates, sources and caveat.
#include <ostream>

#include "source_notes.h"
#include "views.h"

namespace kizuna::cli {

void print_table(std::ostream& out, const PathAnswer& answer, const std::string& lang) {
    const std::string a = answer.book.name(answer.from, lang), b = answer.book.name(answer.to, lang);
    if (answer.from == answer.to) {
        out << a << " and " << b << " are the same entity (" << answer.from << ")\n";
        return;
    }
    if (answer.paths.empty()) {
        if (answer.work_limited) {
            out << "no connection between " << a << " and " << b
                << " found before the search's work limit (lower --max-hops or add filters)\n";
            return;
        }
        out << "no connection between " << a << " and " << b;
        if (answer.hop_limited) out << " within the hop limit";
        out << " under these filters\n";
        return;
    }
    out << a << " — " << b << ": " << answer.paths.size() << (answer.paths.size() == 1 ? " path" : " paths")
        << "\n";
    SourceNotes notes;
    for (std::size_t i = 0; i < answer.paths.size(); ++i) {
        const AnsweredPath& path = answer.paths[i];
        out << "\nPath " << i + 1 << " (" << path.length() << (path.length() == 1 ? " hop" : " hops")
            << ")\n";
        out << "  " << answer.book.name(path.nodes[0], lang) << '\n';
        for (std::size_t s = 0; s < path.relations.size(); ++s) {
            const Relation& r = path.relations[s];
            out << "    " << arrow(answer.book.direction(r, path.nodes[s])) << ' '
                << answer.book.label(r.type, lang);
            if (const std::string dates = when(r); !dates.empty()) out << ", " << dates;
            out << "  " << notes.mark(r.sources) << "  (" << r.id << ")\n";
            // A caveat belongs to the evidence: say it where the relation is used.
            if (auto caveat = r.attributes.find("caveat"); caveat != r.attributes.end()) {
                out << "      caveat: " << caveat->second << '\n';
            }
            out << "  " << answer.book.name(path.nodes[s + 1], lang) << '\n';
        }
    }
    if (answer.truncated) {
        out << "\nshowing the first " << answer.paths.size()
            << " paths; more exist (raise --cap or add filters)\n";
    }
    if (answer.work_limited) {
        out << "\nthe search stopped at its work limit after " << answer.paths.size()
            << " paths; more may exist (lower --max-hops or add filters)\n";
    }
    notes.print(out);
}

CsvRows csv_rows(const PathAnswer& answer, const std::string&) {
    CsvRows rows = {
        {"path", "step", "from", "relation", "type", "direction", "to", "start", "end", "sources"}};
    for (std::size_t i = 0; i < answer.paths.size(); ++i) {
        const AnsweredPath& path = answer.paths[i];
        for (std::size_t s = 0; s < path.relations.size(); ++s) {
            const Relation& r = path.relations[s];
            rows.push_back({std::to_string(i + 1), std::to_string(s + 1), path.nodes[s], r.id, r.type,
                            answer.book.direction(r, path.nodes[s]), path.nodes[s + 1], date_text(r.start),
                            date_text(r.end), source_titles(r.sources)});
        }
    }
    return rows;
}

}  // namespace kizuna::cli
