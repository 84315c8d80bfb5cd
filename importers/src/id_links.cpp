// Redirects and judgements in an import (id_links.h), and their JSON form.
#include "id_links.h"

#include <nlohmann/json.hpp>
#include <unordered_set>

#include "kizuna/core/errors.h"
#include "kizuna/core/merge.h"
#include "kizuna/core/validation.h"

namespace kizuna::importers {

namespace {

IdLink parse_link(const nlohmann::json& value, const char* first, const char* second, const char* what,
                  bool second_may_be_empty = false) {
    if (!value.is_object() || !value.contains(first) || !value.contains(second) ||
        !value.at(first).is_string() || !value.at(second).is_string() || value.size() != 2) {
        throw InvalidDataError(std::string("a ") + what + " is {\"" + first + "\": id, \"" + second +
                               "\": id}");
    }
    IdLink link{value.at(first).get<std::string>(), value.at(second).get<std::string>()};
    for (const auto* id : {&link.first, &link.second}) {
        if (id == &link.second && second_may_be_empty && id->empty()) continue;
        if (!is_slug(*id)) throw InvalidDataError(std::string(what) + ": '" + *id + "' is not an id");
    }
    if (link.first == link.second)
        throw InvalidDataError(std::string(what) + " names '" + link.first + "' twice");
    return link;
}

// The end of a chain of redirects (a bounded walk: a cycle is reported by gather_redirects).
std::string followed(const Redirects& redirects, std::string id) {
    for (std::size_t steps = 0; steps <= redirects.size(); ++steps) {
        const auto found = redirects.find(id);
        if (found == redirects.end()) return id;
        id = found->second;
    }
    return id;
}

}  // namespace

IdLink parse_redirect(const nlohmann::json& value) { return parse_link(value, "from", "to", "redirect"); }
IdLink parse_judgement(const nlohmann::json& value) { return parse_link(value, "a", "b", "not_duplicates"); }
IdLink parse_relation_redirect(const nlohmann::json& value) {
    return parse_link(value, "from", "to", "relation_redirect", true);
}

std::unordered_set<std::string> merged_relations(const Store& store, const Batch& batch, Problems& problems) {
    std::unordered_set<std::string> out;
    for (const auto& [from, to] : store.relation_redirects()) out.insert(from);
    for (const auto& [link, place] : batch.relation_redirects) {
        if (store.relation(link.first)) {
            problems.add(place, "relation_redirect: '" + link.first +
                                    "' is a relation; a relation redirect names one a merge removed");
            continue;
        }
        out.insert(link.first);
    }
    return out;
}

Redirects gather_redirects(const Store& store, const Batch& batch, Problems& problems) {
    Redirects out;
    for (auto& [from, to] : store.redirects()) out.emplace(std::move(from), std::move(to));
    if (batch.redirects.empty()) return out;
    std::unordered_set<std::string> batch_entities;
    for (const auto& item : batch.entities) batch_entities.insert(item.value.id);
    for (const auto& [link, place] : batch.redirects) {
        if (batch_entities.count(link.first) > 0 || store.has_entity(link.first)) {
            problems.add(place,
                         "redirect: '" + link.first + "' is an entity; merge it with kizuna merge instead");
            continue;
        }
        const auto known = out.find(link.first);
        if (known != out.end() && known->second != link.second) {
            problems.add(place,
                         "redirect: '" + link.first + "' redirects to '" + known->second + "' already");
            continue;
        }
        out[link.first] = link.second;
    }
    for (const auto& [link, place] : batch.redirects) {
        const std::string end = followed(out, link.first);
        if (out.count(end) > 0) {
            problems.add(place, "redirect: '" + link.first + "' leads round in a circle");
        } else if (batch_entities.count(end) == 0 && !store.has_entity(end)) {
            problems.add(place, "redirect: '" + link.first + "' leads to '" + end + "', which is no entity");
        }
    }
    for (auto& [from, to] : out) to = followed(out, to);
    return out;
}

void apply_redirects(const Store& store, const Redirects& redirects, Batch& batch, Problems& problems) {
    if (redirects.empty()) return;
    std::unordered_map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < batch.entities.size(); ++i) position.emplace(batch.entities[i].value.id, i);
    std::vector<Located<Entity>> kept;
    kept.reserve(batch.entities.size());
    std::unordered_map<std::string, std::size_t> kept_at;  // kept entity id -> its place in kept
    std::vector<std::size_t> folded_into_batch;
    for (auto& item : batch.entities) {
        const auto target = redirects.find(item.value.id);
        if (target == redirects.end()) {
            kept_at[item.value.id] = kept.size();
            kept.push_back(std::move(item));
            continue;
        }
        // Its kept entity: the batch's record of it, else the stored one.
        if (const auto in_batch = kept_at.find(target->second); in_batch != kept_at.end()) {
            Entity& into = kept[in_batch->second].value;
            into = united_entity(into, item.value);
            continue;
        }
        if (position.count(target->second) > 0) {
            folded_into_batch.push_back(kept.size());  // united when its kept record has been seen
            kept.push_back(std::move(item));
            continue;
        }
        auto stored = store.entity(target->second);
        if (!stored) {
            problems.add(item.place, "entity '" + item.value.id + "' was merged into '" + target->second +
                                         "', which is no entity");
            continue;
        }
        Entity united = united_entity(*stored, item.value);
        kept_at[united.id] = kept.size();
        kept.push_back({std::move(united), item.place});
    }
    // Records of merged-away ids that came before their kept entity's record.
    std::vector<bool> gone(kept.size(), false);
    for (const std::size_t at : folded_into_batch) {
        const std::string& target = redirects.at(kept[at].value.id);
        Entity& into = kept[kept_at.at(target)].value;
        into = united_entity(into, kept[at].value);
        gone[at] = true;
    }
    batch.entities.clear();
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (!gone[i]) batch.entities.push_back(std::move(kept[i]));
    }
    for (auto& [link, place] : batch.judgements) {
        for (auto* id : {&link.first, &link.second}) {
            if (const auto found = redirects.find(*id); found != redirects.end()) *id = found->second;
        }
        if (link.first == link.second)
            problems.add(place, "not_duplicates: '" + link.first + "' is one entity since their merge");
    }
}

}  // namespace kizuna::importers
