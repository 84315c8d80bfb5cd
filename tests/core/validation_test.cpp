#include "kizuna/core/validation.h"

#include <catch2/catch.hpp>

#include "kizuna/core/errors.h"

using namespace kizuna;

namespace {

Entity valid_entity() {
    Entity e;
    e.id = "vn-moh";
    e.kind = "ministry";
    e.names.en = "Ministry of Health";
    e.country = "VN";
    return e;
}

Relation valid_relation() {
    Relation r;
    r.id = "kanagawa-vn-moh-mou-2024";
    r.type = "mou";
    r.from = "kanagawa";
    r.to = "vn-moh";
    r.start = PartialDate::parse("2024-11-15");
    r.sources = {Source{"seed", "", "p1"}};
    return r;
}

auto known(std::initializer_list<const char*> names) {
    std::vector<std::string> list(names.begin(), names.end());
    return
        [list](const std::string& name) { return std::find(list.begin(), list.end(), name) != list.end(); };
}

}  // namespace

TEST_CASE("slugs are lower-case letters, digits and dashes", "[core][validation]") {
    CHECK(is_slug("vn-moh"));
    CHECK(is_slug("a"));
    CHECK(is_slug("2024-mou"));
    CHECK_FALSE(is_slug(""));
    CHECK_FALSE(is_slug("-moh"));
    CHECK_FALSE(is_slug("VN-MOH"));
    CHECK_FALSE(is_slug("vn_moh"));
    CHECK_FALSE(is_slug("vn moh"));
    CHECK(is_vocabulary_id("joint_venture"));
}

TEST_CASE("invalid entities are rejected with a precise message", "[core][validation]") {
    CHECK_NOTHROW(validate_entity(valid_entity()));
    auto e = valid_entity();
    e.id = "Vn Moh";
    CHECK_THROWS_WITH(validate_entity(e),
                      "bad entity id 'Vn Moh': use lower-case letters, digits and '-', e.g. vn-moh");
    e = valid_entity();
    e.names = {};
    CHECK_THROWS_WITH(validate_entity(e), "entity vn-moh: needs at least one name (en, ja or vi)");
    e = valid_entity();
    e.country = "Vietnam";
    CHECK_THROWS_WITH(validate_entity(e), Catch::Contains("bad country 'Vietnam'"));
    e = valid_entity();
    e.names.en = std::string("Bad\0name", 8);
    CHECK_THROWS_WITH(validate_entity(e), Catch::Contains("not valid UTF-8 text"));
    e = valid_entity();
    e.names.en = "\xC3\x28";
    CHECK_THROWS_AS(validate_entity(e), InvalidDataError);
    e = valid_entity();
    e.names.en = std::string(kMaxFieldBytes + 1, 'x');
    CHECK_THROWS_WITH(validate_entity(e), Catch::Contains("is too long"));
}

TEST_CASE("invalid relations are rejected with a precise message", "[core][validation]") {
    const auto types = known({"mou", "acquisition"});
    const auto entities = known({"kanagawa", "vn-moh"});
    CHECK_NOTHROW(validate_relation(valid_relation(), types, entities));

    auto r = valid_relation();
    r.type = "friendship";
    CHECK_THROWS_WITH(validate_relation(r, types, entities),
                      "relation kanagawa-vn-moh-mou-2024: unknown type 'friendship'");
    r = valid_relation();
    r.to = "nowhere";
    CHECK_THROWS_WITH(validate_relation(r, types, entities),
                      "relation kanagawa-vn-moh-mou-2024: unknown entity 'nowhere'");
    r = valid_relation();
    r.end = PartialDate::parse("2020");
    CHECK_THROWS_WITH(validate_relation(r, types, entities),
                      Catch::Contains("end 2020 is before start 2024-11-15"));
    r = valid_relation();
    r.to = "kanagawa";
    CHECK_THROWS_WITH(validate_relation(r, types, entities),
                      Catch::Contains("from and to are the same entity"));
    r = valid_relation();
    r.sources = {Source{"", "https://example.org", ""}};
    CHECK_THROWS_WITH(validate_relation(r, types, entities), Catch::Contains("a source needs a title"));
    // The same year as the start is not "before" it: partial dates compare at the coarser precision.
    r = valid_relation();
    r.end = PartialDate::parse("2024");
    CHECK_NOTHROW(validate_relation(r, types, entities));
}
