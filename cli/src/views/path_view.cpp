// path: each connection hop by hop, each hop with its direction, dates, sources and caveat.
#include <ostream>

#include "path_steps.h"
#include "source_notes.h"
#include "views.h"
#include "words.h"

namespace kizuna::cli {

namespace {

// "no collaboration connects A and B; both are mentioned in <document>": the two are linked only by
// where they were read about, which is not a partnership.
std::string evidence_only_text(const PathAnswer& answer, const std::string& lang) {
    const auto& only = *answer.evidence_only;
    const std::string a = answer.book.name(answer.from, lang), b = answer.book.name(answer.to, lang);
    const std::string hops = std::to_string(only.hops);
    // Under a hop limit the claim is only about connections within it: a longer one may exist.
    const std::string limit = answer.hop_limit ? std::to_string(*answer.hop_limit) : "";
    const std::string within = limit.empty() ? "" : " within " + limit + " hops";
    if (!only.documents.empty()) {
        std::string names;
        for (const auto& id : only.documents)
            names += (names.empty() ? "" : ", ") + answer.book.name(id, lang);
        const std::string english =
            "no collaboration connects " + a + " and " + b + within + "; both are mentioned in " + names +
            " (--include-evidence walks evidence: " + hops + (only.hops == 1 ? " hop)" : " hops)");
        if (!limit.empty()) {
            return say(lang, english,
                       "no collaboration connects {0} and {1} within {4} hops; both are mentioned in {2} "
                       "(--include-evidence walks evidence: {3} hops)",
                       {a, b, names, hops, limit});
        }
        return say(lang, english,
                   "no collaboration connects {0} and {1}; both are mentioned in {2} (--include-evidence "
                   "walks evidence: {3} hops)",
                   {a, b, names, hops});
    }
    const std::string english = "no collaboration connects " + a + " and " + b + within +
                                "; only evidence relations (where facts were read) link them "
                                "(--include-evidence walks evidence: " +
                                hops + (only.hops == 1 ? " hop)" : " hops)");
    if (!limit.empty()) {
        return say(lang, english,
                   "no collaboration connects {0} and {1} within {3} hops; only evidence relations (where "
                   "facts were read) link them (--include-evidence walks evidence: {2} hops)",
                   {a, b, hops, limit});
    }
    return say(lang, english,
               "no collaboration connects {0} and {1}; only evidence relations (where facts were read) link "
               "them (--include-evidence walks evidence: {2} hops)",
               {a, b, hops});
}

}  // namespace

void print_path_steps(std::ostream& out, const AnswerBook& book, const AnsweredPath& path, SourceNotes& notes,
                      const std::string& lang, const std::vector<std::string>& step_notes) {
    out << "  " << book.name(path.nodes[0], lang) << '\n';
    for (std::size_t s = 0; s < path.relations.size(); ++s) {
        const Relation& r = path.relations[s];
        out << "    " << arrow(book.direction(r, path.nodes[s])) << ' ' << type_cell(book, r, lang);
        if (const std::string dates = when(r); !dates.empty()) out << ", " << dates;
        if (const std::string state = state_text(book, r, lang); !state.empty()) out << ", " << state;
        if (s < step_notes.size()) out << ", " << step_notes[s];
        out << "  " << notes.mark(r.sources) << "  (" << r.id << ")\n";
        // A caveat belongs to the evidence: say it where the relation is used.
        if (auto caveat = r.attributes.find("caveat"); caveat != r.attributes.end()) {
            out << "      " << tr("caveat: ", lang) << caveat->second << '\n';
        }
        out << "  " << book.name(path.nodes[s + 1], lang) << '\n';
    }
}

void print_table(std::ostream& out, const PathAnswer& answer, const std::string& lang) {
    if (answer.in_time_order) {
        print_time_order_table(out, answer, lang);
        return;
    }
    const std::string a = answer.book.name(answer.from, lang), b = answer.book.name(answer.to, lang);
    if (answer.from == answer.to) {
        out << tr("{0} and {1} are the same entity ({2})", lang, {a, b, answer.from}) << '\n';
        return;
    }
    if (answer.paths.empty()) {
        if (answer.evidence_only) {
            out << evidence_only_text(answer, lang) << '\n';
            print_notes(out, left_out_notes(answer.left_out, lang), lang);
            return;
        }
        if (answer.work_limited) {
            out << tr("no connection between {0} and {1} found before the search's work limit (lower "
                      "--max-hops "
                      "or add filters)",
                      lang, {a, b})
                << '\n';
            return;
        }
        out << tr(answer.hop_limited
                      ? "no connection between {0} and {1} within the hop limit under these filters"
                      : "no connection between {0} and {1} under these filters",
                  lang, {a, b})
            << '\n';
        print_notes(out, left_out_notes(answer.left_out, lang), lang);
        return;
    }
    const std::string count = std::to_string(answer.paths.size());
    out << say(lang, a + " — " + b + ": " + count + (answer.paths.size() == 1 ? " path" : " paths"),
               "{0} — {1}: {2} paths", {a, b, count})
        << "\n";
    SourceNotes notes;
    for (std::size_t i = 0; i < answer.paths.size(); ++i) {
        const AnsweredPath& path = answer.paths[i];
        const std::string number = std::to_string(i + 1), length = std::to_string(path.length());
        out << "\n"
            << say(lang, "Path " + number + " (" + length + (path.length() == 1 ? " hop)" : " hops)"),
                   "Path {0} ({1} hops)", {number, length})
            << "\n";
        print_path_steps(out, answer.book, path, notes, lang);
    }
    if (answer.truncated) {
        out << "\n"
            << tr("showing the first {0} paths; more exist (raise --cap or add filters)", lang,
                  {std::to_string(answer.paths.size())})
            << '\n';
    }
    if (answer.work_limited) {
        out << "\n"
            << tr("the search stopped at its work limit after {0} paths; more may exist (lower --max-hops or "
                  "add "
                  "filters)",
                  lang, {std::to_string(answer.paths.size())})
            << '\n';
    }
    notes.print(out, lang);
    print_notes(out, left_out_notes(answer.left_out, lang), lang);
}

std::vector<std::string> answer_notes(const PathAnswer& answer, const std::string& lang) {
    if (answer.in_time_order) {
        auto notes = answer.in_time_order->earliest_arrival ? std::vector<std::string>{}
                                                            : time_order_none(answer, lang);
        for (auto& note : time_order_notes(answer, lang)) notes.push_back(std::move(note));
        return notes;
    }
    std::vector<std::string> notes;
    if (answer.evidence_only) notes.push_back(evidence_only_text(answer, "en"));
    for (auto& note : left_out_notes(answer.left_out, lang)) notes.push_back(std::move(note));
    return notes;
}

CsvRows csv_rows(const PathAnswer& answer, const std::string& lang) {
    if (answer.in_time_order) return time_order_csv_rows(answer, lang);
    CsvRows rows = {{"path", "step", "from", "from_name", "relation", "type", "category", "direction", "to",
                     "to_name", "start", "end", "state", "attributes", "sources"}};
    for (std::size_t i = 0; i < answer.paths.size(); ++i) {
        const AnsweredPath& path = answer.paths[i];
        for (std::size_t s = 0; s < path.relations.size(); ++s) {
            const Relation& r = path.relations[s];
            rows.push_back({std::to_string(i + 1), std::to_string(s + 1), path.nodes[s],
                            answer.book.name(path.nodes[s], lang), r.id, r.type, answer.book.category(r),
                            answer.book.direction(r, path.nodes[s]), path.nodes[s + 1],
                            answer.book.name(path.nodes[s + 1], lang), date_text(r.start), date_text(r.end),
                            state_text(answer.book, r), attributes_text(r.attributes),
                            source_titles(r.sources)});
        }
    }
    return rows;
}

}  // namespace kizuna::cli
