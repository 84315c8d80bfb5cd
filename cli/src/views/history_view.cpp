// log, diff, undo and restore: the history's changes and what they did, field by field.
#include <ostream>

#include "table.h"
#include "views.h"

namespace kizuna::cli {

namespace {

std::string counts_text(const Store::WriteSummary& counts) {
    std::string out;
    auto add = [&out](std::size_t n, const char* one, const char* many) {
        if (n == 0) return;
        out += (out.empty() ? "" : ", ") + thousands(n) + " " + (n == 1 ? one : many);
    };
    add(counts.entities_changed, "entity", "entities");
    add(counts.relations_changed, "relation", "relations");
    add(counts.types_changed, "type", "types");
    add(counts.kinds_changed, "kind", "kinds");
    add(counts.links_changed, "redirect or judgement", "redirects and judgements");
    return out.empty() ? "nothing" : out;
}

std::string kind_text(const RecordedChange& change) {
    std::string out = change.undoes ? "undo of " + std::to_string(*change.undoes) : change.kind;
    if (change.undone_by) out += " (undone by " + std::to_string(*change.undone_by) + ")";
    return out;
}

std::string files_text(const RecordedChange& change) {
    std::string out;
    for (const auto& file : change.files)
        out += (out.empty() ? "" : "; ") + file.path + " sha256:" + file.sha256;
    return out;
}

std::string shown(const std::optional<std::string>& value) { return value ? *value : "(none)"; }

// A value not worth a line when a row is added or removed: empty, or an empty list or object.
bool blank(const std::optional<std::string>& value) {
    return !value || value->empty() || *value == "[]" || *value == "{}";
}

void print_rows(std::ostream& out, const std::vector<RowChange>& rows, bool with_seq) {
    std::int64_t seq = -1;
    for (const auto& row : rows) {
        if (with_seq && row.seq != seq) {
            seq = row.seq;
            out << "change " << seq << ":\n";
        }
        out << "  " << row.op << " " << row.what;
        if (!row.id.empty()) out << " " << row.id;
        if (!row.name.empty())
            out << (row.id.empty() ? " " : " (") << row.name << (row.id.empty() ? "" : ")");
        out << "\n";
        for (const auto& field : row.fields) {
            if (row.op == "added" && !blank(field.after))
                out << "      " << field.field << ": " << *field.after << "\n";
            if (row.op == "removed" && !blank(field.before))
                out << "      " << field.field << ": " << *field.before << "\n";
            if (row.op == "changed")
                out << "      " << field.field << ": " << shown(field.before) << " → " << shown(field.after)
                    << "\n";
        }
    }
}

CsvRows row_csv(const std::vector<RowChange>& rows) {
    CsvRows out{{"seq", "what", "op", "id", "name", "field", "before", "after"}};
    for (const auto& row : rows) {
        const std::vector<std::string> head{std::to_string(row.seq), row.what, row.op, row.id, row.name};
        if (row.fields.empty()) {
            auto line = head;
            line.insert(line.end(), {"", "", ""});
            out.push_back(line);
        }
        for (const auto& field : row.fields) {
            auto line = head;
            line.insert(line.end(), {field.field, field.before.value_or(""), field.after.value_or("")});
            out.push_back(line);
        }
    }
    return out;
}

std::vector<std::string> rows_left_out(std::size_t listed, std::size_t total) {
    if (total <= listed) return {};
    return {thousands(total - listed) + " more rows not listed (" + thousands(total) + " in all); --limit " +
            std::to_string(total) + " lists every one"};
}

}  // namespace

void print_table(std::ostream& out, const app::LogAnswer& answer, const std::string& lang) {
    if (answer.changes.empty()) {
        out << "no changes recorded\n";
        return;
    }
    Table table({"change", "time (UTC)", "author", "kind", "changed", "command"}, lang);
    for (const auto& change : answer.changes) {
        table.add({std::to_string(change.seq), change.at, change.author, kind_text(change),
                   counts_text(change.counts), change.command});
    }
    table.print(out);
    bool any = false;
    for (const auto& change : answer.changes) {
        for (const auto& file : change.files) {
            if (!any) out << "\nfiles read:\n";
            any = true;
            out << "  " << change.seq << "  " << file.path << "  sha256:" << file.sha256 << "\n";
        }
    }
}

CsvRows csv_rows(const app::LogAnswer& answer, const std::string&) {
    CsvRows out{{"seq", "at", "author", "kind", "undoes", "undone_by", "relation_types", "entity_kinds",
                 "entities", "relations", "command", "files"}};
    for (const auto& change : answer.changes) {
        out.push_back({std::to_string(change.seq), change.at, change.author, change.kind,
                       change.undoes ? std::to_string(*change.undoes) : "",
                       change.undone_by ? std::to_string(*change.undone_by) : "",
                       std::to_string(change.counts.types_changed),
                       std::to_string(change.counts.kinds_changed),
                       std::to_string(change.counts.entities_changed),
                       std::to_string(change.counts.relations_changed), change.command, files_text(change)});
    }
    return out;
}

void print_table(std::ostream& out, const app::DiffAnswer& answer, const std::string&) {
    for (const auto& change : answer.changes) {
        out << "change " << change.seq << "  " << change.at << "  " << change.author << "  "
            << kind_text(change) << "  " << change.command << "\n";
        std::vector<RowChange> rows;
        for (const auto& row : answer.rows) {
            if (row.seq == change.seq) rows.push_back(row);
        }
        const bool cut = answer.rows_total > answer.rows.size();
        if (rows.empty())
            out << (cut ? "  (its rows come after the ones listed)\n" : "  (no rows recorded)\n");
        print_rows(out, rows, false);
    }
    print_notes(out, answer_notes(answer));
}

CsvRows csv_rows(const app::DiffAnswer& answer, const std::string&) { return row_csv(answer.rows); }

void print_table(std::ostream& out, const app::UndoAnswer& answer, const std::string&) {
    if (answer.dry_run) {
        out << "undoing change " << answer.undone << " would change " << counts_text(answer.change.counts)
            << " (dry run: nothing written)\n";
    } else if (answer.change.seq == 0) {
        out << "undoing change " << answer.undone << " changed nothing\n";
    } else {
        out << "undid change " << answer.undone << " as change " << answer.change.seq << ": changed "
            << counts_text(answer.change.counts) << "\n";
    }
    print_rows(out, answer.rows, false);
    print_notes(out, answer_notes(answer));
}

CsvRows csv_rows(const app::UndoAnswer& answer, const std::string&) { return row_csv(answer.rows); }

std::vector<std::string> answer_notes(const app::DiffAnswer& answer, const std::string&) {
    return rows_left_out(answer.rows.size(), answer.rows_total);
}

std::vector<std::string> answer_notes(const app::UndoAnswer& answer, const std::string&) {
    return rows_left_out(answer.rows.size(), answer.rows_total);
}

void print_table(std::ostream& out, const app::RestoreAnswer& answer, const std::string&) {
    out << "wrote " << answer.path << ": the database as "
        << (answer.to == 0 ? std::string("it was before the first change")
                           : "change " + std::to_string(answer.to) + " left it")
        << " (" << thousands(static_cast<std::size_t>(answer.entities)) << " entities, "
        << thousands(static_cast<std::size_t>(answer.relations)) << " relations)\n";
}

CsvRows csv_rows(const app::RestoreAnswer& answer, const std::string&) {
    return {{"path", "to", "entities", "relations"},
            {answer.path, std::to_string(answer.to), std::to_string(answer.entities),
             std::to_string(answer.relations)}};
}

}  // namespace kizuna::cli
