#include "host_check.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace kizuna::server {

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// [::1] and ::1 both name the IPv6 address; a trailing dot names the same host.
std::string plain_name(std::string name) {
    name = lower(std::move(name));
    if (name.size() >= 2 && name.front() == '[' && name.back() == ']') name = name.substr(1, name.size() - 2);
    if (!name.empty() && name.back() == '.') name.pop_back();
    return name;
}

bool is_address(const std::string& name) {
    std::array<unsigned char, 16> bytes{};
    return inet_pton(AF_INET, name.c_str(), bytes.data()) == 1 ||
           inet_pton(AF_INET6, name.c_str(), bytes.data()) == 1;
}

std::string shown(const std::string& name, int port) {
    return (name.find(':') != std::string::npos ? "[" + name + "]" : name) + ":" + std::to_string(port);
}

}  // namespace

HostCheck::HostCheck(const std::string& bound, int port, const std::vector<std::string>& allowed)
    : port_(port) {
    const std::string address = plain_name(bound);
    any_address_ = address == "0.0.0.0" || address == "::";
    // The loopback names always: a browser resolves them itself, so no page can rebind them.
    names_ = {"127.0.0.1", "localhost", "::1"};
    if (!any_address_) names_.push_back(address);
    for (const auto& name : allowed) names_.push_back(plain_name(name));
    std::sort(names_.begin(), names_.end());
    names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
}

std::optional<std::string> HostCheck::refusal(const std::string& header) const {
    // name, name:port, [v6] or [v6]:port; no port means 80.
    std::string name = header, digits = "80";
    if (!header.empty() && header.front() == '[') {
        const std::size_t close = header.find(']');
        if (close != std::string::npos) {
            name = header.substr(0, close + 1);
            const std::string rest = header.substr(close + 1);
            if (!rest.empty()) digits = rest.front() == ':' ? rest.substr(1) : "";
        }
    } else if (const std::size_t colon = header.find(':');
               colon != std::string::npos && header.find(':', colon + 1) == std::string::npos) {
        name = header.substr(0, colon);
        digits = header.substr(colon + 1);
    }
    const bool port_ok =
        !digits.empty() && digits.size() <= 5 &&
        std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c) != 0; }) &&
        std::stoi(digits) == port_;
    name = plain_name(name);
    const bool known =
        std::binary_search(names_.begin(), names_.end(), name) || (any_address_ && is_address(name));
    if (known && port_ok) return std::nullopt;
    std::string names;
    for (const auto& n : names_) names += (names.empty() ? "" : ", ") + shown(n, port_);
    if (header.empty()) return "the request has no Host header; this server answers to " + names;
    return "this server does not answer to the name '" + header + "' (it answers to " + names +
           "): a page that reaches it through another name may be a DNS rebinding attack; to accept the "
           "name, start the server with --allow-host " +
           (name.empty() ? std::string("NAME") : name);
}

}  // namespace kizuna::server
