// path: each connection hop by hop, each hop with its direction, dates, sources and caveat.
#include <ostream>

#include "source_notes.h"
#include "views.h"

namespace kizuna::cli {

namespace {

// "no collaboration connects A and B; both are mentioned in <document>": the two are linked only by
// where they were read about, which is not a partnership.
std::string evidence_only_text(const PathAnswer& answer, const std::string& lang) {
    const auto& only = *answer.evidence_only;
    std::string text = "no collaboration connects " + answer.book.name(answer.from, lang) + " and " +
                       answer.book.name(answer.to, lang);
    if (!only.documents.empty()) {
        std::string names;
        for (const auto& id : only.documents)
            names += (names.empty() ? "" : ", ") + answer.book.name(id, lang);
        text += "; both are mentioned in " + names;
    } else {
        text += "; only evidence relations (where facts were read) link them";
    }
    text += " (--include-evidence walks evidence: " + std::to_string(only.hops) +
            (only.hops == 1 ? " hop)" : " hops)");
    return text;
}

}  // namespace

void print_table(std::ostream& out, const PathAnswer& answer, const std::string& lang) {
    const std::string a = answer.book.name(answer.from, lang), b = answer.book.name(answer.to, lang);
    if (answer.from == answer.to) {
        out << a << " and " << b << " are the same entity (" << answer.from << ")\n";
        return;
    }
    if (answer.paths.empty()) {
        if (answer.evidence_only) {
            out << evidence_only_text(answer, lang) << '\n';
            print_notes(out, left_out_notes(answer.left_out));
            return;
        }
        if (answer.work_limited) {
            out << "no connection between " << a << " and " << b
                << " found before the search's work limit (lower --max-hops or add filters)\n";
            return;
        }
        out << "no connection between " << a << " and " << b;
        if (answer.hop_limited) out << " within the hop limit";
        out << " under these filters\n";
        print_notes(out, left_out_notes(answer.left_out));
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
                << type_cell(answer.book, r, lang);
            if (const std::string dates = when(r); !dates.empty()) out << ", " << dates;
            if (const std::string state = state_text(answer.book, r); !state.empty()) out << ", " << state;
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
    print_notes(out, left_out_notes(answer.left_out));
}

std::vector<std::string> answer_notes(const PathAnswer& answer) {
    std::vector<std::string> notes;
    if (answer.evidence_only) notes.push_back(evidence_only_text(answer, "en"));
    for (auto& note : left_out_notes(answer.left_out)) notes.push_back(std::move(note));
    return notes;
}

CsvRows csv_rows(const PathAnswer& answer, const std::string&) {
    CsvRows rows = {{"path", "step", "from", "relation", "type", "category", "direction", "to", "start",
                     "end", "state", "sources"}};
    for (std::size_t i = 0; i < answer.paths.size(); ++i) {
        const AnsweredPath& path = answer.paths[i];
        for (std::size_t s = 0; s < path.relations.size(); ++s) {
            const Relation& r = path.relations[s];
            rows.push_back({std::to_string(i + 1), std::to_string(s + 1), path.nodes[s], r.id, r.type,
                            answer.book.category(r), answer.book.direction(r, path.nodes[s]),
                            path.nodes[s + 1], date_text(r.start), date_text(r.end),
                            state_text(answer.book, r), source_titles(r.sources)});
        }
    }
    return rows;
}

}  // namespace kizuna::cli
