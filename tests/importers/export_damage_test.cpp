// A damaged database exports nothing: one byte of a stored value overwritten (as bit rot or a bad copy
// would) makes `kizuna export` in every format refuse with exit 4 naming the table and row, and leave no
// file, whole or half, where it would have written.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "kizuna/core/store.h"
#include "kizuna/importers/import.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

struct Damaged {
    test::TempDir dir;
    std::filesystem::path db = dir / "k.db";
    std::filesystem::path out = dir / "out";  // only the export writes here
    Damaged() {
        {
            Store store = Store::open(db, Store::Mode::Create);
            (void)import_files(store, {test::dataset_dir()});
        }
        std::filesystem::create_directory(out);
    }
    // Overwrites the byte at `at` of a stored text column with 0xB7, outside Kizuna (no checks).
    void damage(const std::string& table, const std::string& column, const std::string& id,
                std::size_t at) const {
        SQLite::Database sql(db.string(), SQLite::OPEN_READWRITE);
        SQLite::Statement read(sql, "SELECT " + column + " FROM " + table + " WHERE id = ?");
        read.bind(1, id);
        REQUIRE(read.executeStep());
        std::string value = read.getColumn(0).getString();
        REQUIRE(value.size() > at);
        value[at] = '\xB7';
        SQLite::Statement write(sql, "UPDATE " + table + " SET " + column + " = ? WHERE id = ?");
        write.bind(1, value);  // bound as text, bytes as they are
        write.bind(2, id);
        REQUIRE(write.exec() == 1);
    }
    [[nodiscard]] test::CliResult export_as(const std::string& format, const std::string& name) const {
        return test::run_kizuna(
            {"--db", db.string(), "export", "--format", format, "-o", (out / name).string()});
    }
    [[nodiscard]] std::vector<std::string> written() const {
        std::vector<std::string> names;
        for (const auto& item : std::filesystem::directory_iterator(out))
            names.push_back(item.path().filename().string());
        return names;
    }
};

const std::vector<std::pair<std::string, std::string>> kFormats = {
    {"jsonl", "k.jsonl"}, {"csv", "k"}, {"graphml", "k.graphml"}, {"xlsx", "k.xlsx"}};

}  // namespace

TEST_CASE("a stored name with one byte damaged: every export format refuses with exit 4 and writes nothing",
          "[export]") {
    Damaged data;
    data.damage("entities", "name_en", "vn-moh", 1);  // "M\xB7nistry of Health of Vietnam"
    for (const auto& [format, name] : kFormats) {
        INFO(format);
        const auto result = data.export_as(format, name);
        CHECK(result.exit_code == 4);
        CHECK_THAT(result.err,
                   Catch::Contains("database problem: the stored entity 'vn-moh' (table entities) "
                                   "is damaged: name_en is not valid UTF-8 text"));
        CHECK_THAT(result.err, Catch::Contains("nothing was exported"));
        CHECK(result.out.empty());
        CHECK(data.written().empty());  // no file, no temporary file, no CSV folder
    }
}

TEST_CASE("a damaged export leaves an earlier export at the same path as it was", "[export]") {
    Damaged data;
    for (const auto& [format, name] : kFormats) REQUIRE(data.export_as(format, name).exit_code == 0);
    const std::string before = test::read_file(data.out / "k.jsonl");
    const std::string before_csv = test::read_file(data.out / "k" / "entities.csv");
    const auto names = data.written();
    data.damage("entities", "name_ja", "vn-moh", 0);
    for (const auto& [format, name] : kFormats) {
        INFO(format);
        CHECK(data.export_as(format, name).exit_code == 4);
    }
    CHECK(data.written() == names);
    CHECK(test::read_file(data.out / "k.jsonl") == before);
    CHECK(test::read_file(data.out / "k" / "entities.csv") == before_csv);
    CHECK(std::distance(std::filesystem::directory_iterator(data.out / "k"),
                        std::filesystem::directory_iterator()) == 4);
}

TEST_CASE("a damaged relation type id is refused, naming its row, not written as a type no command knows",
          "[export]") {
    Damaged data;
    data.damage("relation_types", "id", "partnership", 0);  // "\xB7artnership"; its relations name it whole
    for (const auto& [format, name] : kFormats) {
        INFO(format);
        const auto result = data.export_as(format, name);
        CHECK(result.exit_code == 4);
        CHECK_THAT(result.err,
                   Catch::Contains("the stored relation type '\\xB7artnership' (table relation_types)"));
        CHECK(data.written().empty());
    }
}

TEST_CASE("a relation whose end is gone from the table is not silently left out of an export", "[export]") {
    Damaged data;
    {
        SQLite::Database sql(data.db.string(), SQLite::OPEN_READWRITE);
        sql.exec("UPDATE relations SET dst = 999999 WHERE id = (SELECT min(id) FROM relations)");
    }
    const auto result = data.export_as("jsonl", "k.jsonl");
    CHECK(result.exit_code == 4);
    CHECK_THAT(result.err, Catch::Contains("the table relations holds 38 rows but only 37 of them"));
    CHECK(data.written().empty());
}
