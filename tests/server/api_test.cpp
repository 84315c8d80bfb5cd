// `kizuna serve` as a client meets it: the real binary on an ephemeral loopback port over the curated data,
// asked through cpp-httplib's client. Every read endpoint returns exactly the command line's JSON; errors
// carry the command line's message with the status its exit code maps to; writes need --allow-write and
// the token, land all or nothing, and readers during a write see the old data or the new, never half.
#include <SQLiteCpp/SQLiteCpp.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <thread>

#include "cli_runner.h"
#include "temp_dir.h"

using namespace kizuna;

namespace {

// A `kizuna serve` process: started with a database and options, stopped with SIGINT when destroyed.
class ServeProcess {
  public:
    ServeProcess(const std::filesystem::path& db, const std::vector<std::string>& options) {
        int out[2];
        REQUIRE(pipe(out) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            close(out[1]);
            std::vector<std::string> words = {KIZUNA_TEST_BINARY, "--db", db.string(), "serve",
                                              "--port",           "0"};
            words.insert(words.end(), options.begin(), options.end());
            std::vector<char*> argv;
            for (auto& word : words) argv.push_back(word.data());
            argv.push_back(nullptr);
            unsetenv("KIZUNA_LANG");
            unsetenv("LANG");
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(out[1]);
        // The first lines: the URL, then (with --allow-write) the token.
        const std::size_t lines =
            std::find(options.begin(), options.end(), "--allow-write") != options.end() ? 2 : 1;
        std::string text;
        char c = 0;
        std::size_t seen = 0;
        while (seen < lines && read(out[0], &c, 1) == 1) {
            text += c;
            if (c == '\n') ++seen;
        }
        out_ = out[0];
        std::smatch match;
        REQUIRE(std::regex_search(text, match, std::regex(R"(http://127\.0\.0\.1:(\d+)/)")));
        port_ = std::stoi(match[1]);
        if (std::regex_search(text, match, std::regex(R"(write token: ([0-9a-f]+))"))) token_ = match[1];
    }
    ~ServeProcess() { (void)stop(); }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    [[nodiscard]] httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(60, 0);
        return c;
    }
    [[nodiscard]] const std::string& token() const { return token_; }

    // SIGINT, as Ctrl-C: the exit status and what it printed after the start.
    std::pair<int, std::string> stop() {
        if (pid_ <= 0) return {0, ""};
        kill(pid_, SIGINT);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        std::string rest;
        char buffer[256];
        for (ssize_t n; (n = read(out_, buffer, sizeof buffer)) > 0;)
            rest.append(buffer, static_cast<std::size_t>(n));
        close(out_);
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, rest};
    }

  private:
    pid_t pid_ = -1;
    int out_ = -1;
    int port_ = 0;
    std::string token_;
};

std::filesystem::path curated_database(const test::TempDir& dir) {
    const auto db = dir / "k.db";
    REQUIRE(test::run_kizuna({"--db", db.string(), "init"}).exit_code == 0);
    REQUIRE(test::run_kizuna({"--db", db.string(), "import", "--quiet", test::dataset_dir().string()})
                .exit_code == 0);
    return db;
}

nlohmann::json cli_json(const std::filesystem::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.string(), "--format", "json"});
    const auto result = test::run_kizuna(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
}

nlohmann::json body_json(const httplib::Result& result) {
    REQUIRE(result);
    return nlohmann::json::parse(result->body);
}

std::size_t entity_count(httplib::Client& client) {
    const auto result = client.Get("/api/stats");
    REQUIRE(result);
    REQUIRE(result->status == 200);
    return nlohmann::json::parse(result->body)["entities"].get<std::size_t>();
}

}  // namespace

TEST_CASE("every read endpoint returns exactly the command line's JSON answer", "[server]") {
    test::TempDir dir;
    const auto db = curated_database(dir);
    ServeProcess serve(db, {});
    auto client = serve.client();
    const std::vector<std::pair<std::string, std::vector<std::string>>> same = {
        {"/api/search?q=%E4%BF%9D%E5%81%A5%E7%9C%81", {"search", "保健省"}},
        {"/api/show/vn-moh", {"show", "vn-moh"}},
        {"/api/show/kanagawa-vn-moh-mou-2024", {"show", "kanagawa-vn-moh-mou-2024"}},
        {"/api/partners/vn-moh?type=mou&as_of=2020",
         {"partners", "vn-moh", "--type", "mou", "--as-of", "2020"}},
        {"/api/partners/Bo%20Y%20te?incoming=1&lang=ja",
         {"--lang", "ja", "partners", "Bo Y te", "--incoming"}},
        {"/api/path?from=kanagawa&to=mhlw", {"path", "kanagawa", "mhlw"}},
        {"/api/path/kanagawa/Hau%20Giang?include_evidence=1&all=1",
         {"path", "kanagawa", "Hau Giang", "--include-evidence", "--all"}},
        {"/api/common?a=IUHW&b=Alfresa&include-evidence=true",
         {"common", "IUHW", "Alfresa", "--include-evidence"}},
        {"/api/ego/vn-moh?radius=2", {"ego", "vn-moh", "--radius", "2"}},
        {"/api/timeline?since=2014&until=2020", {"timeline", "--since", "2014", "--until", "2020"}},
        {"/api/timeline/vn-moh", {"timeline", "vn-moh"}},
        {"/api/stats", {"stats"}},
        {"/api/list?kind=company&country=JP", {"list", "--kind", "company", "--country", "JP"}},
        {"/api/list?relations=1&type=acquisition&country_from=JP&country_to=VN",
         {"list", "--relations", "--type", "acquisition", "--country-from", "JP", "--country-to", "VN"}},
        {"/api/"
         "query?query=MATCH%20(n%20%7Bid%3A%20%24id%7D)-%5Br%5D-(p)%20RETURN%20p.id%2C%20type(r)&param=id%"
         "3Dvn-moh",
         {"query", "MATCH (n {id: $id})-[r]-(p) RETURN p.id, type(r)", "--param", "id=vn-moh"}},
    };
    for (const auto& [url, args] : same) {
        INFO(url);
        const auto result = client.Get(url);
        REQUIRE(result);
        CHECK(result->status == 200);
        CHECK(result->get_header_value("Content-Type").rfind("application/json", 0) == 0);
        CHECK(nlohmann::json::parse(result->body) == cli_json(db, args));
    }
    SECTION("render returns the SVG of the same selection") {
        const auto result = client.Get("/api/render?ego=vn-moh&lang=ja");
        REQUIRE(result);
        CHECK(result->status == 200);
        CHECK(result->get_header_value("Content-Type").rfind("image/svg+xml", 0) == 0);
        CHECK(result->body.find("<svg") != std::string::npos);
        CHECK(result->body.find("ベトナム保健省") != std::string::npos);
    }
    SECTION("brief returns the sheet as one HTML page, its inline styles allowed and nothing else") {
        const auto result =
            client.Get("/api/brief/vn-moh?about=kanagawa&country=JP&as_of=2025-03-01&lang=ja");
        REQUIRE(result);
        CHECK(result->status == 200);
        CHECK(result->get_header_value("Content-Type").rfind("text/html", 0) == 0);
        CHECK(result->get_header_value("Content-Security-Policy").rfind("default-src 'none'; style-src", 0) ==
              0);
        CHECK(result->body.find("（１）どのような機関ですか？") != std::string::npos);
        CHECK(result->body.find("data-relation=\"kanagawa-vn-moh-mou-2024\"") != std::string::npos);
        const auto unknown = client.Get("/api/brief/nowhere");
        REQUIRE(unknown);
        CHECK(unknown->status == 400);
    }
    SECTION("every response forbids scripts from elsewhere, framing and sniffing") {
        const auto result = client.Get("/api/stats");
        REQUIRE(result);
        CHECK(result->get_header_value("Content-Security-Policy").rfind("default-src 'self'", 0) == 0);
        CHECK(result->get_header_value("X-Content-Type-Options") == "nosniff");
    }
}

TEST_CASE("errors carry the command line's message with the status its exit code maps to", "[server]") {
    test::TempDir dir;
    const auto db = curated_database(dir);
    ServeProcess serve(db, {});
    auto client = serve.client();
    struct Case {
        std::string url;
        int status;
        std::string says;
    };
    const std::vector<Case> cases = {
        {"/api/show/nosuch", 400, "unknown entity 'nosuch'"},
        {"/api/partners/Ministry", 400, "part of the names of several entities"},
        {"/api/partners/vn-moh?as_of=2024-02-30", 400, "2024-02-30"},
        {"/api/path?from=kanagawa", 400, "to"},
        {"/api/path?from=kanagawa&to=mhlw&bogus=1", 400, "has no parameter 'bogus'"},
        {"/api/search?q=x&output=%2Ftmp%2Fx", 400, "has no parameter 'output'"},
        {"/api/show/vn-moh?db=other.db", 400, "has no parameter 'db'"},
        {"/api/ego/vn-moh?directed=maybe", 400, "a flag is 1/true or 0/false"},
        {"/api/nothing", 404, "no endpoint /api/nothing"},
        {"/api/query?query=MATCH%20(n)%20RETURN%20m", 400,
         "line 1, column 18: SyntaxError: UndefinedVariable"},
        {"/api/query?query=CREATE%20(n%20%7Bid%3A%20%27x%27%7D)", 400,
         "cannot run through kizuna serve's reading API"},
        {"/api/query?query=RETURN%201&file=%2Fetc%2Fpasswd", 400, "has no parameter 'file'"},
    };
    for (const auto& c : cases) {
        INFO(c.url);
        const auto result = client.Get(c.url);
        REQUIRE(result);
        CHECK(result->status == c.status);
        const auto error = nlohmann::json::parse(result->body);
        CHECK_THAT(error["error"].get<std::string>(), Catch::Contains(c.says));
        CHECK(error["exit"] == 2);
    }
    SECTION("an ambiguous name lists its candidates") {
        const auto error = body_json(client.Get("/api/partners/Ministry"));
        CHECK_THAT(error["error"].get<std::string>(), Catch::Contains("vn-moh"));
        CHECK(error["kind"] == "ambiguous_entity");
        const auto candidates = error["candidates"].get<std::vector<std::string>>();
        CHECK(std::find(candidates.begin(), candidates.end(), "vn-moh") != candidates.end());
    }
    SECTION("each error says its kind; settings are named as the API names them") {
        CHECK(body_json(client.Get("/api/show/nosuch"))["kind"] == "unknown_entity");
        const auto date = body_json(client.Get("/api/partners/vn-moh?as_of=2024-02-30"));
        CHECK(date["kind"] == "usage");
        CHECK_THAT(date["error"].get<std::string>(), Catch::StartsWith("as_of: "));
        const auto rows =
            body_json(client.Get("/api/query?query=UNWIND%20range(1,100)%20AS%20x%20RETURN%20x&max_rows=10"));
        CHECK(rows["kind"] == "limit");
        CHECK(rows["limit"] == "max_rows");
        CHECK_THAT(rows["error"].get<std::string>(),
                   Catch::Contains("max_rows") && !Catch::Contains("--max-rows"));
    }
    SECTION("the OpenAPI document describes every endpoint") {
        const auto document = body_json(client.Get("/api/openapi.json"));
        CHECK(document["openapi"] == "3.0.3");
        for (const char* name : {"search", "list", "show", "partners", "path", "common", "ego", "timeline",
                                 "stats", "render", "brief", "query"}) {
            INFO(name);
            CHECK(document["paths"].contains(std::string("/api/") + name));
        }
    }
    SECTION("a value that looks like an option is a value") {
        const auto result = client.Get("/api/search?q=-o");
        REQUIRE(result);
        CHECK(result->status == 200);
        CHECK(!std::filesystem::exists("o"));
    }
}

TEST_CASE("writes: refused read-only, refused without the token, all or nothing, seen at once after commit",
          "[server]") {
    test::TempDir dir;
    const auto db = curated_database(dir);
    const std::string entity =
        R"({"id": "health-bridge", "kind": "ngo", "names": {"en": "Health Bridge"}, "country": "VN",
             "sources": [{"title": "Health Bridge annual report 2025"}]})";
    SECTION("a read-only server answers 403") {
        ServeProcess serve(db, {});
        auto client = serve.client();
        const auto result = client.Post("/api/entity", entity, "application/json");
        REQUIRE(result);
        CHECK(result->status == 403);
        CHECK(body_json(result)["kind"] == "read_only");
        CHECK(client.Put("/api/entity", entity, "application/json")->status == 403);
        const auto capabilities = client.Get("/api/capabilities");
        REQUIRE(capabilities);
        CHECK(body_json(capabilities)["writes"] == false);
        CHECK(entity_count(client) == 29);
    }
    ServeProcess serve(db, {"--allow-write"});
    auto client = serve.client();
    REQUIRE(serve.token().size() == 32);
    SECTION("without the token or with a wrong one: 401 with its kind, nothing written") {
        const auto none = client.Post("/api/entity", entity, "application/json");
        REQUIRE(none);
        CHECK(none->status == 401);
        CHECK(body_json(none)["kind"] == "unauthorized");
        CHECK_THAT(body_json(none)["error"].get<std::string>(), Catch::StartsWith("writes need the header"));
        const httplib::Headers wrong = {{"Authorization", "Bearer " + std::string(32, '0')}};
        const auto refused = client.Post("/api/entity", wrong, entity, "application/json");
        REQUIRE(refused);
        CHECK(refused->status == 401);
        CHECK(body_json(refused)["kind"] == "unauthorized");
        CHECK_THAT(body_json(refused)["error"].get<std::string>(),
                   Catch::StartsWith("the token was refused"));
        CHECK(client.Put("/api/entity", wrong, entity, "application/json")->status == 401);
        CHECK(entity_count(client) == 29);
    }
    const httplib::Headers auth = {{"Authorization", "Bearer " + serve.token()}};
    SECTION("a record that names a key twice, or refers to nobody, is invalid data: 422 with its problems") {
        const auto twice = client.Post(
            "/api/entity", auth,
            R"({"id": "a", "id": "b", "kind": "company", "names": {"en": "A"}, "sources": [{"title": "s"}]})",
            "application/json");
        REQUIRE(twice);
        CHECK(twice->status == 422);
        CHECK(body_json(twice)["kind"] == "invalid_data");
        const auto nobody = client.Post(
            "/api/relation", auth,
            R"({"id": "r9", "type": "mou", "from": "vn-moh", "to": "nobody", "sources": [{"title": "s"}]})",
            "application/json");
        REQUIRE(nobody);
        CHECK(nobody->status == 422);
        const auto problems = body_json(nobody)["problems"];
        REQUIRE(problems.size() == 1);
        CHECK_THAT(problems[0].get<std::string>(), Catch::StartsWith("relation:1: "));
        CHECK(entity_count(client) == 29);
    }
    SECTION("?lang=ja and ?lang=vi: a refusal is worded in that language, its place and values kept") {
        const std::string bad_date =
            R"({"id": "r9", "type": "mou", "from": "vn-moh", "to": "mhlw", "start": "2024-13", "sources": [{"title": "t"}]})";
        const auto ja = client.Post("/api/relation?lang=ja", auth, bad_date, "application/json");
        REQUIRE(ja);
        CHECK(ja->status == 422);
        CHECK(body_json(ja)["problems"][0] ==
              "relation:1: 日付 '2024-13' が正しくありません：月は01〜12です");
        CHECK_THAT(body_json(ja)["error"].get<std::string>(),
                   Catch::EndsWith("問題が1件あります。何も書き込んでいません"));
        const auto vi = client.Post("/api/undo?change=999&lang=vi", auth, "", "application/json");
        REQUIRE(vi);
        CHECK(vi->status == 400);
        CHECK_THAT(body_json(vi)["error"].get<std::string>(), Catch::StartsWith("không có thay đổi #999"));
        const auto en = client.Post("/api/relation", auth, bad_date, "application/json");
        REQUIRE(en);
        CHECK(body_json(en)["problems"][0] == "relation:1: bad date '2024-13': month must be 01 to 12");
    }
    SECTION("with the token a record lands and the next read sees it, without a restart") {
        const auto result = client.Post("/api/entity", auth, entity, "application/json");
        REQUIRE(result);
        INFO(result->body);
        CHECK(result->status == 200);
        CHECK(body_json(result)["changed"]["entities"] == 1);
        CHECK(entity_count(client) == 30);
        CHECK(client.Get("/api/show/health-bridge")->status == 200);
    }
    SECTION("an upload with a bad row half-way writes nothing: 422 with file:line") {
        httplib::MultipartFormDataItems files = {
            {"file",
             "id,kind,name_en,name_ja,name_vi,aliases,country,attributes,sources\nnew-one,company,New,,,,JP,,"
             "\n",
             "entities.csv", "text/csv"},
            {"file", "id,type,from,to,start,end,attributes,sources\nr1,mou,new-one,vn-moh,2024-02-30,,,\n",
             "relations.csv", "text/csv"}};
        const auto result = client.Post("/api/import", auth, files);
        REQUIRE(result);
        CHECK(result->status == 422);
        const auto message = body_json(result)["error"].get<std::string>();
        CHECK_THAT(message, Catch::StartsWith("relations.csv:2: bad date '2024-02-30'"));
        CHECK(entity_count(client) == 29);
        CHECK(client.Get("/api/show/new-one")->status == 400);
    }
    SECTION(
        "uploads are read from memory: a Shift_JIS CSV and a workbook, named in the history with their "
        "SHA-256") {
        // ハタイ in CP932, as Japanese Excel saves "CSV".
        const std::string cp932 =
            "id,kind,name_en,name_ja,name_vi,aliases,country,attributes,sources\n"
            "hataphar,company,Hataphar,\x83\x6e\x83\x5e\x83\x43,,,VN,,\n";
        httplib::MultipartFormDataItems files = {{"file", cp932, "entities.csv", "text/csv"}};
        const auto result = client.Post("/api/import", auth, files);
        REQUIRE(result);
        INFO(result->body);
        REQUIRE(result->status == 200);
        const auto report = body_json(result);
        CHECK(report["encodings"] ==
              nlohmann::json::parse(R"([{"file": "entities.csv", "encoding": "CP932"}])"));
        const auto shown = client.Get("/api/show/hataphar");
        REQUIRE(shown);
        CHECK(body_json(shown)["entity"]["names"]["ja"] == "ハタイ");
        const auto log = body_json(client.Get("/api/log"))["changes"];
        REQUIRE(log.back()["files"].size() == 1);
        CHECK(log.back()["files"][0]["path"] == "entities.csv");
        CHECK(log.back()["files"][0]["sha256"].get<std::string>().size() == 64);
        // The workbook `export --format xlsx` writes, sent as the body, imports back (nothing changes).
        const auto book = dir.path() / "book.xlsx";
        REQUIRE(test::run_kizuna({"--db", db.string(), "export", "--format", "xlsx", "-o", book.string()})
                    .exit_code == 0);
        std::ifstream in(book, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto again = client.Post("/api/import?format=xlsx&name=book.xlsx", auth, bytes,
                                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        REQUIRE(again);
        INFO(again->body);
        CHECK(again->status == 200);
        CHECK(body_json(again)["read"]["entities"] == 30);
        CHECK(body_json(again)["changed"]["entities"] == 0);
        const auto damaged = client.Post("/api/import?format=xlsx&name=book.xlsx", auth, bytes.substr(0, 100),
                                         "application/octet-stream");
        REQUIRE(damaged);
        CHECK(damaged->status == 422);
        CHECK_THAT(body_json(damaged)["error"].get<std::string>(),
                   Catch::StartsWith("book.xlsx:0: not an xlsx workbook (Not a zip archive)"));
        httplib::MultipartFormDataItems twice = {{"file", cp932, "entities.csv", "text/csv"},
                                                 {"file", cp932, "entities.csv", "text/csv"}};
        const auto refused = client.Post("/api/import", auth, twice);
        REQUIRE(refused);
        CHECK(refused->status == 400);
    }
    SECTION("an upload that is not a data file is refused before anything is read") {
        httplib::MultipartFormDataItems files = {{"file", "x", "../../etc/passwd", "text/plain"}};
        CHECK(client.Post("/api/import", auth, files)->status == 400);
    }
    SECTION("readers during a write see the old data or the new, never an error or half") {
        std::string lines;
        for (int i = 0; i < 3000; ++i) {
            lines += R"({"entity": {"id": "bulk-)" + std::to_string(i) +
                     R"(", "kind": "company", "names": {"en": "Bulk )" + std::to_string(i) + R"("}}})" + "\n";
        }
        std::atomic<bool> writing = true;
        std::atomic<int> reads = 0, bad = 0;
        std::thread reader([&] {
            auto reading = serve.client();
            while (writing) {
                const auto result = reading.Get("/api/stats");
                const auto count = result && result->status == 200
                                       ? nlohmann::json::parse(result->body)["entities"].get<std::size_t>()
                                       : 0;
                if (count != 29 && count != 3029) ++bad;
                ++reads;
            }
        });
        const auto result = client.Post("/api/import?format=jsonl", auth, lines, "application/x-ndjson");
        writing = false;
        reader.join();
        REQUIRE(result);
        CHECK(result->status == 200);
        CHECK(reads > 0);
        CHECK(bad == 0);
        CHECK(entity_count(client) == 3029);
    }
}

TEST_CASE(
    "hand writes never overwrite: an add of an existing id is 409, an edit of a record changed since it "
    "was opened is 409 naming the change, entities and relations need a source with a title",
    "[server][history]") {
    test::TempDir dir;
    const auto db = curated_database(dir);
    ServeProcess serve(db, {"--allow-write", "--author", "ana"});
    auto client = serve.client();
    const httplib::Headers auth = {{"Authorization", "Bearer " + serve.token()}};
    const auto capabilities = client.Get("/api/capabilities");
    REQUIRE(capabilities);
    CHECK(body_json(capabilities)["writes"] == true);
    const auto stored = [&](const std::string& id) {
        return body_json(client.Get("/api/show/" + id))["entity"];
    };
    const nlohmann::json taisho = stored("taisho");
    REQUIRE(taisho["names"]["ja"] == "大正製薬");
    const std::size_t changes_before = body_json(client.Get("/api/log"))["changes"].size();

    SECTION("an add of an id that exists is refused 409 (conflict), the stored record untouched") {
        const auto added = client.Post(
            "/api/entity", auth,
            R"({"id": "taisho", "kind": "company", "names": {"en": "Taisho"}, "sources": [{"title": "a note"}]})",
            "application/json");
        REQUIRE(added);
        INFO(added->body);
        CHECK(added->status == 409);
        CHECK(body_json(added)["kind"] == "conflict");
        CHECK_THAT(body_json(added)["error"].get<std::string>(),
                   Catch::StartsWith("entity 'taisho' exists already (Taisho Pharmaceutical Co., Ltd.)"));
        CHECK(stored("taisho") == taisho);
        const auto relation = client.Post("/api/relation", auth,
                                          R"({"id": "taisho-acquisition-hau-giang-2019", "type": "mou",
                                              "from": "taisho", "to": "vn-moh", "sources": [{"title": "s"}]})",
                                          "application/json");
        REQUIRE(relation);
        CHECK(relation->status == 409);
        CHECK(body_json(relation)["kind"] == "conflict");
        CHECK(client.Post("/api/type", auth, R"({"id": "mou"})", "application/json")->status == 409);
        CHECK(body_json(client.Get("/api/log"))["changes"].size() == changes_before);
    }
    SECTION("an entity or relation without a source with a title is refused 422 naming sources") {
        for (const std::string sources :
             {"", R"(, "sources": [])", R"(, "sources": [{"title": "   "}])",
              R"(, "sources": [{"title": "ok"}, {"url": "https://example.org"}])"}) {
            INFO(sources);
            const auto result = client.Post(
                "/api/entity", auth,
                R"({"id": "no-source", "kind": "ngo", "names": {"en": "No Source"})" + sources + "}",
                "application/json");
            REQUIRE(result);
            CHECK(result->status == 422);
            CHECK(body_json(result)["kind"] == "invalid_data");
            CHECK_THAT(body_json(result)["problems"][0].get<std::string>(),
                       Catch::StartsWith("entity:1: sources: "));
        }
        const auto relation = client.Post(
            "/api/relation", auth, R"({"id": "r-new", "type": "mou", "from": "taisho", "to": "vn-moh"})",
            "application/json");
        REQUIRE(relation);
        CHECK(relation->status == 422);
        CHECK_THAT(body_json(relation)["problems"][0].get<std::string>(),
                   Catch::StartsWith("relation:1: sources: "));
        CHECK(entity_count(client) == 29);
    }
    SECTION("an edit (PUT) replaces; one opened before another client's change is refused 409 naming it") {
        nlohmann::json edited = taisho;
        edited["aliases"].push_back("Taisho Pharma");
        const auto first =
            client.Put("/api/entity", auth, nlohmann::json{{"record", edited}, {"opened", taisho}}.dump(),
                       "application/json");
        REQUIRE(first);
        INFO(first->body);
        REQUIRE(first->status == 200);
        const auto seq = body_json(client.Get("/api/log"))["changes"].back()["seq"].get<std::int64_t>();
        CHECK(body_json(client.Get("/api/log"))["changes"].back()["command"] ==
              "kizuna serve: PUT /api/entity");
        // A second client opened the record before that change, and saves its own edit.
        nlohmann::json other = taisho;
        other["names"]["vi"] = "Dược phẩm Taisho";
        const auto stale =
            client.Put("/api/entity", auth, nlohmann::json{{"record", other}, {"opened", taisho}}.dump(),
                       "application/json");
        REQUIRE(stale);
        INFO(stale->body);
        CHECK(stale->status == 409);
        const auto refusal = body_json(stale);
        CHECK(refusal["kind"] == "conflict");
        CHECK(refusal["change"] == seq);
        CHECK_THAT(refusal["error"].get<std::string>(),
                   Catch::StartsWith("entity 'taisho' was changed since you opened it by change #" +
                                     std::to_string(seq) + " (ana, "));
        CHECK(stored("taisho") == edited);
        // Opened again, the edit goes through; an edit of an id that is not stored is refused.
        const auto fresh = client.Put("/api/entity", auth,
                                      nlohmann::json{{"record", other}, {"opened", stored("taisho")}}.dump(),
                                      "application/json");
        REQUIRE(fresh);
        CHECK(fresh->status == 200);
        CHECK(stored("taisho")["names"]["vi"] == "Dược phẩm Taisho");
        const auto missing = client.Put(
            "/api/entity", auth,
            R"({"id": "nobody-here", "kind": "ngo", "names": {"en": "N"}, "sources": [{"title": "s"}]})",
            "application/json");
        REQUIRE(missing);
        CHECK(missing->status == 400);
        CHECK(entity_count(client) == 29);
    }
    SECTION("a relation's edit opened before a change to it is refused; its edit without opened replaces") {
        const auto shown = body_json(client.Get("/api/partners/taisho"));
        nlohmann::json relation;
        for (const auto& partner : shown["partners"]) {
            if (partner["relation"]["id"] == "taisho-acquisition-hau-giang-2019")
                relation = partner["relation"];
        }
        REQUIRE(relation.is_object());
        nlohmann::json opened;
        for (const char* key : {"id", "type", "from", "to", "start", "end", "attributes", "sources"})
            opened[key] = relation[key];
        nlohmann::json changed = opened;
        changed["end"] = "2024";
        REQUIRE(client.Put("/api/relation", auth, changed.dump(), "application/json")->status == 200);
        nlohmann::json mine = opened;
        mine["start"] = "2019-06";
        const auto stale =
            client.Put("/api/relation", auth, nlohmann::json{{"record", mine}, {"opened", opened}}.dump(),
                       "application/json");
        REQUIRE(stale);
        INFO(stale->body);
        CHECK(stale->status == 409);
        CHECK_THAT(
            body_json(stale)["error"].get<std::string>(),
            Catch::StartsWith("relation 'taisho-acquisition-hau-giang-2019' was changed since you opened it "
                              "by change #"));
    }
}

TEST_CASE("an answer larger than the server sends is refused with advice, smaller ones pass", "[server]") {
    test::TempDir dir;
    const auto db = curated_database(dir);
    ServeProcess serve(db, {"--max-answer-kb", "4"});
    auto client = serve.client();
    const auto big = client.Get("/api/stats");
    REQUIRE(big);
    CHECK(big->status == 400);
    CHECK_THAT(body_json(big)["error"].get<std::string>(), Catch::Contains("narrow the query"));
    const auto small = client.Get("/api/search?q=MHLW");
    REQUIRE(small);
    CHECK(small->status == 200);
}

TEST_CASE("a database the server cannot read answers 503 with the command line's message", "[server]") {
    test::TempDir dir;
    const auto db = curated_database(dir);
    ServeProcess serve(db, {});
    {  // a newer Kizuna has upgraded the file meanwhile
        SQLite::Database sqlite(db.string(), SQLite::OPEN_READWRITE);
        sqlite.exec("PRAGMA user_version = 999");
    }
    auto client = serve.client();
    const auto result = client.Get("/api/stats");
    REQUIRE(result);
    CHECK(result->status == 503);
    const auto error = body_json(result);
    CHECK_THAT(error["error"].get<std::string>(), Catch::Contains("newer than this Kizuna understands"));
    CHECK(error["exit"] == 4);
}

TEST_CASE("Ctrl-C stops the server cleanly", "[server]") {
    test::TempDir dir;
    const auto db = curated_database(dir);
    ServeProcess serve(db, {});
    auto client = serve.client();
    REQUIRE(client.Get("/api/stats")->status == 200);
    const auto [status, said] = serve.stop();
    CHECK(status == 0);
    CHECK_THAT(said, Catch::Contains("stopped"));
}

TEST_CASE("/api/style gives the diagrams' shapes, fills and colours, with names in the language asked",
          "[server]") {
    test::TempDir dir;
    const auto db = curated_database(dir);
    ServeProcess serve(db, {});
    auto client = serve.client();
    const auto style = body_json(client.Get("/api/style?lang=ja"));
    const auto stats = cli_json(db, {"stats"});
    CHECK(style["lang"] == "ja");
    // Every kind and type of the data, named as the command line names it in Japanese.
    std::map<std::string, nlohmann::json> kinds, types;
    for (const auto& kind : style["kinds"]) kinds[kind["id"]] = kind;
    for (const auto& type : style["types"]) types[type["id"]] = type;
    for (const auto& kind : stats["entity_kinds"]) {
        INFO(kind.dump());
        REQUIRE(kinds.count(kind["id"]));
        CHECK(kinds[kind["id"]]["label"] == kind["labels"]["ja"]);
    }
    CHECK(kinds["ministry"]["shape"] == "rectangle");
    CHECK(kinds["company"]["shape"] == "ellipse");
    for (const auto& type : stats["relation_types"]) {
        INFO(type.dump());
        REQUIRE(types.count(type["id"]));
        CHECK(types[type["id"]]["category"] == type["category"]);
        CHECK(types[type["id"]]["directed"] == type["directed"]);
    }
    // The palette rule: a colour per type, types of one category shades of one hue, categories apart.
    std::set<std::string> colours;
    for (const auto& [id, type] : types) colours.insert(type["colour"].get<std::string>());
    CHECK(colours.size() == types.size());
    CHECK(types["mou"]["colour"] != types["acquisition"]["colour"]);
    std::map<std::string, nlohmann::json> countries;
    for (const auto& country : style["countries"]) countries[country["code"]] = country;
    REQUIRE(countries.size() == 2);
    CHECK(countries["JP"]["name"] == "日本");
    CHECK(countries["JP"]["fill"] == "#fde2e4");
    CHECK(countries["VN"]["name"] == "ベトナム");
    // Categories ranked for the explorer's choice of neighbours: collaboration first, evidence last.
    std::map<std::string, int> rank;
    for (const auto& category : style["categories"]) rank[category["id"]] = category["rank"];
    CHECK(rank["collaboration"] == 0);
    CHECK(rank["collaboration"] < rank["programme"]);
    CHECK(rank["programme"] < rank["governance"]);
    CHECK(rank["evidence"] > rank["place"]);
    const auto wrong = client.Get("/api/style?lang=fr");
    REQUIRE(wrong);
    CHECK(wrong->status == 400);
}

TEST_CASE("history over HTTP: writes name the token's holder; log, diff and undo (guarded like writes)",
          "[server][history]") {
    test::TempDir dir;
    const auto db = curated_database(dir);
    ServeProcess serve(db, {"--allow-write", "--author", "ana"});
    auto client = serve.client();
    const httplib::Headers auth = {{"Authorization", "Bearer " + serve.token()}};
    const auto wrote = client.Post(
        "/api/entity", auth,
        R"({"id": "health-bridge", "kind": "ngo", "names": {"en": "Health Bridge"}, "sources": [{"title": "s"}]})",
        "application/json");
    REQUIRE(wrote);
    REQUIRE(wrote->status == 200);
    const auto log = client.Get("/api/log?author=ana");
    REQUIRE(log);
    INFO(log->body);
    REQUIRE(log->status == 200);
    const auto changes = body_json(log)["changes"];
    REQUIRE(changes.size() == 1);
    CHECK(changes[0]["command"] == "kizuna serve: POST /api/entity");
    const std::string seq = std::to_string(changes[0]["seq"].get<std::int64_t>());
    const auto diff = client.Get("/api/diff/" + seq);
    REQUIRE(diff);
    CHECK(diff->status == 200);
    CHECK(body_json(diff)["rows"][0]["id"] == "health-bridge");
    CHECK(client.Post("/api/undo?change=" + seq, "", "text/plain")->status == 401);
    const auto dry = client.Post("/api/undo?change=" + seq + "&dry_run=true", auth, "", "text/plain");
    REQUIRE(dry);
    CHECK(dry->status == 200);
    CHECK(body_json(dry)["dry_run"] == true);
    CHECK(entity_count(client) == 30);
    const auto undone = client.Post("/api/undo?change=" + seq, auth, "", "text/plain");
    REQUIRE(undone);
    INFO(undone->body);
    CHECK(undone->status == 200);
    CHECK(entity_count(client) == 29);
    const auto again = client.Post("/api/undo?change=" + seq, auth, "", "text/plain");
    REQUIRE(again);
    CHECK(again->status == 400);
    CHECK_THAT(body_json(again)["error"].get<std::string>(), Catch::Contains("was undone already"));
}

TEST_CASE("duplicates and merge over HTTP: GET /api/duplicates, POST /api/merge guarded by the token",
          "[server][dedupe]") {
    test::TempDir dir;
    const auto db = curated_database(dir);
    ServeProcess serve(db, {"--allow-write", "--author", "ana"});
    auto client = serve.client();
    const httplib::Headers auth = {{"Authorization", "Bearer " + serve.token()}};
    const auto wrote =
        client.Post("/api/entity", auth,
                    R"({"id": "bo-y-te", "kind": "ministry", "names": {"vi": "Bo Y te"}, "country": "VN",
                        "sources": [{"title": "s"}]})",
                    "application/json");
    REQUIRE(wrote);
    REQUIRE(wrote->status == 200);
    const auto found = client.Get("/api/duplicates?min_score=0.7");
    REQUIRE(found);
    INFO(found->body);
    REQUIRE(found->status == 200);
    const auto pairs = body_json(found)["pairs"];
    REQUIRE(pairs.size() == 1);
    CHECK(pairs[0]["a"]["id"] == "bo-y-te");
    CHECK(pairs[0]["b"]["id"] == "vn-moh");
    CHECK(client.Post("/api/merge?keep=vn-moh&other=bo-y-te", "", "text/plain")->status == 401);
    const auto dry = client.Post("/api/merge?keep=vn-moh&other=bo-y-te&dry_run=true", auth, "", "text/plain");
    REQUIRE(dry);
    CHECK(dry->status == 200);
    CHECK(entity_count(client) == 30);
    const auto merged = client.Post("/api/merge?keep=vn-moh&other=bo-y-te", auth, "", "text/plain");
    REQUIRE(merged);
    INFO(merged->body);
    CHECK(merged->status == 200);
    CHECK(body_json(merged)["redirect"]["to"] == "vn-moh");
    CHECK(entity_count(client) == 29);
    const auto shown = client.Get("/api/show/bo-y-te");
    REQUIRE(shown);
    CHECK(body_json(shown)["entity"]["id"] == "vn-moh");
    const auto wrong = client.Post("/api/merge?keep=vn-moh&other=bo-y-te&colour=red", auth, "", "text/plain");
    REQUIRE(wrong);
    CHECK(wrong->status == 400);
    CHECK_THAT(
        body_json(wrong)["error"].get<std::string>(),
        Catch::Contains("/api/merge has no parameter 'colour' (it takes: keep, other, dry_run, prefer"));
    const auto twice = client.Post("/api/merge?keep=vn-moh&keep=mhlw&other=bo-y-te", auth, "", "text/plain");
    REQUIRE(twice);
    CHECK(twice->status == 400);
    CHECK_THAT(body_json(twice)["error"].get<std::string>(), Catch::Contains("is given twice"));
    const auto dashed = client.Post("/api/merge?keep=vn-moh&other=mhlw&dry-run=true", auth, "", "text/plain");
    REQUIRE(dashed);
    CHECK(dashed->status == 200);
    CHECK(entity_count(client) == 29);
}

TEST_CASE(
    "an entity's duplicate candidates and the judgement that a pair is two: /api/duplicates?entity, "
    "POST /api/not-duplicates",
    "[server][dedupe]") {
    test::TempDir dir;
    const auto db = curated_database(dir);
    ServeProcess serve(db, {"--allow-write", "--author", "ana"});
    auto client = serve.client();
    const httplib::Headers auth = {{"Authorization", "Bearer " + serve.token()}};
    const auto pairs_of = [&](const std::string& query) {
        const auto found = client.Get("/api/duplicates?" + query);
        REQUIRE(found);
        INFO(found->body);
        REQUIRE(found->status == 200);
        return body_json(found)["pairs"];
    };
    // The whole data has several pairs above 0.3; Taisho is in exactly one (with Asuka).
    REQUIRE(pairs_of("min_score=0.3").size() > 1);
    const auto taisho = pairs_of("min_score=0.3&entity=taisho");
    REQUIRE(taisho.size() == 1);
    CHECK(taisho[0]["a"]["id"] == "asuka-pharma");
    CHECK(taisho[0]["b"]["id"] == "taisho");
    const auto unknown = client.Get("/api/duplicates?entity=no-such-organisation");
    REQUIRE(unknown);
    CHECK(unknown->status == 400);

    CHECK(client.Post("/api/not-duplicates?a=taisho&b=asuka-pharma", "", "text/plain")->status == 401);
    const auto missing = client.Post("/api/not-duplicates?a=taisho", auth, "", "text/plain");
    REQUIRE(missing);
    CHECK(missing->status == 400);
    CHECK_THAT(body_json(missing)["error"].get<std::string>(), Catch::Contains("b is required"));
    const auto judged = client.Post("/api/not-duplicates?a=taisho&b=asuka-pharma", auth, "", "text/plain");
    REQUIRE(judged);
    INFO(judged->body);
    REQUIRE(judged->status == 200);
    CHECK(body_json(judged)["a"] == "asuka-pharma");
    CHECK(pairs_of("min_score=0.3&entity=taisho").empty());
    const auto log = body_json(client.Get("/api/log"))["changes"];
    CHECK(log.back()["command"] == "kizuna serve: POST /api/not-duplicates?a=taisho&b=asuka-pharma");
}
