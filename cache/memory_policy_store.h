// MemoryPolicyStore: the in-process PolicyStore, built once per configuration snapshot and
// read-only afterwards (safe to share across milter threads). Files and tests fill it through
// PolicyData, then freeze it. It answers at once, so it never reads the deadline and is never
// unavailable.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/address.h"
#include "cache/policy_store.h"

namespace ord {

struct PolicyData {
    std::vector<std::string> internal_domains;
    std::vector<std::string> trusted_networks;  // "10.0.0.0/8", "::1/128"
    std::string recipient_delimiter = "+";
    std::vector<Group> groups;
    std::vector<std::pair<std::string, std::string>> aliases;  // name (login or address) -> primary address
    std::vector<Deactivation> deactivated;
    std::vector<std::pair<std::string, std::string>> supervisors;  // person -> supervisor
};

class MemoryPolicyStore final : public PolicyStore {
public:
    // Builds the indexes. Fails (returns nullptr with `error` set) on a network that does not parse.
    static std::shared_ptr<const MemoryPolicyStore> build(PolicyData data, std::string& error);

    Lookup<std::string> canonical(std::string_view address, Deadline = {}) const override;
    Lookup<std::string> login_address(std::string_view login, Deadline = {}) const override;
    Lookup<GroupRef> group(std::string_view canonical_address, Deadline = {}) const override;
    Lookup<std::vector<GroupRef>> protected_targets(std::string_view canonical_address, Deadline = {}) const override;
    Lookup<GroupRef> first_unauthorized(std::string_view canonical_rcpt, std::string_view sender,
                                        Deadline = {}) const override;
    Lookup<std::vector<GroupRef>> member_of(std::string_view canonical_address, Deadline = {}) const override;
    Lookup<bool> authorized(const Group& g, std::string_view sender, Deadline = {}) const override;
    Lookup<Deactivation> deactivated(std::string_view canonical_address, Deadline = {}) const override;
    Lookup<std::string> supervisor(std::string_view canonical_address, Deadline = {}) const override;
    bool internal_domain(std::string_view domain) const override;
    bool trusted_client(std::string_view ip) const override;

    // The same canonical form, as a plain string: for building the indexes and for callers
    // holding this store (tests, the bench) that need no failure path.
    std::string canonical_now(std::string_view address) const;
    std::size_t group_count() const { return groups_.size(); }

private:
    MemoryPolicyStore() = default;
    std::string strip_tag(std::string_view address) const;
    const uint32_t* index_of(std::string_view address) const;

    std::string recipient_delimiter_;
    std::vector<GroupRef> groups_;
    std::unordered_map<std::string, std::string> alias_;          // alternate / login -> primary
    std::unordered_map<std::string, uint32_t> group_index_;       // address or alias -> groups index
    std::unordered_map<std::string, std::vector<GroupRef>> member_of_;  // person -> protected groups
    std::vector<std::vector<uint32_t>> targets_;                  // group -> protected groups it is a send to
    std::vector<std::unordered_set<std::string>> authorized_;     // group -> every authorized person
    std::unordered_map<std::string, Deactivation> deactivated_;
    std::unordered_map<std::string, std::string> supervisor_;
    std::unordered_set<std::string> domains_;
    std::vector<Network> networks_;
};

}  // namespace ord
