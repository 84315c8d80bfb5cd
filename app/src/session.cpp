// The reading answers of a session: each request validated, then answered from one snapshot.
#include "kizuna/app/session.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "translate.h"

namespace kizuna::app {

Session::Session(std::filesystem::path db, SessionOptions options)
    : db_(std::move(db)), options_(std::move(options)) {}

Session::Session(std::filesystem::path db, SharedGraph& graph, SessionOptions options)
    : db_(std::move(db)), options_(std::move(options)), shared_graph_(&graph) {}

Session::Session(std::filesystem::path db, const Store& store, SharedGraph& graph, SessionOptions options)
    : db_(std::move(db)), options_(std::move(options)), store_(&store), shared_graph_(&graph) {}

Session::~Session() = default;

const Store& Session::store() {
    if (store_ == nullptr) {
        own_store_ = std::make_unique<Store>(open_for_reading(db_));
        store_ = own_store_.get();
    }
    return *store_;
}

Snapshot Session::snapshot() {
    const Store& reading = store();
    if (shared_graph_ != nullptr) return Snapshot::take(reading, *shared_graph_);
    return Snapshot::take(reading, [this, &reading] {
        if (options_.before_building) options_.before_building(reading);
    });
}

SearchAnswer Session::answer(const SearchRequest& request) {
    return translated(SearchRequest::description().names(), [&] {
        request.validate();
        return answer_search(store(), request.text, request.limit);
    });
}

ShowAnswer Session::answer(const ShowRequest& request) {
    return translated(ShowRequest::description().names(), [&] {
        request.validate();
        const Snapshot data = snapshot();
        return answer_show(data, request.entity);
    });
}

namespace {

std::vector<AttributeCondition> conditions(const std::vector<std::string>& texts) {
    std::vector<AttributeCondition> out;
    for (const auto& text : texts) out.push_back(AttributeCondition::parse(text));
    return out;
}

}  // namespace

ListAnswer Session::answer(const ListRequest& request) {
    return translated(ListRequest::description().names(), [&]() -> ListAnswer {
        const Snapshot data = snapshot();  // first: a missing database is said before a misplaced setting
        request.validate();
        if (request.relations) {
            RelationListRequest list;
            list.filter = request.filter.filter();
            list.categories = request.categories;
            list.from = {request.kinds_from, request.countries_from, conditions(request.where_from)};
            list.to = {request.kinds_to, request.countries_to, conditions(request.where_to)};
            return answer_relation_list(data, list);
        }
        return answer_entity_list(data, {request.kinds, request.countries, conditions(request.where)});
    });
}

PartnersAnswer Session::answer(const PartnersRequest& request) {
    return translated(PartnersRequest::description().names(), [&] {
        request.validate();
        const Snapshot data = snapshot();
        PartnerQuery query;
        query.filter = request.filter.filter();
        query.incoming_only = request.incoming;
        query.countries = request.countries;
        for (auto& country : query.countries) {  // ISO codes are upper case; "jp" means JP
            std::transform(country.begin(), country.end(), country.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
        }
        query.kinds = request.kinds;
        return answer_partners(data, data.vertex(request.entity), query);
    });
}

PathAnswer Session::answer(const PathRequest& request) {
    return translated(PathRequest::description().names(), [&] {
        request.validate();
        kizuna::PathRequest query;
        query.filter = request.filter.filter();
        query.max_hops = request.max_hops;
        query.cap = request.cap.value_or(query.cap);
        query.k = request.k.value_or(0);
        query.from_date = request.from_date;
        query.mode = request.in_time_order ? kizuna::PathRequest::Mode::InTimeOrder
                     : request.simple      ? kizuna::PathRequest::Mode::Simple
                     : request.all         ? kizuna::PathRequest::Mode::AllShortest
                     : request.k           ? kizuna::PathRequest::Mode::KShortest
                                           : kizuna::PathRequest::Mode::Shortest;
        const Snapshot data = snapshot();
        const VertexId from = data.vertex(request.from);
        const VertexId to = data.vertex(request.to);
        return answer_path(data, from, to, query);
    });
}

CommonAnswer Session::answer(const CommonRequest& request) {
    return translated(CommonRequest::description().names(), [&] {
        request.validate();
        const Snapshot data = snapshot();
        return answer_common(data, request.a, request.b, request.filter.filter());
    });
}

EgoAnswer Session::answer(const EgoRequest& request) {
    return translated(EgoRequest::description().names(), [&] {
        request.validate();
        const Snapshot data = snapshot();
        return answer_ego(data, data.vertex(request.entity), request.radius, request.filter.filter());
    });
}

TimelineAnswer Session::answer(const TimelineRequest& request) {
    return translated(TimelineRequest::description().names(), [&]() -> TimelineAnswer {
        request.validate();
        const Snapshot data = snapshot();
        const RelationFilter filter = request.filter.filter();
        if (request.entity.empty()) return answer_changes(data, filter);
        return answer_entity_timeline(data, data.vertex(request.entity), filter);
    });
}

StatsAnswer Session::answer(const StatsRequest& request) {
    return translated(StatsRequest::description().names(), [&] {
        request.validate();
        const Snapshot data = snapshot();
        const StatsQuery query{request.filter.filter(), request.top, request.betweenness,
                               request.sources.value_or(0)};
        return answer_stats(data, query);
    });
}

CommunitiesAnswer Session::answer(const CommunitiesRequest& request) {
    return translated(CommunitiesRequest::description().names(), [&] {
        request.validate();
        const Snapshot data = snapshot();
        CommunityQuery query;
        query.filter = request.filter.filter();
        query.algorithm =
            request.algorithm == "louvain" ? CommunityAlgorithm::Louvain : CommunityAlgorithm::Leiden;
        query.resolution = request.resolution;
        query.seed = request.seed;
        if (const auto years = request.years()) {
            const auto deadline =
                std::chrono::steady_clock::now() + std::chrono::milliseconds(request.timeout_ms);
            query.before_year = [&, first = years->first](int year) {
                const bool gone = options_.cancelled && options_.cancelled();
                if (!gone && (year == first || std::chrono::steady_clock::now() < deadline)) return;
                const std::string said = "communities: stopped before the groups of " + std::to_string(year) +
                                         (gone ? ": the request was cancelled" : ": the time limit passed");
                if (gone) throw AppError(ErrorKind::Limit, {said});
                throw AppError(ErrorKind::Limit, {said + " (", Setting{"timeout"}, ")"});
            };
            return answer_community_history(data, query, years->first, years->second);
        }
        return answer_communities(data, query);
    });
}

StateChangesAnswer Session::answer(const ChangesRequest& request) {
    return translated(ChangesRequest::description().names(), [&] {
        request.validate();
        const Snapshot data = snapshot();
        StateChangesQuery query{request.filter.filter(), *request.from, *request.to, std::nullopt, {}};
        if (!request.entity.empty()) query.entity = data.vertex(request.entity);
        return answer_state_changes(data, query);
    });
}

}  // namespace kizuna::app
