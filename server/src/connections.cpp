#include "connections.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace kizuna::server {

using Clock = std::chrono::steady_clock;

struct Connections::Connection {
    Connection(Connections& owner_, int fd_, std::uint64_t id_) : owner(owner_), fd(fd_), id(id_) {}
    Connections& owner;
    int fd;
    std::uint64_t id;         // never reused, unlike socket numbers: an event for a closed one finds nothing
    bool registered = false;  // in the epoll set (disabled while a worker has it: EPOLLONESHOT)
    // What has come and the parser has not taken (it asks one byte at a time); kept between requests.
    // The poll loop gathers a request's head here, so that a worker gets only whole heads.
    std::string buffer;
    std::size_t begin = 0;
    bool head_started = false;  // some of the next request's head has come
    Clock::time_point head_deadline;
    std::size_t requests = 0;
    Clock::time_point read_deadline, write_deadline;
    bool writing = false;
    bool close_after = false;
    // gone(): the last look at the socket (ns since the clock's epoch), and what it saw. Atomic: a
    // query may ask from a thread of its own.
    std::atomic<std::int64_t> checked{0};
    std::atomic<bool> gone{false};
    // Closing after an answer whose request body was not read: what the client still sends is read and
    // dropped for a moment (by the poll loop), for a close with unread data would send a reset, which
    // can destroy the answer before the client reads it.
    bool lingering = false;
    std::size_t dropped = 0;
    Clock::time_point linger_until;
};

namespace {

thread_local Connections::Connection* current = nullptr;

constexpr std::size_t kChunk = 16384;
constexpr std::size_t kMostHead = 64 * 1024;  // more without its end: the parser refuses it

// Appends what the socket has (one recv) to the connection's buffer.
ssize_t read_some(Connections::Connection& c) {
    if (c.begin > 0) {
        c.buffer.erase(0, c.begin);
        c.begin = 0;
    }
    const std::size_t had = c.buffer.size();
    c.buffer.resize(had + kChunk);
    const ssize_t n = ::recv(c.fd, c.buffer.data() + had, kChunk, MSG_DONTWAIT);
    c.buffer.resize(had + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    return n;
}

// Whether the buffer holds a request's whole head (its line and headers), or more than a head may be.
bool head_complete(const Connections::Connection& c) {
    const std::string_view rest = std::string_view(c.buffer).substr(c.begin);
    return rest.find("\r\n\r\n") != std::string_view::npos || rest.find("\n\n") != std::string_view::npos ||
           rest.size() >= kMostHead;
}

// Waits until the socket is ready for events or the deadline passes; false at the deadline.
bool wait_for(int fd, short events, Clock::time_point deadline) {
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return false;
        pollfd p{fd, events, 0};
        const int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1'000'000)));
        if (n > 0) return true;  // ready, or an error the next call reports
        if (n < 0 && errno != EINTR) return false;
    }
}

void address_of(int fd, bool peer, std::string& ip, int& port) {
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    auto* any = reinterpret_cast<sockaddr*>(&address);
    if ((peer ? getpeername(fd, any, &length) : getsockname(fd, any, &length)) != 0) return;
    std::array<char, INET6_ADDRSTRLEN> text{};
    if (address.ss_family == AF_INET) {
        const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
        inet_ntop(AF_INET, &v4->sin_addr, text.data(), text.size());
        port = ntohs(v4->sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
        inet_ntop(AF_INET6, &v6->sin6_addr, text.data(), text.size());
        port = ntohs(v6->sin6_port);
    }
    ip = text.data();
}

// One request's reads and writes on a connection, each bounded by the request's deadlines.
class SocketStream : public httplib::Stream {
  public:
    SocketStream(Connections::Connection& connection, std::chrono::milliseconds write_limit)
        : c_(connection), write_limit_(write_limit) {}

    bool is_readable() const override {
        return c_.begin < c_.buffer.size() || wait_for(c_.fd, POLLIN, c_.read_deadline);
    }
    bool is_writable() const override { return wait_for(c_.fd, POLLOUT, write_deadline()); }

    ssize_t read(char* ptr, size_t size) override {
        if (c_.begin == c_.buffer.size()) {
            c_.buffer.clear();
            c_.begin = 0;
            for (;;) {
                if (!wait_for(c_.fd, POLLIN, c_.read_deadline)) return -1;
                // A large read (a body) goes straight to its place.
                if (size >= kChunk) {
                    const ssize_t n = ::recv(c_.fd, ptr, size, MSG_DONTWAIT);
                    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) continue;
                    return n;
                }
                const ssize_t n = read_some(c_);
                if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) continue;
                if (n <= 0) return n;
                break;
            }
        }
        const std::size_t n = std::min(size, c_.buffer.size() - c_.begin);
        std::memcpy(ptr, c_.buffer.data() + c_.begin, n);
        c_.begin += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        const Clock::time_point deadline = write_deadline();
        for (;;) {
            const ssize_t n = ::send(c_.fd, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n >= 0) return n;
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
            if (!wait_for(c_.fd, POLLOUT, deadline)) return -1;
        }
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        address_of(c_.fd, true, ip, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        address_of(c_.fd, false, ip, port);
    }
    socket_t socket() const override { return c_.fd; }

  private:
    // The answer's time starts at its first byte.
    Clock::time_point write_deadline() const {
        if (!c_.writing) {
            c_.writing = true;
            c_.write_deadline = Clock::now() + write_limit_;
        }
        return c_.write_deadline;
    }

    Connections::Connection& c_;
    std::chrono::milliseconds write_limit_;
};

// Reads and drops what a lingering connection has; true when it is done (closed by the client, an
// error, or more than a lingering client may send).
bool drain(Connections::Connection& c) {
    std::array<char, 16384> discard{};
    for (;;) {
        const ssize_t n = ::recv(c.fd, discard.data(), discard.size(), MSG_DONTWAIT);
        if (n > 0) {
            c.dropped += static_cast<std::size_t>(n);
            if (c.dropped > (8u << 20)) return true;
            continue;
        }
        return n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
    }
}

// The answer to a connection past max_connections when none can be closed to make room.
std::string busy_answer() {
    const std::string body = R"({"error":"the server is busy serving its clients; try again","exit":4})";
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
           "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

Connections::Connections(ConnectionLimits limits, ServeOne serve)
    : limits_(limits), serve_(std::move(serve)) {
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    wake_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = 0;  // no connection's id
    epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &event);
    workers_ = std::make_unique<httplib::ThreadPool>(std::max<std::size_t>(1, limits_.threads));
    poller_ = std::thread([this] { poll_loop(); });
}

Connections::~Connections() { shutdown(); }

void Connections::add(int fd) {
    if (stopping_) {
        ::close(fd);
        return;
    }
    const int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
    if (open_ >= limits_.max_connections) {
        // Room is made by closing the connection idle longest; when every connection is being served,
        // the new one is told the server is busy.
        std::shared_ptr<Connection> evicted;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            const auto oldest = std::min_element(
                waiting_.begin(), waiting_.end(),
                [](const auto& a, const auto& b) { return a.second.second < b.second.second; });
            if (oldest != waiting_.end()) {
                evicted = oldest->second.first;
                waiting_.erase(oldest);
            }
        }
        if (evicted == nullptr) {
            static const std::string busy = busy_answer();
            (void)::send(fd, busy.data(), busy.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
            ::close(fd);
            return;
        }
        close(*evicted);
    }
    ++open_;
    wait(std::make_shared<Connection>(*this, fd, ++ids_), Clock::now() + limits_.idle);
}

void Connections::wait(std::shared_ptr<Connection> connection, Clock::time_point until) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) {
        close(*connection);
        return;
    }
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
    const std::uint64_t id = connection->id;  // before the move below
    event.data.u64 = id;
    const int fd = connection->fd;
    const bool registered = connection->registered;
    connection->registered = true;
    waiting_[id] = {std::move(connection), until};
    epoll_ctl(epoll_, registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event);
}

void Connections::poll_loop() {
    std::array<epoll_event, 64> events{};
    while (!stopping_) {
        // Every 100 ms at least, to close connections past their time.
        const int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 100);
        std::vector<std::shared_ptr<Connection>> ready, expired;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            for (int i = 0; i < n; ++i) {
                const std::uint64_t id = events[static_cast<std::size_t>(i)].data.u64;  // a copy: packed
                const auto found = waiting_.find(id);
                if (found == waiting_.end()) continue;  // the wake-up, or one closed meanwhile
                ready.push_back(std::move(found->second.first));
                waiting_.erase(found);
            }
            const Clock::time_point now = Clock::now();
            for (auto at = waiting_.begin(); at != waiting_.end();) {
                if (at->second.second > now) {
                    ++at;
                    continue;
                }
                expired.push_back(std::move(at->second.first));
                at = waiting_.erase(at);
            }
        }
        for (auto& connection : ready) {
            if (!connection->lingering) {
                gather(connection);
            } else if (drain(*connection)) {
                close(*connection);
            } else {
                wait(connection, connection->linger_until);
            }
        }
        for (auto& connection : expired) close(*connection);
    }
}

void Connections::gather(const std::shared_ptr<Connection>& connection) {
    Connection& c = *connection;
    for (;;) {
        const ssize_t n = read_some(c);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            close(c);  // closed by the client (or broken) before a whole request
            return;
        }
        if (n < 0 || head_complete(c)) break;
    }
    if (head_complete(c)) {
        c.head_started = false;
        workers_->enqueue([this, connection] { serve(connection); });
        return;
    }
    if (!c.head_started) {
        c.head_started = true;
        c.head_deadline = Clock::now() + limits_.headers;
    }
    wait(connection, c.head_deadline);
}

void Connections::serve(const std::shared_ptr<Connection>& connection) {
    Connection& c = *connection;
    current = &c;
    bool keep = false;
    for (;;) {
        const Clock::time_point start = Clock::now();
        ++c.requests;
        c.read_deadline = start + limits_.request;  // the head is here; the body has this long
        c.writing = false;
        c.close_after = false;
        c.gone = false;
        c.checked = 0;
        const bool close_now = c.requests >= limits_.requests_per_connection || stopping_;
        bool closed = false;
        bool ok = false;
        try {
            SocketStream stream(c, limits_.write);
            ok = serve_(stream, close_now, closed);
        } catch (...) {  // the request's handlers answer their own errors; this is only a last guard
            ok = false;
        }
        keep = ok && !closed && !close_now && !c.close_after && !stopping_;
        if (!keep || !head_complete(c)) break;  // else a pipelined request is already here
    }
    current = nullptr;
    if (c.close_after && !stopping_) {
        ::shutdown(c.fd, SHUT_WR);  // the answer is complete
        c.lingering = true;
        c.linger_until = Clock::now() + std::chrono::seconds(1);
        wait(connection, c.linger_until);
    } else if (keep && c.begin < c.buffer.size()) {  // part of the next head is here
        c.head_started = true;
        c.head_deadline = Clock::now() + limits_.headers;
        wait(connection, c.head_deadline);
    } else if (keep) {
        wait(connection, Clock::now() + limits_.idle);
    } else {
        close(c);
    }
}

void Connections::close(Connection& connection) {
    if (connection.fd < 0) return;
    if (connection.registered) epoll_ctl(epoll_, EPOLL_CTL_DEL, connection.fd, nullptr);
    ::close(connection.fd);
    connection.fd = -1;
    --open_;
}

void Connections::shutdown() {
    if (stopping_.exchange(true)) return;
    const std::uint64_t one = 1;
    (void)::write(wake_, &one, sizeof(one));
    poller_.join();
    std::map<std::uint64_t, std::pair<std::shared_ptr<Connection>, Clock::time_point>> waiting;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        waiting.swap(waiting_);
    }
    for (auto& [id, entry] : waiting) close(*entry.first);
    workers_->shutdown();  // the requests being served end (client_gone() now says so to queries)
    ::close(epoll_);
    ::close(wake_);
}

namespace {

bool gone(Connections::Connection& c, bool stopping) {
    if (stopping || c.gone) return true;
    const std::int64_t now = Clock::now().time_since_epoch().count();
    if (now - c.checked < std::chrono::nanoseconds(std::chrono::milliseconds(5)).count()) return false;
    c.checked = now;
    pollfd p{c.fd, POLLRDHUP, 0};
    if (::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0) c.gone = true;
    return c.gone;
}

}  // namespace

std::function<bool()> Connections::client_gone() {
    Connection* c = current;
    if (c == nullptr) return [] { return false; };
    return [c] { return gone(*c, c->owner.stopping_); };
}

void Connections::close_after_answer() {
    if (current != nullptr) current->close_after = true;
}

}  // namespace kizuna::server
