// path --in-time-order: the earliest-arrival and fewest-hops connections, each step surely or possibly in
// order, or the relations that block every connection.
#include <ostream>

#include "path_steps.h"
#include "words.h"

namespace kizuna::cli {

namespace {

std::string order_word(bool surely, const std::string& lang) {
    return surely ? tr("surely in order", lang) : tr("possibly in order", lang);
}

std::vector<std::string> step_words(const TimeOrderAnswer::Pick& pick, const std::string& lang) {
    std::vector<std::string> words;
    for (const bool surely : pick.surely) words.push_back(order_word(surely, lang));
    return words;
}

// "arrives 2019 at the earliest (start of mou-x)", or "at any time" when no start constrains it.
std::string arrival_text(const TimeOrderAnswer::Pick& pick, const std::string& lang) {
    if (!pick.arrival) return tr("may arrive at any time (no step has a known start)", lang);
    if (!pick.arrival_relation)
        return tr("may arrive from {0} (the start date)", lang, {pick.arrival->to_string()});
    return tr("may arrive from {0} (the start of {1})", lang,
              {pick.arrival->to_string(), *pick.arrival_relation});
}

// "the MOU 2024 – (mou-x)": a relation as the reason names it.
std::string relation_words(const AnswerBook& book, const Relation& relation, const std::string& lang) {
    const std::string dates = when(relation);
    return book.label(relation.type, lang) + (dates.empty() ? "" : " " + dates) + " (" + relation.id + ")";
}

std::string block_text(const AnswerBook& book, const TimeOrderAnswer::Block& block,
                       const std::optional<PartialDate>& from_date, const std::string& lang) {
    const std::string later = relation_words(book, block.later, lang);
    if (block.kind == TimeBlock::Kind::Undated)
        return tr("needs {0}, whose dates are unknown (it cannot be placed in time)", lang, {later});
    if (!block.earlier) {
        return tr("needs {0} after the start date {1}, but it had ended by then", lang,
                  {later, from_date ? from_date->to_string() : ""});
    }
    return tr("needs {0} before {1}, which had ended by then", lang,
              {relation_words(book, *block.earlier, lang), later});
}

}  // namespace

std::vector<std::string> time_order_none(const PathAnswer& answer, const std::string& lang) {
    const TimeOrderAnswer& order = *answer.in_time_order;
    const std::string a = answer.book.name(answer.from, lang), b = answer.book.name(answer.to, lang);
    if (!order.connected) {
        return {tr(answer.hop_limited
                       ? "no connection between {0} and {1} within the hop limit under these filters"
                       : "no connection between {0} and {1} under these filters",
                   lang, {a, b})};
    }
    std::vector<std::string> lines{tr("no connection between {0} and {1} in time order", lang, {a, b})};
    const std::string hops = std::to_string(order.examined_hops);
    const std::string examined = std::to_string(order.connections_examined);
    const bool one = order.blocks.size() == 1 && order.every_connection_examined;
    for (const auto& block : order.blocks) {
        const std::string what = block_text(answer.book, block, order.from_date, lang);
        lines.push_back(one ? tr("every connection of at most {0} relations {1}", lang, {hops, what})
                            : tr("{0} of the {1} connections looked at (at most {2} relations): each {3}",
                                 lang, {std::to_string(block.connections), examined, hops, what}));
    }
    if (!order.every_connection_examined) {
        lines.push_back(tr("(the first {0} connections of at most {1} relations were looked at; more exist)",
                           lang, {examined, hops}));
    }
    return lines;
}

void print_time_order_table(std::ostream& out, const PathAnswer& answer, const std::string& lang) {
    const TimeOrderAnswer& order = *answer.in_time_order;
    const std::string a = answer.book.name(answer.from, lang), b = answer.book.name(answer.to, lang);
    if (!order.earliest_arrival) {
        const auto lines = time_order_none(answer, lang);
        for (std::size_t i = 0; i < lines.size(); ++i) out << (i == 0 ? "" : "  ") << lines[i] << '\n';
    } else {
        out << a << " — " << b << ": "
            << (order.from_date ? tr("in time order from {0}", lang, {order.from_date->to_string()})
                                : tr("in time order", lang))
            << '\n';
        SourceNotes notes;
        auto print_pick = [&](const char* title, const TimeOrderAnswer::Pick& pick) {
            const AnsweredPath& path = answer.paths[pick.path];
            out << '\n'
                << tr(title, lang) << " ("
                << say(lang, path.length() == 1 ? "1 hop" : std::to_string(path.length()) + " hops",
                       "{0} hops", {std::to_string(path.length())})
                << "), " << arrival_text(pick, lang) << '\n';
            print_path_steps(out, answer.book, path, notes, lang, step_words(pick, lang));
        };
        print_pick("Earliest arrival", *order.earliest_arrival);
        if (order.fewest_hops->path == order.earliest_arrival->path) {
            out << '\n' << tr("Fewest hops: the same connection", lang) << '\n';
        } else {
            print_pick("Fewest hops", *order.fewest_hops);
        }
        notes.print(out, lang);
    }
    print_notes(out, time_order_notes(answer, lang), lang);
}

std::vector<std::string> time_order_notes(const PathAnswer& answer, const std::string& lang) {
    std::vector<std::string> notes = left_out_notes(answer.left_out, lang);
    if (const std::size_t undated = answer.in_time_order->undated; undated == 1 && lang == "en") {
        notes.emplace_back("1 relation of unknown date cannot be placed in time and was not walked");
    } else if (undated > 0) {
        notes.push_back(tr("{0} relations of unknown date cannot be placed in time and were not walked", lang,
                           {thousands(undated)}));
    }
    return notes;
}

CsvRows time_order_csv_rows(const PathAnswer& answer, const std::string& lang) {
    const TimeOrderAnswer& order = *answer.in_time_order;
    CsvRows rows = {{"answer", "step", "from", "from_name", "relation", "type", "direction", "to", "to_name",
                     "start", "end", "order", "arrival", "sources"}};
    auto add = [&](const std::string& name, const std::optional<TimeOrderAnswer::Pick>& pick) {
        if (!pick) return;
        const AnsweredPath& path = answer.paths[pick->path];
        const std::string arrival = pick->arrival ? pick->arrival->to_string() : "";
        for (std::size_t s = 0; s < path.relations.size(); ++s) {
            const Relation& r = path.relations[s];
            rows.push_back({name, std::to_string(s + 1), path.nodes[s], answer.book.name(path.nodes[s], lang),
                            r.id, r.type, answer.book.direction(r, path.nodes[s]), path.nodes[s + 1],
                            answer.book.name(path.nodes[s + 1], lang), date_text(r.start), date_text(r.end),
                            pick->surely[s] ? "surely" : "possibly", arrival, source_titles(r.sources)});
        }
    };
    add("earliest_arrival", order.earliest_arrival);
    add("fewest_hops", order.fewest_hops);
    return rows;
}

}  // namespace kizuna::cli
