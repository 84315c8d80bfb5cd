// The history through the real binary, where a case file cannot say it: a restored database's export
// equal, byte for byte, to the export made at that change; an import's undo back to the export before.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.h"
#include "temp_dir.h"

using kizuna::test::run_kizuna;

namespace {

std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST_CASE("restore --to writes the data as it was: its export equals the export made then",
          "[cli][history]") {
    kizuna::test::TempDir dir;
    const std::string db = (dir / "k.db").string();
    REQUIRE(run_kizuna({"--db", db, "init"}).exit_code == 0);
    REQUIRE(run_kizuna({"--db", db, "import", kizuna::test::dataset_dir().string()}).exit_code == 0);
    write_text(
        dir / "new.jsonl",
        "{\"entity\": {\"id\": \"acme\", \"kind\": \"company\", \"names\": {\"en\": \"Acme\"}}}\n"
        "{\"relation\": {\"id\": \"r-acme\", \"type\": \"mou\", \"from\": \"acme\", \"to\": \"vn-moh\", "
        "\"start\": \"2020\", \"sources\": [{\"title\": \"Press\"}]}}\n");
    REQUIRE(run_kizuna({"--db", db, "import", (dir / "new.jsonl").string()}).exit_code == 0);
    REQUIRE(run_kizuna({"--db", db, "export", "--format", "jsonl", "-o", (dir / "then.jsonl").string()})
                .exit_code == 0);
    REQUIRE(run_kizuna({"--db", db, "query", "MATCH (e {id: 'acme'}) SET e.country = 'JP' RETURN count(*)"})
                .exit_code == 0);
    REQUIRE(run_kizuna({"--db", db, "query", "MATCH ()-[r {id: 'r-acme'}]-() DELETE r RETURN count(*)"})
                .exit_code == 0);
    const auto restored = run_kizuna({"--db", db, "restore", "--to", "2", "-o", (dir / "old.db").string()});
    INFO(restored.err);
    REQUIRE(restored.exit_code == 0);
    REQUIRE(run_kizuna({"--db", (dir / "old.db").string(), "export", "--format", "jsonl", "-o",
                        (dir / "restored.jsonl").string()})
                .exit_code == 0);
    CHECK(file_text(dir / "restored.jsonl") == file_text(dir / "then.jsonl"));

    SECTION("undoing the later changes, newest first, and the import gives the first export back") {
        REQUIRE(run_kizuna({"--db", db, "export", "--format", "jsonl", "-o", (dir / "last.jsonl").string()})
                    .exit_code == 0);
        const auto before =
            run_kizuna({"--db", db, "restore", "--to", "1", "-o", (dir / "first.db").string()});
        REQUIRE(before.exit_code == 0);
        REQUIRE(run_kizuna({"--db", (dir / "first.db").string(), "export", "--format", "jsonl", "-o",
                            (dir / "first.jsonl").string()})
                    .exit_code == 0);
        CHECK(run_kizuna({"--db", db, "undo", "2"}).exit_code == 2);  // later changes touched its rows
        CHECK(run_kizuna({"--db", db, "undo", "4"}).exit_code == 0);
        CHECK(run_kizuna({"--db", db, "undo", "3"}).exit_code == 0);
        const auto undone = run_kizuna({"--db", db, "undo", "2"});
        INFO(undone.err);
        CHECK(undone.exit_code == 0);
        REQUIRE(run_kizuna({"--db", db, "export", "--format", "jsonl", "-o", (dir / "now.jsonl").string()})
                    .exit_code == 0);
        CHECK(file_text(dir / "now.jsonl") == file_text(dir / "first.jsonl"));
        CHECK(file_text(dir / "now.jsonl") != file_text(dir / "last.jsonl"));
        // The undo of the undo brings the import back.
        CHECK(run_kizuna({"--db", db, "undo", "7"}).exit_code == 0);
        REQUIRE(run_kizuna({"--db", db, "export", "--format", "jsonl", "-o", (dir / "again.jsonl").string()})
                    .exit_code == 0);
        CHECK(file_text(dir / "again.jsonl") == file_text(dir / "then.jsonl"));
    }
}

TEST_CASE("a bulk load is recorded as one line, and its undo empties the data", "[cli][history]") {
    kizuna::test::TempDir dir;
    const std::string db = (dir / "k.db").string();
    REQUIRE(run_kizuna({"--db", db, "init"}).exit_code == 0);
    // 2,000 entities make a bulk load (store_write.cpp's threshold).
    std::ostringstream entities;
    entities << "id,kind,name_en\n";
    for (int i = 0; i < 2100; ++i) entities << 'e' << i << ",company,Entity " << i << '\n';
    std::filesystem::create_directory(dir / "load");
    write_text(dir / "load" / "entities.csv", entities.str());
    REQUIRE(run_kizuna({"--db", db, "import", (dir / "load").string()}).exit_code == 0);
    const auto log = run_kizuna({"--db", db, "log", "--format", "csv"});
    CHECK_THAT(log.out, Catch::Contains(",bulk load,") && Catch::Contains("entities.csv sha256:"));
    const auto diff = run_kizuna({"--db", db, "diff", "1"});
    CHECK_THAT(diff.out, Catch::Contains("2100 entities and 0 relations, loaded in bulk"));
    const auto undo = run_kizuna({"--db", db, "undo", "1"});
    INFO(undo.err);
    CHECK(undo.exit_code == 0);
    CHECK_THAT(run_kizuna({"--db", db, "search", "Entity 7"}).out, Catch::Contains("no entity matches"));
    CHECK(run_kizuna({"--db", db, "undo", "2"}).exit_code == 2);  // its rows were never recorded
    CHECK(run_kizuna({"--db", db, "import", (dir / "load").string()}).exit_code == 0);
    CHECK_THAT(run_kizuna({"--db", db, "search", "Entity 7"}).out, Catch::Contains("e7"));
}

TEST_CASE("diff and undo list --limit rows and say how many more there are, in the table and beside CSV",
          "[cli][history]") {
    kizuna::test::TempDir dir;
    const std::string db = (dir / "k.db").string();
    REQUIRE(run_kizuna({"--db", db, "init"}).exit_code == 0);
    REQUIRE(run_kizuna({"--db", db, "import", kizuna::test::dataset_dir().string()}).exit_code == 0);
    write_text(dir / "relations.csv",
               "id,type,from,to,start,end,attributes,sources\n"
               "x1,mou,kanagawa,vss,2024,,,T | | 1\nx2,mou,mhlw,vss,2024,,,T | | "
               "2\nx3,mou,mhlw,vn-moh,2024,,,T | | 3\n");
    REQUIRE(run_kizuna({"--db", db, "import", (dir / "relations.csv").string()}).exit_code == 0);
    const auto table = run_kizuna({"--db", db, "diff", "2", "--limit", "1"});
    CHECK(table.exit_code == 0);
    CHECK_THAT(table.out,
               Catch::Contains("note: 2 more rows not listed (3 in all); --limit 3 lists every one"));
    const auto csv = run_kizuna({"--db", db, "--format", "csv", "diff", "2", "--limit", "1"});
    CHECK_THAT(csv.err, Catch::Contains("2 more rows not listed"));
    const auto undo = run_kizuna({"--db", db, "undo", "2", "--dry-run", "--limit", "0"});
    CHECK_THAT(undo.out, Catch::Contains("note: 3 more rows not listed (3 in all)"));
    CHECK(run_kizuna({"--db", db, "diff", "2"}).out.find("not listed") == std::string::npos);
}
