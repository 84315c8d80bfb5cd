// kizuna serve: the HTTP API and the explorer page on one database (server/). Each endpoint fills the
// request of its name (app/) from its parameters, the same request the command of that name fills from
// its options, so the API answers and checks exactly as the command line does.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <map>
#include <thread>

#include "app.h"
#include "bundled.h"
#include "commands.h"
#include "kizuna/core/errors.h"
#include "kizuna/server/server.h"

namespace kizuna::cli {

namespace {

// What no client may raise (README "What a client can make the server do"), by endpoint.
std::map<std::string, server::EndpointLimits> server_limits(std::int64_t query_timeout_ms,
                                                            std::int64_t query_rows) {
    return {{"path", {{{"k", {100, false}}, {"cap", {1000, false}}}, false}},
            {"ego", {{{"radius", {5, false}}}, false}},
            {"render", {{{"max_entities", {1000, false}}, {"max_relations", {1000, false}}}, true}},
            {"query", {{{"timeout", {query_timeout_ms, true}}, {"max_rows", {query_rows, true}}}, true}},
            // A yearly history runs a partition per year: held to the query's time and counted as costly.
            {"communities", {{{"timeout", {query_timeout_ms, true}}}, true}}};
}

}  // namespace

Command add_serve(CLI::App& root, Context& context) {
    struct Options {
        std::string host = "127.0.0.1";
        int port = 8080;
        bool allow_write = false;
        std::size_t threads = 16;
        std::size_t max_connections = 512;
        std::vector<std::string> allowed_hosts;
        std::int64_t query_timeout_ms = 10'000;
        std::int64_t query_rows = 100'000;
        std::size_t max_answer_kb = 32 * 1024;
        std::int64_t idle_timeout_ms = 5'000;
        std::int64_t header_timeout_ms = 10'000;
        std::size_t max_queries = 0;
    };
    auto options = std::make_shared<Options>();
    auto* command = root.add_subcommand(
        "serve", "serve the HTTP API (the JSON of every command) and the explorer page on this database");
    command
        ->add_option("--host", options->host, "address to listen on (default 127.0.0.1: this machine only)")
        ->type_name("ADDRESS");
    command->add_option("--port,-p", options->port, "port (default 8080; 0 picks a free one)")
        ->check(CLI::Range(0, 65535))
        ->type_name("PORT");
    command->add_flag(
        "--allow-write", options->allow_write,
        "accept imports, record edits and undos (POST /api/import, /api/entity, /api/undo …) with the "
        "token printed at start; the history records them as --author's (the token's holder)");
    command
        ->add_option("--allow-host", options->allowed_hosts,
                     "also answer requests that name the server NAME (its Host header); without it only "
                     "the listening address and 127.0.0.1, localhost and [::1] are answered (repeatable)")
        ->type_name("NAME");
    command
        ->add_option("--threads", options->threads,
                     "requests served at once (default 16); a connection waiting for its next request "
                     "holds none")
        ->check(CLI::Range(1, 256))
        ->type_name("N");
    command
        ->add_option("--max-connections", options->max_connections,
                     "connections open at once (default 512); past it the one idle longest is closed")
        ->check(CLI::Range(1, 100'000))
        ->type_name("N");
    command
        ->add_option("--idle-timeout", options->idle_timeout_ms,
                     "close a connection that sends no request for this long, in ms (default 5000)")
        ->check(CLI::Range(std::int64_t{10}, std::int64_t{3'600'000}))
        ->type_name("MS");
    command
        ->add_option("--header-timeout", options->header_timeout_ms,
                     "close a connection whose request has not come whole (line and headers) in this "
                     "long, in ms (default 10000; a body then has 60 s)")
        ->check(CLI::Range(std::int64_t{10}, std::int64_t{3'600'000}))
        ->type_name("MS");
    command
        ->add_option("--max-queries", options->max_queries,
                     "queries (and renderings) run at once; more are answered 503 with Retry-After "
                     "(default: the number of cores)")
        ->check(CLI::Range(1, 256))
        ->type_name("N");
    command
        ->add_option("--query-timeout", options->query_timeout_ms,
                     "the longest a query may run, in ms (default 10000): a client may ask less with "
                     "?timeout=, not more")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{24} * 3600 * 1000))
        ->type_name("MS");
    command
        ->add_option("--query-rows", options->query_rows,
                     "the most rows a query may hold or answer (default 100000): a client may ask less "
                     "with ?max_rows=, not more")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000'000}))
        ->type_name("N");
    command
        ->add_option("--max-answer-kb", options->max_answer_kb,
                     "refuse answers larger than this, with advice to narrow the query (default 32768)")
        ->check(CLI::Range(1, 1 << 22))
        ->type_name("KB");
    command->footer(
        "Endpoints: GET /api/<command>[/<argument>]?<parameter>=<value> answers as the command with those\n"
        "options would with --format json (parameters named as_of for --as-of), e.g.\n"
        "  /api/search?q=保健省   /api/partners/vn-moh?type=mou&as_of=2020   "
        "/api/path?from=kanagawa&to=mhlw\n"
        "  /api/render?ego=vn-moh&lang=ja (SVG)\n"
        "/api/openapi.json describes every endpoint (OpenAPI 3). Errors are JSON {\"error\", \"exit\", "
        "\"kind\"}:\n"
        "400 usage, unknown or ambiguous entity (with \"candidates\") and limits, 422 invalid data (with\n"
        "\"problems\"), 503 database.\n"
        "The page is share/kizuna/web next to the installation, else $KIZUNA_WEB, else web/ of the source\n"
        "tree the binary was built from; without one the server does not start (exit 4).\n"
        "Ctrl-C stops the server.");
    return {command, [&context, options] {
                const Store check = app::open_for_reading(context.db);  // the database exists and is readable
                (void)check;
                server::ServeOptions serve;
                serve.db = context.db;
                serve.host = options->host;
                serve.port = options->port;
                serve.allow_write = options->allow_write;
                serve.author = context.author;  // the history names the token holder (--author)
                serve.threads = options->threads;
                serve.max_connections = options->max_connections;
                serve.allowed_hosts = options->allowed_hosts;
                serve.idle_timeout = std::chrono::milliseconds(options->idle_timeout_ms);
                serve.header_timeout = std::chrono::milliseconds(options->header_timeout_ms);
                serve.max_running = options->max_queries;
                serve.max_answer_bytes = options->max_answer_kb << 10;
                serve.web_root = find_bundled({"web", "KIZUNA_WEB", "index.html", "the explorer page"});
                serve.vendor_root = serve.web_root / "node_modules";
                serve.limits = server_limits(options->query_timeout_ms, options->query_rows);
                serve.lang = context.lang;
                // Ctrl-C and SIGTERM are taken by a thread of their own, which stops the server cleanly.
                sigset_t stop_signals;
                sigemptyset(&stop_signals);
                sigaddset(&stop_signals, SIGINT);
                sigaddset(&stop_signals, SIGTERM);
                pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
                server::Server http(std::move(serve));
                const int port = http.bind();
                const bool loopback =
                    options->host == "127.0.0.1" || options->host == "localhost" || options->host == "::1";
                if (!loopback) {
                    context.e() << "warning: listening on " << options->host
                                << ": anyone who can reach this address can read the database\n";
                }
                context.o() << "Kizuna explorer: http://"
                            << (options->host == "::1" ? "[::1]" : options->host) << ':' << port << "/\n";
                if (options->allow_write) context.o() << "write token: " << http.token() << '\n';
                context.o() << std::flush;
                std::atomic<bool> listen_returned = false;
                std::thread waiter([&http, &listen_returned, stop_signals] {
                    int signal = 0;
                    sigwait(&stop_signals, &signal);
                    // A signal that comes before listen() has started must stop it too: stop() only stops a
                    // running server, so ask until listen() has returned.
                    while (!listen_returned) {
                        http.stop();
                        std::this_thread::sleep_for(std::chrono::milliseconds(10));
                    }
                });
                http.listen();
                listen_returned = true;
                // listen() also returns when the server fails; wake the waiter then.
                pthread_kill(waiter.native_handle(), SIGTERM);
                waiter.join();
                context.o() << "stopped\n" << std::flush;
            }};
}

}  // namespace kizuna::cli
