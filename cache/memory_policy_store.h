// MemoryPolicyStore: the in-process PolicyStore, built once per configuration snapshot and
// read-only afterwards (safe to share across milter threads). Files and tests fill it through
// PolicyData, then freeze it.
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

    std::string canonical(std::string_view address) const override;
    std::optional<std::string> login_address(std::string_view login) const override;
    bool same_person(std::string_view person, std::string_view address) const override;
    const Group* group(std::string_view canonical_address) const override;
    std::span<const Group> groups() const override { return data_.groups; }
    std::vector<const Group*> protected_targets(std::string_view canonical_address) const override;
    const Group* first_unauthorized(std::string_view canonical_rcpt, std::string_view sender) const override;
    std::span<const uint32_t> member_of(std::string_view canonical_address) const override;
    std::size_t expanded_size(const Group& g) const override;
    bool authorized(const Group& g, std::string_view sender) const override;
    const Deactivation* deactivated(std::string_view canonical_address) const override;
    std::optional<std::string> supervisor(std::string_view canonical_address) const override;
    bool internal_domain(std::string_view domain) const override;
    bool trusted_client(std::string_view ip) const override;

private:
    MemoryPolicyStore() = default;
    std::string strip_tag(std::string_view address) const;

    PolicyData data_;
    std::unordered_map<std::string, std::string> alias_;          // alternate / login -> primary
    std::unordered_map<std::string, uint32_t> group_index_;       // address or alias -> groups index
    std::unordered_map<std::string, std::vector<uint32_t>> member_of_;  // person -> protected groups
    std::vector<std::vector<uint32_t>> targets_;                  // group -> protected groups it is a send to
    std::vector<std::size_t> expanded_size_;
    std::vector<std::unordered_set<std::string>> authorized_;     // group -> every authorized person
    std::unordered_map<std::string, Deactivation> deactivated_;
    std::unordered_map<std::string, std::string> supervisor_;
    std::unordered_set<std::string> domains_;
    std::vector<Network> networks_;
};

}  // namespace ord
