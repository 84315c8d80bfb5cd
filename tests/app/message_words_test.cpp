// The refusals of the forms, of undo and of merge in Japanese and Vietnamese (message_words.h): made by the
// real code on real records, then translated; English stays as the layers below word it.
#include "kizuna/app/message_words.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "kizuna/app/history_requests.h"
#include "kizuna/app/session.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/partial_date.h"
#include "kizuna/core/validation.h"
#include "kizuna/importers/import.h"
#include "temp_dir.h"

namespace app = kizuna::app;
using app::message_in;
using app::message_known;

namespace {

struct CuratedForWords {
    kizuna::test::TempDir dir;
    std::filesystem::path db = dir / "k.db";
    CuratedForWords() {
        kizuna::Store store = kizuna::Store::open(db, kizuna::Store::Mode::Create);
        (void)kizuna::import_files(store, {kizuna::test::dataset_dir()});
    }
};

// The error a request ends in.
template <typename Request>
app::AppError refusal(app::Session& session, const Request& request) {
    try {
        (void)session.answer(request);
    } catch (const app::AppError& e) {
        return e;
    }
    FAIL("no error");
    throw std::logic_error("unreachable");
}

// The one problem of a refused record.
std::string problem_of(app::Session& session, const std::string& kind, const std::string& json) {
    const auto e = refusal(session, app::RecordRequest{kind, json, "add", ""});
    REQUIRE(e.problems.size() == 1);
    return e.problems.front();
}

std::string relation_json(const std::string& to, const std::string& dates, const std::string& sources) {
    return R"({"id": "r-test", "type": "mou", "from": "vn-moh", "to": ")" + to + "\"" + dates +
           R"(, "sources": )" + sources + "}";
}

// A message both languages translate, each differently from English and from the other.
void check_translated(const std::string& english) {
    INFO(english);
    CHECK(message_known(english));
    const std::string ja = message_in(english, "ja");
    const std::string vi = message_in(english, "vi");
    CHECK(ja != english);
    CHECK(vi != english);
    CHECK(ja != vi);
    CHECK(message_in(english, "en") == english);
}

}  // namespace

TEST_CASE(
    "GIVEN refused records, undos and merges WHEN worded in ja and vi THEN each is translated, "
    "its place and values kept",
    "[app][words]") {
    const CuratedForWords data;
    app::Session session(data.db);
    const std::string source = R"([{"title": "MOU text"}])";

    SECTION("a bad date") {
        const auto problem =
            problem_of(session, "relation", relation_json("mhlw", R"(, "start": "2024-13")", source));
        CHECK(problem == "relation:1: bad date '2024-13': month must be 01 to 12");
        CHECK(message_in(problem, "ja") == "relation:1: 日付 '2024-13' が正しくありません：月は01〜12です");
        CHECK(message_in(problem, "vi") ==
              "relation:1: ngày '2024-13' không hợp lệ: tháng phải từ 01 đến 12");
        const auto day =
            problem_of(session, "relation", relation_json("mhlw", R"(, "start": "2023-02-29")", source));
        CHECK_THAT(message_in(day, "ja"), Catch::EndsWith("2023-02に29日はありません"));
        CHECK_THAT(message_in(day, "vi"), Catch::EndsWith("tháng 2023-02 không có ngày 29"));
    }
    SECTION("an end before the start") {
        const auto problem = problem_of(session, "relation",
                                        relation_json("mhlw", R"(, "start": "2024", "end": "2020")", source));
        check_translated(problem);
        CHECK_THAT(message_in(problem, "ja"),
                   Catch::Contains("関係 r-test：終了 2020 が開始 2024 より前です"));
        CHECK_THAT(message_in(problem, "vi"),
                   Catch::Contains("quan hệ r-test: ngày kết thúc 2020 trước ngày bắt đầu 2024"));
    }
    SECTION("an unknown entity") {
        const auto problem = problem_of(session, "relation", relation_json("nobody", "", source));
        check_translated(problem);
        CHECK_THAT(message_in(problem, "ja"), Catch::EndsWith("関係 r-test：組織 'nobody' はありません"));
        CHECK_THAT(message_in(problem, "vi"), Catch::EndsWith("quan hệ r-test: không có tổ chức 'nobody'"));
    }
    SECTION("a source without its title") {
        const auto problem =
            problem_of(session, "relation", relation_json("mhlw", "", R"([{"url": "https://x.org"}])"));
        check_translated(problem);
        CHECK_THAT(message_in(problem, "ja"), Catch::StartsWith("relation:1: "));
    }
    SECTION("hand writes: an add of a taken id, a stale edit, a record without sources") {
        const auto taken =
            refusal(session, app::RecordRequest{"entity",
                                                R"({"id": "mhlw", "kind": "ministry", "names": {"en": "M"},
                                                                   "sources": [{"title": "a"}]})",
                                                "add", ""});
        check_translated(taken.message({}));
        const auto opened = R"({"id": "mhlw", "kind": "ministry", "names": {"en": "Not what is stored"}})";
        const auto stale =
            refusal(session, app::RecordRequest{"entity",
                                                R"({"id": "mhlw", "kind": "ministry", "names": {"en": "M"},
                                                                   "sources": [{"title": "a"}]})",
                                                "edit", opened});
        check_translated(stale.message({}));
        const auto none = problem_of(session, "relation", relation_json("mhlw", "", "[]"));
        check_translated(none);
    }
    SECTION("the summary of the problems") {
        const auto e =
            refusal(session, app::RecordRequest{"relation", relation_json("nobody", "", source), "add", ""});
        check_translated(e.message({}));
        CHECK(message_in(e.message({}), "ja") == "問題が1件あります。何も書き込んでいません");
    }
    SECTION("an undo refused: a later change touched the rows, or rows written later refer to them") {
        (void)session.answer(app::RecordRequest{
            "entity",
            R"({"id": "newco", "kind": "company", "names": {"en": "Newco"}, "sources": [{"title": "a"}]})",
            "add", ""});
        const auto added = session.answer(app::LogRequest{}).changes.back().seq;
        (void)session.answer(app::RecordRequest{
            "entity",
            R"({"id": "newco", "kind": "company", "names": {"en": "Newco KK"}, "sources": [{"title": "a"}]})",
            "edit", ""});
        app::UndoRequest undo;
        undo.change = std::to_string(added);
        const std::string later = refusal(session, undo).message({});
        CHECK_THAT(later, Catch::Contains("cannot be undone: later change"));
        check_translated(later);
        CHECK_THAT(message_in(later, "ja"),
                   Catch::StartsWith("変更 #" + std::to_string(added) + " は取り消せません"));
        CHECK_THAT(message_in(later, "vi"), Catch::StartsWith("không thể hoàn tác thay đổi #"));

        (void)session.answer(app::RecordRequest{
            "entity",
            R"({"id": "otherco", "kind": "company", "names": {"en": "Otherco"}, "sources": [{"title": "a"}]})",
            "add", ""});
        const auto other = session.answer(app::LogRequest{}).changes.back().seq;
        (void)session.answer(app::RecordRequest{
            "relation",
            R"({"id": "otherco-mou", "type": "mou", "from": "otherco", "to": "mhlw", "sources": [{"title": "a"}]})",
            "add", ""});
        undo.change = std::to_string(other);
        const std::string refers = refusal(session, undo).message({});
        INFO(refers);
        check_translated(refers);
        CHECK_THAT(message_in(refers, "ja"), Catch::Contains("取り消せません"));
        undo.change = "9999";
        check_translated(refusal(session, undo).message({}));
    }
    SECTION("the command line words its refusal in --lang") {
        const auto result =
            kizuna::test::run_kizuna({"--db", data.db.string(), "--lang", "ja", "undo", "9999"});
        CHECK(result.exit_code == 2);
        CHECK_THAT(result.err, Catch::StartsWith("kizuna: 変更 #9999 はありません（変更の番号は1〜"));
        const auto english =
            kizuna::test::run_kizuna({"--db", data.db.string(), "--lang", "en", "undo", "9999"});
        CHECK_THAT(english.err,
                   Catch::StartsWith("kizuna: change 9999 does not exist (the changes are numbered 1 to"));
    }
}

TEST_CASE(
    "GIVEN every message the date rule and validation give a form WHEN asked in ja and vi THEN each "
    "has its translation",
    "[app][words]") {
    std::vector<std::string> messages;
    const auto collect = [&messages](auto&& work) {
        try {
            work();
            FAIL("no error");
        } catch (const kizuna::InvalidDataError& e) {
            messages.emplace_back(e.what());
        }
    };
    for (const char* date :
         {"2024-13", "2024-00", "2023-02-29", "2024-04-31", "0000", "24", "2024/01", "2024-1"})
        collect([date] { (void)kizuna::PartialDate::parse_or_throw(date); });
    const auto good_entity = [] {
        kizuna::Entity entity;
        entity.id = "newco";
        entity.kind = "company";
        entity.names.en = "Newco";
        return entity;
    };
    const auto entity_with = [&](auto&& change) {
        kizuna::Entity entity = good_entity();
        change(entity);
        collect([&entity] { kizuna::validate_entity(entity); });
    };
    entity_with([](kizuna::Entity& e) { e.id = "New Co"; });
    entity_with([](kizuna::Entity& e) { e.kind = "Big Company"; });
    entity_with([](kizuna::Entity& e) { e.names.en.clear(); });
    entity_with([](kizuna::Entity& e) { e.aliases = {""}; });
    entity_with([](kizuna::Entity& e) { e.country = "Japan"; });
    entity_with([](kizuna::Entity& e) { e.names.ja = std::string("a\x01"); });
    entity_with([](kizuna::Entity& e) { e.names.vi = std::string(kizuna::kMaxFieldBytes + 1, 'a'); });
    entity_with([](kizuna::Entity& e) { e.sources = {{"", "https://x.org", ""}}; });
    entity_with([](kizuna::Entity& e) { e.sources = {{"t", "", std::string("p\x02")}}; });
    entity_with([](kizuna::Entity& e) { e.attributes = {{"", "x"}}; });
    entity_with([](kizuna::Entity& e) { e.attributes = {{"city", std::string("\x03")}}; });
    const auto relation_with = [&](auto&& change) {
        kizuna::Relation relation;
        relation.id = "r1";
        relation.type = "mou";
        relation.from = "a";
        relation.to = "b";
        change(relation);
        collect([&relation] {
            kizuna::validate_relation(
                relation, [](const std::string& type) { return type == "mou"; },
                [](const std::string& id) { return id == "a" || id == "b"; });
        });
    };
    relation_with([](kizuna::Relation& r) { r.id = "R 1"; });
    relation_with([](kizuna::Relation& r) { r.type = "friendship"; });
    relation_with([](kizuna::Relation& r) { r.from.clear(); });
    relation_with([](kizuna::Relation& r) { r.to.clear(); });
    relation_with([](kizuna::Relation& r) { r.to = "c"; });
    relation_with([](kizuna::Relation& r) { r.to = "a"; });
    relation_with([](kizuna::Relation& r) {
        r.start = kizuna::PartialDate::parse("2024-05");
        r.end = kizuna::PartialDate::parse("2024-04-30");
    });
    REQUIRE(messages.size() == 26);
    for (const auto& message : messages) check_translated(message);
}

TEST_CASE("GIVEN the reasons of duplicate candidates WHEN worded in ja and vi THEN they are translated",
          "[app][words]") {
    CHECK(app::reason_in("same name", "ja") == "同じ名称");
    CHECK(app::reason_in("same kind", "vi") == "cùng loại");
    CHECK(app::reason_in("same country", "ja") == "同じ国");
    CHECK(app::reason_in("2 shared neighbours", "vi") == "2 đối tác chung");
    CHECK(app::reason_in("same website", "ja") == "同じWebサイト");
    CHECK(app::reason_in("same name", "en") == "same name");
}
