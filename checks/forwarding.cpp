#include "checks/forwarding.h"

#include <chrono>
#include <set>

#include "base/address.h"
#include "base/text.h"

namespace ord {
using forwarding::Forwarded;
using forwarding::Original;
using forwarding::Person;

ForwardingCheck::ForwardingCheck(const Config& cfg, std::shared_ptr<const PolicyStore> store,
                                 std::shared_ptr<const MessageHistory> history, std::shared_ptr<const Clock> clock)
    : settings_(cfg.forwarding), store_(std::move(store)), history_(std::move(history)), clock_(std::move(clock)) {
    if (!settings_.use_journal) history_.reset();
    if (!settings_.display_names.empty()) {
        std::string error;
        if (!forwarding::DisplayNames::load(cfg.resolve(settings_.display_names), names_, error))
            throw CheckLoadError(error);
    }
}

namespace {

std::string join(const std::vector<std::string>& v, std::size_t max = 6) {
    std::string out;
    for (std::size_t i = 0; i < v.size() && i < max; ++i) out += (i ? "," : "") + v[i];
    if (v.size() > max) out += ",+" + std::to_string(v.size() - max);
    return out.empty() ? "-" : out;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '<')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '>')) s.remove_suffix(1);
    return std::string(s);
}

// The message-ids of a References / In-Reply-To value, angle brackets kept.
std::vector<std::string> message_ids(std::string_view v) {
    std::vector<std::string> out;
    for (std::size_t pos = 0; (pos = v.find('<', pos)) != std::string_view::npos;) {
        auto e = v.find('>', pos);
        if (e == std::string_view::npos) break;
        out.emplace_back(v.substr(pos, e - pos + 1));
        pos = e + 1;
    }
    return out;
}

// Who holds a copy of the original by right: its sender and recipients, the groups it was sent
// to, what the journal says, and whoever got it forwarded from one of those.
class Holders {
public:
    Holders(const PolicyStore& store, Deadline deadline) : store_(store), deadline_(deadline) {}

    std::string canonical(std::string_view a) const {
        auto c = store_.canonical(a, deadline_);
        return c ? *c : ascii_lower(a);
    }
    void add(std::string_view address) {
        if (address.empty()) return;
        std::string c = canonical(address);
        if (!addresses_.insert(c).second) return;
        auto g = store_.group(c, deadline_);
        if (g) groups_.push_back(*g);
    }
    bool holds(const std::string& who, std::string* how = nullptr) const {
        if (addresses_.count(who)) return true;
        std::set<std::string> seen;
        for (const auto& g : groups_)
            if (member(*g, who, 0, seen)) {
                if (how) *how = "member of " + g->address;
                return true;
            }
        return false;
    }
    std::vector<std::string> list() const { return {addresses_.begin(), addresses_.end()}; }

private:
    bool member(const Group& g, const std::string& who, int depth, std::set<std::string>& seen) const {
        if (depth > 8 || !seen.insert(g.address).second) return false;
        for (const auto& m : g.members) {
            if (m == who) return true;
            if (auto sub = store_.group(m, deadline_); sub && member(**sub, who, depth + 1, seen)) return true;
        }
        return false;
    }
    const PolicyStore& store_;
    Deadline deadline_;
    std::set<std::string> addresses_;
    std::vector<GroupRef> groups_;
};

}  // namespace

void ForwardingCheck::on_message(const MessageContext& ctx, const mime::Message& msg, Findings& out) const {
    if (!settings_.enabled) return;
    if (auto_forward(ctx, msg, out)) return;  // a machine resent what the mailbox got
    nonrecipient(ctx, msg, out);
}

bool ForwardingCheck::auto_forward(const MessageContext& ctx, const mime::Message& msg, Findings& out) const {
    if (!settings_.auto_forward) return false;
    const Identity& id = ctx.identity;
    std::vector<std::string> outside;
    for (const auto& r : ctx.env.rcpts)
        if (!store_->internal_domain(address_domain(r))) outside.push_back(ascii_lower(r));
    if (outside.empty()) return false;
    // Mail leaving for outside from our users or through our own servers (a mailbox rule,
    // Sieve, .forward or an alias runs on a trusted host); anything else is a relay attempt
    // the MTA refuses.
    if (!(id.internal_sender() || id.trusted_client || id.authenticated)) return false;

    auto ours = [&](std::string_view a) { return store_->internal_domain(address_domain(a)); };
    auto first_address = [&](std::string_view v) {
        auto people = forwarding::parse_people(v, nullptr);
        return people.empty() ? std::string() : people.front().address;
    };
    std::string login = id.authenticated && id.login_mapped ? id.address : "";
    std::string from = first_address(msg.header("from"));
    std::string resent_from = first_address(msg.header("resent-from"));
    auto same = [&](const std::string& a, const std::string& b) {
        if (a.empty() || b.empty()) return false;
        auto s = store_->same_person(a, b, ctx.deadline);
        return s ? *s : ascii_lower(a) == ascii_lower(b);
    };
    // A logged-in person sending, or redirecting by hand, what they chose: not automatic.
    bool manual = !login.empty() && (same(from, login) || same(resent_from, login));

    double score = 0;
    std::vector<std::string> signs;
    auto sign = [&](double w, std::string what) {
        score += w;
        signs.push_back(std::move(what));
    };
    std::set<std::string> header_rcpts;
    for (const char* h : {"to", "cc"})
        for (const auto& p : forwarding::parse_people(msg.header(h), nullptr))
            if (!p.address.empty()) header_rcpts.insert(p.address);
    bool resent = false;
    for (const auto& h : msg.headers) {
        std::string n = ascii_lower(h.name);
        std::string v = ascii_lower(trimmed(h.raw));
        if (n == "delivered-to" && ours(v) && !manual) sign(2, "Delivered-To " + v);
        else if (n == "x-original-to" && ours(v) && !manual) sign(1, "X-Original-To " + v);
        else if (n == "x-loop") sign(2, "X-Loop");
        else if (n == "x-forwarded-to" || n == "x-forwarded-for") sign(2, h.name);
        else if (n == "auto-submitted" && v.rfind("auto-forwarded", 0) == 0) sign(2, "Auto-Submitted: auto-forwarded");
        else if (n == "x-ms-exchange-inbox-rules-loop") sign(2, "X-MS-Exchange-Inbox-Rules-Loop");
        else if ((n == "x-ms-exchange-organization-autoforwarded" || n == "x-autoforwarded") && v.rfind("true", 0) == 0)
            sign(2, h.name);
        else if (n == "x-ms-exchange-generated-message-source" && v.find("mailbox rules agent") != std::string::npos)
            sign(2, "Exchange mailbox rules agent");
        else if (n.rfind("resent-", 0) == 0) resent = true;
    }
    if (resent && !manual) sign(1, "Resent-* headers");
    std::string env_from = ascii_lower(ctx.env.mail_from);
    if (env_from.rfind("srs0=", 0) == 0 || env_from.rfind("srs1=", 0) == 0) sign(2, "SRS envelope sender " + env_from);
    else if (ours(env_from) && !from.empty() && !ours(from) && !same(from, login) && !manual)
        // Our server resending outside mail under our envelope; logged in, a client may do so
        // by hand (a redirect without Resent-* headers), so it counts less.
        sign(id.authenticated ? 1 : 2, "envelope sender " + env_from + " ours, From " + from + " not");
    if (!id.internal_sender() && !from.empty() && !ours(from) && !ours(env_from)) {
        // Outside mail leaving again through our servers for someone the header never named,
        // while it names one of ours: an alias or a forward to outside.
        bool named_ours = false, unnamed = false;
        for (const auto& r : header_rcpts) named_ours = named_ours || ours(r);
        for (const auto& r : outside) unnamed = unnamed || !header_rcpts.count(r);
        if (named_ours && unnamed) sign(2, "outside mail to one of ours relayed to " + join(outside, 3));
    }
    if (score < 2) return false;
    Finding f;
    f.rule = std::string(kAutoForwardRule);
    f.category = "auto_forward";
    f.score = score;
    f.reason = "Automatic forwarding of department mail to an outside address";
    f.evidence = "to=" + join(outside, 3) + " signs=" + join(signs, 4);
    out.push_back(std::move(f));
    return true;
}

void ForwardingCheck::nonrecipient(const MessageContext& ctx, const mime::Message& msg, Findings& out) const {
    const Identity& id = ctx.identity;
    if (!id.internal_sender() || id.address.empty()) return;  // only mail our users send
    Forwarded fw = forwarding::find_forwarded(msg, names_.empty() ? nullptr : &names_);
    if (!fw.is_forward()) return;
    const std::string& who = id.address;
    Holders holders(*store_, ctx.deadline);

    auto report = [&](bool strong, std::string reason, std::string evidence) {
        Finding f;
        f.rule = std::string(kForwardNonrecipientRule);
        f.category = "forward_by_nonrecipient";
        f.score = strong ? 5.0 : 0.5;
        if (!strong) f.proposed = Verdict::Tag;  // [rules.forward_by_nonrecipient] still overrides
        f.reason = std::move(reason);
        f.evidence = "forwarder=" + who + " " + evidence;
        out.push_back(std::move(f));
    };
    // A Fw: subject over a body that quotes nothing shows nothing forwarded: no finding (a
    // weak one here tagged every chain letter and every rewritten forward).
    if (fw.levels.empty()) return;

    // The names the forwarder goes by, for header blocks that name people without addresses.
    std::set<std::string> who_names;
    for (const auto& p : forwarding::parse_people(msg.header("from"), nullptr))
        if (!p.name.empty()) for (const auto& k : forwarding::DisplayNames::keys(p.name)) who_names.insert(k);

    std::string decided = "headers";
    bool journal_known = false;
    // The journal's envelope truth: who received it (Bcc and group expansion included).
    auto from_journal = [&](const Original& o) -> bool {
        if (!history_) return false;
        Lookup<std::vector<std::string>> r = not_found;
        if (!o.message_id.empty()) r = history_->recipients_of(o.message_id, ctx.deadline);
        if (!r.found() && !o.from.empty() && !o.from.front().address.empty() && !o.subject.empty()) {
            int64_t now = std::chrono::duration_cast<std::chrono::seconds>(clock_->now().time_since_epoch()).count();
            long long day = forwarding::quoted_day(o.date);
            int64_t since = day >= 0 ? day - 2 * 86400 : now - static_cast<int64_t>(settings_.lookback_days) * 86400;
            int64_t until = day >= 0 ? day + 3 * 86400 : now + 86400;
            r = history_->recipients_by(o.from.front().address, o.subject, since, until, ctx.deadline);
        }
        if (!r.found()) return false;
        for (const auto& a : *r) holders.add(a);
        return true;
    };

    std::vector<std::string> unresolved;
    // Names without an address leave the recipients unknown; a sender's does not.
    auto add_people = [&](const std::vector<Person>& people, bool recipients) {
        for (const auto& p : people) {
            if (!p.address.empty()) holders.add(p.address);
            else if (!p.name.empty() && recipients) unresolved.push_back(p.name);
        }
    };
    const Original& first = fw.levels.back();
    // Mail that came through a mailing list names the list, not who got it.
    bool recipients_known = first.has_recipients && !first.list;
    for (std::size_t k = fw.levels.size(); k-- > 0;) {
        const Original& o = fw.levels[k];
        bool innermost = k + 1 == fw.levels.size();
        if (!innermost) {
            // Level k was forwarded by its sender: its recipients got it from someone who had it
            // by right only when that sender held it.
            std::string sender = o.from.empty() ? "" : o.from.front().address;
            if (sender.empty() || !holders.holds(holders.canonical(sender))) {
                if (!sender.empty() || o.from.empty()) continue;
            }
        }
        add_people(o.from, false);
        add_people(o.to, true);
        add_people(o.cc, true);
        if (from_journal(o) && innermost) journal_known = true;
    }
    // The forward refers to messages (References, In-Reply-To) the journal shows they received.
    if (history_)
        for (const char* h : {"in-reply-to", "references"}) {
            auto ids = message_ids(msg.header(h));
            if (ids.size() > 20) ids.erase(ids.begin(), ids.end() - 20);  // the newest; a hostile header has thousands
            for (const auto& mid : ids)
                if (auto r = history_->recipients_of(mid, ctx.deadline); r.found())
                    for (const auto& a : *r)
                        if (holders.canonical(a) == who) {
                            holders.add(a);
                            decided = "journal (" + std::string(h) + ")";
                        }
        }
    if (journal_known && decided == "headers") decided = "journal";

    std::string how;
    if (holders.holds(who, &how)) return;  // an intended recipient (or its sender)
    for (const auto& n : unresolved)
        for (const auto& k : forwarding::DisplayNames::keys(n))
            if (who_names.count(k)) return;  // named in the block by display name

    std::vector<std::string> named;
    for (const auto& p : first.to) named.push_back(p.address.empty() ? p.name : p.address);
    for (const auto& p : first.cc) named.push_back(p.address.empty() ? p.name : p.address);
    std::string evidence = "original_from=" + (first.from.empty() ? std::string("-")
                                                                   : first.from.front().address.empty() ? first.from.front().name
                                                                                                        : first.from.front().address) +
                           " original_to=" + join(named) + " holders=" + join(holders.list()) + " style=" + first.style +
                           " levels=" + std::to_string(fw.levels.size());
    if (!first.message_id.empty()) evidence += " message_id=" + first.message_id;
    if (!journal_known && (!recipients_known || !unresolved.empty())) {
        report(false, "Forwarded mail whose original recipients cannot be known",
               evidence + " decided=unknown (" +
                   (first.list ? std::string("came through a mailing list")
                    : recipients_known ? "names not in the directory: " + join(unresolved, 3)
                                       : std::string("no To/Cc quoted")) + ")");
        return;
    }
    report(true, "Forwarded mail the sender was not an intended recipient of", evidence + " decided=" + decided);
}

}  // namespace ord
