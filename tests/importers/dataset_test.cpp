// The bundled dataset: it loads cleanly, and the facts of the source document can be read back.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "kizuna/core/store.h"
#include "kizuna/core/validation.h"
#include "kizuna/importers/import.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

const std::string kDocument = "ベトナム保健省 ＜神奈川県MOU締結先機関のご紹介＞";

struct Loaded {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    ImportReport report = import_files(store, {test::dataset_dir()});
};

Relation relation(const Store& store, const std::string& id) {
    auto found = store.relation(id);
    INFO(id);
    REQUIRE(found.has_value());
    return *found;
}

}  // namespace

TEST_CASE("the dataset loads without a problem and every relation cites the document", "[data]") {
    Loaded data;
    CHECK(data.report.entities_read >= 29);
    CHECK(data.report.relations_read >= 38);
    CHECK(data.report.changed.entities_changed == data.report.entities_read);
    data.store.for_each_relation([&](const Relation& r) {
        INFO(r.id);
        REQUIRE_FALSE(r.sources.empty());
        CHECK_THAT(r.sources.front().title, Catch::StartsWith(kDocument));
        CHECK_FALSE(r.sources.front().locator.empty());
    });
    data.store.for_each_entity([&](const Entity& e) {
        INFO(e.id);
        CHECK_FALSE(e.names.en.empty());
        CHECK_FALSE(e.names.ja.empty());
        CHECK_FALSE(e.sources.empty());
        CHECK((e.country == "JP" || e.country == "VN"));
    });
}

TEST_CASE("the headline organisations and their counterparts are all there", "[data]") {
    Loaded data;
    for (const char* id : {"mhlw",
                           "vn-moh",
                           "kanagawa",
                           "asuka-pharma",
                           "alfresa",
                           "taisho",
                           "iuhw",
                           "ha-tay-pharma",
                           "codupha",
                           "alcopha",
                           "hau-giang-pharma",
                           "iuhw-hcmc-checkup-centre",
                           "iuhw-narita-hospital",
                           "vss",
                           "vn-mps",
                           "vneid",
                           "moh-ehr",
                           "moh-it-department",
                           "moh-medical-services-administration",
                           "decision-749-2020",
                           "elderly-healthcare-plan-2030",
                           "medical-tech-intl-expansion",
                           "nurse-care-worker-candidates",
                           "dtvs",
                           "kanagawa-intl-strategy-group",
                           "vn-moh-profile-2025"}) {
        INFO(id);
        CHECK(data.store.has_entity(id));
    }
    // Names in three languages, with correct Vietnamese diacritics, resolve from any of them.
    CHECK(data.store.entity("vn-moh")->names.vi == "Bộ Y tế");
    CHECK(data.store.entity("hau-giang-pharma")->names.vi == "Công ty Cổ phần Dược Hậu Giang");
    CHECK(data.store.resolve("DHG").id == "hau-giang-pharma");
    CHECK(data.store.resolve("Alcopha").id == "alcopha");
    CHECK(data.store.resolve("IUHW").id == "iuhw");
    CHECK(data.store.resolve("MHLW").id == "mhlw");
    CHECK(data.store.resolve("Bo Y te").id == "vn-moh");
    CHECK(data.store.resolve("ＭＯＨ").id == "vn-moh");
    CHECK(data.store.resolve("保健省").id == "vn-moh");
    CHECK(data.store.resolve("749/QĐ-TTg").id == "decision-749-2020");
}

TEST_CASE("dates, directions and figures are as the document gives them", "[data]") {
    Loaded data;
    const auto mou = relation(data.store, "kanagawa-vn-moh-mou-2024");
    CHECK(mou.type == "mou");
    CHECK(mou.start->to_string() == "2024-11-15");
    CHECK(mou.sources.front().url == "https://www.pref.kanagawa.jp/docs/mv4/cnt/f531396/p1194355.html");
    for (const char* area : {"area_1", "area_2", "area_3", "area_4", "purpose"})
        CHECK(mou.attributes.count(area));
    CHECK_THAT(mou.attributes.at("area_2"), Catch::Contains("Biotechnology"));
    CHECK_THAT(mou.attributes.at("area_4"), Catch::Contains("未病"));

    const auto memorandum = relation(data.store, "mhlw-vn-moh-memorandum-2014");
    CHECK(memorandum.start->to_string() == "2014-03");
    CHECK(memorandum.from == "mhlw");

    const auto asuka = relation(data.store, "asuka-acquisition-ha-tay-2020");
    CHECK(asuka.type == "acquisition");
    CHECK(asuka.from == "asuka-pharma");  // acquirer -> target
    CHECK(asuka.to == "ha-tay-pharma");
    CHECK(asuka.start->to_string() == "2020");

    const auto alcopha = relation(data.store, "alfresa-jv-alcopha-2013");
    CHECK(alcopha.type == "joint_venture");
    CHECK(alcopha.to == "alcopha");
    CHECK(alcopha.start->to_string() == "2013");
    CHECK(relation(data.store, "codupha-jv-alcopha-2013").from == "codupha");

    const auto taisho = relation(data.store, "taisho-acquisition-hau-giang-2019");
    CHECK(taisho.start->to_string() == "2019");
    CHECK_THAT(taisho.attributes.at("stake"), Catch::Contains("連結子会社"));

    const auto clinic = relation(data.store, "iuhw-established-hcmc-checkup-centre-2018");
    CHECK(clinic.start->to_string() == "2018");
    CHECK(relation(data.store, "iuhw-narita-supports-hcmc-checkup-centre")
              .attributes.at("how")
              .find("pathology") != std::string::npos);

    CHECK(relation(data.store, "moh-it-department-developed-ehr").start->to_string() == "2019");
    CHECK(relation(data.store, "moh-medical-services-operates-ehr").from ==
          "moh-medical-services-administration");
    CHECK(relation(data.store, "moh-ehr-integrates-with-vneid").to == "vneid");
    // The document says the Ministry of Public Security announced VNeID (発表), not that it developed it.
    const auto vneid = relation(data.store, "vn-mps-announced-vneid");
    CHECK(vneid.type == "announced");
    CHECK(vneid.start->to_string() == "2022");
    CHECK_FALSE(data.store.relation("vn-mps-developed-vneid").has_value());
    CHECK(relation(data.store, "vn-government-issued-decision-749").start->to_string() == "2020");
    CHECK(relation(data.store, "vn-moh-issued-elderly-healthcare-plan").start->to_string() == "2021");
    CHECK(relation(data.store, "mhlw-implements-nurse-care-worker-candidates").start->to_string() == "2014");
    CHECK(relation(data.store, "mhlw-implements-medical-tech-intl-expansion").start->to_string() == "2015");
    CHECK(relation(data.store, "dtvs-authored-vn-moh-profile").start->to_string() == "2025-02");

    CHECK_THAT(data.store.entity("moh-ehr")->attributes.at("records"), Catch::Contains("32 million"));
    CHECK_THAT(data.store.entity("vneid")->attributes.at("health_records_integrated"),
               Catch::Contains("14.6 million"));
    CHECK_THAT(data.store.entity("vss")->attributes.at("coverage"),
               Catch::Contains("87.9%") && Catch::Contains("2019"));
    CHECK(data.store.entity("vss")->attributes.at("founded") == "1992");
    CHECK_THAT(data.store.entity("vneid")->sources.front().url, Catch::Contains("vietnamplus"));
}

TEST_CASE("the document's caveat on company cases travels with them", "[data]") {
    Loaded data;
    CHECK_THAT(data.store.entity("vn-moh-profile-2025")->attributes.at("caveat"),
               Catch::Contains("did not necessarily use the MOU"));
    for (const char* id :
         {"asuka-acquisition-ha-tay-2020", "alfresa-jv-alcopha-2013", "taisho-acquisition-hau-giang-2019",
          "iuhw-established-hcmc-checkup-centre-2018"}) {
        INFO(id);
        CHECK_THAT(relation(data.store, id).attributes.at("note"),
                   Catch::Contains("必ずしも神奈川県とのMOUを活用した事例ではない"));
    }
}

TEST_CASE("the data says no more than the document", "[data]") {
    Loaded data;
    // Training Vietnamese staff in Japan is said of the university, not of its Ho Chi Minh City clinic.
    CHECK_THAT(data.store.entity("iuhw")->attributes.at("training"), Catch::Contains("研修"));
    CHECK(data.store.entity("iuhw-hcmc-checkup-centre")->attributes.count("training") == 0);
    // A person's office is not an alias of the government; the decision keeps its note instead.
    const auto government = *data.store.entity("vn-government");
    for (const auto& alias : government.aliases) CHECK_THAT(alias, !Catch::Contains("Prime Minister"));
    CHECK_THAT(relation(data.store, "vn-government-issued-decision-749").attributes.at("note"),
               Catch::Contains("首相決定"));
    // The report's own source gives no URL (the Kanagawa page is the MOU's).
    const auto report = *data.store.entity("vn-moh-profile-2025");
    for (const auto& source : report.sources) CHECK(source.url.empty());
}

TEST_CASE("every relation type of the data has a category, and evidence is where facts were read", "[data]") {
    Loaded data;
    std::map<std::string, std::string> category;
    for (const auto& type : data.store.relation_types()) {
        CHECK(is_relation_category(type.category));
        category[type.id] = type.category;
    }
    CHECK(category.at("participates_in") == "programme");  // from data/relation_types.csv
    CHECK(category.at("mou") == "collaboration");
    CHECK(category.at("acquisition") == "ownership");
    for (const char* evidence : {"mentions", "authored", "publishes"})
        CHECK(category.at(evidence) == "evidence");
    // Only the report's own relations are evidence: no organisation-to-organisation tie is.
    for (const auto& id : {"kanagawa-vn-moh-mou-2024", "taisho-acquisition-hau-giang-2019",
                           "vn-mps-announced-vneid", "iuhw-established-hcmc-checkup-centre-2018"}) {
        CHECK(category.at(relation(data.store, id).type) != "evidence");
    }
    for (const auto& id : {"vn-moh-profile-mentions-taisho", "dtvs-authored-vn-moh-profile",
                           "kanagawa-group-publishes-vn-moh-profile"}) {
        CHECK(category.at(relation(data.store, id).type) == "evidence");
    }
}
