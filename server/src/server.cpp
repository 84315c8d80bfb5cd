#include "kizuna/server/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "ceilings.h"
#include "connections.h"
#include "endpoints.h"
#include "host_check.h"
#include "kizuna/core/errors.h"
#include "kizuna/core/snapshot.h"
#include "kizuna/viz/style_sheet.h"
#include "static_files.h"
#include "store_pool.h"

namespace kizuna::server {

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

// The endpoints that write (POST /api/NAME), and those that also edit (PUT /api/NAME).
const std::set<std::string> kWrites = {"import", "entity", "relation", "type",
                                       "kind",   "undo",   "merge",    "not-duplicates"};
const std::set<std::string> kEdits = {"entity", "relation", "type", "kind"};

// The kind of an error the server itself answers (not the application's), by its status: every error
// has one, as the application's errors do.
const char* server_error_kind(int status) {
    switch (status) {
        case 401:
            return "unauthorized";  // a write without the token, or with another
        case 403:
            return "read_only";
        case 404:
        case 405:
            return "not_found";
        case 413:
            return "limit";
        case 421:
            return "misdirected";  // a Host the server does not answer to
        case 503:
            return "busy";
        default:
            return status >= 500 ? "internal" : "usage";
    }
}

void send_error(httplib::Response& response, int status, const std::string& message, int exit_code,
                const char* kind = nullptr) {
    response.status = status;
    response.set_content(nlohmann::json{{"error", message},
                                        {"exit", exit_code},
                                        {"kind", kind != nullptr ? kind : server_error_kind(status)}}
                             .dump(),
                         kJson);
}

// An application error as the API answers it, in the request's language.
void send_error(httplib::Response& response, const app::AppError& error, const std::string& lang = "en") {
    response.status = http_status(error.kind());
    response.set_content(
        error_body(error, lang).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJson);
}

std::string random_token() {
    std::random_device device;
    std::string token;
    constexpr const char* kHex = "0123456789abcdef";
    for (int i = 0; i < 32; ++i) token += kHex[device() % 16];
    return token;
}

// Compares in time independent of where the texts differ.
bool same_secret(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char differ = 0;
    for (std::size_t i = 0; i < a.size(); ++i) differ |= static_cast<unsigned char>(a[i] ^ b[i]);
    return differ == 0;
}

std::vector<std::string> split_segments(const std::string& rest) {
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start < rest.size()) {
        const std::size_t slash = rest.find('/', start);
        const std::size_t end = slash == std::string::npos ? rest.size() : slash;
        if (end > start) segments.push_back(rest.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

// An uploaded file's name, kept only when it is a plain name of a kind import reads.
std::optional<std::string> upload_name(const std::string& name) {
    const std::filesystem::path path(name);
    if (name.empty() || path.filename() != path || name[0] == '.') return std::nullopt;
    const std::string extension = path.extension().string();
    if (extension != ".csv" && extension != ".tsv" && extension != ".jsonl" && extension != ".graphml" &&
        extension != ".xlsx")
        return std::nullopt;
    return name;
}

}  // namespace

// (Not in the anonymous namespace: Server::Impl, declared in the header, holds them.)
// cpp-httplib's server with its connections handed to Connections: the accepting thread gives each
// socket to it at once (the task queue runs the task where it is enqueued), and Connections serves
// each request with httplib's own request reading, routing and writing.
class HttpServer : public httplib::Server {
  public:
    HttpServer() {
        new_task_queue = [] { return new InlineQueue; };
    }
    void serve_with(Connections* connections) { connections_ = connections; }
    // The library listens with a backlog of 5: a burst of connections would see SYNs dropped and
    // retried a second later. Linux takes a second listen() on the socket as the new backlog.
    void widen_backlog(int backlog) { ::listen(svr_sock_, backlog); }
    bool serve_one(httplib::Stream& stream, bool close, bool& closed) {
        return process_request(stream, close, closed, nullptr);
    }

  private:
    struct InlineQueue : httplib::TaskQueue {
        void enqueue(std::function<void()> task) override { task(); }
        void shutdown() override {}
    };
    bool process_and_close_socket(socket_t sock) override {
        connections_->add(sock);
        return true;
    }
    Connections* connections_ = nullptr;
};

// The commands counted by max_running, running now.
class RunningCount {
  public:
    explicit RunningCount(std::atomic<std::size_t>& count) : count_(count) { ++count_; }
    ~RunningCount() { --count_; }
    RunningCount(const RunningCount&) = delete;
    RunningCount& operator=(const RunningCount&) = delete;
    [[nodiscard]] std::size_t now() const { return count_; }

  private:
    std::atomic<std::size_t>& count_;
};

std::function<bool()> disconnection_check() { return Connections::client_gone(); }

struct Server::Impl {
    explicit Impl(ServeOptions given)
        : options(std::move(given)), pool(options.db), page(options.web_root, options.vendor_root) {
        if (options.token.empty()) options.token = random_token();
        if (options.max_running == 0) options.max_running = std::max(2u, std::thread::hardware_concurrency());
    }

    ServeOptions options;
    HttpServer http;
    StorePool pool;
    StaticFiles page;
    SharedGraph graph;
    std::unique_ptr<HostCheck> hosts;  // once the port is known
    std::atomic<std::size_t> running = 0;
    std::atomic<std::size_t> idle_count = 0;  // the uncounted commands (not limited)
    std::mutex write_mutex;                   // one write at a time; readers go on meanwhile

    // A session on a connection of the pool and the shared graph: read-only, its queries stopped when
    // the client leaves.
    struct Reading {
        explicit Reading(Impl& impl)
            : lease(impl.pool.lease()),
              session(impl.options.db, lease.store(), impl.graph,
                      {.writes_allowed = false, .cancelled = disconnection_check()}) {}
        StorePool::Lease lease;
        app::Session session;
    };

    void answer(const std::string& command, const std::string& rest, const httplib::Request& request,
                httplib::Response& response) {
        const auto& endpoints = read_endpoints();
        const auto found = endpoints.find(command);
        if (found == endpoints.end()) {
            std::string known;
            for (const auto& [name, endpoint] : endpoints) known += (known.empty() ? "" : ", ") + name;
            send_error(response, 404, "no endpoint /api/" + command + " (there are: " + known + ")", 2);
            return;
        }
        const Endpoint& endpoint = found->second;
        static const EndpointLimits kNone;
        const auto limited = options.limits.find(command);
        const EndpointLimits& limits = limited == options.limits.end() ? kNone : limited->second;
        QueryParams params(request.params.begin(), request.params.end());
        const std::string lang = request.has_param("lang") ? request.get_param_value("lang") : options.lang;
        const RunningCount counted(limits.counted ? running : idle_count);
        if (limits.counted && counted.now() > options.max_running) {
            response.set_header("Retry-After", "1");
            send_error(response, 503,
                       "the server is running " + std::to_string(options.max_running) +
                           " queries already (its most at once); try again in a moment",
                       4, "busy");
            return;
        }
        Reply reply;
        try {
            if (lang != "en" && lang != "ja" && lang != "vi")
                throw app::AppError(app::ErrorKind::Usage,
                                    {app::Setting{"lang"}, ": '" + lang + "' is not one of en, ja, vi"});
            apply_ceilings(endpoint, limits, params);
            Reading reading(*this);
            reply = endpoint.answer(reading.session, split_segments(rest), params, lang);
        } catch (const app::AppError& e) {
            send_error(response, e, lang);
            return;
        } catch (const StorageError& e) {  // the pool cannot open the database
            send_error(response, app::AppError(app::ErrorKind::Database, {e.what()}));
            return;
        }
        if (reply.body.size() > options.max_answer_bytes) {
            send_error(response,
                       app::AppError(app::ErrorKind::Limit,
                                     {"the answer is " + std::to_string(reply.body.size() >> 20) +
                                      " MiB, more than this server sends (" +
                                      std::to_string(options.max_answer_bytes >> 20) +
                                      " MiB): narrow the query (a type, a kind, a country, a date, a "
                                      "limit)"}));
            return;
        }
        response.set_content(std::move(reply.body), reply.content_type);
    }

    // Writes: allowed at start, and by the bearer token.
    bool may_write(const httplib::Request& request, httplib::Response& response) const {
        if (!options.allow_write) {
            send_error(response, 403, "this server is read-only; start it with `kizuna serve --allow-write`",
                       2);
            return false;
        }
        const std::string given = request.get_header_value("Authorization");
        if (!same_secret(given, "Bearer " + options.token)) {
            response.set_header("WWW-Authenticate", "Bearer");
            const bool none = given.empty() || given == "Bearer" || given == "Bearer ";
            send_error(response, 401,
                       none ? "writes need the header 'Authorization: Bearer TOKEN' (printed at start)"
                            : "the token was refused: writes need the token `serve` printed at start",
                       2);
            return false;
        }
        return true;
    }

    // A write, one at a time (readers go on meanwhile), answered with its report.
    // The history records it as the token holder's (ServeOptions::author), made by the request named.
    // A refusal is worded in ?lang= (en, ja, vi), else the server's language.
    template <typename Write>
    void write(const httplib::Request& request, httplib::Response& response, const std::string& what,
               Write&& work) {
        const std::lock_guard<std::mutex> lock(write_mutex);
        const std::string lang = request.has_param("lang") ? request.get_param_value("lang") : options.lang;
        try {
            app::Session session(options.db, {.author = options.author, .command = "kizuna serve: " + what});
            response.set_content(nlohmann::json(work(session)).dump(), kJson);
        } catch (const app::AppError& e) {
            send_error(response, e, lang);
        }
    }

    // POST /api/import: the uploaded files imported from memory, all or nothing, as `kizuna import FILE…`
    // imports files (nothing is written to disk but the database); problems name the uploads' names.
    void import_upload(const httplib::Request& request, httplib::Response& response) {
        if (!may_write(request, response)) return;
        app::ImportRequest import;
        std::set<std::string> names;
        const auto add = [&](const std::string& name, const std::string& bytes) {
            if (!names.insert(name).second) {
                send_error(response, 400, "two uploads are named '" + name + "': each file once", 2);
                return false;
            }
            import.uploads.push_back({name, bytes});
            return true;
        };
        for (const auto& [field, file] : request.files) {
            const auto name = upload_name(file.filename);
            if (!name) {
                send_error(response, 400,
                           "upload '" + file.filename +
                               "': a .csv, .tsv, .jsonl, .graphml or .xlsx file with a plain name",
                           2);
                return;
            }
            if (!add(*name, file.content)) return;
        }
        if (!request.is_multipart_form_data()) {  // the body itself, its format named by ?format=
            const std::string format = request.get_param_value("format");
            if (format != "csv" && format != "jsonl" && format != "graphml" && format != "xlsx") {
                send_error(response, 400,
                           "POST /api/import: send files as multipart/form-data, or the body with "
                           "?format=jsonl|graphml|csv|xlsx (csv: &name=entities.csv …)",
                           2);
                return;
            }
            std::string name =
                request.has_param("name") ? request.get_param_value("name") : "upload." + format;
            if (!upload_name(name)) {
                send_error(response, 400, "name '" + name + "': a plain file name ending in ." + format, 2);
                return;
            }
            if (!add(name, request.body)) return;
        }
        if (import.uploads.empty()) {
            send_error(response, 400, "POST /api/import: no files", 2);
            return;
        }
        write(request, response, "POST /api/import",
              [&import](app::Session& session) { return session.answer(import); });
    }

    // One record (the entity itself at /api/entity …) written as import writes it, from memory: POST adds
    // (an id that exists is refused, 409), PUT edits. A PUT's body is the record, or {"record": …,
    // "opened": …} with the record as it was read: refused (409) when the stored one is no longer that.
    void put_record(const std::string& kind, const httplib::Request& request, httplib::Response& response) {
        if (!may_write(request, response)) return;
        app::RecordRequest record{kind, request.body, "add", ""};
        if (request.method == "PUT") {
            record.mode = "edit";
            const auto body = nlohmann::json::parse(request.body, nullptr, false);
            if (body.is_object() && body.contains("record")) {
                for (const auto& [key, value] : body.items()) {
                    if (key != "record" && key != "opened") {
                        send_error(response, 400,
                                   "PUT /api/" + kind +
                                       ": the body is the record, or {\"record\", \"opened\"}; '" + key +
                                       "' is neither",
                                   2);
                        return;
                    }
                }
                record.json = body["record"].dump();
                if (body.contains("opened") && !body["opened"].is_null())
                    record.opened = body["opened"].dump();
            }
        }
        write(request, response, request.method + " /api/" + kind,
              [&record](app::Session& session) { return session.answer(record); });
    }

    // GET /api/capabilities: what this server lets a client do (whether it takes writes), so that a page
    // need not try a write to know.
    void capabilities(httplib::Response& response) const {
        response.set_content(nlohmann::json{{"writes", options.allow_write},
                                            {"token_required", options.allow_write},
                                            {"lang", options.lang}}
                                 .dump(),
                             kJson);
    }

    // A write whose query parameters fill the request's own fields (their names as the request describes
    // them; "dry-run" is also taken for dry_run): POST /api/undo?change=N[&dry_run=true],
    // /api/merge?keep=A&other=B[&dry_run=true][&prefer=other], /api/not-duplicates?a=A&b=B.
    template <typename Request>
    void described_write(const std::string& endpoint, const httplib::Request& request,
                         httplib::Response& response) {
        if (!may_write(request, response)) return;
        const auto& description = Request::description();
        std::string what = "POST /api/" + endpoint;  // as the history records the command
        char separator = '?';
        for (const auto& field : description.fields) {
            if (field.param.name == "dry_run" || !request.has_param(field.param.name)) continue;
            what += separator + field.param.name + "=" + request.get_param_value(field.param.name);
            separator = '&';
        }
        const QueryParams params(request.params.begin(), request.params.end());
        write(request, response, what,
              [&](app::Session& session) { return session.answer(described_request<Request>(params)); });
    }

    // GET /api/style?lang=ja: the shapes, colours and words of the diagrams (viz), for the page.
    void style(const httplib::Request& request, httplib::Response& response) {
        const std::string lang = request.get_param_value("lang");
        if (!lang.empty() && lang != "en" && lang != "ja" && lang != "vi") {
            send_error(response, 400, "lang '" + lang + "': en, ja or vi", 2);
            return;
        }
        try {
            const auto lease = pool.lease();
            const Snapshot snapshot = Snapshot::take(lease.store(), graph);
            const Graph& data = snapshot.graph();
            response.set_content(
                viz::style_sheet_json(data.entity_kinds(), data.kinds(), data.relation_types(),
                                      data.countries(), lang.empty() ? "en" : lang),
                kJson);
        } catch (const StorageError& e) {
            send_error(response, 503, e.what(), 4, "database");
        }
    }

    void routes() {
        http.Get("/api/style", [this](const httplib::Request& request, httplib::Response& response) {
            style(request, response);
        });
        http.Get("/api/capabilities",
                 [this](const httplib::Request&, httplib::Response& response) { capabilities(response); });
        http.Get("/api/openapi.json", [](const httplib::Request&, httplib::Response& response) {
            static const std::string document = openapi_document().dump(2);
            response.set_content(document, kJson);
        });
        http.Get(
            R"(/api/([a-z_]+)(/.*)?)", [this](const httplib::Request& request, httplib::Response& response) {
                answer(request.matches[1], request.matches.size() > 2 ? std::string(request.matches[2]) : "",
                       request, response);
            });
        http.Post("/api/import", [this](const httplib::Request& request, httplib::Response& response) {
            import_upload(request, response);
        });
        http.Post("/api/undo", [this](const httplib::Request& request, httplib::Response& response) {
            described_write<app::UndoRequest>("undo", request, response);
        });
        http.Post("/api/merge", [this](const httplib::Request& request, httplib::Response& response) {
            described_write<app::MergeRequest>("merge", request, response);
        });
        http.Post("/api/not-duplicates",
                  [this](const httplib::Request& request, httplib::Response& response) {
                      described_write<app::NotDuplicatesRequest>("not-duplicates", request, response);
                  });
        for (const std::string kind : {"entity", "relation", "type", "kind"}) {
            http.Post("/api/" + kind,
                      [this, kind](const httplib::Request& request, httplib::Response& response) {
                          put_record(kind, request, response);
                      });
            http.Put("/api/" + kind,
                     [this, kind](const httplib::Request& request, httplib::Response& response) {
                         put_record(kind, request, response);
                     });
        }
        // Before the body is read: the Host check, and a read-only server's refusal of writes (which
        // would otherwise be refused by the body's reading first, as too large or malformed).
        http.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
            if (const auto refused = hosts->refusal(request.get_header_value("Host"))) {
                send_error(response, 421, *refused, 2);
                Connections::close_after_answer();
                return httplib::Server::HandlerResponse::Handled;
            }
            if (request.method != "GET" && request.method != "HEAD" && request.path.rfind("/api/", 0) == 0) {
                const std::string name = request.path.substr(5);
                const bool write = (request.method == "POST" && kWrites.count(name) > 0) ||
                                   (request.method == "PUT" && kEdits.count(name) > 0);
                // Read-only, or no token: refused before the body is read (no one without the token
                // can make the server read a large or slow body).
                if (write && may_write(request, response)) return httplib::Server::HandlerResponse::Unhandled;
                if (!write) {
                    send_error(response, 404, "no such endpoint: " + request.method + " " + request.path, 2);
                }
                Connections::close_after_answer();  // its body is not read
                return httplib::Server::HandlerResponse::Handled;
            }
            if ((request.method == "GET" || request.method == "HEAD") &&
                request.path.rfind("/api/", 0) != 0 && page.answer(request, response))
                return httplib::Server::HandlerResponse::Handled;
            return httplib::Server::HandlerResponse::Unhandled;
        });
        http.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
            if (request.path.rfind("/api/", 0) == 0 && response.body.empty()) {
                send_error(response, response.status,
                           "no such endpoint: " + request.method + " " + request.path, 2);
            }
        });
        http.set_exception_handler(
            [](const httplib::Request&, httplib::Response& response, std::exception_ptr failure) {
                std::string what = "unexpected error";
                try {
                    if (failure) std::rethrow_exception(failure);
                } catch (const std::exception& e) {
                    what += std::string(": ") + e.what();
                } catch (...) {
                }
                send_error(response, 500, what, 1);
            });
        // Every response: no script or style but the page's own, no framing, no sniffing, no referrer;
        // answers are not kept (the page's files say how they may be).
        // An HTML answer of the API (the brief's sheet) holds its styles and drawings inline and no script:
        // it may use its own styles, and nothing else.
        http.set_post_routing_handler([](const httplib::Request& request, httplib::Response& response) {
            const bool sheet = request.path.rfind("/api/", 0) == 0 &&
                               response.get_header_value("Content-Type").rfind("text/html", 0) == 0;
            response.set_header(
                "Content-Security-Policy",
                sheet ? "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
                      : "default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'; "
                        "base-uri 'none'; form-action 'self'");
            response.set_header("X-Content-Type-Options", "nosniff");
            response.set_header("Referrer-Policy", "no-referrer");
            if (!response.has_header("Cache-Control")) response.set_header("Cache-Control", "no-store");
        });
        http.set_payload_max_length(options.max_body_bytes);
        http.set_tcp_nodelay(true);  // answers go out at once, not after the peer's delayed ACK (40 ms)
        // What the Keep-Alive header says; Connections enforces it.
        http.set_keep_alive_timeout(
            std::max<time_t>(1, static_cast<time_t>(options.idle_timeout.count() / 1000)));
        http.set_keep_alive_max_count(kRequestsPerConnection);
    }

    static constexpr std::size_t kRequestsPerConnection = 100;

    void listen() {
        ConnectionLimits limits;
        limits.max_connections = options.max_connections;
        limits.threads = options.threads;
        limits.idle = options.idle_timeout;
        limits.headers = options.header_timeout;
        limits.request = options.request_timeout;
        limits.write = options.write_timeout;
        limits.requests_per_connection = kRequestsPerConnection;
        Connections connections(limits, [this](httplib::Stream& stream, bool close, bool& closed) {
            return http.serve_one(stream, close, closed);
        });
        http.serve_with(&connections);
        http.listen_after_bind();
        connections.shutdown();
        http.serve_with(nullptr);
    }
};

Server::Server(ServeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) { impl_->routes(); }

Server::~Server() = default;

int Server::bind() {
    const int port =
        impl_->options.port == 0
            ? impl_->http.bind_to_any_port(impl_->options.host)
            : (impl_->http.bind_to_port(impl_->options.host, impl_->options.port) ? impl_->options.port : -1);
    if (port < 0) {
        throw UsageError("cannot listen on " + impl_->options.host + ":" +
                         std::to_string(impl_->options.port) +
                         " (in use, or not an address of this machine)");
    }
    impl_->hosts = std::make_unique<HostCheck>(impl_->options.host, port, impl_->options.allowed_hosts);
    impl_->http.widen_backlog(static_cast<int>(std::min<std::size_t>(impl_->options.max_connections, 4096)));
    return port;
}

void Server::listen() { impl_->listen(); }

void Server::stop() { impl_->http.stop(); }

const std::string& Server::token() const { return impl_->options.token; }

}  // namespace kizuna::server
