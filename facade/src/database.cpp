// kizuna::api::Database: each call is one request to a session of the application layer (app/), which
// opens its own connection and answers from one snapshot; the in-memory graph is shared between calls
// and threads (SharedGraph) while the data stays the same.
#include <nlohmann/json.hpp>

#include "facade_internal.h"
#include "kizuna/app/session.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/core/store.h"

namespace kizuna::api {

std::string version() { return KIZUNA_VERSION; }

struct Database::Impl {
    std::filesystem::path path;
    Mode mode = Mode::ReadOnly;
    SharedGraph graph;

    // The answer of a session of its own (sessions are one thread's), as the request's JSON.
    template <typename Request>
    nlohmann::json answer(const Request& request) {
        app::SessionOptions options;
        options.writes_allowed = mode == Mode::Writable;
        options.writes_refused =
            path.string() + ": opened read-only; a query that writes needs Database::Mode::Writable";
        app::Session session(path, graph, std::move(options));
        return session.answer(request);
    }
    void require_writable(const std::string& what = "importing") const {
        if (mode != Mode::Writable)
            throw UsageError(path.string() + ": opened read-only; " + what +
                             " needs Database::Mode::Writable");
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
        // Opened once now, so that a database that is not one (or cannot be written) is said here; one of
        // an older Kizuna is upgraded in place.
        (void)(mode == Mode::Writable ? app::open_for_writing(path) : app::open_for_reading(path));
        auto impl = std::make_unique<Impl>();
        impl->path = path;
        impl->mode = mode;
        return Database(std::move(impl));
    });
}

Database Database::create(const std::filesystem::path& path) {
    return translated([&] {
        (void)Store::open(path,
                          Store::Mode::Create);  // as `kizuna init`: an empty database, or the one there
        return open(path, Mode::Writable);
    });
}

const std::filesystem::path& Database::path() const { return impl_->path; }
Database::Mode Database::mode() const { return impl_->mode; }

SearchAnswer Database::search(const std::string& text, std::size_t limit) const {
    return translated([&] { return search_answer_from(impl_->answer(app_search(text, limit))); });
}

ShowAnswer Database::show(const std::string& entity_or_relation) const {
    return translated([&] {
        app::ShowRequest request;
        request.entity = entity_or_relation;
        return show_answer_from(impl_->answer(request));
    });
}

PartnersAnswer Database::partners(const std::string& entity, const PartnersRequest& request) const {
    return translated([&] { return partners_answer_from(impl_->answer(app_partners(entity, request))); });
}

PathAnswer Database::path(const std::string& from, const std::string& to, const PathRequest& request) const {
    return translated([&] { return path_answer_from(impl_->answer(app_path(from, to, request))); });
}

CommonAnswer Database::common(const std::string& a, const std::string& b, const Filter& filter) const {
    return translated([&] { return common_answer_from(impl_->answer(app_common(a, b, filter))); });
}

EgoAnswer Database::ego(const std::string& entity, const EgoRequest& request) const {
    return translated([&] { return ego_answer_from(impl_->answer(app_ego(entity, request))); });
}

TimelineAnswer Database::timeline(const std::string& entity, const Filter& filter) const {
    return translated([&] { return timeline_answer_from(impl_->answer(app_timeline(entity, filter))); });
}

StatsAnswer Database::stats(const StatsRequest& request) const {
    return translated([&] { return stats_answer_from(impl_->answer(app_stats(request))); });
}

CommunitiesAnswer Database::communities(const CommunitiesRequest& request) const {
    return translated([&] { return communities_answer_from(impl_->answer(app_communities(request))); });
}

DuplicatesAnswer Database::duplicates(const DuplicatesRequest& request) const {
    return translated([&] { return duplicates_answer_from(impl_->answer(app_duplicates(request))); });
}

MergeAnswer Database::merge(const std::string& keep, const std::string& other, bool dry_run,
                            bool prefer_other) {
    return translated([&] {
        impl_->require_writable("merging (also a dry run)");
        app::MergeRequest request;
        request.keep = keep;
        request.other = other;
        request.dry_run = dry_run;
        request.prefer = prefer_other ? "other" : "keep";
        return merge_answer_from(impl_->answer(request));
    });
}

NotDuplicatesAnswer Database::not_duplicates(const std::string& a, const std::string& b) {
    return translated([&] {
        impl_->require_writable("recording a judgement");
        app::NotDuplicatesRequest request;
        request.a = a;
        request.b = b;
        return not_duplicates_answer_from(impl_->answer(request));
    });
}

ListAnswer Database::list(const ListRequest& request) const {
    return translated([&] { return list_answer_from(impl_->answer(app_list(request))); });
}

QueryAnswer Database::query(const std::string& text, const std::map<std::string, Value>& params,
                            const QueryOptions& options) {
    return translated([&] { return query_answer_from(impl_->answer(app_query(text, params, options))); });
}

ImportReport Database::import_files(const std::vector<std::filesystem::path>& paths,
                                    const ImportOptions& options) {
    return translated([&] {
        impl_->require_writable();
        app::ImportRequest request;
        for (const auto& path : paths) request.files.push_back(path.string());
        request.dry_run = options.dry_run;
        request.encoding = options.encoding;
        return import_report_from(impl_->answer(request));
    });
}

// Records in memory: imported as JSON Lines text by the application layer, with no file between.
ImportReport Database::import_records(const std::vector<Entity>& entities,
                                      const std::vector<Relation>& relations, const ImportOptions& options) {
    return translated([&] {
        impl_->require_writable();
        if (entities.empty() && relations.empty()) throw UsageError("import_records: no records given");
        app::ImportRequest request;
        for (const auto& entity : entities)
            request.records += nlohmann::json{{"entity", json_of(entity)}}.dump() + '\n';
        for (const auto& relation : relations)
            request.records += nlohmann::json{{"relation", json_of(relation)}}.dump() + '\n';
        request.dry_run = options.dry_run;
        request.encoding = options.encoding;
        return import_report_from(impl_->answer(request));
    });
}

}  // namespace kizuna::api
