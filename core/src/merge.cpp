// Merging two entities: the plan (what becomes of each field and relation) and its one write.
#include "kizuna/core/merge.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "kizuna/core/errors.h"
#include "kizuna/core/text.h"

namespace kizuna {

namespace {

// What makes two relations one tie: type, ends (either way round for a symmetric type) and dates.
using TieKey = std::tuple<std::string, std::string, std::string, std::string, std::string>;

TieKey tie_of(const Relation& relation, bool directed) {
    std::string from = relation.from, to = relation.to;
    if (!directed && to < from) std::swap(from, to);
    return {relation.type, from, to, relation.start ? relation.start->to_string() : "",
            relation.end ? relation.end->to_string() : ""};
}

void unite_sources(std::vector<Source>& into, const std::vector<Source>& from) {
    for (const auto& source : from) {
        if (std::find(into.begin(), into.end(), source) == into.end()) into.push_back(source);
    }
}

// The attributes of both; a key both give differently keeps winner's value (winner: into, unless
// prefer_from) and is listed when conflicts is given.
void unite_attributes(Attributes& into, const Attributes& from, bool prefer_from,
                      std::vector<MergeConflict>* conflicts, std::vector<std::string>* added) {
    for (const auto& [key, value] : from) {
        const auto found = into.find(key);
        if (found == into.end()) {
            into.emplace(key, value);
            if (added != nullptr) added->push_back("attribute " + key + ": " + value);
        } else if (found->second != value) {
            if (conflicts != nullptr) {
                conflicts->push_back({"attribute:" + key, prefer_from ? value : found->second,
                                      prefer_from ? found->second : value});
            }
            if (prefer_from) found->second = value;
        }
    }
}

class EntityUnion {
  public:
    EntityUnion(MergePlan& plan, bool prefer_other) : plan_(plan), prefer_(prefer_other) {}

    void run() {
        Entity& united = plan_.united;
        const Entity& other = plan_.other;
        united = plan_.keep;
        std::vector<std::string> set_aside;
        name("name_en", united.names.en, other.names.en, set_aside);
        name("name_ja", united.names.ja, other.names.ja, set_aside);
        name("name_vi", united.names.vi, other.names.vi, set_aside);
        value("kind", united.kind, other.kind);
        value("country", united.country, other.country);
        unite_attributes(united.attributes, other.attributes, prefer_, &plan_.conflicts, &plan_.added);
        std::vector<std::string> aliases = other.aliases;
        aliases.insert(aliases.end(), set_aside.begin(), set_aside.end());
        for (const auto& alias : aliases) {
            if (known(alias)) continue;
            united.aliases.push_back(alias);
            plan_.added.push_back("alias: " + alias);
        }
        const std::size_t before = united.sources.size();
        unite_sources(united.sources, other.sources);
        for (std::size_t i = before; i < united.sources.size(); ++i)
            plan_.added.push_back("source: " + united.sources[i].title);
    }

  private:
    // A name: the kept entity's unless it has none in that language, or the other's is preferred; a name
    // that loses (and is not the same name written otherwise) becomes an alias.
    void name(const char* field, std::string& kept, const std::string& other,
              std::vector<std::string>& aside) {
        if (other.empty()) return;
        if (kept.empty()) {
            kept = other;
            plan_.added.push_back(std::string(field) + ": " + other);
            return;
        }
        if (search_key(kept) == search_key(other)) return;
        plan_.conflicts.push_back({field, prefer_ ? other : kept, prefer_ ? kept : other});
        aside.push_back(prefer_ ? kept : other);
        if (prefer_) kept = other;
    }

    void value(const char* field, std::string& kept, const std::string& other) {
        if (other.empty() || other == kept) return;
        if (kept.empty()) {
            kept = other;
            plan_.added.push_back(std::string(field) + ": " + other);
            return;
        }
        plan_.conflicts.push_back({field, prefer_ ? other : kept, prefer_ ? kept : other});
        if (prefer_) kept = other;
    }

    // Whether the united entity already has this text as a name or alias (after normalisation).
    [[nodiscard]] bool known(const std::string& text) const {
        const std::string key = search_key(text);
        const Entity& united = plan_.united;
        for (const auto* name : {&united.names.en, &united.names.ja, &united.names.vi}) {
            if (!name->empty() && search_key(*name) == key) return true;
        }
        return std::any_of(united.aliases.begin(), united.aliases.end(),
                           [&](const std::string& alias) { return search_key(alias) == key; });
    }

    MergePlan& plan_;
    bool prefer_;
};

// The other's relations, each re-pointed, folded into the same tie, or dropped.
void plan_relations(const Store& store, MergePlan& plan, bool prefer_other) {
    const std::string& keep = plan.keep.id;
    const std::string& other = plan.other.id;
    std::map<std::string, bool> directed;
    auto is_directed = [&](const std::string& type) {
        if (const auto found = directed.find(type); found != directed.end()) return found->second;
        const auto known = store.relation_type(type);
        return directed[type] = !known || known->directed;
    };
    // The ties there will be, by key, and the relations that bear them (by id, as they will be).
    std::map<TieKey, std::string> ties;
    std::map<std::string, Relation> bearers;
    std::vector<std::string> updated_ids;
    for (const auto& relation : store.relations_of(keep)) {
        if (relation.from == other || relation.to == other) continue;  // seen from the other's side
        ties.emplace(tie_of(relation, is_directed(relation.type)), relation.id);
        bearers.emplace(relation.id, relation);
    }
    for (const auto& relation : store.relations_of(other)) {
        if (relation.from == keep || relation.to == keep) {
            plan.dropped.push_back(relation);
            continue;
        }
        Relation moved = relation;
        if (moved.from == other) moved.from = keep;
        if (moved.to == other) moved.to = keep;
        const TieKey tie = tie_of(moved, is_directed(moved.type));
        const auto found = ties.find(tie);
        if (found == ties.end()) {
            ties.emplace(tie, moved.id);
            bearers.emplace(moved.id, moved);
            plan.repointed.push_back(moved);
            continue;
        }
        Relation& into = bearers.at(found->second);
        unite_sources(into.sources, moved.sources);
        // Values of one attribute that differ are listed as the entity's are (the field names the
        // relation folded into): the one set aside is gone from the data once merged.
        std::vector<MergeConflict> differing;
        unite_attributes(into.attributes, moved.attributes, prefer_other, &differing, nullptr);
        for (auto& conflict : differing) {
            conflict.field = "relation " + into.id + " " + conflict.field;
            plan.conflicts.push_back(std::move(conflict));
        }
        if (std::find(updated_ids.begin(), updated_ids.end(), into.id) == updated_ids.end())
            updated_ids.push_back(into.id);
        plan.folded.push_back({relation, into.id});
    }
    for (auto& moved : plan.repointed) moved = bearers.at(moved.id);  // with what was folded into them
    for (const auto& id : updated_ids) {
        const bool repointed = std::any_of(plan.repointed.begin(), plan.repointed.end(),
                                           [&](const Relation& r) { return r.id == id; });
        if (!repointed) plan.updated.push_back(bearers.at(id));
    }
}

}  // namespace

MergePlan plan_merge(const Store& store, const std::string& keep, const std::string& other,
                     bool prefer_other) {
    if (keep == other) throw UsageError("'" + keep + "' is one entity: there is nothing to merge");
    const Store::ReadTransaction snapshot(store);
    auto kept = store.entity(keep);
    auto merged = store.entity(other);
    if (!kept) throw UsageError("unknown entity '" + keep + "'");
    if (!merged) throw UsageError("unknown entity '" + other + "'");
    MergePlan plan;
    plan.keep = std::move(*kept);
    plan.other = std::move(*merged);
    EntityUnion(plan, prefer_other).run();
    plan_relations(store, plan, prefer_other);
    for (const auto& [a, b] : store.judgements()) {
        if (a != other && b != other) continue;
        const std::string& partner = a == other ? b : a;
        MergePlan::MovedJudgement moved{a, b, {}, {}};
        if (partner != keep) {
            moved.new_a = std::min(keep, partner);
            moved.new_b = std::max(keep, partner);
        }
        plan.judgements_moved.push_back(std::move(moved));
    }
    return plan;
}

Entity united_entity(const Entity& keep, const Entity& other) {
    MergePlan plan;
    plan.keep = keep;
    plan.other = other;
    EntityUnion(plan, false).run();
    return plan.united;
}

Store::WriteSummary apply_merge(Store& store, const MergePlan& plan) {
    return store.write([&](Store::Writer& writer) {
        writer.put(plan.united);
        for (const auto& relation : plan.updated) writer.put(relation);
        for (const auto& relation : plan.repointed) writer.put(relation);
        for (const auto& folded : plan.folded) {
            writer.remove_relation(folded.relation.id);
            writer.put_relation_redirect(folded.relation.id, folded.into);
        }
        for (const auto& relation : plan.dropped) {
            writer.remove_relation(relation.id);
            writer.put_relation_redirect(relation.id, "");
        }
        for (const auto& moved : plan.judgements_moved) {
            writer.put_judgement(moved.a, moved.b, false);
            if (!moved.new_a.empty()) writer.put_judgement(moved.new_a, moved.new_b);
        }
        writer.remove_entity(plan.other.id);
        writer.put_redirect(plan.other.id, plan.keep.id);
    });
}

}  // namespace kizuna
