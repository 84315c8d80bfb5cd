// The real kizuna binary: what the case files (tests/cli/cases) cannot say as expected text: the
// order of rows, the bytes of binary diagrams, a database left untouched, an upgrade in place.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "temp_dir.h"

using kizuna::test::run_kizuna;

namespace {

struct Db {
    kizuna::test::TempDir dir;
    std::string path = (dir / "k.db").string();
    Db() {
        REQUIRE(run_kizuna({"--db", path, "init"}).exit_code == 0);
        REQUIRE(run_kizuna({"--db", path, "import", kizuna::test::dataset_dir().string()}).exit_code == 0);
    }
};

}  // namespace

TEST_CASE("init then search answers", "[cli]") {
    kizuna::test::TempDir dir;
    const auto db = (dir / "x.db").string();
    CHECK(run_kizuna({"--db", db, "init"}).exit_code == 0);
    const auto empty = run_kizuna({"--db", db, "search", "MOH"});
    CHECK(empty.exit_code == 0);
    CHECK_THAT(empty.out, Catch::Contains("no entity matches"));
    CHECK(run_kizuna({"--db", db, "stats"}).exit_code == 0);
    CHECK(run_kizuna({"--db", (dir / "missing.db").string(), "search", "MOH"}).exit_code == 4);
}

TEST_CASE("search, partners and path in table, json and csv", "[cli]") {
    Db db;
    for (const char* name : {"MOH", "ＭＯＨ", "Bo Y te", "bộ y tế", "保健省"}) {
        const auto found = run_kizuna({"--db", db.path, "--format", "json", "show", name});
        INFO(name);
        CHECK(found.exit_code == 0);
        CHECK(nlohmann::json::parse(found.out)["entity"]["id"] == "vn-moh");
    }
    const auto table = run_kizuna({"--db", db.path, "partners", "vn-moh", "--type", "mou"});
    CHECK(table.exit_code == 0);
    CHECK_THAT(table.out, Catch::Contains("Kanagawa Prefecture") && Catch::Contains("2024-11-15") &&
                              Catch::Contains("Sources:"));

    const auto json = run_kizuna({"--db", db.path, "--format", "json", "path", "kanagawa", "mhlw"});
    REQUIRE(json.exit_code == 0);
    const auto answer = nlohmann::json::parse(json.out);
    CHECK(answer["from"] == "kanagawa");
    CHECK(answer["paths"][0]["length"] == 2);
    CHECK(answer["paths"][0]["nodes"] == nlohmann::json({"kanagawa", "vn-moh", "mhlw"}));
    CHECK(answer["paths"][0]["relations"][0]["sources"][0]["url"] ==
          "https://www.pref.kanagawa.jp/docs/mv4/cnt/f531396/p1194355.html");

    const auto none = run_kizuna({"--db", db.path, "--format", "json", "path", "kanagawa", "mhlw", "--type",
                                  "mou", "--as-of", "2020"});
    CHECK(none.exit_code == 0);
    CHECK(nlohmann::json::parse(none.out)["paths"].empty());

    const auto csv = run_kizuna({"--db", db.path, "--format", "csv", "partners", "vn-moh", "--type", "mou"});
    CHECK(csv.exit_code == 0);
    CHECK_THAT(csv.out,
               Catch::StartsWith(
                   "partner,partner_name,country,kind,relation,type,category,direction,start,end,state,"
                   "attributes,sources\r\n"));
}

TEST_CASE("show lists every relation of an entity, dated ones first in date order, fields in one column",
          "[cli]") {
    Db db;
    const auto json = run_kizuna({"--db", db.path, "--format", "json", "show", "vn-moh"});
    REQUIRE(json.exit_code == 0);
    const auto relations = nlohmann::json::parse(json.out)["relations"];
    REQUIRE(relations.size() == 11);  // the relations of data/relations.csv that name vn-moh
    std::vector<std::string> starts;
    bool undated_seen = false;
    for (const auto& r : relations) {
        CHECK((r["from"] == "vn-moh" || r["to"] == "vn-moh"));
        if (r["start"].is_null()) {
            undated_seen = true;
            continue;
        }
        CHECK_FALSE(undated_seen);
        starts.push_back(r["start"]);
    }
    CHECK(starts == std::vector<std::string>{"2014", "2014-03", "2015", "2021", "2024-11-15"});

    const auto table = run_kizuna({"--db", db.path, "show", "vn-moh"});
    REQUIRE(table.exit_code == 0);
    // Each field's value starts in the same column, after the longest label (an attribute name here).
    auto column_of = [&](const std::string& label, const std::string& value) {
        const auto line = table.out.find("\n  " + label + " ");
        REQUIRE(line != std::string::npos);
        return table.out.find(value, line) - line;
    };
    CHECK(column_of("kind", "ministry") == column_of("Vietnamese", "Bộ Y tế"));
    CHECK(column_of("kind", "ministry") == column_of("digital_transformation", "Leads"));
}

TEST_CASE("render writes the format the extension asks for", "[cli]") {
    Db db;
    const auto svg = (db.dir / "m.svg").string();
    CHECK(run_kizuna({"--db", db.path, "render", "--ego", "vn-moh", "-o", svg}).exit_code == 0);
    CHECK_THAT(kizuna::test::read_file(svg), Catch::Contains("<svg"));
    const auto pdf = (db.dir / "p.pdf").string();
    CHECK(run_kizuna({"--db", db.path, "render", "--path", "kanagawa", "mhlw", "-o", pdf}).exit_code == 0);
    CHECK(kizuna::test::read_file(pdf).substr(0, 5) == "%PDF-");
    CHECK(run_kizuna({"--db", db.path, "render", "--max-entities", "3"}).exit_code == 2);
    // The default title says what is drawn, filters included, in the diagram's language.
    const auto deals = run_kizuna({"--db", db.path, "render", "--type", "acquisition", "--type",
                                   "joint_venture", "--as-of", "2020", "--format", "dot"});
    CHECK_THAT(deals.out,
               Catch::Contains(
                   "label=\"Kizuna: 7 entities, 4 relations — acquisition, joint venture, as of 2020\""));
    const auto deals_ja = run_kizuna({"--db", db.path, "--lang", "ja", "render", "--type", "acquisition",
                                      "--since", "2019", "--format", "dot"});
    CHECK_THAT(deals_ja.out, Catch::Contains("label=\"Kizuna：4組織・2関係 — 株式取得（2019以降）\""));
    // Too many relations for dot: refused with the way out; another engine draws it.
    const auto refused = run_kizuna({"--db", db.path, "render", "--max-relations", "10", "-o", svg});
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains("too many for dot") && Catch::Contains("--engine sfdp"));
    CHECK(run_kizuna({"--db", db.path, "render", "--max-relations", "10", "--engine", "sfdp", "-o", svg})
              .exit_code == 0);
}

TEST_CASE("the demo loads the bundled data, answers and draws", "[cli][demo]") {
    kizuna::test::TempDir dir;
    const auto demo = run_kizuna({"demo"}, dir.path());
    REQUIRE(demo.exit_code == 0);
    CHECK_THAT(demo.out, Catch::Contains("Kanagawa Prefecture") &&
                             Catch::Contains("Ministry of Health, Labour and Welfare"));
    CHECK_THAT(demo.out,
               Catch::Contains("area_4      Advanced healthcare models including the ME-BYO concept"));
    CHECK_THAT(demo.out, Catch::Contains("Hau Giang Pharmaceutical JSC"));
    CHECK(kizuna::test::read_file(dir / "kizuna-demo" / "vn-moh-ja.png").substr(1, 3) == "PNG");
    CHECK(kizuna::test::read_file(dir / "kizuna-demo" / "kizuna-16x9.png").substr(1, 3) == "PNG");
}

TEST_CASE("import: a dry run checks and writes nothing, and the summary comes in table and JSON",
          "[cli][import]") {
    kizuna::test::TempDir dir;
    const auto db = (dir / "k.db").string();
    REQUIRE(run_kizuna({"--db", db, "init"}).exit_code == 0);
    const std::string empty = kizuna::test::database_dump(db);
    const std::string data = kizuna::test::dataset_dir().string();

    const auto dry = run_kizuna({"--db", db, "import", "--dry-run", data});
    CHECK(dry.exit_code == 0);
    CHECK_THAT(dry.out, Catch::StartsWith("valid: ") && Catch::EndsWith("(dry run: nothing written)\n"));
    CHECK(kizuna::test::database_dump(db) == empty);

    const auto json = run_kizuna({"--db", db, "--format", "json", "import", data});
    REQUIRE(json.exit_code == 0);
    const auto report = nlohmann::json::parse(json.out);
    CHECK(report["dry_run"] == false);
    CHECK(report["read"]["entities"].get<int>() > 20);
    CHECK(report["changed"]["relations"] == report["read"]["relations"]);
    // Not a terminal: no progress line on stderr.
    CHECK(json.err.empty());

    const auto again = run_kizuna({"--db", db, "import", data});
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.out, Catch::Contains("; changed 0 entities, 0 relations, 0 relation types"));
}

TEST_CASE("a database from an older Kizuna is upgraded by the first command that reads it", "[cli]") {
    Db db;
    {
        SQLite::Database sqlite(db.path, SQLite::OPEN_READWRITE);
        sqlite.exec("PRAGMA user_version = 5");  // v6 only retunes the name index: nothing else to undo
    }
    const auto found = run_kizuna({"--db", db.path, "--format", "json", "show", "MOH"});
    CHECK(found.exit_code == 0);
    CHECK(nlohmann::json::parse(found.out)["entity"]["id"] == "vn-moh");
    SQLite::Database sqlite(db.path, SQLite::OPEN_READONLY);
    CHECK(sqlite.execAndGet("PRAGMA user_version").getInt() >= 6);
}

TEST_CASE("render --fit 16:9 lays the whole curated map out for a slide, readable at 1920 pixels", "[cli]") {
    Db db;
    const auto svg = (db.dir / "slide.svg").string(), png = (db.dir / "slide.png").string();
    REQUIRE(run_kizuna({"--db", db.path, "render", "--cluster", "country", "--fit", "16:9", "-o", svg})
                .exit_code == 0);
    REQUIRE(run_kizuna({"--db", db.path, "render", "--cluster", "country", "--fit", "16:9", "-o", png})
                .exit_code == 0);
    const std::string text = kizuna::test::read_file(svg);
    const auto width_at = text.find("<svg width=\"");
    REQUIRE(width_at != std::string::npos);
    const double width = std::stod(text.substr(width_at + 12));
    const double height = std::stod(text.substr(text.find("height=\"", width_at) + 8));
    CHECK(width / height == Approx(16.0 / 9).epsilon(0.10));
    // The smallest text, scaled to a 1920-pixel-wide slide, is at least 10 pixels.
    double smallest = 1e9;
    for (auto at = text.find("font-size=\""); at != std::string::npos; at = text.find("font-size=\"", at + 1))
        smallest = std::min(smallest, std::stod(text.substr(at + 11)));
    CHECK(smallest * 1920 / width >= 10.0);
    // The PNG has the same shape (its header holds width and height, big-endian).
    const std::string bytes = kizuna::test::read_file(png);
    REQUIRE(bytes.size() > 24);
    auto number = [&](std::size_t at) {
        return (std::uint32_t(std::uint8_t(bytes[at])) << 24) |
               (std::uint32_t(std::uint8_t(bytes[at + 1])) << 16) |
               (std::uint32_t(std::uint8_t(bytes[at + 2])) << 8) | std::uint32_t(std::uint8_t(bytes[at + 3]));
    };
    CHECK(double(number(16)) / number(20) == Approx(16.0 / 9).epsilon(0.10));
    CHECK(run_kizuna({"--db", db.path, "render", "--fit", "16-9", "-o", svg}).exit_code == 2);
    CHECK(run_kizuna({"--db", db.path, "render", "--size", "1920x1080px", "-o", png}).exit_code == 0);
}

TEST_CASE("CSV written with -o starts with a byte order mark for Excel, unless --no-bom", "[cli]") {
    Db db;
    const auto with = (db.dir / "p.csv").string(), without = (db.dir / "q.csv").string();
    REQUIRE(run_kizuna({"--db", db.path, "--format", "csv", "-o", with, "partners", "vn-moh"}).exit_code ==
            0);
    REQUIRE(run_kizuna({"--db", db.path, "--format", "csv", "--no-bom", "-o", without, "partners", "vn-moh"})
                .exit_code == 0);
    const std::string bom = "\xEF\xBB\xBF";
    CHECK(kizuna::test::read_file(with).rfind(bom + "partner,partner_name,", 0) == 0);
    CHECK(kizuna::test::read_file(without).rfind("partner,partner_name,", 0) == 0);
    // Standard output never gets one: a pipe is for programs.
    const auto piped = run_kizuna({"--db", db.path, "--format", "csv", "partners", "vn-moh"});
    CHECK(piped.out.rfind("partner,", 0) == 0);
    // Names, attributes and source URLs travel in the CSV.
    const std::string text = kizuna::test::read_file(with);
    CHECK(text.find("Kanagawa Prefecture") != std::string::npos);
    CHECK(text.find("area_1: ") != std::string::npos);
    CHECK(text.find("<https://www.pref.kanagawa.jp/") != std::string::npos);
}

TEST_CASE("the language comes from --lang, else KIZUNA_LANG, else LANG; tables fit COLUMNS", "[cli]") {
    Db db;
    const std::vector<std::string> partners = {"--db", db.path, "partners", "vn-moh", "--type", "mou"};
    CHECK_THAT(run_kizuna(partners, {}, {{"LANG", "ja_JP.UTF-8"}}).out,
               Catch::StartsWith("ベトナム保健省（vn-moh）の相手先"));
    CHECK_THAT(run_kizuna(partners, {}, {{"KIZUNA_LANG", "vi"}, {"LANG", "ja_JP.UTF-8"}}).out,
               Catch::StartsWith("Đối tác của Bộ Y tế"));
    auto with_lang = partners;
    with_lang.insert(with_lang.begin(), {"--lang", "en"});
    CHECK_THAT(run_kizuna(with_lang, {}, {{"KIZUNA_LANG", "ja"}}).out,
               Catch::StartsWith("Partners of Ministry"));
    CHECK_THAT(run_kizuna(partners).out, Catch::StartsWith("Partners of Ministry"));
    // A narrow terminal: every line fits, names are cut with an ellipsis, never mid-character.
    const auto narrow =
        run_kizuna({"--db", db.path, "--lang", "ja", "partners", "vn-moh"}, {}, {{"COLUMNS", "70"}});
    REQUIRE(narrow.exit_code == 0);
    std::size_t cut = 0;
    std::size_t start = narrow.out.find("\n\n") + 2;
    for (std::size_t end = narrow.out.find('\n', start);
         end != std::string::npos && narrow.out[start] != '\n';
         start = end + 1, end = narrow.out.find('\n', start)) {
        const std::string line = narrow.out.substr(start, end - start);
        std::size_t cells = 0;  // CJK (lead bytes E3..ED) two cells, the rest one
        for (const char ch : line) {
            const auto byte = static_cast<unsigned char>(ch);
            if ((byte & 0xC0) != 0x80) cells += byte >= 0xE3 && byte <= 0xED ? 2 : 1;
        }
        CHECK(cells <= 70);
        if (line.find("…") != std::string::npos) ++cut;
    }
    CHECK(cut > 0);
    const auto wide = run_kizuna({"--db", db.path, "--lang", "ja", "partners", "vn-moh"});
    CHECK(wide.out.find("…") == std::string::npos);  // a file or a pipe gets whole names
}
