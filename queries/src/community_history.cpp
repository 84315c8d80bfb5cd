#include <algorithm>
#include <map>
#include <string>

#include "kizuna/core/errors.h"
#include "kizuna/queries/communities.h"
#include "kizuna/queries/traversal.h"

namespace kizuna {

namespace {

// Links between the groups of two consecutive years: at least half of the smaller group in both.
struct Links {
    std::vector<std::vector<std::size_t>> after_of;   // by group of the year before
    std::vector<std::vector<std::size_t>> before_of;  // by group of this year
    std::vector<std::vector<std::size_t>> shared;     // [before][after] members in both
};

Links link_groups(const Graph& graph, const Communities& before, const Communities& after) {
    std::vector<std::size_t> group_after(graph.vertex_count(), SIZE_MAX);
    for (std::size_t j = 0; j < after.groups.size(); ++j) {
        for (const VertexId v : after.groups[j].members) group_after[v] = j;
    }
    Links links{std::vector<std::vector<std::size_t>>(before.groups.size()),
                std::vector<std::vector<std::size_t>>(after.groups.size()),
                std::vector<std::vector<std::size_t>>(before.groups.size(),
                                                      std::vector<std::size_t>(after.groups.size(), 0))};
    for (std::size_t i = 0; i < before.groups.size(); ++i) {
        for (const VertexId v : before.groups[i].members) {
            if (group_after[v] != SIZE_MAX) ++links.shared[i][group_after[v]];
        }
        for (std::size_t j = 0; j < after.groups.size(); ++j) {
            const std::size_t smaller =
                std::min(before.groups[i].members.size(), after.groups[j].members.size());
            if (links.shared[i][j] > 0 && 2 * links.shared[i][j] >= smaller) {
                links.after_of[i].push_back(j);
                links.before_of[j].push_back(i);
            }
        }
    }
    return links;
}

// The relations alive this year and not the year before (began), and the reverse (ended): found once
// per pair of years, then split by the groups of each event.
struct YearChange {
    std::vector<RelationIndex> began, ended;
};

YearChange year_change(const Graph& graph, const queries::CompiledFilter& was,
                       const queries::CompiledFilter& is) {
    YearChange change;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        if (graph.removed(r)) continue;  // by a delta: no more in the data
        const bool now = is.relation_ok(r), then = was.relation_ok(r);
        if (now && !then) change.began.push_back(r);
        if (then && !now) change.ended.push_back(r);
    }
    return change;
}

// Of the changed relations, those with both ends among the groups' members, and, when across is
// given, ends in two different groups.
std::vector<RelationIndex> changed_relations(const Graph& graph, const std::vector<RelationIndex>& changed,
                                             const std::vector<const Community*>& groups, bool across) {
    std::map<VertexId, std::size_t> group_of;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (const VertexId v : groups[g]->members) group_of.emplace(v, g);
    }
    std::vector<RelationIndex> out;
    for (const RelationIndex r : changed) {
        const auto a = group_of.find(graph.from(r)), b = group_of.find(graph.to(r));
        if (a == group_of.end() || b == group_of.end()) continue;
        if (across && a->second == b->second) continue;
        out.push_back(r);
    }
    return out;
}

RelationFilter year_filter(const RelationFilter& base, int year) {
    RelationFilter filter = base;
    filter.as_of = PartialDate::parse_or_throw(std::to_string(year));
    return filter;
}

// Numbers this year's groups from the year before's, and records the events between the two years.
void compare_years(const Graph& graph, const CommunityQuery& query, const CommunityYear& before,
                   CommunityYear& after, std::size_t& next_number, std::vector<CommunityEvent>& events) {
    const Links links = link_groups(graph, before.found, after.found);
    const queries::CompiledFilter was(graph, year_filter(query.filter, before.year)),
        is(graph, year_filter(query.filter, after.year));
    const YearChange change = year_change(graph, was, is);
    after.numbers.assign(after.found.groups.size(), 0);
    // Along the largest link, a group goes on under its number (the first such claim wins).
    std::vector<bool> taken(before.found.groups.size(), false);
    for (std::size_t j = 0; j < after.found.groups.size(); ++j) {
        std::size_t best = SIZE_MAX;
        for (const auto i : links.before_of[j]) {
            if (!taken[i] && (best == SIZE_MAX || links.shared[i][j] > links.shared[best][j])) best = i;
        }
        if (best != SIZE_MAX) {
            taken[best] = true;
            after.numbers[j] = before.numbers[best];
        } else {
            after.numbers[j] = next_number++;
        }
    }
    const auto group = [](const Communities& c, std::size_t i) { return &c.groups[i]; };
    for (std::size_t j = 0; j < after.found.groups.size(); ++j) {
        const auto& from = links.before_of[j];
        if (from.empty()) {
            events.push_back({after.year,
                              CommunityEvent::Kind::Birth,
                              {},
                              {after.numbers[j]},
                              changed_relations(graph, change.began, {group(after.found, j)}, false)});
        } else if (from.size() > 1) {
            CommunityEvent event{after.year, CommunityEvent::Kind::Merge, {}, {after.numbers[j]}, {}};
            std::vector<const Community*> parts;
            for (const auto i : from) {
                event.before.push_back(before.numbers[i]);
                parts.push_back(group(before.found, i));
            }
            event.relations = changed_relations(graph, change.began, parts, true);
            events.push_back(std::move(event));
        }
    }
    for (std::size_t i = 0; i < before.found.groups.size(); ++i) {
        const auto& to = links.after_of[i];
        if (to.empty()) {
            events.push_back({after.year,
                              CommunityEvent::Kind::Death,
                              {before.numbers[i]},
                              {},
                              changed_relations(graph, change.ended, {group(before.found, i)}, false)});
        } else if (to.size() > 1) {
            CommunityEvent event{after.year, CommunityEvent::Kind::Split, {before.numbers[i]}, {}, {}};
            std::vector<const Community*> parts;
            for (const auto j : to) {
                event.after.push_back(after.numbers[j]);
                parts.push_back(group(after.found, j));
            }
            event.relations = changed_relations(graph, change.ended, parts, true);
            events.push_back(std::move(event));
        }
    }
}

}  // namespace

const char* event_name(CommunityEvent::Kind kind) {
    switch (kind) {
        case CommunityEvent::Kind::Birth:
            return "birth";
        case CommunityEvent::Kind::Death:
            return "death";
        case CommunityEvent::Kind::Merge:
            return "merge";
        case CommunityEvent::Kind::Split:
            return "split";
    }
    return "";
}

CommunityHistory community_history(const Graph& graph, const CommunityQuery& query, int first_year,
                                   int last_year) {
    if (query.filter.as_of || query.filter.since || query.filter.until) {
        throw UsageError("the years of --by-year are the dates: give no other date condition with it");
    }
    if (last_year <= first_year || last_year - first_year >= kMostCommunityYears) {
        throw UsageError("--by-year needs a first year before the last, at most " +
                         std::to_string(kMostCommunityYears) + " years apart: " + std::to_string(first_year) +
                         ".." + std::to_string(last_year));
    }
    CommunityHistory history;
    std::size_t next_number = 1;
    for (int year = first_year; year <= last_year; ++year) {
        if (query.before_year) query.before_year(year);
        CommunityQuery each = query;
        each.filter = year_filter(query.filter, year);
        CommunityYear current{year, find_communities(graph, each), {}};
        if (history.years.empty()) {
            for (std::size_t i = 0; i < current.found.groups.size(); ++i)
                current.numbers.push_back(next_number++);
        } else {
            compare_years(graph, query, history.years.back(), current, next_number, history.events);
        }
        history.years.push_back(std::move(current));
    }
    return history;
}

}  // namespace kizuna
