// kizuna::api::Database: each call opens its own connection and answers from one snapshot, sharing the
// in-memory graph between calls and threads (SharedGraph) while the data stays the same.
#include <nlohmann/json.hpp>

#include "facade_internal.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/core/store.h"
#include "kizuna/cypher/query_answer.h"
#include "kizuna/importers/import.h"
#include "kizuna/queries/answers/common_answer.h"
#include "kizuna/queries/answers/ego_answer.h"
#include "kizuna/queries/answers/list_answer.h"
#include "kizuna/queries/answers/partners_answer.h"
#include "kizuna/queries/answers/path_answer.h"
#include "kizuna/queries/answers/search_answer.h"
#include "kizuna/queries/answers/show_answer.h"
#include "kizuna/queries/answers/stats_answer.h"
#include "kizuna/queries/answers/timeline_answer.h"
#include "request_limits.h"
#include "requests.h"

namespace kizuna::api {

std::string version() { return KIZUNA_VERSION; }

namespace {

// A parameter as the query engine holds it.
cypher::Value engine_value(const Value& value) {
    if (value.is_bool()) return cypher::Value(value.as_bool());
    if (value.is_int()) return cypher::Value(value.as_int());
    if (value.is_double()) return cypher::Value(value.as_double());
    if (value.is_string()) return cypher::Value(value.as_string());
    if (value.is_list()) {
        cypher::List list;
        for (const auto& item : value.as_list()) list.push_back(engine_value(item));
        return cypher::Value(std::move(list));
    }
    if (value.is_map()) {
        cypher::Map map;
        for (const auto& [key, item] : value.as_map()) map.emplace(key, engine_value(item));
        return cypher::Value(std::move(map));
    }
    return {};
}

}  // namespace

struct Database::Impl {
    std::filesystem::path path;
    Mode mode = Mode::ReadOnly;
    SharedGraph graph;

    [[nodiscard]] Store reading() const { return Store::open(path, Store::Mode::ReadOnly); }
    [[nodiscard]] Store writing() const {
        if (mode != Mode::Writable)
            throw DatabaseError(path.string() +
                                ": opened read-only; open it with Database::Mode::Writable to write");
        return Store::open(path, Store::Mode::ReadWrite);
    }
    // Runs answer(snapshot) on a snapshot of the current data.
    template <typename Answer>
    auto on_snapshot(Answer&& answer) {
        const Store store = reading();
        const Snapshot snapshot = Snapshot::take(store, graph);
        return answer(snapshot);
    }
};

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() = default;
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;

Database Database::open(const std::filesystem::path& path, Mode mode) {
    return translated([&] {
        if (!std::filesystem::exists(path))
            throw DatabaseError(path.string() + ": no database here; create one with Database::create");
        try {
            (void)Store::open(path, mode == Mode::Writable ? Store::Mode::ReadWrite : Store::Mode::ReadOnly);
        } catch (const OutdatedSchemaError&) {
            (void)Store::open(path, Store::Mode::ReadWrite);  // from an older Kizuna: upgraded in place
        }
        auto impl = std::make_unique<Impl>();
        impl->path = path;
        impl->mode = mode;
        return Database(std::move(impl));
    });
}

Database Database::create(const std::filesystem::path& path) {
    return translated([&] {
        (void)Store::open(path, Store::Mode::Create);
        return open(path, Mode::Writable);
    });
}

const std::filesystem::path& Database::path() const { return impl_->path; }
Database::Mode Database::mode() const { return impl_->mode; }

SearchAnswer Database::search(const std::string& text, std::size_t limit) const {
    return translated([&] {
        check_count("limit", limit, kMostSearchResults);
        const Store store = impl_->reading();
        return search_answer_from(answer_search(store, text, limit));
    });
}

ShowAnswer Database::show(const std::string& entity_or_relation) const {
    return translated([&] {
        return impl_->on_snapshot(
            [&](const Snapshot& s) { return show_answer_from(answer_show(s, entity_or_relation)); });
    });
}

PartnersAnswer Database::partners(const std::string& entity, const PartnersRequest& request) const {
    return translated([&] {
        const auto query = partner_query(request);
        return impl_->on_snapshot([&](const Snapshot& s) {
            return partners_answer_from(answer_partners(s, s.vertex(entity), query));
        });
    });
}

PathAnswer Database::path(const std::string& from, const std::string& to, const PathRequest& request) const {
    return translated([&] {
        const auto query = path_request(request);
        return impl_->on_snapshot([&](const Snapshot& s) {
            const VertexId a = s.vertex(from);
            const VertexId b = s.vertex(to);
            return path_answer_from(answer_path(s, a, b, query));
        });
    });
}

CommonAnswer Database::common(const std::string& a, const std::string& b, const Filter& filter) const {
    return translated([&] {
        const auto query = relation_filter(filter);
        return impl_->on_snapshot(
            [&](const Snapshot& s) { return common_answer_from(answer_common(s, a, b, query)); });
    });
}

EgoAnswer Database::ego(const std::string& entity, const EgoRequest& request) const {
    return translated([&] {
        check_count("radius", request.radius, kLargestRadius, true);
        const auto query = relation_filter(request.filter);
        return impl_->on_snapshot([&](const Snapshot& s) {
            return ego_answer_from(answer_ego(s, s.vertex(entity), request.radius, query));
        });
    });
}

TimelineAnswer Database::timeline(const std::string& entity, const Filter& filter) const {
    return translated([&] {
        const auto query = relation_filter(filter);
        return impl_->on_snapshot([&](const Snapshot& s) {
            if (entity.empty()) return timeline_answer_from(answer_changes(s, query));
            return timeline_answer_from(answer_entity_timeline(s, s.vertex(entity), query));
        });
    });
}

StatsAnswer Database::stats(const StatsRequest& request) const {
    return translated([&] {
        const auto query = stats_query(request);
        return impl_->on_snapshot(
            [&](const Snapshot& s) { return stats_answer_from(answer_stats(s, query)); });
    });
}

ListAnswer Database::list(const ListRequest& request) const {
    return translated([&] {
        if (!request.relations) {
            if (!request.filter.types.empty() || !request.filter.exclude_types.empty() ||
                !request.filter.as_of.empty() || !request.filter.since.empty() ||
                !request.filter.until.empty() || request.filter.undated || !request.categories.empty())
                throw UsageError("filter and categories apply to a list of relations (relations = true)");
            const auto conditions = entity_conditions(request.entities);
            return impl_->on_snapshot(
                [&](const Snapshot& s) { return list_answer_from(answer_entity_list(s, conditions)); });
        }
        if (!request.entities.kinds.empty() || !request.entities.countries.empty() ||
            !request.entities.where.empty())
            throw UsageError("with relations, say which end: from or to (kinds, countries, where)");
        RelationListRequest query;
        query.filter = relation_filter(request.filter);
        query.categories = request.categories;
        query.from = entity_conditions(request.from);
        query.to = entity_conditions(request.to);
        return impl_->on_snapshot(
            [&](const Snapshot& s) { return list_answer_from(answer_relation_list(s, query)); });
    });
}

QueryAnswer Database::query(const std::string& text, const std::map<std::string, Value>& params,
                            const QueryOptions& options) {
    try {
        if (text.find_first_not_of(" \t\r\n") == std::string::npos)
            throw UsageError("no query: the text is empty");
        cypher::QueryRequest request;
        request.text = text;
        request.lang = options.lang;
        request.limits.timeout = std::chrono::milliseconds(options.timeout_ms);
        request.limits.max_rows = options.max_rows;
        for (const auto& [name, value] : params) {
            request.parameters.emplace(name, engine_value(value));
        }
        if (cypher::query_writes(text)) {
            Store store = impl_->writing();
            return query_answer_from(cypher::answer_writing_query(store, request));
        }
        return impl_->on_snapshot(
            [&](const Snapshot& s) { return query_answer_from(cypher::answer_reading_query(s, request)); });
    } catch (...) {
        rethrow_translated(text);
    }
}

ImportReport Database::import_files(const std::vector<std::filesystem::path>& paths,
                                    const ImportOptions& options) {
    return translated([&] {
        if (paths.empty()) throw UsageError("import: no files given");
        Store store = impl_->writing();
        kizuna::ImportOptions import_options;
        import_options.dry_run = options.dry_run;
        return import_report_from(kizuna::import_files(store, paths, import_options));
    });
}

}  // namespace kizuna::api
