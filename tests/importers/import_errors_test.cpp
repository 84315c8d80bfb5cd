// Every kind of bad input: the message names file:line, the exit code is 3 and the database is untouched.
#include <catch2/catch.hpp>

#include "cli_runner.h"
#include "kizuna/core/errors.h"
#include "kizuna/importers/import.h"
#include "relation_files.h"
#include "temp_dir.h"

using namespace kizuna;
using test::many_relations;
using test::run_kizuna;

namespace {

struct BadInput {
    const char* name;
    const char* file;
    std::string content;
    const char* expected;  // the whole first line of the report
};

const std::vector<BadInput>& bad_inputs() {
    static const std::vector<BadInput> kCases = {
        {"unknown column", "entities.csv", "id,kind,name_en,colour\nx,company,X,red\n",
         "entities.csv:1: unknown column 'colour' (known: id, kind, name_en, name_ja, name_vi, aliases, "
         "country, "
         "attributes, sources)"},
        {"missing required column", "relations.csv", "id,type,from\nr1,mou,vn-moh\n",
         "relations.csv:1: missing column 'to'"},
        {"missing id", "entities.csv", "id,kind,name_en\n,company,X\n",
         "entities.csv:2: bad entity id '': use lower-case letters, digits and '-', e.g. vn-moh"},
        {"duplicate id within a file", "entities.csv",
         "id,kind,name_en\nnew-a,company,A\nnew-b,company,B\nnew-a,company,A2\n",
         "entities.csv:4: duplicate entity id 'new-a' (first at entities.csv:2)"},
        {"relation to a missing entity", "relations.csv", "id,type,from,to\nr-new,mou,vn-moh,nobody\n",
         "relations.csv:2: relation r-new: unknown entity 'nobody'"},
        {"bad date", "relations.csv", "id,type,from,to,start\nr-new,mou,vn-moh,kanagawa,2024-13-40\n",
         "relations.csv:2: bad date '2024-13-40': month must be 01 to 12"},
        {"end before start", "relations.csv",
         "id,type,from,to,start,end\nr-new,mou,vn-moh,kanagawa,2024,2020\n",
         "relations.csv:2: relation r-new: end 2020 is before start 2024"},
        {"unknown type", "relations.csv", "id,type,from,to\nr-new,friendship,vn-moh,kanagawa\n",
         "relations.csv:2: relation r-new: unknown type 'friendship'"},
        // Valid neither as UTF-8 nor as CP932: the likely encoding and the line are named.
        {"invalid UTF-8", "entities.csv", "id,kind,name_en\nnew-a,company,\xff\xfe\n",
         "entities.csv:2: not valid text in any supported encoding: most likely UTF-8"},
        {"NUL byte", "entities.csv", std::string("id,kind,name_en\nnew-a,company,A\0B\n", 33),
         "entities.csv:2: name_en is not valid UTF-8 text (invalid bytes, NUL or control characters)"},
        {"over-long field", "entities.csv",
         "id,kind,name_en\nnew-a,company," + std::string(20000, 'x') + "\n",
         "entities.csv:2: name_en is too long (20000 bytes, at most 16384)"},
        {"truncated CSV", "entities.csv", "id,kind,name_en\nnew-a,company,\"unterminated\nnew-b,company,B\n",
         "entities.csv:2: quoted field never closed before the end of the file (is the file truncated?)"},
        {"wrong field count", "entities.csv", "id,kind,name_en\nnew-a,company,A,extra\n",
         "entities.csv:2: expected 3 fields, found 4"},
        {"truncated JSON Lines", "data.jsonl",
         "{\"entity\":{\"id\":\"new-a\",\"kind\":\"company\",\"names\":{\"en\":\"A\"}}}\n{\"entity\":{\"id\":"
         "\"new-b\"",
         "data.jsonl:2: not valid JSON at column 24 (is the file truncated?): syntax error while parsing "
         "object - "
         "unexpected end of input; expected '}'"},
        {"truncated GraphML", "data.graphml",
         "<?xml version=\"1.0\"?>\n<graphml><graph><node id=\"a\"><data key=\"x\">",
         "data.graphml:2: malformed XML"},
        {"GraphML entity expansion", "bomb.graphml",
         "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
         "\"&a;&a;&a;&a;&a;\">]>\n"
         "<graphml><graph edgedefault=\"directed\"><node id=\"x\"><data "
         "key=\"name_en\">&b;</data></node></graph></graphml>\n",
         "bomb.graphml:2: DOCTYPE declarations are not accepted in GraphML (entity expansion risk)"},
    };
    return kCases;
}

}  // namespace

TEST_CASE("bad input is reported as file:line, exits 3 and leaves the database untouched",
          "[importers][errors][cli]") {
    test::TempDir dir;
    const auto db = (dir / "k.db").string();
    REQUIRE(run_kizuna({"--db", db, "init"}).exit_code == 0);
    REQUIRE(run_kizuna({"--db", db, "import", test::dataset_dir().string()}).exit_code == 0);
    const std::string before = test::database_dump(db);
    for (const auto& bad : bad_inputs()) {
        DYNAMIC_SECTION(bad.name) {
            test::write_file(dir / bad.file, bad.content);
            for (bool dry_run : {false, true}) {
                std::vector<std::string> args = {"--db", db, "import", bad.file};
                if (dry_run) args.push_back("--dry-run");
                const auto result = run_kizuna(args, dir.path());
                CHECK(result.exit_code == 3);
                CHECK_THAT(result.err, Catch::StartsWith(bad.expected));
                CHECK_THAT(result.err, Catch::Contains("nothing was written"));
                CHECK(result.out.empty());
            }
            CHECK(test::database_dump(db) == before);
        }
    }
}

TEST_CASE("one bad row anywhere means no row is written", "[importers][errors]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_file(dir / "entities.csv", "id,kind,name_en\ngood-a,company,A\ngood-b,company,B\n");
    test::write_file(dir / "relations.csv",
                     "id,type,from,to,start\nr1,mou,good-a,good-b,2024\nr2,mou,good-a,good-b,20x4\n");
    CHECK_THROWS_AS(import_files(store, {dir / "entities.csv", dir / "relations.csv"}), ImportError);
    CHECK(store.entity_count() == 0);
    CHECK(store.relation_count() == 0);
}

TEST_CASE("the problem report is bounded and counts the rest", "[importers][errors]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    std::string rows = "id,kind,name_en\n";
    for (int i = 0; i < 100; ++i) rows += "Bad_" + std::to_string(i) + ",company,X\n";
    test::write_file(dir / "entities.csv", rows);
    try {
        (void)import_files(store, {dir / "entities.csv"});
        FAIL("expected an ImportError");
    } catch (const ImportError& e) {
        CHECK(e.problems().size() == kMaxReportedProblems);
        CHECK(e.total() == 100);
        CHECK_THAT(e.problems().front(),
                   Catch::StartsWith((dir / "entities.csv").string() + ":2: bad entity id 'Bad_0'"));
    }
    const auto result = run_kizuna({"--db", (dir / "k.db").string(), "import", "entities.csv"}, dir.path());
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::Contains("100 problems (first 20 shown); nothing was written"));
}

TEST_CASE("import needs an existing database and readable files", "[importers][errors][cli]") {
    test::TempDir dir;
    auto result = run_kizuna({"--db", (dir / "none.db").string(), "import", "x.csv"}, dir.path());
    CHECK(result.exit_code == 4);
    CHECK_THAT(result.err, Catch::Contains("no database here"));
    REQUIRE(run_kizuna({"--db", "k.db", "init"}, dir.path()).exit_code == 0);
    result = run_kizuna({"--db", "k.db", "import", "missing.csv"}, dir.path());
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::StartsWith("missing.csv"));
    test::write_file(dir / "notes.txt", "hello");
    result = run_kizuna({"--db", "k.db", "import", "notes.txt"}, dir.path());
    CHECK(result.exit_code == 3);
}

TEST_CASE("large relation files are read while they are written, and still all or nothing",
          "[importers][errors][stream]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_file(dir / "entities.csv", "id,kind,name_en\nent-a,company,A\nent-b,company,B\n");
    const std::string db_before = test::database_dump(dir / "k.db");
    auto import_report = [&](const std::vector<std::filesystem::path>& files) -> std::vector<std::string> {
        try {
            (void)import_files(store, files);
        } catch (const ImportError& e) {
            return e.problems();
        }
        return {};
    };

    SECTION("a bad row after the first chunks have been written rolls everything back") {
        test::write_file(dir / "relations.csv", many_relations(70000, 65000, "r65000,mou,ent-a,nobody,2020"));
        const auto problems = import_report({dir / "entities.csv", dir / "relations.csv"});
        REQUIRE(problems.size() == 1);
        CHECK(problems[0] ==
              (dir / "relations.csv").string() + ":65002: relation r65000: unknown entity 'nobody'");
        CHECK(test::database_dump(dir / "k.db") == db_before);
    }
    SECTION("a file that breaks at its end writes nothing") {
        test::write_file(dir / "relations.csv", many_relations(70000) + "r-last,mou,ent-a,\"ent-b\n");
        const auto problems = import_report({dir / "entities.csv", dir / "relations.csv"});
        REQUIRE_FALSE(problems.empty());
        CHECK(problems[0] == (dir / "relations.csv").string() +
                                 ":70002: quoted field never closed before the end of the file (is the file "
                                 "truncated?)");
        CHECK(test::database_dump(dir / "k.db") == db_before);
    }
    SECTION("a repeated id far apart, and one repeated in another format, are duplicates") {
        test::write_file(dir / "relations.csv", many_relations(50000, 45000, "r7,mou,ent-a,ent-b,2021"));
        test::write_file(dir / "more.jsonl",
                         R"({"relation":{"id":"r9","type":"mou","from":"ent-b","to":"ent-a","start":"2022"}})"
                         "\n");
        const auto problems =
            import_report({dir / "entities.csv", dir / "relations.csv", dir / "more.jsonl"});
        REQUIRE(problems.size() == 2);
        CHECK(problems[0] == (dir / "relations.csv").string() +
                                 ":45002: duplicate relation id 'r7' (first at " +
                                 (dir / "relations.csv").string() + ":9)");
        CHECK(problems[1] == (dir / "more.jsonl").string() + ":1: duplicate relation id 'r9' (first at " +
                                 (dir / "relations.csv").string() + ":11)");
        CHECK(test::database_dump(dir / "k.db") == db_before);
    }
    SECTION("relations read long before the entities are written all arrive") {
        // Writing 30,000 entities takes far longer than reading three relations: the stream has read
        // them all before it learns which entities exist, and must still check and hand them over.
        std::string entities = "id,kind,name_en\nent-a,company,A\nent-b,company,B\n";
        for (int i = 0; i < 30000; ++i)
            entities += "ent-" + std::to_string(i) + ",company,E" + std::to_string(i) + "\n";
        test::write_file(dir / "entities.csv", entities);
        test::write_file(dir / "relations.csv",
                         "id,type,from,to\nr1,mou,ent-a,ent-b\nr2,mou,ent-b,ent-7\n"
                         "r3,partnership,ent-29999,ent-a\n");
        CHECK(import_report({dir / "entities.csv", dir / "relations.csv"}).empty());
        CHECK(store.entity_count() == 30002);
        CHECK(store.relation_count() == 3);
        CHECK(store.relation("r3")->from == "ent-29999");
        // So many entities go in with their name indexes built once at the end: names resolve.
        CHECK(store.resolve("E29999").id == "ent-29999");
        CHECK(store.resolve("e1234").id == "ent-1234");
    }
    SECTION("relations may come before the entities they name") {
        test::write_file(dir / "relations.csv", many_relations(60000));
        CHECK(import_report({dir / "relations.csv", dir / "entities.csv"}).empty());
        CHECK(store.relation_count() == 60000);
        CHECK(store.relation("r59999")->to == "ent-b");
        // Imported again: nothing changes.
        const auto again = import_files(store, {dir / "relations.csv", dir / "entities.csv"});
        CHECK(again.relations_read == 60000);
        CHECK(again.changed.total() == 0);
    }
}

TEST_CASE("a type or id spelt as a spreadsheet would gets a suggestion", "[importers][errors]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_file(dir / "entities.csv", "id,kind,name_en\nacme,company,Acme\nbeta-corp,company,Beta\n");
    test::write_file(
        dir / "relations.csv",
        "id,type,from,to\nr1,MOU,acme,beta-corp\nr2,Joint Venture,acme,beta-corp\nr3,mou,Acme,beta-corp\n"
        "r4,mou,acme,Beta Corp\nr5,friendship,acme,beta-corp\nr6,mou,acme,gamma\n");
    try {
        (void)import_files(store, {dir / "entities.csv", dir / "relations.csv"});
        FAIL("expected an ImportError");
    } catch (const ImportError& e) {
        const std::string file = (dir / "relations.csv").string();
        REQUIRE(e.problems().size() == 6);
        CHECK(e.problems()[0] == file + ":2: relation r1: unknown type 'MOU' (did you mean 'mou'?)");
        CHECK(e.problems()[1] ==
              file + ":3: relation r2: unknown type 'Joint Venture' (did you mean 'joint_venture'?)");
        CHECK(e.problems()[2] == file + ":4: relation r3: unknown entity 'Acme' (did you mean 'acme'?)");
        CHECK(e.problems()[3] ==
              file + ":5: relation r4: unknown entity 'Beta Corp' (did you mean 'beta-corp'?)");
        // No near miss: the types there are, and where a new one goes.
        CHECK_THAT(e.problems()[4],
                   Catch::Contains("unknown type 'friendship' (the types are acquisition, ") &&
                       Catch::EndsWith("; a new one goes in relation_types.csv)"));
        CHECK(e.problems()[5] == file + ":7: relation r6: unknown entity 'gamma'");
    }
    CHECK(store.relation_count() == 0);
}
