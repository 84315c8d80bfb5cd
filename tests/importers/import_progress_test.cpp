// Progress of an import: rows written and the share done, rising to exactly 1 when every row is written.
#include <catch2/catch.hpp>

#include "kizuna/importers/import.h"
#include "relation_files.h"
#include "temp_dir.h"

using namespace kizuna;

TEST_CASE("import progress counts every row and its share rises to 1", "[importers][progress]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    std::string entities = "id,kind,name_en\nent-a,company,A\nent-b,company,B\n";
    for (int i = 0; i < 20000; ++i)
        entities += "ent-" + std::to_string(i) + ",company,E" + std::to_string(i) + "\n";
    test::write_file(dir / "entities.csv", entities);
    // Streamed in chunks: its share is counted by the bytes of it written.
    test::write_file(dir / "relations.csv", test::many_relations(90000));
    std::vector<ImportProgress> seen;
    ImportOptions options;
    options.progress = [&seen](const ImportProgress& progress) { seen.push_back(progress); };

    SECTION("a real import") {
        const auto report = import_files(store, {dir / "entities.csv", dir / "relations.csv"}, options);
        REQUIRE(report.relations_read == 90000);
        const std::size_t rows = 20002 + 90000;
        // Every 10,000 rows, then once at the end.
        REQUIRE(seen.size() == rows / 10000 + 1);
        for (std::size_t i = 0; i + 1 < seen.size(); ++i) {
            INFO(i);
            CHECK(seen[i].written == (i + 1) * 10000);
            CHECK_FALSE(seen[i].finished);
            CHECK(seen[i].fraction > 0);
            CHECK(seen[i].fraction < 1);
            if (i > 0) CHECK(seen[i].fraction >= seen[i - 1].fraction);
            // The streamed file's rows are estimated from its size and its first lines' length: close.
            CHECK(seen[i].fraction == Approx(double(seen[i].written) / double(rows)).margin(0.03));
        }
        CHECK(seen.back().finished);
        CHECK(seen.back().written == rows);
        CHECK(seen.back().fraction == 1.0);
    }
    SECTION("a dry run writes nothing and reports no progress") {
        options.dry_run = true;
        const auto report = import_files(store, {dir / "entities.csv", dir / "relations.csv"}, options);
        CHECK(report.relations_read == 90000);
        CHECK(seen.empty());
        CHECK(store.entity_count() == 0);
    }
}
