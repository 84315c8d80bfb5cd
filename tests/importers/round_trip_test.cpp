// import(export(db)) == db in every format, on the dataset and on awkward generated strings; re-import
// changes nothing; a changed row updates in place.
#include <catch2/catch.hpp>

#include "generated_graph.h"
#include "kizuna/core/errors.h"
#include "kizuna/importers/export.h"
#include "kizuna/importers/import.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

// The dump without its generation line: two databases with the same content compare equal.
std::string content(const std::filesystem::path& db) {
    std::string dump = test::database_dump(db);
    return dump.substr(dump.find('\n') + 1);
}

std::filesystem::path export_and_reimport(const std::filesystem::path& db, ExportFormat format,
                                          const test::TempDir& dir, const std::string& name) {
    const auto exported = dir / ("export-" + name);
    {
        Store store = Store::open(db, Store::Mode::ReadOnly);
        export_database(store, format, exported);
    }
    const auto copy = dir / ("copy-" + name + ".db");
    Store store = Store::open(copy, Store::Mode::Create);
    (void)import_files(store, {exported});
    return copy;
}

// Text that breaks naive CSV, JSON, XML and alias/source/attribute cell syntax.
const std::vector<std::string>& awkward() {
    static const std::vector<std::string> kTexts = {
        "plain",
        "comma, inside",
        "quote \" inside",
        "\"fully quoted\"",
        "line one\nline two",
        "crlf\r\nline",
        "pipe | inside",
        "colon: looks like an attribute",
        " leading and trailing spaces ",
        "ベトナム保健省（ハノイ）",
        "Bộ Y tế — Cục Quản lý Khám, chữa bệnh",
        "emoji 🏥🤝🇻🇳",
        "<tag attr='x'>&amp; & < ></tag>",
        "back\\slash \\N \\G",
        "[\"looks\", \"like\", \"json\"]",
        "{\"a\": \"b\"}",
        "tab\there",
    };
    return kTexts;
}

void write_awkward(Store& store) {
    const auto& texts = awkward();
    (void)store.write([&](Store::Writer& w) {
        RelationType custom{"works_with",         "works \"with\", etc.", "協働 | 連携",     false,
                            "desc\nwith newline", "collaboration",        "làm việc \"với\""};
        w.put(custom);
        w.put(EntityKind{"community_group", texts[2], texts[9], texts[10], texts[4]});
        w.put(EntityKind{"ministry", "Ministry", "省", texts[3], ""});  // a built-in kind renamed
        for (std::size_t i = 0; i < texts.size(); ++i) {
            Entity e;
            e.id = "awkward-" + std::to_string(i);
            e.kind = i % 3 == 2 ? "community_group" : i % 2 ? "company" : "ministry";
            e.names = {texts[i], texts[(i + 1) % texts.size()], i % 3 ? texts[(i + 2) % texts.size()] : ""};
            e.aliases = {texts[(i + 3) % texts.size()], texts[(i + 4) % texts.size()]};
            e.country = i % 2 ? "JP" : "";
            e.attributes = {{"note", texts[(i + 5) % texts.size()]}, {"key with space", texts[i]}};
            e.sources = {Source{texts[i], i % 2 ? "https://example.org/?q=a,b&c=\"d\"" : "",
                                texts[(i + 6) % texts.size()]}};
            w.put(e);
        }
        for (std::size_t i = 0; i + 1 < texts.size(); ++i) {
            Relation r;
            r.id = "awkward-rel-" + std::to_string(i);
            r.type = i % 2 ? "works_with" : "acquisition";
            r.from = "awkward-" + std::to_string(i);
            r.to = "awkward-" + std::to_string(i + 1);
            if (i % 3 == 0) r.start = PartialDate::parse("2014");
            if (i % 3 == 1) r.start = PartialDate::parse("2014-03");
            if (i % 3 == 2) r.start = PartialDate::parse("2024-11-15");
            if (i % 4 == 0) r.end = PartialDate::parse("2030-01");
            r.attributes = {{"purpose", texts[i]}};
            r.sources = {Source{texts[(i + 7) % texts.size()], "", ""},
                         Source{"second", "http://x.test/", "p. 2"}};
            w.put(r);
        }
    });
}

const std::vector<std::pair<ExportFormat, std::string>> kFormats = {{ExportFormat::Csv, "csv"},
                                                                    {ExportFormat::Jsonl, "jsonl"},
                                                                    {ExportFormat::Graphml, "graphml"},
                                                                    {ExportFormat::Xlsx, "xlsx"}};

}  // namespace

TEST_CASE("the dataset round-trips through every export format", "[importers][round-trip]") {
    test::TempDir dir;
    const auto db = dir / "k.db";
    {
        Store store = Store::open(db, Store::Mode::Create);
        (void)import_files(store, {test::dataset_dir()});
    }
    for (const auto& [format, name] : kFormats) {
        DYNAMIC_SECTION(name) {
            const auto copy =
                export_and_reimport(db, format, dir, name + (format == ExportFormat::Csv ? "" : "." + name));
            CHECK(content(copy) == content(db));
        }
    }
}

TEST_CASE("awkward strings and a generated graph round-trip through every format",
          "[importers][round-trip]") {
    test::TempDir dir;
    const auto db = dir / "k.db";
    {
        Store store = Store::open(db, Store::Mode::Create);
        write_awkward(store);
        test::write_to_store(store, test::generate(200, 800, 3, test::Shape::PowerLaw));
    }
    for (const auto& [format, name] : kFormats) {
        DYNAMIC_SECTION(name) {
            const auto copy =
                export_and_reimport(db, format, dir, name + (format == ExportFormat::Csv ? "" : "." + name));
            CHECK(content(copy) == content(db));
            Store store = Store::open(copy, Store::Mode::ReadOnly);
            CHECK(store.entity("awkward-4")->names.en == "line one\nline two");
            CHECK(store.relation_type("works_with")->label_en == "works \"with\", etc.");
            CHECK(store.relation_type("works_with")->category == "collaboration");  // every format keeps it
            CHECK(store.relation_type("works_with")->label_vi == "làm việc \"với\"");
            CHECK(store.relation_type("mentions")->category == "evidence");
        }
    }
}

TEST_CASE("re-importing the same files changes nothing, and a changed row updates in place",
          "[importers][upsert]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    const auto first = import_files(store, {test::dataset_dir()});
    CHECK(first.changed.entities_changed == first.entities_read);
    const auto generation = store.generation();
    const std::string before = content(dir / "k.db");

    const auto again = import_files(store, {test::dataset_dir()});
    CHECK(again.changed.total() == 0);
    CHECK(store.generation() == generation);
    CHECK(content(dir / "k.db") == before);

    test::write_file(dir / "relations.csv",
                     "id,type,from,to,start,sources\n"
                     "kanagawa-vn-moh-mou-2024,mou,kanagawa,vn-moh,2024-11-15,Updated source | "
                     "https://example.org | p. 1\n");
    const auto changed = import_files(store, {dir / "relations.csv"});
    CHECK(changed.changed.relations_changed == 1);
    CHECK(changed.changed.entities_changed == 0);
    const auto mou = store.relation("kanagawa-vn-moh-mou-2024");
    REQUIRE(mou.has_value());
    CHECK(mou->sources == std::vector<Source>{Source{"Updated source", "https://example.org", "p. 1"}});
    CHECK(static_cast<std::size_t>(store.relation_count()) == first.relations_read);
}

TEST_CASE("JSON Lines may give a year as a number", "[importers][jsonl]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_file(
        dir / "d.jsonl",
        R"({"entity":{"id":"a","kind":"company","names":{"en":"A"}}})"
        "\n"
        R"({"entity":{"id":"b","kind":"company","names":{"en":"B"}}})"
        "\n"
        R"({"relation":{"id":"ab","type":"mou","from":"a","to":"b","start":2014,"end":"2019-03"}})"
        "\n");
    (void)import_files(store, {dir / "d.jsonl"});
    CHECK(store.relation("ab")->start == PartialDate::parse("2014"));
    CHECK(store.relation("ab")->end == PartialDate::parse("2019-03"));
    // Anything else that is not text is still refused, with the place.
    test::write_file(dir / "e.jsonl",
                     R"({"relation":{"id":"ac","type":"mou","from":"a","to":"b","start":2014.5}})"
                     "\n");
    CHECK_THROWS_WITH(import_files(store, {dir / "e.jsonl"}),
                      Catch::Contains("e.jsonl:1: field 'start' must be a string"));
    test::write_file(dir / "f.jsonl",
                     R"({"relation":{"id":"ad","type":"mou","from":"a","to":"b","start":20145}})"
                     "\n");
    CHECK_THROWS_AS(import_files(store, {dir / "f.jsonl"}), ImportError);
}

TEST_CASE("CSV files may carry a BOM, CRLF line ends and quoted fields", "[importers][csv]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    test::write_file(dir / "entities.csv",
                     "\xEF\xBB\xBFid,kind,name_en,name_ja,aliases\r\n"
                     "a-co,company,\"Alpha, Inc.\",\"アルファ\"\"社\"\"\",\"AC | Alpha\"\r\n"
                     "b-co,company,\"Beta\nTwo lines\",,\r\n");
    test::write_file(dir / "relations.csv", "id,type,from,to,start\r\nab,partnership,a-co,b-co,2013\r\n");
    (void)import_files(store, {dir / "entities.csv", dir / "relations.csv"});
    CHECK(store.entity("a-co")->names.en == "Alpha, Inc.");
    CHECK(store.entity("a-co")->names.ja == "アルファ\"社\"");
    CHECK(store.entity("a-co")->aliases == std::vector<std::string>{"AC", "Alpha"});
    CHECK(store.entity("b-co")->names.en == "Beta\nTwo lines");
    CHECK(store.relation("ab")->start == PartialDate::parse("2013"));
}

TEST_CASE("GraphML from other tools imports: labels, missing edge ids, extra data", "[importers][graphml]") {
    test::TempDir dir;
    Store store = Store::open(dir / "k.db", Store::Mode::Create);
    // As NetworkX writes it: keys with attr.name, a 'label' instead of name_en, edges without ids.
    test::write_file(dir / "nx.graphml", R"(<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="kind" attr.type="string"/>
  <key id="d1" for="node" attr.name="label" attr.type="string"/>
  <key id="d2" for="node" attr.name="website" attr.type="string"/>
  <key id="d3" for="edge" attr.name="type" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="asuka"><data key="d0">company</data><data key="d1">Asuka</data><data key="d2">https://example.org</data></node>
    <node id="ha-tay"><data key="d0">company</data><data key="d1">Ha Tay</data></node>
    <edge source="asuka" target="ha-tay"><data key="d3">acquisition</data></edge>
  </graph>
</graphml>
)");
    (void)import_files(store, {dir / "nx.graphml"});
    CHECK(store.entity("asuka")->names.en == "Asuka");
    CHECK(store.entity("asuka")->attributes.at("website") == "https://example.org");
    CHECK(store.relation("asuka-acquisition-ha-tay").has_value());
}

TEST_CASE("a bulk-sized import (indexes built once) round-trips and re-imports without change",
          "[importers][round-trip][bulk]") {
    test::TempDir dir;
    const auto db = dir / "k.db";
    {
        Store store = Store::open(db, Store::Mode::Create);
        write_awkward(store);
        test::write_to_store(store, test::generate(6000, 60000, 5, test::Shape::PowerLaw));
    }
    const auto copy = export_and_reimport(db, ExportFormat::Csv, dir, "bulk");  // 60,000 relations: bulk
    CHECK(content(copy) == content(db));
    Store store = Store::open(copy, Store::Mode::ReadWrite);
    CHECK(store.resolve("e005999").id == "e005999");
    const auto again = import_files(store, {dir / "export-bulk"});
    CHECK(again.relations_read == static_cast<std::size_t>(store.relation_count()));
    CHECK(again.relations_read > 60000);
    CHECK(again.changed.total() == 0);
    CHECK(content(copy) == content(db));
}
