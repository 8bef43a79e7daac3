// Mail addresses, domains and client networks as the policy lists name them: one reading shared
// by the policy store, the direction of a message and the attachment and content allow-lists.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ord {

// The domain of an address, lower-case: what follows the last '@', with trailing '>', '.' and
// ' ' dropped ("Bob@Modot.MO.gov>" -> "modot.mo.gov"); "" when there is no '@'.
std::string address_domain(std::string_view address);

// `domain` is `entry` or a subdomain of it ("mail.modot.mo.gov" is within "modot.mo.gov"),
// ASCII case-insensitive. An empty domain or entry, or an entry with an '@', is never matched.
bool domain_within(std::string_view domain, std::string_view entry);
// domain_within for any entry of the list.
bool domain_in(std::string_view domain, const std::vector<std::string>& list);

// One allow-list entry against an address, ASCII case-insensitive, as Postfix's tables read
// them: "user@b.gov" is that address; "@b.gov" every address at b.gov itself (its subdomains
// are not); "b.gov" every address at b.gov or at a subdomain of it. An empty entry matches nothing.
bool address_matches(std::string_view address, std::string_view entry);
// address_matches for any entry of the list.
bool address_in(std::string_view address, const std::vector<std::string>& list);

// An IPv4 or IPv6 address in network byte order; IPv4 uses bytes[0..3].
struct IpAddress {
    int family = 0;  // AF_INET or AF_INET6
    std::array<unsigned char, 16> bytes{};
};

struct Network {
    IpAddress base;
    int prefix = 0;  // leading bits that must match: 0..32 (IPv4) or 0..128 (IPv6)
};

// "10.0.0.0/8", "2001:db8::/32", or a lone address (a /32 or /128). Nothing else: no spaces,
// the prefix 1 to 3 digits no larger than the family's width. A network written as IPv4-mapped
// IPv6 with a prefix of 96 or more ("::ffff:10.0.0.0/104") is read as the IPv4 network it names.
std::optional<Network> parse_network(std::string_view text);

// A client address as MTAs pass {client_addr}: "192.0.2.1", "2001:db8::1", "IPv6:2001:db8::1"
// (Sendmail), "[192.0.2.1]"; an IPv4-mapped "::ffff:192.0.2.1" is the IPv4 address.
// nullopt when it is not an address.
std::optional<IpAddress> parse_client_address(std::string_view text);

bool network_contains(const Network& network, const IpAddress& address);

// The client address is within one of the networks. Entries that do not parse match nothing,
// and neither does a client address that does not parse.
bool client_in_networks(std::string_view client, const std::vector<std::string>& networks);

}  // namespace ord
