// Unknown labels and relationship types (vocabulary_warnings.h): the names read, each checked once.
#include "vocabulary_warnings.h"

#include <algorithm>
#include <set>

namespace kizuna::cypher {
namespace {

std::string vocabulary_lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Levenshtein distance, for names of a few dozen characters.
std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const auto up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// The known name closest to name: equal but for case, else at most 2 edits away; "" when none.
std::string closest(const std::string& name, const std::vector<std::string>& known) {
    for (const auto& k : known) {
        if (vocabulary_lower(k) == vocabulary_lower(name)) return k;
    }
    std::string best;
    std::size_t best_distance = 3;
    for (const auto& k : known) {
        const auto d = distance(vocabulary_lower(name), vocabulary_lower(k));
        if (d < best_distance) {
            best_distance = d;
            best = k;
        }
    }
    return best;
}

struct Names {
    std::set<std::string> labels;
    std::set<std::string> types;
};

void collect(const Expr& e, Names& names);

void collect(const std::vector<PatternPart>& parts, Names& names) {
    for (const auto& part : parts) {
        for (const auto& n : part.nodes) names.labels.insert(n.labels.begin(), n.labels.end());
        for (const auto& r : part.rels) names.types.insert(r.types.begin(), r.types.end());
    }
}

void collect(const Expr& e, Names& names) {
    if (e.kind == ExprKind::LabelCheck) names.labels.insert(e.labels.begin(), e.labels.end());
    if (e.pattern) collect(*e.pattern, names);
    for (const auto& a : e.args) {
        if (a) collect(*a, names);
    }
}

void warn(const std::set<std::string>& used, const std::vector<std::string>& known, const char* what,
          std::vector<std::string>& out) {
    if (known.empty()) return;
    for (const auto& name : used) {
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        const auto near = closest(name, known);
        out.push_back(std::string("the ") + what + " :" + name +
                      " is in no vocabulary of the data, so it matches " + "nothing" +
                      (near.empty() ? "" : " (did you mean :" + near + "?)"));
    }
}

}  // namespace

std::vector<std::string> vocabulary_warnings(const Query& query, const PropertyGraph& graph) {
    Names names;
    for (const auto& part : query.parts) {
        for (const auto& c : part.clauses) {
            if (c.kind != ClauseKind::Match) continue;
            collect(c.patterns, names);
            if (c.where) collect(*c.where, names);
        }
    }
    std::vector<std::string> out;
    warn(names.labels, graph.label_vocabulary(), "label", out);
    warn(names.types, graph.type_vocabulary(), "relationship type", out);
    return out;
}

}  // namespace kizuna::cypher
