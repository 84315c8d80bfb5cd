// Duplicate candidates: blocking by folded name, uncommon trigram and identifying value, then scoring
// each candidate pair by what the two share (duplicates.h).
#include "kizuna/queries/duplicates.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "kizuna/core/text.h"

namespace kizuna {

namespace {

// Weights of the reasons (their sum, capped at 1, is the score). A name equal after folding is strong
// evidence; a similar one as far as it is similar; an identifying value (a website) about as strong; kind,
// country and neighbours only tip the balance, and a different country counts against.
constexpr double kSameName = 0.7;
constexpr double kSimilarName = 0.6;      // times the names' trigram similarity
constexpr double kLeastSimilarity = 0.5;  // below it, names are not called similar
constexpr double kSameIdentifier = 0.5;
constexpr double kSameKind = 0.1, kDifferentKind = -0.1;
constexpr double kSameCountry = 0.1, kDifferentCountry = -0.2;
constexpr double kSharedNeighbours = 0.2;  // times the Jaccard index of the neighbour sets
// A trigram or name shared by more entities than this blocks nothing ("pha", "ministry of"): it would make
// the candidates grow with the square of the entities.
constexpr std::size_t kMostPerBlock = 100;
// Pairs sharing fewer of their trigrams than this share are not compared (most pairs of a block).
constexpr double kLeastSharedTrigrams = 0.3;

std::vector<std::string> trigrams_of(const std::string& key) {
    const auto characters = code_points(key);
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 3 <= characters.size(); ++i) {
        out.emplace_back(characters[i].data(),
                         static_cast<std::size_t>(characters[i + 2].data() + characters[i + 2].size() -
                                                  characters[i].data()));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// The Dice coefficient of two trigram sets, each trigram weighted by how rare it is among the entities
// (its inverse document frequency): names that share only "pharmaceutical co., ltd." or "ministry of" are
// not alike, names that share their rare part are.
double weighted_dice(const std::vector<std::string>& a, const std::vector<std::string>& b,
                     const std::unordered_map<std::string, double>& weights) {
    if (a.empty() || b.empty()) return 0;
    auto weight = [&weights](const std::string& trigram) {
        const auto found = weights.find(trigram);
        return found == weights.end() ? 1.0 : found->second;
    };
    double shared = 0, total = 0;
    for (const auto& trigram : a) total += weight(trigram);
    for (const auto& trigram : b) total += weight(trigram);
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            shared += 2 * weight(*i);
            ++i;
            ++j;
        }
    }
    return total == 0 ? 0 : shared / total;
}

struct FoldedName {
    std::string text, field, key;
    std::vector<std::string> trigrams;
};

// An attribute that names one organisation (a website, a registry number) as "group=value", or empty.
std::string identifier_of(const std::string& name, const std::string& value) {
    std::string key = search_key(name);
    std::string folded = search_key(value);
    if (folded.empty()) return {};
    static const std::unordered_set<std::string> kWebsites = {"website", "url", "homepage", "web", "site"};
    static const std::unordered_set<std::string> kIdentifiers = {"email", "phone", "wikidata", "lei",
                                                                 "isin",  "duns",  "tax code", "tax_code"};
    auto ends_with = [&key](std::string_view tail) {
        return key.size() > tail.size() && key.compare(key.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (kWebsites.count(key) > 0) {
        for (std::string_view prefix : {"https://", "http://", "www."}) {
            if (folded.rfind(prefix, 0) == 0) folded.erase(0, prefix.size());
        }
        while (!folded.empty() && folded.back() == '/') folded.pop_back();
        return "website=" + folded;
    }
    if (kIdentifiers.count(key) > 0 || ends_with("_id") || ends_with("_code") || ends_with("_number"))
        return key + "=" + folded;
    return {};
}

std::string two_decimals(double value) {
    char text[16];
    (void)std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

class Finder {
  public:
    Finder(const DuplicateInput& input, const DuplicateOptions& options) : input_(input), options_(options) {
        for (std::size_t i = 0; i < input.entities.size(); ++i) {
            const Entity& entity = input.entities[i];
            if (!options.kind.empty() && entity.kind != options.kind) continue;
            index_.emplace(entity.id, chosen_.size());
            chosen_.push_back(&entity);
        }
        names_.resize(chosen_.size());
        identifiers_.resize(chosen_.size());
        neighbours_.resize(chosen_.size());
        for (std::size_t i = 0; i < chosen_.size(); ++i) fold(i);
        weigh_trigrams();
    }

    DuplicateFindings run() {
        std::set<std::pair<std::size_t, std::size_t>> candidates;
        block_by_equal_keys(candidates);
        block_by_trigrams(candidates);
        DuplicateFindings out;
        // Blocking runs over every entity (what is uncommon depends on all); an entity's pairs are chosen
        // here, and only the entities of the pairs scored have their neighbours gathered.
        if (!options_.entity.empty()) {
            std::erase_if(candidates, [&](const auto& pair) {
                return chosen_[pair.first]->id != options_.entity &&
                       chosen_[pair.second]->id != options_.entity;
            });
        }
        gather_neighbours(candidates);
        for (const auto& [i, j] : candidates) {
            ++out.candidates;
            DuplicatePair pair = score(i, j);
            if (pair.a > pair.b) std::swap(pair.a, pair.b);
            if (input_.not_duplicates.count({pair.a, pair.b}) > 0) continue;
            if (pair.score + 1e-9 >= options_.min_score) out.pairs.push_back(std::move(pair));
        }
        std::sort(out.pairs.begin(), out.pairs.end(), [](const DuplicatePair& x, const DuplicatePair& y) {
            if (x.score != y.score) return x.score > y.score;
            return std::tie(x.a, x.b) < std::tie(y.a, y.b);
        });
        return out;
    }

  private:
    // The neighbours (by id) of the entities in the pairs, from one pass over the edges.
    void gather_neighbours(const std::set<std::pair<std::size_t, std::size_t>>& pairs) {
        std::vector<bool> wanted(chosen_.size(), false);
        for (const auto& [i, j] : pairs) wanted[i] = wanted[j] = true;
        for (const auto& [from, to] : input_.edges) {
            const auto a = index_.find(from), b = index_.find(to);
            if (a != index_.end() && wanted[a->second]) neighbours_[a->second].insert(to);
            if (b != index_.end() && wanted[b->second]) neighbours_[b->second].insert(from);
        }
    }

    void fold(std::size_t i) {
        const Entity& entity = *chosen_[i];
        auto add = [&](const std::string& text, const char* field) {
            if (text.empty()) return;
            FoldedName name{text, field, folded_name(text), {}};
            if (name.key.empty()) return;
            name.trigrams = trigrams_of(name.key);
            for (const auto& other : names_[i]) {
                if (other.key == name.key) return;
            }
            names_[i].push_back(std::move(name));
        };
        add(entity.names.en, "en");
        add(entity.names.ja, "ja");
        add(entity.names.vi, "vi");
        for (const auto& alias : entity.aliases) add(alias, "alias");
        for (const auto& [name, value] : entity.attributes) {
            if (auto id = identifier_of(name, value); !id.empty()) identifiers_[i].push_back(std::move(id));
        }
    }

    // Each trigram's inverse document frequency over the entities: log(1 + n / entities having it).
    void weigh_trigrams() {
        std::unordered_map<std::string, std::size_t> having;
        for (const auto& names : names_) {
            std::set<std::string> own;
            for (const auto& name : names) own.insert(name.trigrams.begin(), name.trigrams.end());
            for (const auto& trigram : own) ++having[trigram];
        }
        const double n = double(std::max<std::size_t>(chosen_.size(), 1));
        for (const auto& [trigram, count] : having)
            weights_.emplace(trigram, std::log(1.0 + n / double(count)));
    }

    // Pairs that share a folded name or an identifying value.
    void block_by_equal_keys(std::set<std::pair<std::size_t, std::size_t>>& out) const {
        std::unordered_map<std::string, std::vector<std::size_t>> blocks;
        for (std::size_t i = 0; i < chosen_.size(); ++i) {
            for (const auto& name : names_[i]) blocks["n:" + name.key].push_back(i);
            for (const auto& id : identifiers_[i]) blocks["i:" + id].push_back(i);
        }
        for (auto& [key, members] : blocks) {
            std::sort(members.begin(), members.end());
            members.erase(std::unique(members.begin(), members.end()), members.end());
            if (members.size() > kMostPerBlock) continue;
            for (std::size_t x = 0; x < members.size(); ++x) {
                for (std::size_t y = x + 1; y < members.size(); ++y) out.emplace(members[x], members[y]);
            }
        }
    }

    // Pairs that share enough of their uncommon trigrams.
    void block_by_trigrams(std::set<std::pair<std::size_t, std::size_t>>& out) const {
        std::unordered_map<std::string, std::vector<std::size_t>> postings;
        std::vector<std::vector<std::string>> all(chosen_.size());
        for (std::size_t i = 0; i < chosen_.size(); ++i) {
            for (const auto& name : names_[i])
                all[i].insert(all[i].end(), name.trigrams.begin(), name.trigrams.end());
            std::sort(all[i].begin(), all[i].end());
            all[i].erase(std::unique(all[i].begin(), all[i].end()), all[i].end());
            for (const auto& trigram : all[i]) postings[trigram].push_back(i);
        }
        std::unordered_map<std::size_t, std::size_t> shared;
        for (std::size_t i = 0; i < chosen_.size(); ++i) {
            shared.clear();
            for (const auto& trigram : all[i]) {
                const auto& members = postings.at(trigram);
                if (members.size() > kMostPerBlock) continue;
                for (const std::size_t j : members) {
                    if (j > i) ++shared[j];
                }
            }
            for (const auto& [j, count] : shared) {
                const double least =
                    std::max(2.0, kLeastSharedTrigrams * double(std::min(all[i].size(), all[j].size())));
                if (double(count) >= least) out.emplace(i, j);
            }
        }
    }

    DuplicatePair score(std::size_t i, std::size_t j) const {
        const Entity& a = *chosen_[i];
        const Entity& b = *chosen_[j];
        DuplicatePair pair{a.id, b.id, 0, {}};
        // The best name evidence: an equal folded name, else the most similar pair of names.
        const FoldedName* equal_a = nullptr;
        const FoldedName* equal_b = nullptr;
        const FoldedName* near_a = nullptr;
        const FoldedName* near_b = nullptr;
        double best = 0;
        for (const auto& x : names_[i]) {
            for (const auto& y : names_[j]) {
                if (x.key == y.key && equal_a == nullptr) {
                    equal_a = &x;
                    equal_b = &y;
                }
                const double similarity = weighted_dice(x.trigrams, y.trigrams, weights_);
                if (similarity > best) {
                    best = similarity;
                    near_a = &x;
                    near_b = &y;
                }
            }
        }
        auto quoted = [](const FoldedName& name) { return "'" + name.text + "' (" + name.field + ")"; };
        if (equal_a != nullptr) {
            pair.reasons.push_back({"same name", quoted(*equal_a) + " = " + quoted(*equal_b), kSameName});
        } else if (best >= kLeastSimilarity) {
            pair.reasons.push_back({"similar name",
                                    quoted(*near_a) + " ~ " + quoted(*near_b) + ", " + two_decimals(best),
                                    kSimilarName * best});
        }
        for (const auto& id : identifiers_[i]) {
            if (std::find(identifiers_[j].begin(), identifiers_[j].end(), id) == identifiers_[j].end())
                continue;
            const auto equals = id.find('=');
            pair.reasons.push_back({"same " + id.substr(0, equals), id.substr(equals + 1), kSameIdentifier});
        }
        if (!a.kind.empty() && !b.kind.empty()) {
            if (a.kind == b.kind) {
                pair.reasons.push_back({"same kind", a.kind, kSameKind});
            } else {
                pair.reasons.push_back({"different kind", a.kind + " / " + b.kind, kDifferentKind});
            }
        }
        if (!a.country.empty() && !b.country.empty()) {
            if (a.country == b.country) {
                pair.reasons.push_back({"same country", a.country, kSameCountry});
            } else {
                pair.reasons.push_back(
                    {"different country", a.country + " / " + b.country, kDifferentCountry});
            }
        }
        const auto& na = neighbours_[i];
        const auto& nb = neighbours_[j];
        std::vector<std::string> common;
        std::set_intersection(na.begin(), na.end(), nb.begin(), nb.end(), std::back_inserter(common));
        if (!common.empty()) {
            const double jaccard = double(common.size()) / double(na.size() + nb.size() - common.size());
            std::string detail;
            for (std::size_t k = 0; k < common.size() && k < 3; ++k)
                detail += (k == 0 ? "" : ", ") + common[k];
            if (common.size() > 3) detail += ", …";
            pair.reasons.push_back(
                {std::to_string(common.size()) + " shared neighbour" + (common.size() == 1 ? "" : "s"),
                 detail, kSharedNeighbours * jaccard});
        }
        double total = 0;
        for (auto& reason : pair.reasons) {
            reason.weight = std::round(reason.weight * 1000.0) / 1000.0;  // as shown: three decimals
            total += reason.weight;
        }
        pair.score = std::round(std::clamp(total, 0.0, 1.0) * 100.0) / 100.0;
        return pair;
    }

    const DuplicateInput& input_;
    const DuplicateOptions& options_;
    std::vector<const Entity*> chosen_;
    std::unordered_map<std::string, std::size_t> index_;
    std::vector<std::vector<FoldedName>> names_;
    std::vector<std::vector<std::string>> identifiers_;
    std::vector<std::set<std::string>> neighbours_;
    std::unordered_map<std::string, double> weights_;
};

}  // namespace

DuplicateFindings find_duplicates(const DuplicateInput& input, const DuplicateOptions& options) {
    return Finder(input, options).run();
}

}  // namespace kizuna
