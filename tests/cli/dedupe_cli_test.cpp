// Duplicates and merges through the real binary, where a case file cannot say it: a merge and its undo
// compared by export (byte for byte), and redirects and judgements carried through JSON Lines and GraphML.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.h"
#include "temp_dir.h"

using kizuna::test::run_kizuna;

namespace {

std::string text_of_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A second record of Vietnam's MOH, with one relation that is the same tie as one of vn-moh's, one that is
// not, and one to vn-moh itself.
const char* const kDuplicate =
    "{\"entity\": {\"id\": \"bo-y-te\", \"kind\": \"ministry\", \"names\": {\"vi\": \"Bo Y te\", \"en\": "
    "\"Vietnam Ministry of Health\"}, \"aliases\": [\"ＶＮ　ＭＯＨ\"], \"country\": \"VN\", \"attributes\": "
    "{\"website\": \"https://moh.gov.vn/home/\", \"phone\": \"+84 24 6273 2273\"}, \"sources\": [{\"title\": "
    "\"Press release\"}]}}\n"
    "{\"relation\": {\"id\": \"kanagawa-bo-y-te\", \"type\": \"mou\", \"from\": \"bo-y-te\", \"to\": "
    "\"kanagawa\", \"start\": \"2024-11-15\", \"sources\": [{\"title\": \"Press release\"}]}}\n"
    "{\"relation\": {\"id\": \"bo-y-te-mhlw-2019\", \"type\": \"mou\", \"from\": \"bo-y-te\", \"to\": "
    "\"mhlw\", \"start\": \"2019\", \"sources\": [{\"title\": \"Press release\"}]}}\n"
    "{\"relation\": {\"id\": \"bo-y-te-part-of-vn-moh\", \"type\": \"part_of\", \"from\": \"bo-y-te\", "
    "\"to\": "
    "\"vn-moh\", \"sources\": [{\"title\": \"Press release\"}]}}\n";

struct Database {
    kizuna::test::TempDir dir;
    std::string db = (dir / "k.db").string();
    Database() {
        REQUIRE(run_kizuna({"--db", db, "init"}).exit_code == 0);
        REQUIRE(run_kizuna({"--db", db, "import", kizuna::test::dataset_dir().string()}).exit_code == 0);
        std::ofstream(dir / "dup.jsonl") << kDuplicate;
        REQUIRE(run_kizuna({"--db", db, "import", (dir / "dup.jsonl").string()}).exit_code == 0);
    }
    std::string exported(const std::string& name, const std::string& format = "jsonl") {
        const auto path = dir / name;
        const auto result = run_kizuna({"--db", db, "export", "--format", format, "-o", path.string()});
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        return text_of_file(path);
    }
};

}  // namespace

TEST_CASE("a merge undone gives back both entities and every relation exactly", "[cli][dedupe]") {
    Database data;
    const std::string before = data.exported("before.jsonl");
    const auto merged = run_kizuna({"--db", data.db, "merge", "vn-moh", "bo-y-te"});
    INFO(merged.err);
    REQUIRE(merged.exit_code == 0);
    const std::string after = data.exported("after.jsonl");
    CHECK(after != before);
    CHECK(after.find("\"id\":\"bo-y-te\"") == std::string::npos);  // the entity is gone...
    CHECK(after.find("{\"redirect\":{\"from\":\"bo-y-te\",\"to\":\"vn-moh\"}}") != std::string::npos);
    // Folded into the 2024 MOU, and removed (it tied the two): kept only as relation redirects.
    CHECK(after.find("\"id\":\"kanagawa-bo-y-te\"") == std::string::npos);
    CHECK(after.find("\"id\":\"bo-y-te-part-of-vn-moh\"") == std::string::npos);
    CHECK(after.find("{\"relation_redirect\":{\"from\":\"kanagawa-bo-y-te\",\"to\":\"kanagawa-vn-moh-mou-"
                     "2024\"}}") != std::string::npos);
    // The merge is the last change: undone as one.
    const auto log = run_kizuna({"--db", data.db, "log", "--format", "csv"});
    const auto undone = run_kizuna({"--db", data.db, "undo", "3"});
    INFO(log.out << undone.err);
    REQUIRE(undone.exit_code == 0);
    CHECK(data.exported("undone.jsonl") == before);
    // And redone by undoing the undo.
    REQUIRE(run_kizuna({"--db", data.db, "undo", "4"}).exit_code == 0);
    CHECK(data.exported("redone.jsonl") == after);
}

TEST_CASE("redirects and judgements travel through JSON Lines and GraphML exports", "[cli][dedupe]") {
    Database data;
    REQUIRE(run_kizuna({"--db", data.db, "merge", "vn-moh", "bo-y-te"}).exit_code == 0);
    REQUIRE(run_kizuna({"--db", data.db, "not-duplicates", "vn-moh", "mhlw"}).exit_code == 0);
    for (const std::string format : {"jsonl", "graphml"}) {
        const std::string file = "all." + format;
        const std::string exported = data.exported(file, format);
        const std::string copy = (data.dir / ("copy-" + format + ".db")).string();
        REQUIRE(run_kizuna({"--db", copy, "init"}).exit_code == 0);
        const auto imported = run_kizuna({"--db", copy, "import", (data.dir / file).string()});
        INFO(format << ": " << imported.err);
        REQUIRE(imported.exit_code == 0);
        CHECK(run_kizuna({"--db", copy, "export", "--format", format, "-o",
                          (data.dir / ("again." + format)).string()})
                  .exit_code == 0);
        CHECK(text_of_file(data.dir / ("again." + format)) == exported);
        // The judgement holds in the copy: the pair is not proposed; the redirect names vn-moh.
        const auto shown = run_kizuna({"--db", copy, "--format", "json", "show", "bo-y-te"});
        CHECK(shown.exit_code == 0);
        CHECK(shown.out.find("\"vn-moh\"") != std::string::npos);
    }
}
