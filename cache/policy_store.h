// Policy data about people and groups: internal domains, protected groups, aliases,
// deactivated accounts, supervisors and trusted networks. One interface, so that the
// in-process store (from files) and a shared one (Redis, later) are interchangeable.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ord {

struct Group {
    std::string address;  // canonical (lower-case) address of the list
    std::string name;     // display name, e.g. "USERS"
    bool is_protected = true;               // false: a plain list, used only for nesting
    std::vector<std::string> members;       // canonical addresses; may name other groups
    std::vector<std::string> authorized;    // senders allowed: addresses or group addresses
    std::vector<std::string> moderators;    // when set, unauthorized mail is held for them
    std::vector<std::string> aliases;       // other addresses of the list
    std::string policy = "2503 section 3";  // the paragraph an unauthorized send breaks
};

struct Deactivation {
    std::string address;
    std::string since;      // YYYY-MM-DD as written in the map
    bool redirect = false;  // deliver mail for it to the supervisor instead of refusing
};

class PolicyStore {
public:
    virtual ~PolicyStore() = default;

    // Lower-case, `+tag` subaddress removed, then an alternate address mapped to its owner's
    // primary address. Idempotent.
    virtual std::string canonical(std::string_view address) const = 0;
    // The address an SMTP AUTH login belongs to, through the alias table; "user@realm" with a
    // realm outside our domains is looked up as "user".
    virtual std::optional<std::string> login_address(std::string_view login) const = 0;
    // True when `address` (canonical) is `person` or one of person's own alternate addresses.
    virtual bool same_person(std::string_view person, std::string_view address) const = 0;

    virtual const Group* group(std::string_view canonical_address) const = 0;
    virtual std::span<const Group> groups() const = 0;
    // Every protected group that `canonical_address` is (directly or through nested lists)
    // a send to: itself when protected, and every protected group it expands into.
    virtual std::vector<const Group*> protected_targets(std::string_view canonical_address) const = 0;
    // The first protected group that mail to `canonical_rcpt` reaches and `sender` (canonical;
    // "" for a sender never authorized) may not send to. Authorization for a group covers the
    // groups nested inside it. nullptr when the sender may send, or the address is no group.
    virtual const Group* first_unauthorized(std::string_view canonical_rcpt, std::string_view sender) const = 0;
    // Indices into groups() of the protected groups that list `canonical_address` as a member,
    // directly or through a nested group.
    virtual std::span<const uint32_t> member_of(std::string_view canonical_address) const = 0;
    // Members of a group after expanding nested groups (people only).
    virtual std::size_t expanded_size(const Group& g) const = 0;
    // May `sender` (canonical) send to `g`: listed, a member of a listed group, or a moderator.
    virtual bool authorized(const Group& g, std::string_view sender) const = 0;

    virtual const Deactivation* deactivated(std::string_view canonical_address) const = 0;
    virtual std::optional<std::string> supervisor(std::string_view canonical_address) const = 0;

    virtual bool internal_domain(std::string_view domain) const = 0;
    virtual bool trusted_client(std::string_view ip) const = 0;
};

// The domain part of an address, lower-cased ("" when there is none).
std::string address_domain(std::string_view address);

}  // namespace ord
