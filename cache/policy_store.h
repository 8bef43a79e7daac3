// Policy data about people and groups: internal domains, protected groups, aliases,
// deactivated accounts, supervisors and trusted networks. One interface, so that the
// in-process store (from files) and a shared one (Redis, later) are interchangeable.
//
// Every lookup of directory data takes a deadline and answers found / not found / unavailable
// (base/lookup.h) with values the caller owns, never pointers into the store: a remote store
// has nothing to point into, and a caller keeps its answer however the store changes after.
// Groups come as shared_ptr<const Group> snapshots: a group can have tens of thousands of
// members, so a copy per RCPT would cost more than the decision; a snapshot costs one
// reference count, stays valid after a reload, and lets a remote store cache what it fetched.
// The organisation's own facts (internal domains, trusted networks) come from the
// configuration, whatever the store, and are answered in process: no deadline, no failure.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/deadline.h"
#include "base/lookup.h"

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
    std::size_t expanded_size = 0;          // people after nested groups are expanded; set by the store
};

using GroupRef = std::shared_ptr<const Group>;

struct Deactivation {
    std::string address;
    std::string since;      // YYYY-MM-DD as written in the map
    bool redirect = false;  // deliver mail for it to the supervisor instead of refusing
};

class PolicyStore {
public:
    virtual ~PolicyStore() = default;

    // Lower-case, `+tag` subaddress removed, then an alternate address mapped to its owner's
    // primary address. Idempotent. Found for every address (itself when it has no alias).
    virtual Lookup<std::string> canonical(std::string_view address, Deadline deadline) const = 0;
    // The address an SMTP AUTH login belongs to, through the alias table; "user@realm" with a
    // realm outside our domains is looked up as "user". Not found: the login is in no table.
    virtual Lookup<std::string> login_address(std::string_view login, Deadline deadline) const = 0;
    // Found(true) when `address` is `person` or one of person's own alternate addresses.
    Lookup<bool> same_person(std::string_view person, std::string_view address, Deadline deadline) const;

    // The group with this address or alias; not found when it is no group.
    virtual Lookup<GroupRef> group(std::string_view canonical_address, Deadline deadline) const = 0;
    // Every protected group that `canonical_address` is (directly or through nested lists)
    // a send to: itself when protected, and every protected group it expands into.
    virtual Lookup<std::vector<GroupRef>> protected_targets(std::string_view canonical_address,
                                                            Deadline deadline) const = 0;
    // The first protected group that mail to `canonical_rcpt` reaches and `sender` (canonical;
    // "" for a sender never authorized) may not send to. Authorization for a group covers the
    // groups nested inside it. Not found when the sender may send, or the address is no group.
    virtual Lookup<GroupRef> first_unauthorized(std::string_view canonical_rcpt, std::string_view sender,
                                                Deadline deadline) const = 0;
    // The protected groups that list `canonical_address` as a member, directly or through a
    // nested group (found and empty when none).
    virtual Lookup<std::vector<GroupRef>> member_of(std::string_view canonical_address, Deadline deadline) const = 0;
    // May `sender` (canonical) send to `g`: listed, a member of a listed group, or a moderator.
    virtual Lookup<bool> authorized(const Group& g, std::string_view sender, Deadline deadline) const = 0;

    virtual Lookup<Deactivation> deactivated(std::string_view canonical_address, Deadline deadline) const = 0;
    virtual Lookup<std::string> supervisor(std::string_view canonical_address, Deadline deadline) const = 0;

    // From organisation.internal_domains (subdomains included) and trusted_networks.
    virtual bool internal_domain(std::string_view domain) const = 0;
    virtual bool trusted_client(std::string_view ip) const = 0;
};

inline Lookup<bool> PolicyStore::same_person(std::string_view person, std::string_view address,
                                             Deadline deadline) const {
    auto a = canonical(person, deadline);
    if (!a) return a.failure<bool>();
    auto b = canonical(address, deadline);
    if (!b) return b.failure<bool>();
    return *a == *b;
}

// The domain part of an address, lower-cased ("" when there is none).
std::string address_domain(std::string_view address);

}  // namespace ord
