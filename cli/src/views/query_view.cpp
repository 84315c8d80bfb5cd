// query: the rows of a Cypher query as a table (nodes by name and id, relationships by type and ends),
// CSV (nodes and relationships by id), with what a writing query changed, and EXPLAIN/PROFILE's plan.
#include <ostream>

#include "table.h"
#include "views.h"

namespace kizuna::cli {
namespace {

using cypher::Value;

std::string cell_text(const Value& v, const cypher::QueryAnswer& answer, bool for_csv);

std::string node_text(cypher::NodeId n, const cypher::QueryAnswer& answer, bool for_csv) {
    auto found = answer.nodes.find(n);
    if (found == answer.nodes.end()) return "(deleted)";
    if (for_csv) return found->second.id;
    auto name = found->second.properties.find("name");
    if (name == found->second.properties.end() || name->second.type() != Value::Type::String)
        return "(" + found->second.id + ")";
    return name->second.as_string() + " (" + found->second.id + ")";
}

std::string rel_text(cypher::RelId r, const cypher::QueryAnswer& answer, bool for_csv) {
    auto found = answer.relationships.find(r);
    if (found == answer.relationships.end()) return "[deleted]";
    const auto& d = found->second;
    if (for_csv) return d.id;
    return d.start + " -[" + d.type + " " + d.id + "]-> " + d.end;
}

std::string cell_text(const Value& v, const cypher::QueryAnswer& answer, bool for_csv) {
    using T = Value::Type;
    switch (v.type()) {
        case T::Null:
            return for_csv ? "" : "null";
        case T::Bool:
            return v.as_bool() ? "true" : "false";
        case T::Int:
            return std::to_string(v.as_int());
        case T::Float:
            return cypher::format_float(v.as_float());
        case T::String:
            return v.as_string();
        case T::List: {
            std::string out = "[";
            for (std::size_t i = 0; i < v.as_list().size(); ++i) {
                const auto& x = v.as_list()[i];
                out += (i ? ", " : "") + (x.type() == T::String && !for_csv ? "'" + x.as_string() + "'"
                                                                            : cell_text(x, answer, for_csv));
            }
            return out + "]";
        }
        case T::Map: {
            std::string out = "{";
            bool first = true;
            for (const auto& [k, x] : v.as_map()) {
                out += (first ? "" : ", ") + k + ": " +
                       (x.type() == T::String ? "'" + x.as_string() + "'" : cell_text(x, answer, for_csv));
                first = false;
            }
            return out + "}";
        }
        case T::Node:
            return node_text(v.as_node(), answer, for_csv);
        case T::Rel:
            return rel_text(v.as_rel(), answer, for_csv);
        case T::Path: {
            const auto& p = v.as_path();
            std::string out = node_text(p.nodes[0], answer, true);
            for (std::size_t i = 0; i < p.rels.size(); ++i) {
                auto found = answer.relationships.find(p.rels[i]);
                const bool forward = found == answer.relationships.end() ||
                                     found->second.start == node_text(p.nodes[i], answer, true);
                const auto type = found == answer.relationships.end() ? std::string("?") : found->second.type;
                out += forward ? " -[" + type + "]-> " : " <-[" + type + "]- ";
                out += node_text(p.nodes[i + 1], answer, true);
            }
            return out;
        }
    }
    return {};
}

std::string count_words(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

void print_table(std::ostream& out, const cypher::QueryAnswer& answer, const std::string& /*lang*/) {
    if (!answer.columns.empty()) {
        out << count_words(answer.rows.size(), "row", "rows") << "\n";
        if (!answer.rows.empty()) {
            out << '\n';
            Table table(answer.columns, "en");
            for (const auto& row : answer.rows) {
                std::vector<std::string> cells;
                for (const auto& v : row) cells.push_back(cell_text(v, answer, false));
                table.add(cells);
            }
            table.print(out);
        }
    }
    if (answer.wrote) {
        const auto& w = answer.writes;
        std::vector<std::string> parts;
        auto add = [&](std::size_t n, const char* one, const char* many) {
            if (n > 0) parts.push_back(count_words(n, one, many));
        };
        add(w.nodes_created, "node created", "nodes created");
        add(w.nodes_deleted, "node deleted", "nodes deleted");
        add(w.relationships_created, "relationship created", "relationships created");
        add(w.relationships_deleted, "relationship deleted", "relationships deleted");
        add(w.properties_set, "property set", "properties set");
        add(w.labels_added, "label added", "labels added");
        add(w.labels_removed, "label removed", "labels removed");
        std::string text;
        for (const auto& p : parts) text += (text.empty() ? "" : ", ") + p;
        if (text.empty()) text = "nothing changed";
        out << (answer.columns.empty() ? "" : "\n") << text
            << " (written: " << count_words(answer.written.entities_changed, "entity", "entities") << ", "
            << count_words(answer.written.relations_changed, "relation", "relations") << ")\n";
    }
    if (answer.profile) out << "\nprofile (rows and time per operator, rows flow up):\n" << answer.plan;
}

CsvRows csv_rows(const cypher::QueryAnswer& answer, const std::string&) {
    CsvRows rows = {answer.columns};
    for (const auto& row : answer.rows) {
        std::vector<std::string> cells;
        for (const auto& v : row) cells.push_back(cell_text(v, answer, true));
        rows.push_back(std::move(cells));
    }
    return rows;
}

}  // namespace kizuna::cli
