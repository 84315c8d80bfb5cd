#pragma once
// Private to server: the connections of `kizuna serve`, kept so that no client can hold the server.
// cpp-httplib's own loop gives each connection a pool thread for its whole life, waiting in its reads:
// 50 idle TCP connections held every thread and stalled every other client for 27 s. Here a connection
// holds a thread only while one request of it is answered (its body read, the answer written); waiting
// for a request, and while the request's line and headers come in, it is one entry in an epoll set. Every
// wait has an end (ConnectionLimits), and past max_connections the longest-idle connection is closed to make
// room.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace kizuna::server {

struct ConnectionLimits {
    std::size_t max_connections = 512;          // open at once; past it the longest-idle one is closed
    std::size_t threads = 16;                   // requests read, answered and written at once
    std::chrono::milliseconds idle{5'000};      // first request, and next one of a kept-alive connection
    std::chrono::milliseconds headers{10'000};  // from the first byte of a request to its last header
    std::chrono::milliseconds request{60'000};  // the body, once the head is whole
    std::chrono::milliseconds write{60'000};    // the whole answer, to a client that reads it
    std::size_t requests_per_connection = 100;
};

// Serves one request from the stream: the request is read, answered and written. close: the answer
// says "Connection: close". Sets closed when the client asked to close. Returns false when the
// connection cannot go on.
using ServeOne = std::function<bool(httplib::Stream& stream, bool close, bool& closed)>;

class Connections {
  public:
    Connections(ConnectionLimits limits, ServeOne serve);
    ~Connections();
    Connections(const Connections&) = delete;
    Connections& operator=(const Connections&) = delete;

    // Takes an accepted socket (closes it in the end).
    void add(int fd);
    // Closes every waiting connection and waits for the requests being served. Idempotent.
    void shutdown();

    // During a request on a worker thread: a check, callable from any thread until the request is
    // answered, whether its client has closed the connection or the server is stopping (a long query
    // then stops rather than answer no one). It looks at the socket at most every 5 ms (one poll()).
    [[nodiscard]] static std::function<bool()> client_gone();
    // During a request: the connection closes after its answer (its body was not read).
    static void close_after_answer();

    struct Connection;

  private:
    void poll_loop();
    // Reads what a waiting connection has; hands it to a worker once its request's head is whole.
    void gather(const std::shared_ptr<Connection>& connection);
    void wait(std::shared_ptr<Connection> connection, std::chrono::steady_clock::time_point until);
    void serve(const std::shared_ptr<Connection>& connection);
    void close(Connection& connection);

    ConnectionLimits limits_;
    ServeOne serve_;
    int epoll_ = -1;
    int wake_ = -1;  // eventfd: stops the poll loop
    std::atomic<bool> stopping_ = false;
    std::atomic<std::size_t> open_ = 0;
    std::mutex mutex_;
    // Waiting connections by id, with when they close unless a request comes.
    std::map<std::uint64_t, std::pair<std::shared_ptr<Connection>, std::chrono::steady_clock::time_point>>
        waiting_;
    std::uint64_t ids_ = 0;  // the accepting thread's
    std::unique_ptr<httplib::ThreadPool> workers_;
    std::thread poller_;
};

}  // namespace kizuna::server
