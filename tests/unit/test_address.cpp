#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "base/address.h"
#include "cache/memory_policy_store.h"
#include "policy/context.h"
#include "policy/direction.h"

#include <arpa/inet.h>

TEST_CASE("the domain of an address", "[address]") {
    struct Case {
        const char* address;
        const char* domain;
    };
    auto c = GENERATE(values<Case>({
        {"bob@modot.mo.gov", "modot.mo.gov"},
        {"Bob@Modot.MO.Gov", "modot.mo.gov"},           // lower-case
        {"<bob@modot.mo.gov>", "modot.mo.gov"},         // a closing bracket is not part of it
        {"bob@modot.mo.gov.", "modot.mo.gov"},          // nor a trailing root dot
        {"bob@modot.mo.gov> ", "modot.mo.gov"},         // nor trailing spaces
        {"\"a@b\"@example.com", "example.com"},         // the last '@' counts
        {"bob", ""},                                    // no '@': no domain
        {"", ""},
        {"bob@", ""},
        {"@", ""},
        {"bob@[192.0.2.1]", "[192.0.2.1]"},             // an address literal stays as it is
    }));
    CAPTURE(c.address);
    CHECK(ord::address_domain(c.address) == c.domain);
}

TEST_CASE("a domain within a listed domain", "[address]") {
    struct Case {
        const char* domain;
        const char* entry;
        bool within;
    };
    auto c = GENERATE(values<Case>({
        {"modot.mo.gov", "modot.mo.gov", true},
        {"mail.modot.mo.gov", "modot.mo.gov", true},       // a subdomain
        {"MAIL.Modot.mo.gov", "modot.MO.gov", true},       // either side in any case
        {"evilmodot.mo.gov", "modot.mo.gov", false},       // a suffix is not a subdomain
        {"modot.mo.gov.evil.example", "modot.mo.gov", false},
        {"mo.gov", "modot.mo.gov", false},                 // the parent is not within
        {"", "modot.mo.gov", false},
        {"modot.mo.gov", "", false},
        {"modot.mo.gov", "@modot.mo.gov", false},          // an address entry is not a domain
        {"modot.mo.gov", "bob@modot.mo.gov", false},
    }));
    CAPTURE(c.domain, c.entry);
    CHECK(ord::domain_within(c.domain, c.entry) == c.within);
    CHECK(ord::domain_in(c.domain, {"unrelated.example", c.entry}) == c.within);
}

TEST_CASE("an address against allow-list entries", "[address]") {
    struct Case {
        const char* address;
        const char* entry;
        bool matches;
    };
    auto c = GENERATE(values<Case>({
        {"it@modot.mo.gov", "it@modot.mo.gov", true},           // an address: that address
        {"IT@Modot.mo.gov", "it@modot.MO.gov", true},
        {"it2@modot.mo.gov", "it@modot.mo.gov", false},
        {"<it@modot.mo.gov>", "it@modot.mo.gov", false},        // whole addresses compare as given
        {"mallory@example.com", "@example.com", true},          // "@domain": that domain
        {"mallory@Example.COM", "@example.com", true},
        {"mallory@mail.example.com", "@example.com", false},    // ... but not its subdomains
        {"mallory@example.org", "@example.com", false},
        {"mallory@example.com", "example.com", true},           // a bare domain: it and its subdomains
        {"mallory@mail.example.com", "example.com", true},
        {"mallory@badexample.com", "example.com", false},
        {"mallory@example.com", "", false},                     // an empty entry matches nothing
        {"", "@example.com", false},                            // nor does the null sender
        {"nobody", "@", false},                                 // an address without a domain
        {"", "", false},
    }));
    CAPTURE(c.address, c.entry);
    CHECK(ord::address_matches(c.address, c.entry) == c.matches);
    CHECK(ord::address_in(c.address, {"", "someone@elsewhere.example", c.entry}) == c.matches);
}

TEST_CASE("networks parse as address/prefix, nothing looser", "[address]") {
    struct Case {
        const char* text;
        bool ok;
        int family;
        int prefix;
    };
    auto c = GENERATE(values<Case>({
        {"10.0.0.0/8", true, AF_INET, 8},
        {"192.0.2.1", true, AF_INET, 32},                 // a lone address is a host
        {"0.0.0.0/0", true, AF_INET, 0},
        {"10.1.2.3/32", true, AF_INET, 32},
        {"2001:db8::/32", true, AF_INET6, 32},
        {"::1", true, AF_INET6, 128},
        {"::/0", true, AF_INET6, 0},
        {"2001:db8::1/128", true, AF_INET6, 128},
        {"::ffff:10.0.0.0/104", true, AF_INET, 8},        // IPv4-mapped: the IPv4 network it names
        {"::ffff:0:0/96", true, AF_INET, 0},
        {"::ffff:0:0/80", true, AF_INET6, 80},            // wider than the mapped space: stays IPv6
        {"10.0.0.0/33", false, 0, 0},                     // longer than the address
        {"2001:db8::/129", false, 0, 0},
        {"10.0.0.0/", false, 0, 0},
        {"10.0.0.0/-1", false, 0, 0},
        {"10.0.0.0/8a", false, 0, 0},
        {"10.0.0.0/0008", false, 0, 0},
        {"10.0.0.0/8/8", false, 0, 0},
        {"10.0.0.0 /8", false, 0, 0},
        {" 10.0.0.0/8", false, 0, 0},
        {"10.0.0/8", false, 0, 0},                        // inet_pton wants all four parts
        {"256.0.0.0/8", false, 0, 0},
        {"10.0.0.0.0/8", false, 0, 0},
        {"2001:db8:::1/64", false, 0, 0},
        {"[::1]/128", false, 0, 0},
        {"IPv6:::1", false, 0, 0},                        // client spellings are not networks
        {"localhost", false, 0, 0},
        {"/8", false, 0, 0},
        {"", false, 0, 0},
    }));
    CAPTURE(c.text);
    auto n = ord::parse_network(c.text);
    REQUIRE(n.has_value() == c.ok);
    if (n) {
        CHECK(n->base.family == c.family);
        CHECK(n->prefix == c.prefix);
    }
}

TEST_CASE("client addresses in the spellings MTAs pass", "[address]") {
    struct Case {
        const char* text;
        bool ok;
        int family;
    };
    auto c = GENERATE(values<Case>({
        {"192.0.2.1", true, AF_INET},
        {"2001:db8::1", true, AF_INET6},
        {"IPv6:2001:db8::1", true, AF_INET6},   // Sendmail's {client_addr}
        {"ipv6:::1", true, AF_INET6},
        {"[192.0.2.1]", true, AF_INET},
        {"[IPv6:::1]", false, 0},               // the tag goes outside the brackets
        {"IPv6:[::1]", true, AF_INET6},
        {"::ffff:192.0.2.1", true, AF_INET},    // IPv4-mapped is the IPv4 address
        {"[192.0.2.1", false, 0},
        {"[]", false, 0},
        {"192.0.2.1]", false, 0},
        {"192.0.2.1:25", false, 0},
        {"192.0.2", false, 0},
        {"192.0.2.1 ", false, 0},
        {"unknown", false, 0},                  // Postfix's value when it has none
        {"IPv6:", false, 0},
        {"", false, 0},
    }));
    CAPTURE(c.text);
    auto a = ord::parse_client_address(c.text);
    REQUIRE(a.has_value() == c.ok);
    if (a) CHECK(a->family == c.family);
}

TEST_CASE("a NUL inside an address ends nothing early", "[address]") {
    using namespace std::string_literals;
    CHECK_FALSE(ord::parse_client_address("10.0.0.1\0garbage"s).has_value());
    CHECK_FALSE(ord::parse_network("10.0.0.0\0/8"s).has_value());
}

TEST_CASE("a client within trusted networks", "[address]") {
    const std::vector<std::string> nets = {"127.0.0.0/8", "10.0.0.0/8", "192.0.2.128/25", "::1/128",
                                           "2001:db8:40::/42", "not a network", "10.0.0.0/33"};
    struct Case {
        const char* client;
        bool trusted;
    };
    auto c = GENERATE(values<Case>({
        {"127.0.0.1", true},
        {"10.255.255.255", true},
        {"11.0.0.0", false},
        {"192.0.2.128", true},                  // a prefix that ends inside a byte
        {"192.0.2.255", true},
        {"192.0.2.127", false},
        {"::1", true},
        {"IPv6:::1", true},
        {"[::1]", true},
        {"::2", false},
        {"::ffff:10.1.2.3", true},              // IPv4-mapped against an IPv4 network
        {"::ffff:192.0.2.1", false},
        {"2001:db8:40::1", true},
        {"2001:db8:7f:ffff::1", true},          // /42: the last bits of the third group are free
        {"2001:db8:80::1", false},
        {"2001:db8::1", false},
        {"::a00:1", false},                     // IPv4-compatible is not IPv4-mapped
        {"unknown", false},
        {"", false},
    }));
    CAPTURE(c.client);
    CHECK(ord::client_in_networks(c.client, nets) == c.trusted);
    auto a = ord::parse_client_address(c.client);
    bool any = false;
    for (const auto& text : nets)
        if (auto n = ord::parse_network(text); n && a) any = any || ord::network_contains(*n, *a);
    CHECK(any == c.trusted);
}

TEST_CASE("a prefix of zero holds every address of its family and no other", "[address]") {
    auto v4 = ord::parse_network("0.0.0.0/0");
    auto v6 = ord::parse_network("::/0");
    REQUIRE(v4);
    REQUIRE(v6);
    for (const char* a : {"1.2.3.4", "255.255.255.255", "::ffff:1.2.3.4"}) {
        CAPTURE(a);
        CHECK(ord::network_contains(*v4, *ord::parse_client_address(a)));
        CHECK_FALSE(ord::network_contains(*v6, *ord::parse_client_address(a)));
    }
    CHECK(ord::network_contains(*v6, *ord::parse_client_address("2001:db8::1")));
    CHECK_FALSE(ord::network_contains(*v4, *ord::parse_client_address("2001:db8::1")));
    CHECK_FALSE(ord::network_contains(*v4, ord::IpAddress{}));  // an address never parsed
}

TEST_CASE("the policy store and the direction read client addresses alike", "[address][direction]") {
    ord::PolicyData d;
    d.internal_domains = {"modot.mo.gov"};
    d.trusted_networks = {"10.0.0.0/8", "2001:db8::/32"};
    std::string error;
    auto store = ord::MemoryPolicyStore::build(d, error);
    REQUIRE(store);
    for (const char* client : {"10.1.2.3", "::ffff:10.1.2.3", "IPv6:2001:db8::5", "[10.9.9.9]", "192.0.2.1",
                               "2001:db9::1", "garbage"}) {
        CAPTURE(client);
        ord::Envelope env;
        env.mail_from = "alice@modot.mo.gov";
        env.client_addr = client;
        // The direction follows the identity, and the identity reads the client as the store does.
        CHECK(ord::make_context(*store, env, {}).identity.internal_sender() == store->trusted_client(client));
    }
}

TEST_CASE("the policy store refuses a trusted network that does not parse", "[address]") {
    for (const char* net : {"10.0.0.0/33", "10.0.0.0/abc", "10.0.0.0/", "example.org"}) {
        CAPTURE(net);
        ord::PolicyData d;
        d.trusted_networks = {net};
        std::string error;
        CHECK_FALSE(ord::MemoryPolicyStore::build(d, error));
        CHECK(error.find(net) != std::string::npos);
    }
}
