// The application layer in process: requests filled through their descriptions (as the server and the
// command line fill them), answered by a Session on the curated data, each answer's JSON equal to what
// the real `kizuna --format json` prints for the same command; and every kind of error.
#include "kizuna/app/session.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cli_runner.h"
#include "kizuna/importers/import.h"
#include "temp_dir.h"

using kizuna::app::AppError;
using kizuna::app::ErrorKind;
using kizuna::test::run_kizuna;
namespace app = kizuna::app;

namespace {

using Values = std::vector<std::pair<std::string, std::string>>;

// A request filled through its description's setters, as a front end fills it.
template <typename Request>
Request fill(const Values& values) {
    Request request;
    for (const auto& [name, value] : values) {
        const auto* field = Request::description().find(name);
        REQUIRE(field != nullptr);
        field->set(request, value);
    }
    return request;
}

// The curated dataset in a database of a test's own.
struct Curated {
    kizuna::test::TempDir dir;
    std::filesystem::path db = dir / "k.db";
    Curated() {
        kizuna::Store store = kizuna::Store::open(db, kizuna::Store::Mode::Create);
        (void)kizuna::import_files(store, {kizuna::test::dataset_dir()});
    }
};

nlohmann::json cli_json(const Curated& data, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", data.db.string(), "--format", "json"});
    const auto result = run_kizuna(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
}

template <typename Request>
AppError error_of(app::Session& session, const Request& request) {
    try {
        (void)session.answer(request);
    } catch (const AppError& e) {
        return e;
    }
    FAIL("no error");
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("GIVEN the curated data WHEN a session answers each read request THEN its JSON is the CLI's",
          "[app]") {
    const Curated data;
    app::Session session(data.db);
    SECTION("search") {
        const auto answer = session.answer(fill<app::SearchRequest>({{"text", "MOH"}, {"limit", "5"}}));
        CHECK(nlohmann::json(answer) == cli_json(data, {"search", "MOH", "--limit", "5"}));
    }
    SECTION("show an entity and a relation") {
        CHECK(nlohmann::json(session.answer(fill<app::ShowRequest>({{"entity", "保健省"}}))) ==
              cli_json(data, {"show", "保健省"}));
        CHECK(nlohmann::json(
                  session.answer(fill<app::ShowRequest>({{"entity", "kanagawa-vn-moh-mou-2024"}}))) ==
              cli_json(data, {"show", "kanagawa-vn-moh-mou-2024"}));
    }
    SECTION("list entities and relations") {
        CHECK(nlohmann::json(
                  session.answer(fill<app::ListRequest>({{"country", "JP"}, {"kind", "company"}}))) ==
              cli_json(data, {"list", "--country", "JP", "--kind", "company"}));
        const auto relations = fill<app::ListRequest>(
            {{"relations", "true"}, {"category", "ownership"}, {"country_from", "JP"}, {"country_to", "VN"}});
        CHECK(nlohmann::json(session.answer(relations)) ==
              cli_json(data, {"list", "--relations", "--category", "ownership", "--country-from", "JP",
                              "--country-to", "VN"}));
    }
    SECTION("partners with types, a date and a country") {
        const auto request = fill<app::PartnersRequest>({{"entity", "Vietnam MOH"}, {"as_of", "2016"}});
        CHECK(nlohmann::json(session.answer(request)) ==
              cli_json(data, {"partners", "Vietnam MOH", "--as-of", "2016"}));
        const auto typed =
            fill<app::PartnersRequest>({{"entity", "vn-moh"}, {"type", "mou"}, {"country", "jp"}});
        CHECK(nlohmann::json(session.answer(typed)) ==
              cli_json(data, {"partners", "vn-moh", "--type", "mou", "--country", "jp"}));
    }
    SECTION("path: shortest, all, k, simple, evidence only") {
        CHECK(nlohmann::json(session.answer(fill<app::PathRequest>(
                  {{"from", "Kanagawa"}, {"to", "MHLW"}}))) == cli_json(data, {"path", "Kanagawa", "MHLW"}));
        CHECK(nlohmann::json(session.answer(fill<app::PathRequest>(
                  {{"from", "kanagawa"}, {"to", "mhlw"}, {"all", "1"}, {"cap", "3"}}))) ==
              cli_json(data, {"path", "kanagawa", "mhlw", "--all", "--cap", "3"}));
        CHECK(nlohmann::json(session.answer(
                  fill<app::PathRequest>({{"from", "kanagawa"}, {"to", "mhlw"}, {"k", "3"}}))) ==
              cli_json(data, {"path", "kanagawa", "mhlw", "--k", "3"}));
        CHECK(nlohmann::json(session.answer(fill<app::PathRequest>(
                  {{"from", "kanagawa"}, {"to", "mhlw"}, {"simple", "true"}, {"max_hops", "3"}}))) ==
              cli_json(data, {"path", "kanagawa", "mhlw", "--simple", "--max-hops", "3"}));
        CHECK(nlohmann::json(
                  session.answer(fill<app::PathRequest>({{"from", "Kanagawa"}, {"to", "Hau Giang"}}))) ==
              cli_json(data, {"path", "Kanagawa", "Hau Giang"}));
    }
    SECTION("common, ego, timeline, stats") {
        CHECK(nlohmann::json(session.answer(fill<app::CommonRequest>({{"a", "kanagawa"}, {"b", "mhlw"}}))) ==
              cli_json(data, {"common", "kanagawa", "mhlw"}));
        CHECK(
            nlohmann::json(session.answer(fill<app::EgoRequest>({{"entity", "vn-moh"}, {"radius", "2"}}))) ==
            cli_json(data, {"ego", "vn-moh", "--radius", "2"}));
        CHECK(nlohmann::json(session.answer(fill<app::TimelineRequest>({{"entity", "vn-moh"}}))) ==
              cli_json(data, {"timeline", "vn-moh"}));
        CHECK(nlohmann::json(session.answer(fill<app::TimelineRequest>({{"since", "2019"}}))) ==
              cli_json(data, {"timeline", "--since", "2019"}));
        CHECK(
            nlohmann::json(session.answer(fill<app::StatsRequest>({{"top", "5"}, {"betweenness", "yes"}}))) ==
            cli_json(data, {"stats", "--top", "5", "--betweenness"}));
    }
    SECTION("query, with a parameter") {
        const auto request = fill<app::QueryRequest>(
            {{"query", "MATCH (a {id: $id})-[r]-(b) RETURN b.id ORDER BY b.id"}, {"param", "id=vn-moh"}});
        CHECK(nlohmann::json(session.answer(request)) ==
              cli_json(data, {"query", "MATCH (a {id: $id})-[r]-(b) RETURN b.id ORDER BY b.id", "--param",
                              "id=vn-moh"}));
    }
    SECTION("render: the same SVG") {
        const auto answer = session.answer(fill<app::RenderRequest>({{"ego", "vn-moh"}, {"radius", "1"}}));
        const auto svg = run_kizuna({"--db", data.db.string(), "render", "--ego", "vn-moh", "--radius", "1"});
        REQUIRE(svg.exit_code == 0);
        CHECK(answer.bytes == svg.out);
        CHECK(answer.content_type == "image/svg+xml; charset=utf-8");
    }
}

TEST_CASE("GIVEN a request WHEN it cannot be answered THEN the error says its kind and names settings",
          "[app]") {
    const Curated data;
    app::Session session(data.db);
    SECTION("an unknown entity") {
        const auto e = error_of(session, fill<app::PartnersRequest>({{"entity", "nosuch"}}));
        CHECK(e.kind() == ErrorKind::UnknownEntity);
        CHECK_THAT(e.what(), Catch::StartsWith("unknown entity 'nosuch'"));
    }
    SECTION("an ambiguous name, with its candidates") {
        const auto e = error_of(session, fill<app::PartnersRequest>({{"entity", "Ministry"}}));
        CHECK(e.kind() == ErrorKind::AmbiguousEntity);
        CHECK(e.candidates.size() > 1);
    }
    SECTION("a bad value names the setting, spelled by each front end") {
        try {
            (void)fill<app::PartnersRequest>({{"entity", "vn-moh"}, {"as_of", "2020-13"}});
            FAIL("no error");
        } catch (const AppError& e) {
            CHECK(e.kind() == ErrorKind::Usage);
            CHECK(e.setting() == "as_of");
            CHECK_THAT(e.what(), Catch::StartsWith("as_of: '2020-13' is not a date"));
            CHECK_THAT(e.message(app::command_line_spelling), Catch::StartsWith("--as-of: '2020-13'"));
        }
        CHECK_THROWS_AS(fill<app::SearchRequest>({{"text", "x"}, {"limit", "0"}}), AppError);
    }
    SECTION("settings that exclude each other, checked in one place") {
        auto request = fill<app::PathRequest>({{"from", "kanagawa"}, {"to", "mhlw"}, {"all", "1"}});
        request.k = 3;
        const auto e = error_of(session, request);
        CHECK(e.kind() == ErrorKind::Usage);
        CHECK(e.what() == std::string("all excludes k"));
        auto dates = fill<app::PartnersRequest>({{"entity", "vn-moh"}, {"since", "2020"}, {"until", "2019"}});
        CHECK(error_of(session, dates).message(app::command_line_spelling) ==
              "--since 2020 is after --until 2019: the period is empty");
        const auto directed = fill<app::RenderRequest>({{"directed", "1"}});
        CHECK(error_of(session, directed).what() == std::string("directed applies to ego or path"));
    }
    SECTION("a limit names the limit") {
        const auto request =
            fill<app::QueryRequest>({{"query", "UNWIND range(1, 100) AS x RETURN x"}, {"max_rows", "10"}});
        const auto e = error_of(session, request);
        CHECK(e.kind() == ErrorKind::Limit);
        CHECK(e.setting() == "max_rows");
        CHECK_THAT(e.message(app::command_line_spelling), Catch::Contains("--max-rows"));
    }
    SECTION("a yearly community history stops between years when its client has gone") {
        int asked = 0;
        app::Session leaving(data.db, {.cancelled = [&] { return ++asked > 1; }});
        const auto e = error_of(leaving, fill<app::CommunitiesRequest>({{"by_year", "2013..2024"}}));
        CHECK(e.kind() == ErrorKind::Limit);
        CHECK_THAT(e.what(), Catch::Contains("stopped before the groups of 2014"));
        CHECK(asked == 2);
    }
    SECTION("a query that writes, in a session that only reads") {
        const kizuna::Store store = app::open_for_reading(data.db);
        kizuna::SharedGraph graph;
        app::Session reading(data.db, store, graph, {.writes_allowed = false});
        const auto e =
            error_of(reading, fill<app::QueryRequest>({{"query", "CREATE (n:company {id: 'x'})"}}));
        CHECK(e.kind() == ErrorKind::Usage);
    }
    SECTION("no database") {
        app::Session missing(data.dir / "missing.db");
        CHECK(error_of(missing, fill<app::StatsRequest>({})).kind() == ErrorKind::Database);
    }
    SECTION("invalid data: its problems, nothing written") {
        app::RecordRequest record{
            "relation",
            R"({"id": "r1", "type": "mou", "from": "vn-moh", "to": "nobody", "sources": [{"title": "s"}]})",
            "add", ""};
        const auto e = error_of(session, record);
        CHECK(e.kind() == ErrorKind::InvalidData);
        REQUIRE(e.problems.size() == 1);
        CHECK_THAT(e.problems.front(), Catch::StartsWith("relation:1: ") && Catch::Contains("nobody"));
        app::RecordRequest twice{
            "entity",
            R"({"id": "a", "id": "b", "kind": "company", "names": {"en": "A"}, "sources": [{"title": "s"}]})",
            "add", ""};
        CHECK(error_of(session, twice).kind() == ErrorKind::InvalidData);
    }
}

TEST_CASE("GIVEN a record in memory WHEN a session writes it THEN the next answer sees it", "[app]") {
    const Curated data;
    app::Session session(data.db);
    const app::RecordRequest record{
        "entity",
        "{\"id\": \"health-bridge\", \"kind\": \"ngo\",\n \"names\": {\"en\": \"Health "
        "Bridge\"}, \"sources\": [{\"title\": \"s\"}]}",
        "add", ""};
    const auto report = session.answer(record);
    CHECK(report.changed.entities_changed == 1);
    const auto found = session.answer(fill<app::SearchRequest>({{"text", "Health Bridge"}}));
    REQUIRE(!found.entities.empty());
}

TEST_CASE(
    "GIVEN a record written by hand WHEN its id exists, it has no titled source, or the stored one changed "
    "since it was opened THEN the session refuses it: a conflict naming the change, invalid data naming "
    "sources",
    "[app]") {
    const Curated data;
    app::Session session(data.db, {.author = "ana", .command = "test"});
    const auto error_kind_of = [&](const app::RecordRequest& request) {
        try {
            (void)session.answer(request);
        } catch (const app::AppError& e) {
            return std::make_pair(e.kind(), std::string(e.what()));
        }
        return std::make_pair(ErrorKind::Internal, std::string("answered"));
    };
    const std::string taisho_source = R"("sources": [{"title": "a note"}])";
    const auto added = error_kind_of(
        {"entity", R"({"id": "taisho", "kind": "company", "names": {"en": "Taisho"}, )" + taisho_source + "}",
         "add", ""});
    CHECK(added.first == ErrorKind::Conflict);
    CHECK_THAT(added.second, Catch::StartsWith("entity 'taisho' exists already"));
    const auto blank = error_kind_of(
        {"entity",
         R"({"id": "new-one", "kind": "company", "names": {"en": "N"}, "sources": [{"title": " "}]})", "add",
         ""});
    CHECK(blank.first == ErrorKind::InvalidData);
    CHECK_THAT(blank.second, Catch::StartsWith("entity:1: sources: source 1 has no title"));
    // An edit opened before another one: the first passes, the second is refused naming it.
    const std::string opened =
        R"({"id": "new-one", "kind": "company", "names": {"en": "N"}, "sources": [{"title": "s"}]})";
    REQUIRE(session.answer(app::RecordRequest{"entity", opened, "add", ""}).changed.entities_changed == 1);
    const std::string first =
        R"({"id": "new-one", "kind": "company", "names": {"en": "N", "ja": "エヌ"}, "sources": [{"title": "s"}]})";
    REQUIRE(session.answer(app::RecordRequest{"entity", first, "edit", opened}).changed.entities_changed ==
            1);
    const std::string second =
        R"({"id": "new-one", "kind": "company", "names": {"en": "N2"}, "sources": [{"title": "s"}]})";
    const auto stale = error_kind_of({"entity", second, "edit", opened});
    CHECK(stale.first == ErrorKind::Conflict);
    CHECK_THAT(stale.second,
               Catch::StartsWith("entity 'new-one' was changed since you opened it by change #") &&
                   Catch::Contains("(ana, "));
    CHECK(session.answer(app::RecordRequest{"entity", second, "edit", first}).changed.entities_changed == 1);
}

TEST_CASE(
    "GIVEN records as JSON Lines text WHEN a session imports them THEN all or none are written, "
    "problems naming records:N",
    "[app]") {
    const Curated data;
    kizuna::SharedGraph graph;
    app::Session session(data.db, graph);
    const auto before = session.answer(fill<app::StatsRequest>({})).relations;
    app::ImportRequest records;
    records.records =
        "{\"entity\": {\"id\": \"newco\", \"kind\": \"company\", \"names\": {\"en\": \"Newco\"}}}\n"
        "{\"relation\": {\"id\": \"newco-mou\", \"type\": \"mou\", \"from\": \"newco\", \"to\": "
        "\"mhlw\"}}\n"
        "{\"relation\": {\"id\": \"newco-bad\", \"type\": \"mou\", \"from\": \"newco\", \"to\": "
        "\"nobody\"}}\n";
    const auto e = error_of(session, records);
    CHECK(e.kind() == ErrorKind::InvalidData);
    REQUIRE(e.problems.size() == 1);
    CHECK_THAT(e.problems.front(), Catch::StartsWith("records:3: "));
    CHECK(session.answer(fill<app::StatsRequest>({})).relations == before);
    records.records.resize(records.records.rfind("{\"relation\": {\"id\": \"newco-bad\""));
    CHECK(session.answer(records).changed.relations_changed == 1);
    // The graph shared with the session sees the write at the next answer.
    CHECK(session.answer(fill<app::StatsRequest>({})).relations == before + 1);
    records.files = {"elsewhere.csv"};
    CHECK(error_of(session, records).kind() == ErrorKind::Usage);  // records or files, not both
    app::Session reading(data.db, graph, {.writes_allowed = false, .writes_refused = "read-only here"});
    const auto refused =
        error_of(reading, fill<app::QueryRequest>({{"query", "CREATE (n:company {id: 'x'})"}}));
    CHECK(std::string(refused.what()) == "read-only here");
}

TEST_CASE("every request describes its parameters once, with unique names and sound ranges", "[app]") {
    auto check = [](const auto& description) {
        INFO(description.name);
        std::set<std::string> names;
        for (const auto& field : description.fields) {
            CHECK(names.insert(field.param.name).second);
            CHECK(!field.param.help.empty());
            CHECK(field.param.name.find('-') == std::string::npos);
            if (field.param.type == app::ParamType::Count) CHECK(field.param.least <= field.param.most);
            for (const auto& other : field.param.excludes) CHECK(description.find(other) != nullptr);
            for (const auto& other : field.param.needs) CHECK(description.find(other) != nullptr);
        }
    };
    check(app::SearchRequest::description());
    check(app::ShowRequest::description());
    check(app::ListRequest::description());
    check(app::PartnersRequest::description());
    check(app::PathRequest::description());
    check(app::CommonRequest::description());
    check(app::EgoRequest::description());
    check(app::TimelineRequest::description());
    check(app::StatsRequest::description());
    check(app::RenderRequest::description());
    check(app::ExportRequest::description());
    check(app::ImportRequest::description());
    check(app::RecordRequest::description());
    check(app::QueryRequest::description());
}
