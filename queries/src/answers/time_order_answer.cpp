#include "time_order_answer.h"

#include <nlohmann/json.hpp>

#include "kizuna/core/json.h"

namespace kizuna::queries {

namespace {

AnsweredPath answered_path(AnswerBuilder& builder, const Path& path) {
    AnsweredPath out;
    for (VertexId v : path.vertices) out.nodes.push_back(builder.entity(v).id);
    for (RelationIndex r : path.relations) out.relations.push_back(builder.relation(r));
    return out;
}

TimeOrderAnswer::Pick pick(AnswerBuilder& builder, const TimedPath& timed, std::size_t index,
                           const std::optional<PartialDate>& from_date) {
    TimeOrderAnswer::Pick out{index, timed.surely, from_date, std::nullopt};
    if (timed.arrival_set_by) {
        const Relation relation = builder.relation(*timed.arrival_set_by);
        out.arrival = relation.start;
        out.arrival_relation = relation.id;
    }
    return out;
}

void fill_blocks(AnswerBuilder& builder, const TimePaths& found, TimeOrderAnswer& out) {
    out.connected = found.connected;
    out.connections_examined = found.connections_examined;
    out.examined_hops = found.examined_hops;
    out.every_connection_examined = found.every_connection_examined;
    for (const TimeBlock& block : found.blocks) {
        TimeOrderAnswer::Block row{block.kind, std::nullopt, builder.relation(block.later),
                                   block.connections};
        if (block.earlier) row.earlier = builder.relation(*block.earlier);
        out.blocks.push_back(std::move(row));
    }
}

nlohmann::json pick_json(const std::optional<TimeOrderAnswer::Pick>& chosen) {
    if (!chosen) return nullptr;
    nlohmann::json steps = nlohmann::json::array();
    for (const bool surely : chosen->surely) steps.push_back(surely ? "surely" : "possibly");
    return {{"path", chosen->path},
            {"arrival", chosen->arrival ? nlohmann::json(chosen->arrival->to_string()) : nlohmann::json()},
            {"arrival_relation",
             chosen->arrival_relation ? nlohmann::json(*chosen->arrival_relation) : nlohmann::json()},
            {"steps", steps}};
}

}  // namespace

void answer_in_time_order(AnswerBuilder& builder, VertexId from, VertexId to, const PathRequest& request,
                          PathAnswer& answer) {
    const TimePathQuery query{request.filter, request.from_date, request.max_hops};
    const TimePaths found = time_respecting_paths(builder.graph(), from, to, query);
    TimeOrderAnswer out;
    out.from_date = request.from_date;
    out.undated = found.undated;
    if (found.earliest_arrival) {
        answer.paths.push_back(answered_path(builder, found.earliest_arrival->path));
        out.earliest_arrival = pick(builder, *found.earliest_arrival, 0, request.from_date);
    }
    if (found.fewest_hops) {
        const bool same = found.earliest_arrival && found.earliest_arrival->path == found.fewest_hops->path;
        if (!same) answer.paths.push_back(answered_path(builder, found.fewest_hops->path));
        out.fewest_hops = pick(builder, *found.fewest_hops, answer.paths.size() - 1, request.from_date);
    }
    fill_blocks(builder, found, out);
    answer.in_time_order = std::move(out);
}

nlohmann::json time_order_json(const AnswerBook& book, const TimeOrderAnswer& answer) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& block : answer.blocks) {
        blocks.push_back({{"kind", block.kind == TimeBlock::Kind::Undated ? "undated" : "ended_before"},
                          {"earlier", block.earlier ? relation_json(book, *block.earlier) : nlohmann::json()},
                          {"later", relation_json(book, block.later)},
                          {"connections", block.connections}});
    }
    return {
        {"from_date", answer.from_date ? nlohmann::json(answer.from_date->to_string()) : nlohmann::json()},
        {"earliest_arrival", pick_json(answer.earliest_arrival)},
        {"fewest_hops", pick_json(answer.fewest_hops)},
        {"connected", answer.connected},
        {"blocks", blocks},
        {"connections_examined", answer.connections_examined},
        {"examined_hops", answer.examined_hops},
        {"every_connection_examined", answer.every_connection_examined},
        {"undated", answer.undated}};
}

}  // namespace kizuna::queries
