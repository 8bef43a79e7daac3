#include "checks/directory_check.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "base/text.h"
#include "policy/identity.h"
#include "checks/scan.h"

namespace ord {

namespace {

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

// The first lookup of a step the store could not answer becomes the step's one
// policy_unavailable finding; the check goes on with the data there is.
class Gaps {
public:
    Gaps(const MessageContext& ctx, Findings& out) : ctx_(ctx), out_(out) {}
    void note(const char* lookup, const std::string& reason) {
        if (noted_) return;
        noted_ = true;
        Finding f = policy_unavailable(lookup, reason);
        if (ctx_.recipient) f.recipient = *ctx_.recipient;
        out_.push_back(std::move(f));
    }
    // The canonical form when the store gave one, else the address as written, lower-cased.
    std::string canonical(const PolicyStore& store, std::string_view address) {
        auto c = store.canonical(address, ctx_.deadline);
        if (c) return std::move(c).value();
        if (c.unavailable()) note("canonical", c.reason());
        return ascii_lower(address);
    }

private:
    const MessageContext& ctx_;
    Findings& out_;
    bool noted_ = false;
};

}  // namespace

DirectoryCheck::DirectoryCheck(const Config& cfg, std::shared_ptr<const PolicyStore> store)
    : settings_(cfg.policy), store_(std::move(store)) {}

void DirectoryCheck::on_sender(const MessageContext& ctx, Findings& out) const {
    const Identity& id = ctx.identity;
    const Envelope& env = ctx.env;
    Gaps gaps(ctx, out);
    for (const std::string* a : {&id.address, &id.envelope}) {
        if (a->empty()) continue;
        auto d = store_->deactivated(*a, ctx.deadline);
        if (d.unavailable()) gaps.note("deactivated", d.reason());
        if (d) {
            out.push_back(finding("deactivated_sender", "deactivated_account",
                                  "Account " + d->address + " was deactivated on " + d->since +
                                      " and may not send mail",
                                  "sender=" + *a + (id.authenticated ? " login=" + env.auth_login : "")));
            return;
        }
        if (a == &id.envelope) break;
    }
    if (id.authenticated && id.login_mapped && !id.envelope.empty() &&
        store_->internal_domain(address_domain(id.envelope))) {
        auto same = store_->same_person(id.address, id.envelope, ctx.deadline);
        if (same.unavailable()) gaps.note("canonical", same.reason());
        if (same && !*same)
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

void DirectoryCheck::on_recipient(const MessageContext& ctx, const std::string& rcpt, Findings& out) const {
    const Identity& id = ctx.identity;
    const Envelope& env = ctx.env;
    Gaps gaps(ctx, out);
    std::string r = gaps.canonical(*store_, rcpt);
    auto d = store_->deactivated(r, ctx.deadline);
    if (d.unavailable()) gaps.note("deactivated", d.reason());
    if (d) {
        Lookup<std::string> sup = not_found;
        if (d->redirect) {
            sup = store_->supervisor(r, ctx.deadline);
            if (sup.unavailable()) gaps.note("supervisor", sup.reason());
        }
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
    auto is_group = store_->group(r, ctx.deadline);
    if (is_group.unavailable()) gaps.note("group", is_group.reason());
    if (!is_group) return;
    std::string sender = id.verified() ? id.address : std::string();
    auto unauthorized = store_->first_unauthorized(r, sender, ctx.deadline);
    if (unauthorized.unavailable()) gaps.note("group", unauthorized.reason());
    if (!unauthorized) return;
    const Group& g = **unauthorized;
    std::string via = g.address == r ? std::string() : " (" + r + " expands into it)";
    Finding f;
    if (!id.verified()) {
        f = finding("sender_identity_protected", "sender_identity",
                    "Unverified sender " + who(id) + " may not send to " + g.name + " <" + g.address + ">" + via,
                    "rcpt=" + rcpt + " group=" + g.address + " client=" + env.client_addr, g.policy + " and 7 L");
    } else if (!g.moderators.empty()) {
        f = finding("protected_group_moderated", "protected_group",
                    "Held for a moderator of " + g.name + " <" + g.address + ">: " + who(id) +
                        " is not an authorized sender" + via,
                    "rcpt=" + rcpt + " group=" + g.address + " sender=" + who(id), g.policy);
        f.moderators = g.moderators;  // recorded on the quarantine item
    } else {
        f = finding("protected_group", "protected_group",
                    who(id) + " is not authorized to send to " + g.name + " <" + g.address + ">" + via,
                    "rcpt=" + rcpt + " group=" + g.address + " sender=" + who(id), g.policy);
    }
    f.recipient = rcpt;
    out.push_back(std::move(f));
}

void DirectoryCheck::on_message(const MessageContext& ctx, const mime::Message& msg, Findings& out) const {
    const Identity& id = ctx.identity;
    const Envelope& env = ctx.env;
    Gaps gaps(ctx, out);

    // From: header: another person's address (section 7 L), or an unverified internal one.
    std::string from_raw = extract_address(msg.header("from"));
    if (!from_raw.empty()) {
        std::string from = gaps.canonical(*store_, from_raw);
        bool from_internal = store_->internal_domain(address_domain(from));
        if (id.authenticated && id.login_mapped && from_internal) {
            auto same = store_->same_person(id.address, from, ctx.deadline);
            if (same.unavailable()) gaps.note("canonical", same.reason());
            if (same && !*same)
                out.push_back(finding("sender_identity", "sender_identity",
                                      "Authenticated as " + id.address + " but the From: header is " + from,
                                      "login=" + env.auth_login + " from=" + from));
        } else if (from_internal && !id.authenticated && !id.trusted_client && from != id.envelope) {
            out.push_back(finding("sender_identity", "sender_identity",
                                  "Unverified From: " + from + " is an internal address from an untrusted client",
                                  "from=" + from + " client=" + env.client_addr));
        }
        if ((id.authenticated || id.trusted_client) && from != id.address && from != id.envelope) {
            auto d = store_->deactivated(from, ctx.deadline);
            if (d.unavailable()) gaps.note("deactivated", d.reason());
            if (d)
                out.push_back(finding("deactivated_sender", "deactivated_account",
                                      "Account " + d->address + " was deactivated on " + d->since +
                                          " and may not send mail",
                                      "from=" + from));
        }
    }

    // Many members named one by one count as a send to the group.
    std::unordered_set<std::string> named;
    for (const auto& r : env.rcpts) named.insert(gaps.canonical(*store_, r));
    for (const char* h : {"to", "cc"})
        for (const auto& hf : msg.headers)
            if (hf.name.size() == 2 && (hf.name[0] | 0x20) == h[0] && (hf.name[1] | 0x20) == h[1])
                for (const auto& a : header_addresses(hf.decoded)) named.insert(gaps.canonical(*store_, a));
    std::map<std::string, std::pair<GroupRef, size_t>> counts;  // by group address: findings in a fixed order
    for (const auto& a : named) {
        auto groups = store_->member_of(a, ctx.deadline);
        if (groups.unavailable()) gaps.note("member_of", groups.reason());
        if (!groups) continue;
        for (const auto& g : *groups) {
            auto& c = counts[g->address];
            c.first = g;
            ++c.second;
        }
    }
    for (const auto& [address, entry] : counts) {
        const Group& g = *entry.first;
        const size_t n = entry.second;
        size_t size = g.expanded_size;
        // "More than 50 members or 25%, whichever is fewer", and never fewer than the floor.
        bool many = n > settings_.share_members || n * 100 > size * settings_.share_percent;
        if (!many || n < settings_.share_floor) continue;
        if (named.count(g.address)) continue;  // addressed as a group: judged at RCPT time
        if (id.verified() && !id.address.empty()) {
            auto ok = store_->authorized(g, id.address, ctx.deadline);
            if (ok.unavailable()) {
                gaps.note("authorized", ok.reason());
                continue;  // no data to refuse on
            }
            if (*ok) continue;
        }
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
