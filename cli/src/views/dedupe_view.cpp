// duplicates, merge, not-duplicates: candidate pairs with their reasons, what a merge does, a judgement.
#include <cstdio>
#include <ostream>

#include "table.h"
#include "views.h"

namespace kizuna::cli {

namespace {

std::string pair_score_text(double score) {
    char text[16];
    (void)std::snprintf(text, sizeof text, "%.2f", score);
    return text;
}

std::string reasons_text(const std::vector<DuplicateReason>& reasons) {
    std::string out;
    for (const auto& reason : reasons)
        out +=
            (out.empty() ? "" : "; ") + reason.reason + (reason.detail.empty() ? "" : ": " + reason.detail);
    return out;
}

std::string labelled(const Entity& entity, const std::string& lang) {
    return entity.id + " (" + display_name(entity, lang) + ")";
}

std::string relation_text(const Relation& relation) {
    std::string out = relation.id + " (" + relation.type + " " + relation.from + " - " + relation.to;
    if (relation.start) out += ", " + relation.start->to_string();
    if (relation.end) out += " to " + relation.end->to_string();
    return out + ")";
}

}  // namespace

void print_table(std::ostream& out, const app::DuplicatesAnswer& answer, const std::string& lang) {
    if (answer.pairs.empty()) {
        out << "no likely duplicates among " << thousands(answer.entities) << " entities ("
            << thousands(answer.candidates) << " candidate pairs compared)\n";
        return;
    }
    Table table({"score", "entity", "entity", "reasons"}, lang);
    for (const auto& pair : answer.pairs)
        table.add({pair_score_text(pair.score), labelled(pair.a, lang), labelled(pair.b, lang),
                   reasons_text(pair.reasons)});
    table.print(out);
    out << "\n"
        << thousands(answer.pairs.size()) << (answer.pairs.size() == 1 ? " pair" : " pairs") << " of "
        << thousands(answer.entities) << " entities (" << thousands(answer.candidates)
        << " candidate pairs compared)";
    if (answer.left_out > 0) out << "; " << thousands(answer.left_out) << " more past --limit";
    out << "\nmerge a pair with kizuna merge KEEP OTHER (--dry-run first); kizuna not-duplicates A B "
           "keeps a pair from being proposed again\n";
}

CsvRows csv_rows(const app::DuplicatesAnswer& answer, const std::string& lang) {
    CsvRows out{{"score", "a", "a_name", "b", "b_name", "reasons"}};
    for (const auto& pair : answer.pairs) {
        out.push_back({pair_score_text(pair.score), pair.a.id, display_name(pair.a, lang), pair.b.id,
                       display_name(pair.b, lang), reasons_text(pair.reasons)});
    }
    return out;
}

void print_table(std::ostream& out, const app::MergeAnswer& answer, const std::string& lang) {
    const MergePlan& plan = answer.plan;
    if (answer.dry_run) {
        out << "merging " << labelled(plan.other, lang) << " into " << labelled(plan.keep, lang)
            << " would (dry run: nothing written):\n";
    } else {
        out << "merged " << labelled(plan.other, lang) << " into " << labelled(plan.keep, lang)
            << " as change " << answer.change << " (kizuna undo " << answer.change << " takes it back):\n";
    }
    for (const auto& relation : plan.repointed)
        out << "  re-point relation " << relation_text(relation) << "\n";
    for (const auto& folded : plan.folded)
        out << "  fold relation " << relation_text(folded.relation) << " into " << folded.into
            << " (same type, ends and dates; sources united)\n";
    for (const auto& relation : plan.dropped)
        out << "  remove relation " << relation_text(relation) << " (it linked the two)\n";
    for (const auto& added : plan.added) out << "  add to " << plan.keep.id << ": " << added << "\n";
    for (const auto& conflict : plan.conflicts) {
        out << "  conflict " << conflict.field << ": keep " << conflict.kept << ", set aside "
            << conflict.dropped << "\n";
    }
    for (const auto& moved : plan.judgements_moved) {
        out << "  not-duplicates " << moved.a << " / " << moved.b
            << (moved.new_a.empty() ? " dropped (it named both)"
                                    : " now " + moved.new_a + " / " + moved.new_b)
            << "\n";
    }
    out << "  " << plan.other.id << " redirects to " << plan.keep.id << "\n";
}

CsvRows csv_rows(const app::MergeAnswer& answer, const std::string&) {
    const MergePlan& plan = answer.plan;
    CsvRows out{{"action", "id", "detail"}};
    for (const auto& relation : plan.repointed)
        out.push_back({"re-point", relation.id, relation_text(relation)});
    for (const auto& folded : plan.folded) out.push_back({"fold", folded.relation.id, "into " + folded.into});
    for (const auto& relation : plan.dropped) out.push_back({"remove", relation.id, relation_text(relation)});
    for (const auto& added : plan.added) out.push_back({"add", plan.keep.id, added});
    for (const auto& conflict : plan.conflicts) {
        out.push_back({"conflict", plan.keep.id,
                       conflict.field + ": keep " + conflict.kept + ", set aside " + conflict.dropped});
    }
    out.push_back({"redirect", plan.other.id, plan.keep.id});
    return out;
}

void print_table(std::ostream& out, const app::NotDuplicatesAnswer& answer, const std::string&) {
    if (!answer.recorded) {
        out << answer.a << " and " << answer.b << " were judged not duplicates already\n";
        return;
    }
    out << "recorded as change " << answer.change << ": " << answer.a << " and " << answer.b
        << " are not duplicates (kizuna duplicates will not propose them again)\n";
}

CsvRows csv_rows(const app::NotDuplicatesAnswer& answer, const std::string&) {
    return {{"a", "b", "recorded", "change"},
            {answer.a, answer.b, answer.recorded ? "true" : "false", std::to_string(answer.change)}};
}

}  // namespace kizuna::cli
