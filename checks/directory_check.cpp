#include "checks/directory_check.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "cache/policy_files.h"
#include "policy/identity.h"
#include "checks/scan.h"

namespace ord {

namespace {

std::shared_ptr<const PolicyStore> load(const Config& cfg) {
    PolicyFiles f;
    f.groups = cfg.policy.groups;
    f.aliases = cfg.policy.aliases;
    f.deactivated = cfg.policy.deactivated;
    f.supervisors = cfg.policy.supervisors;
    f.internal_domains = cfg.organisation.internal_domains;
    f.trusted_networks = cfg.organisation.trusted_networks;
    f.recipient_delimiter = cfg.policy.recipient_delimiter;
    f.redirect_deactivated = cfg.policy.redirect_deactivated;
    auto store = load_policy_files(f);
    if (!store) throw CheckLoadError(store.error().message);
    return *store;
}

Finding finding(std::string rule, std::string category, std::string reason, std::string evidence,
                std::string policy = {}) {
    Finding f;
    f.rule = std::move(rule);
    f.category = std::move(category);
    f.score = 1.0;
    f.reason = std::move(reason);
    f.evidence = std::move(evidence);
    f.policy = std::move(policy);
    return f;
}

// Addresses in an address-list header (To, Cc): splits on commas outside quotes and <>.
std::vector<std::string> header_addresses(const std::string& value) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    int angle = 0;
    auto flush = [&] {
        std::string a = extract_address(cur);
        if (!a.empty()) out.push_back(a);
        cur.clear();
    };
    for (char c : value) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == '<') ++angle;
        else if (!quoted && c == '>' && angle > 0) --angle;
        if (c == ',' && !quoted && angle == 0) {
            flush();
            continue;
        }
        cur += c;
    }
    flush();
    return out;
}

std::string who(const Identity& id) { return id.address.empty() ? std::string("<>") : id.address; }

}  // namespace

DirectoryCheck::DirectoryCheck(const Config& cfg) : DirectoryCheck(cfg, load(cfg)) {}

DirectoryCheck::DirectoryCheck(const Config& cfg, std::shared_ptr<const PolicyStore> store)
    : settings_(cfg.policy), store_(std::move(store)) {}

void DirectoryCheck::on_sender(const Envelope& env, Findings& out) const {
    Identity id = resolve_identity(*store_, env);
    for (const std::string* a : {&id.address, &id.envelope}) {
        if (a->empty()) continue;
        if (const Deactivation* d = store_->deactivated(*a)) {
            out.push_back(finding("deactivated_sender", "deactivated_account",
                                  "Account " + d->address + " was deactivated on " + d->since +
                                      " and may not send mail",
                                  "sender=" + *a + (id.authenticated ? " login=" + env.auth_login : "")));
            return;
        }
        if (a == &id.envelope) break;
    }
    if (id.authenticated && id.login_mapped && !id.envelope.empty() && !store_->same_person(id.address, id.envelope) &&
        store_->internal_domain(address_domain(id.envelope))) {
        out.push_back(finding("sender_identity", "sender_identity",
                              "Authenticated as " + id.address + " but sending as " + id.envelope,
                              "login=" + env.auth_login + " mail_from=" + id.envelope));
    } else if (!id.verified()) {
        out.push_back(finding("sender_identity", "sender_identity",
                              "Unverified sender: " + id.address +
                                  " is an internal address but the client neither authenticated nor "
                                  "connected from a trusted network",
                              "mail_from=" + id.address + " client=" + env.client_addr));
    }
}

void DirectoryCheck::on_recipient(const Envelope& env, const std::string& rcpt, Findings& out) const {
    std::string r = store_->canonical(rcpt);
    if (const Deactivation* d = store_->deactivated(r)) {
        auto sup = d->redirect ? store_->supervisor(r) : std::nullopt;
        Finding f;
        if (sup) {
            f = finding("deactivated_redirect", "deactivated_account",
                        "Mailbox " + r + " was deactivated on " + d->since + "; redirected to the supervisor " + *sup,
                        "rcpt=" + rcpt + " supervisor=" + *sup);
            f.redirect_to = *sup;
        } else {
            f = finding("deactivated_recipient", "deactivated_account",
                        "Mailbox " + r + " was deactivated on " + d->since, "rcpt=" + rcpt);
            f.enhanced_code = "5.1.1";
        }
        f.recipient = rcpt;
        out.push_back(std::move(f));
        return;
    }
    if (!store_->group(r)) return;
    Identity id = resolve_identity(*store_, env);
    std::string sender = id.verified() ? id.address : std::string();
    const Group* g = store_->first_unauthorized(r, sender);
    if (!g) return;
    std::string via = g->address == r ? std::string() : " (" + r + " expands into it)";
    Finding f;
    if (!id.verified()) {
        f = finding("sender_identity_protected", "sender_identity",
                    "Unverified sender " + who(id) + " may not send to " + g->name + " <" + g->address + ">" + via,
                    "rcpt=" + rcpt + " group=" + g->address + " client=" + env.client_addr, g->policy + " and 7 L");
    } else if (!g->moderators.empty()) {
        f = finding("protected_group_moderated", "protected_group",
                    "Held for a moderator of " + g->name + " <" + g->address + ">: " + who(id) +
                        " is not an authorized sender" + via,
                    "rcpt=" + rcpt + " group=" + g->address + " sender=" + who(id), g->policy);
    } else {
        f = finding("protected_group", "protected_group",
                    who(id) + " is not authorized to send to " + g->name + " <" + g->address + ">" + via,
                    "rcpt=" + rcpt + " group=" + g->address + " sender=" + who(id), g->policy);
    }
    f.recipient = rcpt;
    out.push_back(std::move(f));
}

void DirectoryCheck::on_message(const Envelope& env, const mime::Message& msg, Findings& out) const {
    Identity id = resolve_identity(*store_, env);

    // From: header: another person's address (section 7 L), or an unverified internal one.
    std::string from_raw = extract_address(msg.header("from"));
    if (!from_raw.empty()) {
        std::string from = store_->canonical(from_raw);
        bool from_internal = store_->internal_domain(address_domain(from));
        if (id.authenticated && id.login_mapped && from_internal && !store_->same_person(id.address, from)) {
            out.push_back(finding("sender_identity", "sender_identity",
                                  "Authenticated as " + id.address + " but the From: header is " + from,
                                  "login=" + env.auth_login + " from=" + from));
        } else if (from_internal && !id.authenticated && !id.trusted_client && from != id.envelope) {
            out.push_back(finding("sender_identity", "sender_identity",
                                  "Unverified From: " + from + " is an internal address from an untrusted client",
                                  "from=" + from + " client=" + env.client_addr));
        }
        if ((id.authenticated || id.trusted_client) && from != id.address && from != id.envelope)
            if (const Deactivation* d = store_->deactivated(from))
                out.push_back(finding("deactivated_sender", "deactivated_account",
                                      "Account " + d->address + " was deactivated on " + d->since +
                                          " and may not send mail",
                                      "from=" + from));
    }

    // Many members named one by one count as a send to the group.
    std::unordered_set<std::string> named;
    for (const auto& r : env.rcpts) named.insert(store_->canonical(r));
    for (const char* h : {"to", "cc"})
        for (const auto& hf : msg.headers)
            if (hf.name.size() == 2 && (hf.name[0] | 0x20) == h[0] && (hf.name[1] | 0x20) == h[1])
                for (const auto& a : header_addresses(hf.decoded)) named.insert(store_->canonical(a));
    std::unordered_map<uint32_t, size_t> counts;
    for (const auto& a : named)
        for (uint32_t gi : store_->member_of(a)) ++counts[gi];
    auto groups = store_->groups();
    for (const auto& [gi, n] : counts) {
        const Group& g = groups[gi];
        size_t size = store_->expanded_size(g);
        // "More than 50 members or 25%, whichever is fewer", and never fewer than the floor.
        bool many = n > settings_.share_members || n * 100 > size * settings_.share_percent;
        if (!many || n < settings_.share_floor) continue;
        if (named.count(g.address)) continue;  // addressed as a group: judged at RCPT time
        if (id.verified() && !id.address.empty() && store_->authorized(g, id.address)) continue;
        out.push_back(finding("protected_group_share", "protected_group",
                              "Addressing " + std::to_string(n) + " of the " + std::to_string(size) + " members of " +
                                  g.name + " <" + g.address + "> one by one counts as a send to the group, and " +
                                  who(id) + " is not authorized",
                              "members_addressed=" + std::to_string(n) + " group_size=" + std::to_string(size) +
                                  " group=" + g.address,
                              g.policy));
    }
}

}  // namespace ord
