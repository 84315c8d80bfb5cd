// The C++ library as a program uses it (libkizuna.so through <kizuna/kizuna.h>): each call's to_json()
// equal to the command line's --format json on the curated data, its typed fields read from it, the
// settings checked as the command line checks its options, the errors by kind with what they carry,
// records in memory, the encoding option, and threads sharing one Database.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.h"
#include "kizuna/kizuna.h"
#include "temp_dir.h"

namespace kz = kizuna::api;
using kizuna::test::run_kizuna;

namespace {

// The curated dataset in a database of a test's own, made by the command line.
struct Curated {
    kizuna::test::TempDir dir;
    std::filesystem::path db = dir / "k.db";
    Curated() {
        REQUIRE(run_kizuna({"--db", db.string(), "init"}).exit_code == 0);
        REQUIRE(run_kizuna({"--db", db.string(), "import", "--quiet", kizuna::test::dataset_dir().string()})
                    .exit_code == 0);
    }
};

nlohmann::json cli_json(const Curated& data, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", data.db.string(), "--format", "json"});
    const auto result = run_kizuna(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
}

}  // namespace

TEST_CASE("each call's to_json is the command line's --format json", "[facade]") {
    const Curated data;
    auto db = kz::Database::open(data.db);
    CHECK(nlohmann::json::parse(db.search("保健省").to_json()) == cli_json(data, {"search", "保健省"}));
    CHECK(nlohmann::json::parse(db.show("vn-moh").to_json()) == cli_json(data, {"show", "vn-moh"}));
    kz::PartnersRequest partners;
    partners.filter.as_of = "2020";
    partners.filter.types = {"mou"};
    partners.filter.undated = kz::Undated::Include;
    CHECK(nlohmann::json::parse(db.partners("vn-moh", partners).to_json()) ==
          cli_json(data, {"partners", "vn-moh", "--as-of", "2020", "--type", "mou", "--undated", "include"}));
    kz::PathRequest all;
    all.mode = kz::PathRequest::Mode::AllShortest;
    CHECK(nlohmann::json::parse(db.path("Kanagawa", "MHLW", all).to_json()) ==
          cli_json(data, {"path", "Kanagawa", "MHLW", "--all"}));
    kz::PathRequest k;
    k.mode = kz::PathRequest::Mode::KShortest;
    k.k = 3;
    k.filter.directed = true;
    CHECK(nlohmann::json::parse(db.path("kanagawa", "mhlw", k).to_json()) ==
          cli_json(data, {"path", "kanagawa", "mhlw", "--k", "3", "--directed"}));
    CHECK(nlohmann::json::parse(db.common("kanagawa", "mhlw").to_json()) ==
          cli_json(data, {"common", "kanagawa", "mhlw"}));
    CHECK(nlohmann::json::parse(db.ego("vn-moh", {2, {}}).to_json()) ==
          cli_json(data, {"ego", "vn-moh", "--radius", "2"}));
    kz::Filter since;
    since.since = "2019";
    CHECK(nlohmann::json::parse(db.timeline("", since).to_json()) ==
          cli_json(data, {"timeline", "--since", "2019"}));
    kz::StatsRequest stats;
    stats.top = 3;
    stats.betweenness = true;
    CHECK(nlohmann::json::parse(db.stats(stats).to_json()) ==
          cli_json(data, {"stats", "--top", "3", "--betweenness"}));
    const auto groups = db.communities();
    CHECK(nlohmann::json::parse(groups.to_json()) == cli_json(data, {"communities"}));
    REQUIRE(!groups.groups.empty());
    CHECK(groups.groups.front().number == 1);
    CHECK(groups.modularity > 0);
    kz::CommunitiesRequest yearly;
    yearly.algorithm = "louvain";
    yearly.resolution = 1.5;
    yearly.seed = 7;
    yearly.by_year = "2013..2024";
    const auto history = db.communities(yearly);
    CHECK(nlohmann::json::parse(history.to_json()) ==
          cli_json(data, {"communities", "--algorithm", "louvain", "--resolution", "1.5", "--seed", "7",
                          "--by-year", "2013..2024"}));
    CHECK(history.years.size() == 12);
    REQUIRE(!history.events.empty());
    for (const auto& event : history.events) {
        CHECK((event.kind == "birth" || event.kind == "death" || event.kind == "merge" ||
               event.kind == "split"));
        CHECK((event.year > 2013 && event.year <= 2024));
    }
    // A yearly history names members by id: the answer gives each entity whole.
    REQUIRE(!history.years.back().groups.empty());
    CHECK(!history.years.back().groups.front().members.front().names.empty());
    kz::ListRequest list;
    list.relations = true;
    list.categories = {"ownership"};
    list.from.countries = {"JP"};
    list.to.countries = {"VN"};
    CHECK(nlohmann::json::parse(db.list(list).to_json()) ==
          cli_json(data, {"list", "--relations", "--category", "ownership", "--country-from", "JP",
                          "--country-to", "VN"}));
    const std::string text = "MATCH (a {id: $id})-[r]-(b) RETURN b.id AS partner ORDER BY partner";
    const auto rows = db.query(text, {{"id", "vn-moh"}});
    CHECK(nlohmann::json::parse(rows.to_json()) == cli_json(data, {"query", text, "--param", "id=vn-moh"}));
    REQUIRE_FALSE(rows.rows.empty());
    CHECK(rows.columns == std::vector<std::string>{"partner"});

    // The typed fields are the JSON's.
    const auto answer = db.partners("vn-moh", partners);
    const auto json = nlohmann::json::parse(answer.to_json());
    REQUIRE(answer.partners.size() == json["partners"].size());
    CHECK(answer.entity.id == "vn-moh");
    CHECK(answer.entity.name("ja") == "ベトナム保健省");
    CHECK(answer.partners.front().relation.id == json["partners"][0]["relation"]["id"]);
}

TEST_CASE("settings are checked as the command line checks its options, named as the API names them",
          "[facade]") {
    const Curated data;
    auto db = kz::Database::open(data.db);
    kz::PartnersRequest bad_date;
    bad_date.filter.as_of = "20x";
    CHECK_THROWS_WITH(db.partners("vn-moh", bad_date), Catch::StartsWith("as_of: '20x' is not a date"));
    CHECK_THROWS_AS(db.ego("vn-moh", {51, {}}), kz::UsageError);
    CHECK_THROWS_WITH(db.ego("vn-moh", {51, {}}), Catch::Contains("radius"));
    kz::StatsRequest sources;
    sources.sources = 5;
    CHECK_THROWS_WITH(db.stats(sources), "sources needs betweenness");
    kz::ListRequest directed;
    directed.relations = true;
    directed.filter.directed = true;
    CHECK_THROWS_WITH(db.list(directed), "directed does not apply to list");
    kz::PathRequest simple;
    simple.mode = kz::PathRequest::Mode::Simple;
    simple.max_hops = 11;
    CHECK_THROWS_WITH(db.path("kanagawa", "mhlw", simple),
                      Catch::StartsWith("max_hops: with simple at most 10"));
    kz::QueryOptions one_row;
    one_row.max_rows = 1;
    CHECK_THROWS_AS(db.query("MATCH (n) RETURN n.id", {}, one_row), kz::LimitReached);
    CHECK_THROWS_WITH(db.query("MATCH (n) RETURN n.id", {}, one_row), Catch::Contains("(max_rows)"));
}

TEST_CASE("errors by kind: unknown and ambiguous entities with candidates, database, read-only writes",
          "[facade]") {
    const Curated data;
    auto db = kz::Database::open(data.db);
    try {
        (void)db.partners("Ministry of Heath Vietnam");
        FAIL("expected an unknown entity");
    } catch (const kz::UnknownEntity& e) {
        CHECK(std::find(e.candidates().begin(), e.candidates().end(), "vn-moh") != e.candidates().end());
    }
    try {
        (void)db.show("Ministry of Health");
        FAIL("expected an ambiguous entity");
    } catch (const kz::AmbiguousEntity& e) {
        CHECK(std::find(e.candidates().begin(), e.candidates().end(), "mhlw") != e.candidates().end());
        CHECK(std::find(e.candidates().begin(), e.candidates().end(), "vn-moh") != e.candidates().end());
    }
    CHECK_THROWS_AS(kz::Database::open(data.dir / "none.db"), kz::DatabaseError);
    CHECK_THROWS_WITH(db.query("CREATE (n:company {id: 'x-co', name_en: 'X'})"),
                      Catch::Contains("read-only"));
    CHECK_THROWS_AS(db.import_files({kizuna::test::dataset_dir()}), kz::UsageError);
}

TEST_CASE("records in memory are one transaction, their problems naming records:N", "[facade]") {
    const Curated data;
    auto db = kz::Database::open(data.db, kz::Database::Mode::Writable);
    const auto before = db.stats().relations;
    kz::Entity university;
    university.id = "example-university";
    university.kind = "university";
    university.country = "JP";
    university.names = {{"en", "Example University"}};
    kz::Relation good{
        "example-mou", "mou", "example-university", "mhlw", "2025", std::nullopt, {}, {}, {}, {}};
    kz::Relation bad{
        "example-bad", "mou", "example-university", "nowhere", "2025-13", std::nullopt, {}, {}, {}, {}};
    try {
        (void)db.import_records({university}, {good, bad});
        FAIL("expected invalid data");
    } catch (const kz::InvalidData& e) {
        REQUIRE_FALSE(e.problems().empty());
        for (const auto& problem : e.problems()) CHECK_THAT(problem, Catch::StartsWith("records:3: "));
    }
    CHECK(db.stats().relations == before);  // nothing written
    const auto report = db.import_records({university}, {good});
    CHECK(report.changed.entities == 1);
    CHECK(report.changed.relations == 1);
    CHECK(db.stats().relations == before + 1);
}

TEST_CASE("import takes the encoding option, and detects CP932 without it", "[facade]") {
    const Curated data;
    auto db = kz::Database::open(data.db, kz::Database::Mode::Writable);
    const auto file = data.dir / "entities.csv";
    {
        std::ofstream out(file, std::ios::binary);
        // "id,kind,name_ja\nx-shoji,company,エックス商事\n" in CP932 (Shift_JIS bytes).
        out << "id,kind,name_ja\nx-shoji,company,"
            << "\x83\x47\x83\x62\x83\x4e\x83\x58\x8f\xa4\x8e\x96"
            << "\n";
    }
    const auto detected = db.import_files({file}, {true, ""});
    REQUIRE(detected.encodings.size() == 1);
    CHECK(detected.encodings.front().encoding == "CP932");
    CHECK_THROWS_AS(db.import_files({file}, {true, "UTF-8"}), kz::InvalidData);
    const auto told = db.import_files({file}, {false, "CP932"});
    CHECK(told.changed.entities == 1);
    CHECK(db.show("エックス商事").entity->id == "x-shoji");
}

TEST_CASE("threads share one Database and get the answers one thread gets", "[facade]") {
    const Curated data;
    auto db = kz::Database::open(data.db);
    const std::string expected = db.ego("vn-moh", {2, {}}).to_json();
    const std::string partners = db.partners("vn-moh").to_json();
    std::vector<std::thread> threads;
    std::vector<int> same(4, 0);
    for (std::size_t t = 0; t < same.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 10; ++round) {
                same[t] += db.ego("vn-moh", {2, {}}).to_json() == expected ? 1 : 0;
                same[t] += db.partners("vn-moh").to_json() == partners ? 1 : 0;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (const int count : same) CHECK(count == 20);
}

TEST_CASE("duplicates, merge and not_duplicates: typed answers equal to the command line's JSON",
          "[facade]") {
    const Curated data;
    auto db = kz::Database::open(data.db, kz::Database::Mode::Writable);
    kz::Entity second;
    second.id = "bo-y-te";
    second.kind = "ministry";
    second.country = "VN";
    second.names = {{"vi", "Bo Y te"}};
    kz::Relation own{"bo-y-te-mhlw-2019", "mou", "bo-y-te", "mhlw", "2019", std::nullopt, {}, {}, {}, {}};
    (void)db.import_records({second}, {own});
    kz::DuplicatesRequest of_moh;
    of_moh.entity = "bo-y-te";
    const auto found = db.duplicates(of_moh);
    CHECK(nlohmann::json::parse(found.to_json()) == cli_json(data, {"duplicates", "--entity", "bo-y-te"}));
    REQUIRE(found.pairs.size() == 1);
    CHECK(found.pairs[0].a.id == "bo-y-te");
    CHECK(found.pairs[0].b.id == "vn-moh");
    CHECK(found.pairs[0].reasons.front().reason == "same name");

    const auto dry = db.merge("vn-moh", "bo-y-te", true);
    CHECK(dry.dry_run);
    CHECK(dry.change == 0);
    REQUIRE(dry.repointed.size() == 1);
    CHECK(dry.repointed[0].id == "bo-y-te-mhlw-2019");
    CHECK(dry.repointed[0].from == "vn-moh");
    CHECK(db.show("bo-y-te").entity->id == "bo-y-te");  // nothing written
    const auto merged = db.merge("vn-moh", "bo-y-te");
    CHECK(merged.change > 0);
    CHECK(merged.keep.id == "vn-moh");
    CHECK(merged.other.id == "bo-y-te");
    CHECK(db.show("bo-y-te").entity->id == "vn-moh");

    kz::DuplicatesRequest of_taisho;
    of_taisho.entity = "taisho";
    of_taisho.min_score = 0.5;
    REQUIRE(db.duplicates(of_taisho).pairs.size() == 1);
    const auto judged = db.not_duplicates("taisho", "asuka-pharma");
    CHECK(judged.recorded);
    CHECK(judged.a == "asuka-pharma");
    CHECK(db.duplicates(of_taisho).pairs.empty());
    CHECK_FALSE(db.not_duplicates("asuka-pharma", "taisho").recorded);

    auto reading = kz::Database::open(data.db);
    CHECK_THROWS_AS(reading.merge("vn-moh", "taisho", true), kz::UsageError);
    CHECK_THROWS_AS(reading.not_duplicates("vn-moh", "taisho"), kz::UsageError);
}
