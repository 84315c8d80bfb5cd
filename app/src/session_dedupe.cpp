// A session's duplicates, merges and judgements: duplicates reads the entities and edges of one snapshot;
// merge and not-duplicates write one change each.
#include <unordered_map>

#include "kizuna/app/message_words.h"
#include "kizuna/app/session.h"
#include "kizuna/core/history.h"
#include "translate.h"

namespace kizuna::app {

namespace {

void refuse_reading_only(bool writes_allowed, const std::string& command) {
    if (!writes_allowed) throw AppError(ErrorKind::Usage, {command + " writes; this session only reads"});
}

// The entity an argument names; a merged-away id names the one it was merged into, said so when both
// arguments then name one entity.
Entity named(const Store& store, const std::string& name) { return store.resolve(name); }

void refuse_one_entity(const Store& store, const std::string& first, const std::string& second,
                       const Entity& entity) {
    for (const auto* name : {&first, &second}) {
        if (const auto kept = store.redirect(*name); kept && *kept == entity.id) {
            throw AppError(ErrorKind::Usage, {"'" + *name + "' was merged into '" + entity.id +
                                              "' already: they are one entity"});
        }
    }
    throw AppError(ErrorKind::Usage, {"'" + first + "' and '" + second + "' both name '" + entity.id +
                                      "': they are one entity"});
}

}  // namespace

DuplicatesAnswer Session::answer(const DuplicatesRequest& request) {
    return translated(DuplicatesRequest::description().names(), [&] {
        request.validate();
        const Store& reading = store();
        const Store::ReadTransaction snapshot(reading);
        DuplicateInput input;
        reading.for_each_entity([&](const Entity& entity) { input.entities.push_back(entity); });
        std::unordered_map<std::int64_t, std::string> ids;
        reading.scan_entities([&](const Store::EntityRow& row) {
            ids.emplace(static_cast<std::int64_t>(row.key), std::string(row.id));
        });
        reading.scan_relations([&](const Store::RelationRow& row) {
            input.edges.emplace_back(ids.at(static_cast<std::int64_t>(row.from)),
                                     ids.at(static_cast<std::int64_t>(row.to)));
        });
        for (auto& pair : reading.judgements()) input.not_duplicates.insert(std::move(pair));
        const std::string focus = request.entity.empty() ? "" : named(reading, request.entity).id;
        const DuplicateFindings found = find_duplicates(input, {request.kind, request.min_score, focus});
        std::unordered_map<std::string, const Entity*> by_id;
        for (const auto& entity : input.entities) by_id.emplace(entity.id, &entity);
        DuplicatesAnswer out;
        out.entities = input.entities.size();
        out.candidates = found.candidates;
        for (const auto& pair : found.pairs) {
            if (out.pairs.size() == request.limit) {
                ++out.left_out;
                continue;
            }
            out.pairs.push_back({*by_id.at(pair.a), *by_id.at(pair.b), pair.score, pair.reasons});
            for (auto& reason : out.pairs.back().reasons)
                reason.reason = reason_in(reason.reason, request.lang);
        }
        return out;
    });
}

MergeAnswer Session::answer(const MergeRequest& request) {
    return translated(MergeRequest::description().names(), [&] {
        request.validate();
        refuse_reading_only(options_.writes_allowed, "merge");
        Store writing = open_writing();
        const Entity keep = named(writing, request.keep);
        const Entity other = named(writing, request.other);
        if (keep.id == other.id) refuse_one_entity(writing, request.keep, request.other, keep);
        MergeAnswer out;
        out.dry_run = request.dry_run;
        out.plan = plan_merge(writing, keep.id, other.id, request.prefer == "other");
        if (request.dry_run) return out;
        (void)apply_merge(writing, out.plan);
        out.change = History::latest(writing);
        return out;
    });
}

NotDuplicatesAnswer Session::answer(const NotDuplicatesRequest& request) {
    return translated(NotDuplicatesRequest::description().names(), [&] {
        request.validate();
        refuse_reading_only(options_.writes_allowed, "not-duplicates");
        Store writing = open_writing();
        const Entity a = named(writing, request.a);
        const Entity b = named(writing, request.b);
        if (a.id == b.id) refuse_one_entity(writing, request.a, request.b, a);
        NotDuplicatesAnswer out{std::min(a.id, b.id), std::max(a.id, b.id), false, 0};
        const auto written =
            writing.write([&](Store::Writer& writer) { writer.put_judgement(out.a, out.b); });
        out.recorded = written.total() > 0;
        if (out.recorded) out.change = History::latest(writing);
        return out;
    });
}

}  // namespace kizuna::app
