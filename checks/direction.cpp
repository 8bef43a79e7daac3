#include "checks/direction.h"

#include "base/text.h"

#include <arpa/inet.h>

#include <cstring>

namespace ord {
namespace {

bool in_network(const std::string& addr, const std::string& net) {
    auto slash = net.find('/');
    std::string base = net.substr(0, slash);
    unsigned char a[16], b[16];
    int bits;
    if (inet_pton(AF_INET, addr.c_str(), a) == 1 && inet_pton(AF_INET, base.c_str(), b) == 1) bits = 32;
    else if (inet_pton(AF_INET6, addr.c_str(), a) == 1 && inet_pton(AF_INET6, base.c_str(), b) == 1) bits = 128;
    else return false;
    int prefix = bits;
    if (slash != std::string::npos) prefix = std::atoi(net.c_str() + slash + 1);
    for (int i = 0; i < prefix; ++i) {
        int byte = i / 8, bit = 7 - i % 8;
        if (((a[byte] >> bit) & 1) != ((b[byte] >> bit) & 1)) return false;
    }
    return true;
}

}  // namespace

std::string domain_of(std::string_view address) {
    auto at = address.rfind('@');
    if (at == std::string_view::npos) return {};
    std::string_view d = address.substr(at + 1);
    while (!d.empty() && (d.back() == '>' || d.back() == '.' || d.back() == ' ')) d.remove_suffix(1);
    return ascii_lower(d);
}

bool domain_in(std::string_view domain, const std::vector<std::string>& list) {
    if (domain.empty()) return false;
    std::string d = ascii_lower(domain);
    for (const auto& l : list) {
        if (l.empty() || l.find('@') != std::string::npos) continue;
        if (d == l) return true;
        if (d.size() > l.size() && d.compare(d.size() - l.size(), l.size(), l) == 0 && d[d.size() - l.size() - 1] == '.')
            return true;
    }
    return false;
}

bool address_in(std::string_view address, const std::vector<std::string>& list) {
    std::string a = ascii_lower(address);
    for (const auto& l : list)
        if (l.find('@') != std::string::npos && l == a) return true;
    return domain_in(domain_of(a), list);
}

bool is_internal_address(const Config& cfg, std::string_view address) {
    return domain_in(domain_of(address), cfg.organisation.internal_domains);
}

bool sender_is_internal(const Config& cfg, const Envelope& env) {
    if (!env.auth_login.empty())
        return env.auth_login.find('@') == std::string::npos || is_internal_address(cfg, env.auth_login);
    if (!is_internal_address(cfg, env.mail_from)) return false;
    if (env.client_addr.empty()) return true;  // no connection facts (a saved message): trust the address
    for (const auto& n : cfg.organisation.trusted_networks)
        if (in_network(env.client_addr, n)) return true;
    return false;
}

Direction direction_of(const Config& cfg, const Envelope& env, std::string_view rcpt) {
    if (!sender_is_internal(cfg, env)) return Direction::Inbound;
    return is_internal_address(cfg, rcpt) ? Direction::Internal : Direction::Outbound;
}

Direction message_direction(const Config& cfg, const Envelope& env) {
    if (!sender_is_internal(cfg, env)) return Direction::Inbound;
    for (const auto& r : env.rcpts)
        if (!is_internal_address(cfg, r)) return Direction::Outbound;
    return Direction::Internal;
}

}  // namespace ord
