// CSV files in the encodings spreadsheet programs save: CP932 (Japanese Excel's "CSV"), UTF-16LE with a
// byte-order mark and tabs (Excel's "Unicode text"), UTF-32; detected, converted with iconv, reported;
// --encoding overrides; a file valid in no supported encoding is refused naming the likely one.
#include <iconv.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "kizuna/core/errors.h"
#include "kizuna/importers/import.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

// 'ハタイ製薬' and 'ソフト①' as Python's 'cp932' codec writes them (ソ ends in 0x5C, '\'; ① is CP932's).
const std::string kHataphar = "\x83\x6e\x83\x5e\x83\x43\x90\xbb\x96\xf2";
const std::string kSoft = "\x83\x5c\x83\x74\x83\x67\x87\x40";

std::string encoded(const std::string& utf8, const char* encoding) {
    iconv_t cd = iconv_open(encoding, "UTF-8");
    REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
    std::string out(utf8.size() * 4 + 8, '\0');
    char* in = const_cast<char*>(utf8.data());
    char* to = out.data();
    std::size_t in_left = utf8.size(), to_left = out.size();
    REQUIRE(iconv(cd, &in, &in_left, &to, &to_left) != static_cast<std::size_t>(-1));
    iconv_close(cd);
    out.resize(out.size() - to_left);
    return out;
}

struct Fresh {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
};

const std::string kHeader = "id,kind,name_en,name_ja,country\r\n";

}  // namespace

TEST_CASE("a CSV saved by Japanese Excel in CP932 imports, and the answer says which encoding was used",
          "[importers][encoding]") {
    Fresh db;
    test::write_file(db.dir / "entities.csv", kHeader + "hataphar,company,Ha Tay Pharmaceutical JSC," +
                                                  kHataphar + ",VN\r\nsoft,company,Soft," + kSoft +
                                                  ",JP\r\n");
    const ImportReport report = import_files(db.store, {db.dir / "entities.csv"});
    CHECK(db.store.entity("hataphar")->names.ja == "ハタイ製薬");
    CHECK(db.store.entity("soft")->names.ja == "ソフト①");
    REQUIRE(report.encodings.size() == 1);
    CHECK(report.encodings[0].file == (db.dir / "entities.csv").string());
    CHECK(report.encodings[0].encoding == "CP932");
    const nlohmann::json answer = report;
    CHECK(answer["encodings"][0]["encoding"] == "CP932");

    // A UTF-8 file says nothing of its encoding.
    test::write_file(db.dir / "more.csv", kHeader + "b,company,B,ベー,JP\n");
    const ImportReport utf8 = import_files(db.store, {db.dir / "more.csv"});
    CHECK(utf8.encodings.empty());
    CHECK_FALSE(nlohmann::json(utf8).contains("encodings"));
}

TEST_CASE("a CP932 relation file streams in, converted", "[importers][encoding]") {
    Fresh db;
    test::write_file(db.dir / "entities.csv", kHeader + "a,company,A,,JP\r\nb,company,B,,VN\r\n");
    test::write_file(db.dir / "relations.csv", "id,type,from,to,start,sources\r\nab,mou,a,b,2014," +
                                                   kHataphar + " | https://example.org | p. 1\r\n");
    const ImportReport report = import_files(db.store, {db.dir / "entities.csv", db.dir / "relations.csv"});
    CHECK(db.store.relation("ab")->sources.at(0).title == "ハタイ製薬");
    REQUIRE(report.encodings.size() == 1);
    CHECK(report.encodings[0].encoding == "CP932");
}

TEST_CASE("Excel's Unicode text (UTF-16LE, byte-order mark, tabs) and UTF-32 files import",
          "[importers][encoding]") {
    const std::string text =
        "id\tkind\tname_en\tname_ja\tcountry\r\nhataphar\tcompany\tHa Tay, "
        "Pharmaceutical\tハタイ製薬\tVN\r\n";
    for (const char* encoding : {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
        DYNAMIC_SECTION(encoding) {
            Fresh db;
            test::write_file(db.dir / "entities.txt", encoded("\xEF\xBB\xBF" + text, encoding));
            const ImportReport report = import_files(db.store, {db.dir / "entities.txt"});
            CHECK(db.store.entity("hataphar")->names.ja == "ハタイ製薬");
            CHECK(db.store.entity("hataphar")->names.en == "Ha Tay, Pharmaceutical");
            REQUIRE(report.encodings.size() == 1);
            CHECK(report.encodings[0].encoding == encoding);  // UTF-32 is not taken for UTF-16
        }
    }
    // Without a byte-order mark, the NUL bytes of the ASCII header tell.
    Fresh db;
    test::write_file(db.dir / "entities.csv", encoded(text, "UTF-16LE"));
    CHECK(import_files(db.store, {db.dir / "entities.csv"}).encodings.at(0).encoding == "UTF-16LE");
}

TEST_CASE("import: --encoding overrides the detection", "[importers][encoding]") {
    Fresh db;
    test::write_file(db.dir / "entities.csv", kHeader + "hataphar,company,," + kHataphar + ",VN\r\n");
    ImportOptions options;
    options.encoding = "shift_jis";  // a usual name of CP932
    CHECK(import_files(db.store, {db.dir / "entities.csv"}, options).encodings.at(0).encoding == "CP932");
    CHECK(db.store.entity("hataphar")->names.ja == "ハタイ製薬");
    options.encoding = "utf-8";  // read as UTF-8, the bytes are not text: refused at the row
    CHECK_THROWS_WITH(import_files(db.store, {db.dir / "entities.csv"}, options),
                      Catch::Contains("entities.csv:2: name_ja is not valid UTF-8 text"));
    options.encoding = "latin-1";
    CHECK_THROWS_WITH(import_files(db.store, {db.dir / "entities.csv"}, options),
                      Catch::Contains("unknown encoding 'latin-1'") && Catch::Contains("CP932"));
}

TEST_CASE("a file valid in no supported encoding is refused naming the likely one", "[importers][encoding]") {
    Fresh db;
    // UTF-8 Japanese with one damaged byte (0xFF is a lead byte in neither UTF-8 nor CP932).
    test::write_file(db.dir / "entities.csv", kHeader +
                                                  "a,company,A,ハタイ製薬,VN\r\nb,company,B,ハ\xFF"
                                                  "イ,VN\r\n");
    try {
        (void)import_files(db.store, {db.dir / "entities.csv"});
        FAIL("imported");
    } catch (const ImportError& e) {
        REQUIRE(e.problems().size() == 1);
        CHECK_THAT(e.problems()[0], Catch::StartsWith((db.dir / "entities.csv").string() + ":3: "));
        CHECK_THAT(e.problems()[0],
                   Catch::Contains("not valid text in any supported encoding: most likely UTF-8"));
    }
    CHECK(db.store.empty());
    // CP932 text with a damaged byte: CP932 is the likely one.
    test::write_file(db.dir / "entities.csv", kHeader + "a,company,A," + kHataphar + ",VN\r\nb,company,B," +
                                                  kHataphar + "\xFF,VN\r\n");
    CHECK_THROWS_WITH(
        import_files(db.store, {db.dir / "entities.csv"}),
        Catch::Contains("entities.csv:3: not valid text in any supported encoding: most likely CP932"));
}
