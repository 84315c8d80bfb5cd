// Connection queries on the bundled dataset: the answers users come for must be right.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "kizuna/core/errors.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/core/store.h"
#include "kizuna/importers/import.h"
#include "kizuna/queries/analytics.h"
#include "kizuna/queries/ego.h"
#include "kizuna/queries/partners.h"
#include "kizuna/queries/path.h"
#include "kizuna/queries/timeline.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

struct Dataset {
    test::TempDir dir;
    Store store = make_store(dir);
    Snapshot snapshot = Snapshot::take(store);
    const Graph& graph = snapshot.graph();

    static Store make_store(const test::TempDir& dir) {
        Store store = Store::open(dir / "k.db", Store::Mode::Create);
        (void)import_files(store, {test::dataset_dir()});
        return store;
    }
    VertexId v(const std::string& id) const {
        auto found = graph.find(id);
        INFO(id);
        REQUIRE(found.has_value());
        return *found;
    }
    std::vector<std::string> ids(const std::vector<VertexId>& vertices) const {
        std::vector<std::string> out;
        for (auto vertex : vertices) out.emplace_back(graph.entity_id(vertex));
        return out;
    }
    std::set<std::string> partner_ids(const std::string& id, const PartnerQuery& query) const {
        std::set<std::string> out;
        for (const auto& link : partners(graph, v(id), query)) out.emplace(graph.entity_id(link.partner));
        return out;
    }
};

// Loaded once: every test case only reads.
const Dataset& dataset() {
    static const Dataset kDataset;
    return kDataset;
}

PartnerQuery of_types(std::vector<std::string> types) {
    PartnerQuery query;
    query.filter.types = std::move(types);
    return query;
}

}  // namespace

TEST_CASE("Vietnam MOH's MOU partners are Kanagawa and MHLW", "[queries][partners]") {
    const auto& d = dataset();
    CHECK(d.partner_ids("vn-moh", of_types({"mou"})) == std::set<std::string>{"kanagawa", "mhlw"});
    // Every link reports its relation, with dates and sources.
    for (const auto& link : partners(d.graph, d.v("vn-moh"), of_types({"mou"}))) {
        const Relation relation = d.snapshot.relation(link.relation);
        CHECK(relation.start.has_value());
        CHECK_FALSE(relation.sources.empty());
    }
}

TEST_CASE("as of 2020 the Kanagawa MOU did not exist yet", "[queries][partners][dates]") {
    const auto& d = dataset();
    auto query = of_types({"mou"});
    query.filter.as_of = PartialDate::parse("2020");
    CHECK(d.partner_ids("vn-moh", query) == std::set<std::string>{"mhlw"});
    query.filter.as_of = PartialDate::parse("2024-11-14");
    CHECK(d.partner_ids("vn-moh", query) == std::set<std::string>{"mhlw"});
    query.filter.as_of = PartialDate::parse("2024-11-15");
    CHECK(d.partner_ids("vn-moh", query) == std::set<std::string>{"kanagawa", "mhlw"});
    query.filter.as_of = PartialDate::parse("2024-11");  // same month: active at month precision
    CHECK(d.partner_ids("vn-moh", query).count("kanagawa") == 1);
    query.filter.as_of = PartialDate::parse("2014-02");
    CHECK(d.partner_ids("vn-moh", query).empty());
    query.filter.as_of.reset();
    query.filter.until = PartialDate::parse("2023");
    CHECK(d.partner_ids("vn-moh", query) == std::set<std::string>{"mhlw"});
    query.filter.until.reset();
    query.filter.since = PartialDate::parse("2024");
    CHECK(d.partner_ids("vn-moh", query) == std::set<std::string>{"kanagawa", "mhlw"});  // mhlw's has no end
}

TEST_CASE("Japanese acquirers of Vietnamese pharmaceutical companies, by type and country",
          "[queries][partners]") {
    const auto& d = dataset();
    auto owners = of_types({"acquisition", "joint_venture"});
    owners.incoming_only = true;
    owners.countries = {"JP"};
    CHECK(d.partner_ids("ha-tay-pharma", owners) == std::set<std::string>{"asuka-pharma"});
    CHECK(d.partner_ids("hau-giang-pharma", owners) == std::set<std::string>{"taisho"});
    CHECK(d.partner_ids("alcopha", owners) == std::set<std::string>{"alfresa"});
    CHECK(d.partner_ids("codupha", owners).empty());
    // From the acquirers' side: outgoing acquisitions into Vietnam.
    auto targets = of_types({"acquisition"});
    targets.filter.directed = true;
    targets.countries = {"VN"};
    CHECK(d.partner_ids("taisho", targets) == std::set<std::string>{"hau-giang-pharma"});
    CHECK(d.partner_ids("hau-giang-pharma", targets).empty());  // the target acquired nobody
    auto companies = PartnerQuery{};
    companies.kinds = {"company"};
    CHECK(d.partner_ids("alcopha", companies) == std::set<std::string>{"alfresa", "codupha"});
}

TEST_CASE("Kanagawa reaches MHLW in two hops through Vietnam MOH", "[queries][path]") {
    const auto& d = dataset();
    const auto path = shortest_path(d.graph, d.v("kanagawa"), d.v("mhlw"), {});
    REQUIRE(path.has_value());
    CHECK(d.ids(path->vertices) == std::vector<std::string>{"kanagawa", "vn-moh", "mhlw"});
    CHECK(d.snapshot.relation(path->relations[0]).id == "kanagawa-vn-moh-mou-2024");
    CHECK(d.snapshot.relation(path->relations[1]).id == "mhlw-vn-moh-memorandum-2014");
    // Only MOUs: still two hops. As of 2020: no connection through MOUs.
    PathQuery mous;
    mous.filter.types = {"mou"};
    CHECK(shortest_path(d.graph, d.v("kanagawa"), d.v("mhlw"), mous)->length() == 2);
    mous.filter.as_of = PartialDate::parse("2020");
    CHECK_FALSE(shortest_path(d.graph, d.v("kanagawa"), d.v("mhlw"), mous).has_value());
}

TEST_CASE("paths: all shortest, k shortest, hop limits, direction, endpoints", "[queries][path]") {
    const auto& d = dataset();
    const VertexId kanagawa = d.v("kanagawa"), hau_giang = d.v("hau-giang-pharma");
    // Only the report (evidence) links Kanagawa to Hau Giang: no connection unless evidence is walked.
    CHECK_FALSE(shortest_path(d.graph, kanagawa, hau_giang, {}).has_value());
    CHECK(all_shortest_paths(d.graph, kanagawa, hau_giang, {}, 100).paths.empty());
    PathQuery evidence;
    evidence.filter.include_evidence = true;
    const auto shortest = shortest_path(d.graph, kanagawa, hau_giang, evidence);
    REQUIRE(shortest.has_value());
    const auto all = all_shortest_paths(d.graph, kanagawa, hau_giang, evidence, 100);
    REQUIRE_FALSE(all.paths.empty());
    CHECK_FALSE(all.truncated);
    CHECK(std::find(all.paths.begin(), all.paths.end(), *shortest) != all.paths.end());
    for (const auto& p : all.paths) CHECK(p.length() == shortest->length());
    CHECK(all.paths.size() >= 4);  // via the strategy group or DTVS, via acquisition or subsidiary relation
    const auto capped = all_shortest_paths(d.graph, kanagawa, hau_giang, evidence, 2);
    CHECK(capped.paths.size() == 2);
    CHECK(capped.truncated);

    const auto k = k_shortest_paths(d.graph, kanagawa, hau_giang, evidence, 8);
    REQUIRE(k.size() == 8);
    for (std::size_t i = 1; i < k.size(); ++i) CHECK(k[i - 1].length() <= k[i].length());
    CHECK(k.front().length() == shortest->length());

    PathQuery near = evidence;
    near.max_hops = shortest->length() - 1;
    CHECK_FALSE(shortest_path(d.graph, kanagawa, hau_giang, near).has_value());
    near.max_hops = shortest->length();
    CHECK(shortest_path(d.graph, kanagawa, hau_giang, near).has_value());

    // Directed: Asuka reaches Ha Tay along its acquisition, not the other way round.
    PathQuery directed;
    directed.filter.directed = true;
    CHECK(shortest_path(d.graph, d.v("asuka-pharma"), d.v("ha-tay-pharma"), directed)->length() == 1);
    CHECK_FALSE(shortest_path(d.graph, d.v("ha-tay-pharma"), d.v("asuka-pharma"), directed).has_value());
    // Symmetric MOUs go both ways even when directed.
    CHECK(shortest_path(d.graph, d.v("vn-moh"), d.v("kanagawa"), directed)->length() == 1);

    // Identical endpoints: the empty path.
    const auto self = shortest_path(d.graph, kanagawa, kanagawa, {});
    REQUIRE(self.has_value());
    CHECK(self->length() == 0);
    CHECK(self->vertices == std::vector<VertexId>{kanagawa});

    // Simple paths up to 4 hops, capped with a flag.
    const auto simple = all_simple_paths(d.graph, kanagawa, d.v("mhlw"), {}, 4, 1000);
    CHECK_FALSE(simple.truncated);
    CHECK(simple.paths.front().length() == 2);
    for (const auto& p : simple.paths) CHECK(p.length() <= 4);
    const auto few = all_simple_paths(d.graph, kanagawa, d.v("mhlw"), {}, 4, 1);
    CHECK(few.paths.size() == 1);
    CHECK(few.truncated);
}

TEST_CASE("an unknown type in a filter is a usage error", "[queries][filter]") {
    const auto& d = dataset();
    CHECK_THROWS_AS(partners(d.graph, d.v("vn-moh"), of_types({"friendship"})), UsageError);
    PathQuery query;
    query.filter.types = {"friendship"};
    CHECK_THROWS_AS(shortest_path(d.graph, d.v("vn-moh"), d.v("mhlw"), query), UsageError);
}

TEST_CASE("a counterpart country or kind that no entity has is a usage error, not an empty answer",
          "[queries][filter]") {
    const auto& d = dataset();
    PartnerQuery query;
    query.countries = {"JPN"};
    CHECK_THROWS_WITH(partners(d.graph, d.v("vn-moh"), query),
                      "--country: no entity has the country 'JPN' (there are: JP, VN)");
    query.countries = {"JP"};
    query.kinds = {"companies"};
    CHECK_THROWS_WITH(
        partners(d.graph, d.v("vn-moh"), query),
        Catch::StartsWith("--kind: no entity has the kind 'companies' (there are: agency, clinic, company,"));
    query.kinds = {"university"};  // known, and none among this entity's partners: an answer
    CHECK(partners(d.graph, d.v("vn-moh"), query).empty());
}

TEST_CASE("common partners come with the relations on each side", "[queries][common]") {
    const auto& d = dataset();
    const auto shared = common_partners(d.graph, d.v("kanagawa"), d.v("mhlw"), {});
    REQUIRE(shared.size() == 1);
    CHECK(d.graph.entity_id(shared[0].partner) == "vn-moh");
    CHECK(d.snapshot.relation(shared[0].with_a.at(0)).id == "kanagawa-vn-moh-mou-2024");
    CHECK(d.snapshot.relation(shared[0].with_b.at(0)).id == "mhlw-vn-moh-memorandum-2014");
    const auto alcopha_parents = common_partners(d.graph, d.v("alfresa"), d.v("codupha"), {});
    std::set<std::string> ids;
    for (const auto& c : alcopha_parents) ids.emplace(d.graph.entity_id(c.partner));
    CHECK(ids == std::set<std::string>{"alcopha"});
}

TEST_CASE("ego networks grow with the radius and keep only relations inside", "[queries][ego]") {
    const auto& d = dataset();
    const auto zero = ego_network(d.graph, d.v("vn-moh"), 0, {});
    CHECK(d.ids(zero.vertices) == std::vector<std::string>{"vn-moh"});
    CHECK(zero.relations.empty());
    const auto one = ego_network(d.graph, d.v("vn-moh"), 1, {});
    const auto one_ids = d.ids(one.vertices);
    for (const char* id : {"kanagawa", "mhlw", "vss", "moh-it-department"}) {
        CHECK(std::find(one_ids.begin(), one_ids.end(), id) != one_ids.end());
    }
    // The report mentions the ministry: evidence, in the neighbourhood only when asked for.
    CHECK(std::find(one_ids.begin(), one_ids.end(), "vn-moh-profile-2025") == one_ids.end());
    RelationFilter evidence;
    evidence.include_evidence = true;
    const auto with_report = d.ids(ego_network(d.graph, d.v("vn-moh"), 1, evidence).vertices);
    CHECK(std::find(with_report.begin(), with_report.end(), "vn-moh-profile-2025") != with_report.end());
    CHECK(std::find(one_ids.begin(), one_ids.end(), "taisho") == one_ids.end());
    const auto two = ego_network(d.graph, d.v("vn-moh"), 2, {});
    CHECK(two.vertices.size() > one.vertices.size());
    std::set<VertexId> inside(two.vertices.begin(), two.vertices.end());
    for (auto r : two.relations) {
        CHECK(inside.count(d.graph.from(r)) == 1);
        CHECK(inside.count(d.graph.to(r)) == 1);
    }
    for (std::size_t i = 0; i < two.vertices.size(); ++i) CHECK(two.distance[i] <= 2);
}

TEST_CASE("timelines: an entity's history and what changed between dates", "[queries][timeline]") {
    const auto& d = dataset();
    const auto history = entity_timeline(d.graph, d.v("vn-moh"), {});
    REQUIRE(history.size() >= 10);
    CHECK(d.graph.start(history.front())->year() == 2014);  // the memorandum and the programme it opened
    std::optional<PartialDate> previous;
    bool undated_seen = false;
    for (auto r : history) {
        const auto start = d.graph.start(r);
        if (!start) {
            undated_seen = true;
            continue;
        }
        CHECK_FALSE(undated_seen);  // undated relations come last
        if (previous) CHECK(previous->packed() <= start->packed());
        previous = start;
    }
    RelationFilter since_filter;
    since_filter.since = PartialDate::parse("2019");
    since_filter.include_evidence = true;
    const auto since_2019 = changes_between(d.graph, since_filter);
    std::set<std::string> started;
    for (const auto& c : since_2019) {
        CHECK(c.date.year() >= 2019);
        if (c.kind == Change::Kind::Started) started.insert(d.snapshot.relation(c.relation).id);
    }
    CHECK(started.count("taisho-acquisition-hau-giang-2019") == 1);
    CHECK(started.count("kanagawa-vn-moh-mou-2024") == 1);
    CHECK(started.count("iuhw-established-hcmc-checkup-centre-2018") == 0);
    RelationFilter window_filter;
    window_filter.since = PartialDate::parse("2013");
    window_filter.until = PartialDate::parse("2014-03");
    const auto window = changes_between(d.graph, window_filter);
    std::set<std::string> in_window, possibly;
    for (const auto& c : window) {
        in_window.insert(d.snapshot.relation(c.relation).id);
        if (c.possibly) possibly.insert(d.snapshot.relation(c.relation).id);
    }
    // Dated "2014": the year straddles the window's end (2014-03-31), so possibly inside.
    CHECK(possibly == std::set<std::string>{"mhlw-implements-nurse-care-worker-candidates",
                                            "vn-moh-in-nurse-care-worker-candidates"});
    CHECK(in_window == std::set<std::string>{"alfresa-jv-alcopha-2013", "codupha-jv-alcopha-2013",
                                             "alfresa-codupha-partnership-2013",
                                             "mhlw-vn-moh-memorandum-2014",
                                             "mhlw-implements-nurse-care-worker-candidates",
                                             "vn-moh-in-nurse-care-worker-candidates"});
}

TEST_CASE("stats count kinds and types, components and the most connected", "[queries][stats]") {
    const auto& d = dataset();
    StatsQuery query;
    query.betweenness = true;
    query.top = 3;
    const auto stats = graph_stats(d.graph, query);
    CHECK(stats.entities == d.graph.vertex_count());
    CHECK(stats.relations == d.graph.relation_count());
    CHECK(stats.by_type.at("mou") == 2);
    CHECK(stats.by_type.at("acquisition") == 2);
    CHECK(stats.by_kind.at("company") == 8);
    CHECK(stats.by_type.at("mentions") == 5);  // counted, though not walked
    // Without the report's evidence, the four company cases are apart from the ministry's ties:
    // the MOH cluster (19), Asuka–Ha Tay, Alfresa–Codupha–Alcopha, Taisho–Hau Giang, IUHW's three.
    CHECK(stats.components == 5);
    CHECK(stats.largest_components == std::vector<std::size_t>{19, 3, 3});
    StatsQuery evidence = query;
    evidence.filter.include_evidence = true;
    CHECK(graph_stats(d.graph, evidence).components == 1);
    REQUIRE_FALSE(stats.by_degree.empty());
    CHECK(d.graph.entity_id(stats.by_degree.front().vertex) == "vn-moh");
    REQUIRE_FALSE(stats.by_betweenness.empty());
    CHECK(d.graph.entity_id(stats.by_betweenness.front().vertex) == "vn-moh");
    StatsQuery mous;
    mous.filter.types = {"mou"};
    const auto mou_stats = graph_stats(d.graph, mous);
    CHECK(mou_stats.relations == 2);
    CHECK(mou_stats.components == d.graph.vertex_count() - 2);  // three joined, the rest alone
}
