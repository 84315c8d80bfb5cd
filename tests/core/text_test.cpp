#include "kizuna/core/text.h"

#include <catch2/catch.hpp>

using kizuna::search_key;

TEST_CASE("search keys fold case, width and Vietnamese diacritics", "[core][text]") {
    CHECK(search_key("MOH") == search_key("moh"));
    CHECK(search_key("ＭＯＨ") == search_key("MOH"));
    CHECK(search_key("Bộ Y tế") == search_key("Bo Y te"));
    CHECK(search_key("bộ y tế") == search_key("BỘ Y TẾ"));
    CHECK(search_key("Dược Hậu Giang") == "duoc hau giang");
    CHECK(search_key("Đà Nẵng") == "da nang");
    CHECK(search_key("  Ha   Tay  ") == "ha tay");
    CHECK(search_key("ﾍﾞﾄﾅﾑ") == search_key("ベトナム"));  // half-width katakana
}

TEST_CASE("search keys keep Japanese voicing marks", "[core][text]") {
    CHECK(search_key("バ") != search_key("ハ"));
    CHECK(search_key("ベトナム保健省") == "ベトナム保健省");
}

TEST_CASE("display text is stored in NFC", "[core][text]") {
    CHECK(kizuna::to_nfc("e\xCC\x82\xCC\x81") == "ế");  // e + circumflex + acute
}
