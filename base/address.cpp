#include "base/address.h"

#include "base/text.h"

#include <arpa/inet.h>

#include <cstring>

namespace ord {

std::string address_domain(std::string_view address) {
    auto at = address.rfind('@');
    if (at == std::string_view::npos) return {};
    std::string_view d = address.substr(at + 1);
    while (!d.empty() && (d.back() == '>' || d.back() == '.' || d.back() == ' ')) d.remove_suffix(1);
    return ascii_lower(d);
}

bool domain_within(std::string_view domain, std::string_view entry) {
    if (domain.empty() || entry.empty() || entry.find('@') != std::string_view::npos) return false;
    const std::string d = ascii_lower(domain), e = ascii_lower(entry);
    if (d == e) return true;
    return d.size() > e.size() && d.compare(d.size() - e.size(), e.size(), e) == 0 && d[d.size() - e.size() - 1] == '.';
}

bool domain_in(std::string_view domain, const std::vector<std::string>& list) {
    for (const auto& entry : list)
        if (domain_within(domain, entry)) return true;
    return false;
}

bool address_matches(std::string_view address, std::string_view entry) {
    if (entry.empty()) return false;
    if (entry.front() == '@') {
        const std::string d = address_domain(address);
        return !d.empty() && d == ascii_lower(entry.substr(1));
    }
    if (entry.find('@') != std::string_view::npos) return ascii_lower(address) == ascii_lower(entry);
    return domain_within(address_domain(address), entry);
}

bool address_in(std::string_view address, const std::vector<std::string>& list) {
    for (const auto& entry : list)
        if (address_matches(address, entry)) return true;
    return false;
}

namespace {

std::optional<IpAddress> parse_ip(std::string_view text) {
    if (text.empty() || text.find('\0') != std::string_view::npos) return std::nullopt;
    const std::string s(text);  // inet_pton wants a terminated string
    IpAddress a;
    if (inet_pton(AF_INET, s.c_str(), a.bytes.data()) == 1) a.family = AF_INET;
    else if (inet_pton(AF_INET6, s.c_str(), a.bytes.data()) == 1) a.family = AF_INET6;
    else return std::nullopt;
    return a;
}

// ::ffff:a.b.c.d: an IPv4 address carried in IPv6.
bool ipv4_mapped(const IpAddress& a) {
    static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return a.family == AF_INET6 && std::memcmp(a.bytes.data(), mapped, sizeof mapped) == 0;
}

IpAddress unmapped(IpAddress a) {
    std::memmove(a.bytes.data(), a.bytes.data() + 12, 4);
    std::memset(a.bytes.data() + 4, 0, 12);
    a.family = AF_INET;
    return a;
}

}  // namespace

std::optional<Network> parse_network(std::string_view text) {
    auto slash = text.find('/');
    auto base = parse_ip(text.substr(0, slash));
    if (!base) return std::nullopt;
    Network n{*base, base->family == AF_INET ? 32 : 128};
    if (slash != std::string_view::npos) {
        std::string_view len = text.substr(slash + 1);
        if (len.empty() || len.size() > 3 || len.find_first_not_of("0123456789") != std::string_view::npos)
            return std::nullopt;
        int prefix = 0;
        for (char c : len) prefix = prefix * 10 + (c - '0');
        if (prefix > n.prefix) return std::nullopt;
        n.prefix = prefix;
    }
    if (ipv4_mapped(n.base) && n.prefix >= 96) n = Network{unmapped(n.base), n.prefix - 96};
    return n;
}

std::optional<IpAddress> parse_client_address(std::string_view text) {
    if (text.size() >= 5 && ascii_lower(text.substr(0, 5)) == "ipv6:") text.remove_prefix(5);
    if (!text.empty() && text.front() == '[') {
        if (text.size() < 2 || text.back() != ']') return std::nullopt;
        text = text.substr(1, text.size() - 2);
    }
    auto a = parse_ip(text);
    if (a && ipv4_mapped(*a)) a = unmapped(*a);
    return a;
}

bool network_contains(const Network& n, const IpAddress& a) {
    if (n.base.family != a.family || n.base.family == 0) return false;
    int bits = n.prefix;
    std::size_t i = 0;
    for (; bits >= 8; bits -= 8, ++i)
        if (a.bytes[i] != n.base.bytes[i]) return false;
    if (bits > 0) {
        auto mask = static_cast<unsigned char>(0xFF << (8 - bits));
        if ((a.bytes[i] & mask) != (n.base.bytes[i] & mask)) return false;
    }
    return true;
}

bool client_in_networks(std::string_view client, const std::vector<std::string>& networks) {
    auto a = parse_client_address(client);
    if (!a) return false;
    for (const auto& text : networks)
        if (auto n = parse_network(text); n && network_contains(*n, *a)) return true;
    return false;
}

}  // namespace ord
