#include "kizuna/queries/answers/path_answer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "answer_builder.h"
#include "kizuna/core/json.h"
#include "kizuna/core/vocabulary.h"
#include "kizuna/queries/partners.h"
#include "time_order_answer.h"

namespace kizuna {

namespace {

PathSet find_paths(const Graph& graph, VertexId from, VertexId to, const PathRequest& request) {
    const PathQuery query{request.filter, request.max_hops};
    switch (request.mode) {
        case PathRequest::Mode::Simple:
            return all_simple_paths(graph, from, to, request.filter,
                                    request.max_hops.value_or(PathRequest::kDefaultSimpleHops), request.cap);
        case PathRequest::Mode::AllShortest:
            return all_shortest_paths(graph, from, to, query, request.cap);
        case PathRequest::Mode::KShortest:
            return PathSet{k_shortest_paths(graph, from, to, query, request.k), false};
        case PathRequest::Mode::Shortest:
        case PathRequest::Mode::InTimeOrder:  // answered by answer_in_time_order
            break;
    }
    PathSet set;
    if (auto path = shortest_path(graph, from, to, query)) set.paths.push_back(std::move(*path));
    return set;
}

// Only evidence connects from and to: the documents that relate to both, and the hops with evidence.
// REQUIRES: no connection without evidence within hop_limit. The search keeps that limit, so the
// connection it finds must use an evidence relation (a longer chain of ties is not evidence).
std::optional<PathAnswer::EvidenceOnly> evidence_only(queries::AnswerBuilder& builder, VertexId from,
                                                      VertexId to, const PathRequest& request,
                                                      std::optional<std::size_t> hop_limit) {
    const Graph& graph = builder.graph();
    RelationFilter with_evidence = request.filter;
    with_evidence.include_evidence = true;
    const auto path = shortest_path(graph, from, to, PathQuery{with_evidence, hop_limit});
    if (!path) return std::nullopt;
    PathAnswer::EvidenceOnly found;
    found.hops = path->length();
    RelationFilter evidence = with_evidence;  // the same conditions, evidence types only
    evidence.types = evidence_types_allowed(graph, request.filter);
    evidence.exclude_types.clear();
    if (!evidence.types.empty()) {
        evidence.directed = false;
        for (const auto& shared : common_partners(graph, from, to, evidence))
            found.documents.push_back(builder.entity(shared.partner).id);
    }
    return found;
}

}  // namespace

PathAnswer answer_path(const Snapshot& snapshot, VertexId from, VertexId to, const PathRequest& request) {
    PathAnswer answer;
    queries::AnswerBuilder builder(snapshot, answer.book);
    answer.from = builder.entity(from).id;
    answer.to = builder.entity(to).id;
    answer.hop_limit = request.mode == PathRequest::Mode::Simple
                           ? request.max_hops.value_or(PathRequest::kDefaultSimpleHops)
                           : request.max_hops;
    answer.hop_limited = answer.hop_limit.has_value();
    answer.book.window = request.filter.window();
    answer.left_out = left_out(snapshot.graph(), request.filter);
    if (request.mode == PathRequest::Mode::InTimeOrder) {
        queries::answer_in_time_order(builder, from, to, request, answer);
        return answer;
    }
    const PathSet set = find_paths(snapshot.graph(), from, to, request);
    answer.truncated = set.truncated;
    answer.work_limited = set.work_limited;
    if (set.paths.empty() && from != to && answer.left_out.evidence > 0 && !set.work_limited) {
        answer.evidence_only = evidence_only(builder, from, to, request, answer.hop_limit);
    }
    for (const Path& path : set.paths) {
        AnsweredPath answered;
        for (VertexId v : path.vertices) answered.nodes.push_back(builder.entity(v).id);
        for (RelationIndex r : path.relations) answered.relations.push_back(builder.relation(r));
        answer.paths.push_back(std::move(answered));
    }
    // Equal-length paths by their entities' ids, then their relations' ids (the search's own order
    // follows the graph's internal numbering of relations, which users never see).
    auto ids = [](const AnsweredPath& path) {
        std::vector<std::string> relation_ids;
        for (const auto& r : path.relations) relation_ids.push_back(r.id);
        return std::make_tuple(path.length(), path.nodes, relation_ids);
    };
    std::stable_sort(answer.paths.begin(), answer.paths.end(),
                     [&](const AnsweredPath& a, const AnsweredPath& b) { return ids(a) < ids(b); });
    return answer;
}

namespace {

nlohmann::json path_json(const AnswerBook& book, const AnsweredPath& path) {
    return {{"length", path.length()},
            {"nodes", path.nodes},
            {"relations", relations_json(book, path.relations)}};
}

}  // namespace

void to_json(nlohmann::json& out, const PathAnswer& answer) {
    out = {{"from", answer.from},
           {"to", answer.to},
           {"paths", nlohmann::json::array()},
           {"truncated", answer.truncated},
           {"work_limited", answer.work_limited},
           {"hop_limit", nullptr},
           {"left_out", answer.left_out},
           {"evidence_only", nullptr}};
    if (answer.hop_limit) out["hop_limit"] = *answer.hop_limit;
    for (const auto& path : answer.paths) out["paths"].push_back(path_json(answer.book, path));
    // Every entity the paths and the documents name, by id: a reader of the JSON needs their names.
    out["entities"] = nlohmann::json::object();
    for (const auto& [id, entity] : answer.book.entities) out["entities"][id] = entity;
    if (answer.in_time_order)
        out["in_time_order"] = queries::time_order_json(answer.book, *answer.in_time_order);
    if (answer.evidence_only) {
        out["evidence_only"] = {{"documents", answer.evidence_only->documents},
                                {"hops", answer.evidence_only->hops}};
    }
}

}  // namespace kizuna
