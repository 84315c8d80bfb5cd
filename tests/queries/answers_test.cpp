// Answers are produced and serialised without the command line, and their JSON is exactly what
// `kizuna --format json` prints: the contract the HTTP API relies on to return the same answers.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/importers/import.h"
#include "kizuna/queries/answers/common_answer.h"
#include "kizuna/queries/answers/ego_answer.h"
#include "kizuna/queries/answers/partners_answer.h"
#include "kizuna/queries/answers/path_answer.h"
#include "kizuna/queries/answers/search_answer.h"
#include "kizuna/queries/answers/show_answer.h"
#include "kizuna/queries/answers/state_changes_answer.h"
#include "kizuna/queries/answers/stats_answer.h"
#include "kizuna/queries/answers/timeline_answer.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

struct Dataset {
    test::TempDir dir;
    std::string path = (dir / "k.db").string();
    Store store = make_store(path);
    Snapshot snapshot = Snapshot::take(store);

    static Store make_store(const std::string& path) {
        Store store = Store::open(path, Store::Mode::Create);
        (void)import_files(store, {test::dataset_dir()});
        return store;
    }
    // What the command line prints as JSON for the same question.
    [[nodiscard]] nlohmann::json cli(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", path, "--format", "json"});
        const auto result = test::run_kizuna(args);
        REQUIRE(result.exit_code == 0);
        return nlohmann::json::parse(result.out);
    }
    [[nodiscard]] VertexId v(const std::string& name) const { return snapshot.vertex(name); }
};

}  // namespace

TEST_CASE("every answer's JSON is the command line's JSON", "[queries][answers]") {
    const Dataset d;
    RelationFilter mou;
    mou.types = {"mou"};

    CHECK(nlohmann::json(answer_search(d.store, "MOH", 20)) == d.cli({"search", "MOH"}));
    CHECK(nlohmann::json(answer_show(d.snapshot, "vn-moh")) == d.cli({"show", "vn-moh"}));
    CHECK(nlohmann::json(answer_show(d.snapshot, "kanagawa-vn-moh-mou-2024")) ==
          d.cli({"show", "kanagawa-vn-moh-mou-2024"}));
    CHECK(nlohmann::json(answer_partners(d.snapshot, d.v("Vietnam MOH"), PartnerQuery{mou, false, {}, {}})) ==
          d.cli({"partners", "Vietnam MOH", "--type", "mou"}));
    PathRequest all;
    all.mode = PathRequest::Mode::AllShortest;
    CHECK(nlohmann::json(answer_path(d.snapshot, d.v("Kanagawa"), d.v("Hau Giang"), all)) ==
          d.cli({"path", "Kanagawa", "Hau Giang", "--all"}));
    CHECK(nlohmann::json(answer_common(d.snapshot, "kanagawa", "mhlw", {})) ==
          d.cli({"common", "kanagawa", "mhlw"}));
    CHECK(nlohmann::json(answer_ego(d.snapshot, d.v("vn-moh"), 2, {})) ==
          d.cli({"ego", "vn-moh", "--radius", "2"}));
    CHECK(nlohmann::json(answer_entity_timeline(d.snapshot, d.v("vn-moh"), {})) ==
          d.cli({"timeline", "vn-moh"}));
    RelationFilter since;
    since.since = PartialDate::parse("2019");
    CHECK(nlohmann::json(answer_changes(d.snapshot, since)) == d.cli({"timeline", "--since", "2019"}));
    StatsQuery stats;
    stats.betweenness = true;
    CHECK(nlohmann::json(answer_stats(d.snapshot, stats)) == d.cli({"stats", "--betweenness"}));
    PathRequest in_time_order;
    in_time_order.mode = PathRequest::Mode::InTimeOrder;
    in_time_order.from_date = PartialDate::parse("2025-06");
    CHECK(nlohmann::json(answer_path(d.snapshot, d.v("vn-moh"), d.v("dtvs"), in_time_order)) ==
          d.cli({"path", "vn-moh", "dtvs", "--in-time-order", "--from-date", "2025-06"}));
    const StateChangesQuery changes{
        {}, *PartialDate::parse("2019"), *PartialDate::parse("2024"), d.v("kanagawa"), {}};
    CHECK(nlohmann::json(answer_state_changes(d.snapshot, changes)) ==
          d.cli({"changes", "--from", "2019", "--to", "2024", "--entity", "kanagawa"}));
}

TEST_CASE("an answer carries the names a view needs, so that no view goes back to the store",
          "[queries][answers]") {
    const Dataset d;
    const PathAnswer path = answer_path(d.snapshot, d.v("kanagawa"), d.v("mhlw"), {});
    REQUIRE(path.paths.size() == 1);
    for (const auto& node : path.paths[0].nodes) CHECK(path.book.entity(node) != nullptr);
    for (const auto& r : path.paths[0].relations) {
        CHECK(path.book.type(r.type) != nullptr);
        CHECK(path.book.direction(r, r.from) == "symmetric");  // MOUs read the same both ways
    }
    CHECK(path.book.name("vn-moh", "ja") == "ベトナム保健省");
    const PartnersAnswer deals = answer_partners(d.snapshot, d.v("ha-tay-pharma"), {});
    for (const auto& row : deals.rows) {
        if (row.relation.type == "acquisition") CHECK(row.direction == "incoming");  // Ha Tay was acquired
    }
    CHECK_THROWS_AS(answer_common(d.snapshot, "vn-moh", "MOH", {}), UsageError);
}
