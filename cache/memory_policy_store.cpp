#include "cache/memory_policy_store.h"

#include "base/text.h"

#include <algorithm>
#include <functional>

namespace ord {

namespace {
std::string trim_angle(std::string_view s) {
    while (!s.empty() && (s.front() == '<' || s.front() == ' ')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == '>' || s.back() == ' ')) s.remove_suffix(1);
    return std::string(s);
}
}  // namespace

std::string MemoryPolicyStore::strip_tag(std::string_view a) const {
    std::string addr = ascii_lower(trim_angle(a));
    auto at = addr.rfind('@');
    if (at == std::string::npos || recipient_delimiter_.empty()) return addr;
    auto tag = addr.find_first_of(recipient_delimiter_);
    if (tag != std::string::npos && tag < at && tag > 0) addr.erase(tag, at - tag);
    return addr;
}

std::string MemoryPolicyStore::canonical_now(std::string_view address) const {
    std::string a = strip_tag(address);
    auto it = alias_.find(a);
    return it == alias_.end() ? a : it->second;
}

Lookup<std::string> MemoryPolicyStore::canonical(std::string_view address, Deadline) const {
    return canonical_now(address);
}

Lookup<std::string> MemoryPolicyStore::login_address(std::string_view login, Deadline) const {
    std::string l = ascii_lower(login);
    if (l.empty()) return not_found;
    auto it = alias_.find(l);
    if (it != alias_.end()) return it->second;
    auto at = l.rfind('@');
    if (at == std::string::npos) return not_found;
    // user@realm: Cyrus SASL appends the realm (smtpd_sasl_local_domain). A realm that is not
    // one of our mail domains is dropped and the user part looked up as a login.
    if (!internal_domain(l.substr(at + 1))) {
        auto user = alias_.find(l.substr(0, at));
        if (user != alias_.end()) return user->second;
        return not_found;
    }
    return canonical_now(l);
}

const uint32_t* MemoryPolicyStore::index_of(std::string_view address) const {
    auto it = group_index_.find(std::string(address));
    return it == group_index_.end() ? nullptr : &it->second;
}

Lookup<GroupRef> MemoryPolicyStore::group(std::string_view canonical_address, Deadline) const {
    const uint32_t* i = index_of(canonical_address);
    if (!i) return not_found;
    return groups_[*i];
}

Lookup<std::vector<GroupRef>> MemoryPolicyStore::protected_targets(std::string_view canonical_address,
                                                                   Deadline) const {
    std::vector<GroupRef> out;
    const uint32_t* i = index_of(canonical_address);
    if (!i) return out;
    for (uint32_t t : targets_[*i]) out.push_back(groups_[t]);
    return out;
}

Lookup<GroupRef> MemoryPolicyStore::first_unauthorized(std::string_view canonical_rcpt, std::string_view sender,
                                                       Deadline) const {
    const uint32_t* first = index_of(canonical_rcpt);
    if (!first) return not_found;
    const std::string who(sender);
    std::vector<char> seen(groups_.size(), 0);
    std::vector<uint32_t> stack{*first};
    seen[*first] = 1;
    while (!stack.empty()) {
        uint32_t g = stack.back();
        stack.pop_back();
        const Group& grp = *groups_[g];
        if (grp.is_protected) {
            if (who.empty() || !authorized_[g].count(who)) return groups_[g];
            continue;  // authorized here: the groups inside are covered
        }
        for (const auto& m : grp.members) {
            auto j = group_index_.find(m);
            if (j != group_index_.end() && !seen[j->second]) {
                seen[j->second] = 1;
                stack.push_back(j->second);
            }
        }
    }
    return not_found;
}

Lookup<std::vector<GroupRef>> MemoryPolicyStore::member_of(std::string_view canonical_address, Deadline) const {
    auto it = member_of_.find(std::string(canonical_address));
    if (it == member_of_.end()) return std::vector<GroupRef>{};
    return it->second;
}

Lookup<bool> MemoryPolicyStore::authorized(const Group& g, std::string_view sender, Deadline) const {
    const uint32_t* i = index_of(g.address);
    if (!i) return false;  // a group this store does not know (a snapshot from before a reload)
    return authorized_[*i].count(std::string(sender)) > 0;
}

Lookup<Deactivation> MemoryPolicyStore::deactivated(std::string_view canonical_address, Deadline) const {
    auto it = deactivated_.find(std::string(canonical_address));
    if (it == deactivated_.end()) return not_found;
    return it->second;
}

Lookup<std::string> MemoryPolicyStore::supervisor(std::string_view canonical_address, Deadline) const {
    auto it = supervisor_.find(std::string(canonical_address));
    if (it == supervisor_.end()) return not_found;
    return it->second;
}

bool MemoryPolicyStore::internal_domain(std::string_view domain) const {
    std::string d = ascii_lower(domain);
    // A subdomain of an internal domain is internal too.
    while (true) {
        if (domains_.count(d)) return true;
        auto dot = d.find('.');
        if (dot == std::string::npos) return false;
        d.erase(0, dot + 1);
    }
}

bool MemoryPolicyStore::trusted_client(std::string_view ip) const {
    auto addr = parse_client_address(ip);
    if (!addr) return false;
    for (const auto& n : networks_)
        if (network_contains(n, *addr)) return true;
    return false;
}

std::shared_ptr<const MemoryPolicyStore> MemoryPolicyStore::build(PolicyData data, std::string& error) {
    std::shared_ptr<MemoryPolicyStore> s(new MemoryPolicyStore());
    auto& d = data;
    s->recipient_delimiter_ = d.recipient_delimiter;
    for (auto& dom : d.internal_domains) s->domains_.insert(ascii_lower(dom));
    for (const auto& net : d.trusted_networks) {
        auto n = parse_network(net);
        if (!n) {
            error = "trusted network '" + net + "' is not an address or address/prefix";
            return nullptr;
        }
        s->networks_.push_back(*n);
    }
    for (const auto& [name, primary] : d.aliases) s->alias_[ascii_lower(name)] = ascii_lower(primary);
    // Canonical forms everywhere, so lookups are plain string compares.
    for (auto& g : d.groups) {
        g.address = s->strip_tag(g.address);
        for (auto& m : g.members) m = s->canonical_now(m);
        for (auto& a : g.authorized) a = s->canonical_now(a);
        for (auto& m : g.moderators) m = s->canonical_now(m);
        for (auto& a : g.aliases) a = s->strip_tag(a);
    }
    for (uint32_t i = 0; i < d.groups.size(); ++i) {
        s->group_index_[d.groups[i].address] = i;
        for (const auto& a : d.groups[i].aliases) s->group_index_[a] = i;
    }
    const size_t n = d.groups.size();
    auto index_of = [&](const std::string& a) -> std::optional<uint32_t> {
        auto it = s->group_index_.find(a);
        if (it == s->group_index_.end()) return std::nullopt;
        return it->second;
    };
    // People of each group, nested groups expanded (cycles are cut).
    std::vector<std::vector<std::string>> people(n);
    s->targets_.resize(n);
    for (uint32_t i = 0; i < n; ++i) {
        std::vector<char> seen(n, 0);
        std::unordered_set<std::string> found;
        std::vector<uint32_t> stack{i};
        seen[i] = 1;
        while (!stack.empty()) {
            uint32_t g = stack.back();
            stack.pop_back();
            if (d.groups[g].is_protected) s->targets_[i].push_back(g);
            for (const auto& m : d.groups[g].members) {
                if (auto j = index_of(m)) {
                    if (!seen[*j]) {
                        seen[*j] = 1;
                        stack.push_back(*j);
                    }
                } else if (found.insert(m).second) {
                    people[i].push_back(m);
                }
            }
        }
    }
    for (uint32_t i = 0; i < n; ++i) d.groups[i].expanded_size = people[i].size();
    s->groups_.reserve(n);
    for (auto& g : d.groups) s->groups_.push_back(std::make_shared<const Group>(std::move(g)));
    for (uint32_t i = 0; i < n; ++i) {
        if (!s->groups_[i]->is_protected) continue;
        for (const auto& p : people[i]) s->member_of_[p].push_back(s->groups_[i]);
    }
    s->authorized_.resize(n);
    for (uint32_t i = 0; i < n; ++i) {
        auto& set = s->authorized_[i];
        auto add = [&](const std::string& who) {
            if (auto j = index_of(who)) set.insert(people[*j].begin(), people[*j].end());
            else set.insert(who);
        };
        for (const auto& a : s->groups_[i]->authorized) add(a);  // d.groups was moved into groups_
        for (const auto& m : s->groups_[i]->moderators) add(m);
    }
    for (auto& de : d.deactivated) {
        de.address = s->canonical_now(de.address);
        s->deactivated_[de.address] = de;
    }
    for (const auto& [person, sup] : d.supervisors) s->supervisor_[s->canonical_now(person)] = s->canonical_now(sup);
    return s;
}

}  // namespace ord
