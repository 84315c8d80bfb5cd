#pragma once
// `kizuna serve`: an HTTP server on one database. GET /api/<command>[/<argument>…]?parameter=value fills
// the application layer's request of that name (app/) from the path and the parameters and returns its
// answer's JSON, the same as `--format json` prints (render: its SVG); GET /api/openapi.json describes
// every endpoint. Errors come back as JSON {"error", "exit", "kind"} (and "candidates", "problems",
// "limit" where they apply), the status following the kind: usage, unknown or ambiguous entity and
// limits 400, invalid data 422, the database 503. Every request reads one snapshot: a store connection of its
// own and the graph all requests share, replaced when a write commits. Writes (import of uploaded files,
// single records) answer 403 unless allow_write, and need the bearer token printed at start.
// Everything else is the explorer page's files, under a Content-Security-Policy of 'self' only.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kizuna/core/snapshot.h"
#include "kizuna/core/store.h"

namespace kizuna::server {

// Limits a client may lower but not raise (parameter -> the most it may ask); by_default: also the
// value when the client gives none (the request's own default is higher).
struct Ceiling {
    std::int64_t most = 0;
    bool by_default = false;
};

// What the server holds an endpoint to.
struct EndpointLimits {
    std::map<std::string, Ceiling> ceilings;  // by parameter (max_rows)
    // At most ServeOptions::max_running of the counted endpoints (query: any cost a client writes) run
    // at once; more are answered 503 with Retry-After, so that they cannot take every thread and core.
    bool counted = false;
};

struct ServeOptions {
    std::filesystem::path db;
    std::string host = "127.0.0.1";
    int port = 8080;  // 0: any free port
    bool allow_write = false;
    std::string token;                             // bearer token of writes (made at random when empty)
    std::string author;                            // the token's holder: the history's author of writes
    std::filesystem::path web_root;                // the explorer page's files
    std::filesystem::path vendor_root;             // npm packages the page loads (web/node_modules)
    std::string lang = "en";                       // of answers, unless a request names one (?lang=ja)
    std::map<std::string, EndpointLimits> limits;  // by endpoint (query, path …)
    std::size_t max_body_bytes = 64u << 20;        // uploads
    std::size_t max_answer_bytes = 32u << 20;      // a larger answer is refused with advice to narrow it
    // Connections (README "What a client can make the server do"): threads serve one request each;
    // a connection waiting for its first or next request holds no thread, and is closed after idle.
    std::size_t threads = 16;
    std::size_t max_connections = 512;  // past it, the connection idle longest is closed
    std::chrono::milliseconds idle_timeout{5'000};
    std::chrono::milliseconds header_timeout{10'000};   // first byte of a request to its last header
    std::chrono::milliseconds request_timeout{60'000};  // the whole request, upload included
    std::chrono::milliseconds write_timeout{60'000};    // the whole answer
    std::size_t max_running = 0;                        // counted commands at once; 0: the cores
    // Host names the server answers to besides its address and the loopback names (--allow-host).
    std::vector<std::string> allowed_hosts;
};

// During a request, on the thread answering it: a check whether its client has closed the connection
// (or the server is stopping), which a long command may call from any of its threads until the answer
// is given, to stop working for no one. Always false outside a request.
[[nodiscard]] std::function<bool()> disconnection_check();

class Server {
  public:
    explicit Server(ServeOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds the address; returns the port (the chosen one when options.port is 0). Throws UsageError
    // (an address in use, or not of this machine).
    int bind();
    // Serves until stop() (from another thread). REQUIRES: bind().
    void listen();
    void stop();
    [[nodiscard]] const std::string& token() const;

    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace kizuna::server
