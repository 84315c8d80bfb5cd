#pragma once
// Private to server: the names this server answers to. A web page can reach a server on the loopback
// address by DNS rebinding: its own name, resolved again, now points at 127.0.0.1, and the browser
// sends the page's name in the Host header. A server that answers only to its own names (and to names
// the operator allowed with --allow-host) is not reachable that way.
#include <optional>
#include <string>
#include <vector>

namespace kizuna::server {

class HostCheck {
  public:
    // bound: the address listened on (127.0.0.1, ::1, 0.0.0.0, a name); allowed: --allow-host names.
    HostCheck(const std::string& bound, int port, const std::vector<std::string>& allowed);

    // Why a request with this Host header is refused, or nothing when it is one of the server's names.
    [[nodiscard]] std::optional<std::string> refusal(const std::string& host_header) const;

  private:
    int port_;
    bool any_address_;  // bound to 0.0.0.0 or ::, where every address of the machine is the server's
    std::vector<std::string> names_;
};

}  // namespace kizuna::server
