// `ordinance quarantine`: review held messages (list, show), release them exactly once per
// recipient, delete, expire, count, and verify the audit chain. The declaration lives in
// cli/main.cpp, beside the dispatch line.
#include <pwd.h>
#include <sys/random.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>
#include <sstream>

#include "base/json.h"
#include "base/terminal.h"
#include "base/text.h"
#include "checks/clamav_engine.h"
#include "cli/quarantine_actions.h"
#include "mime/parse.h"
#include "policy/config.h"
#include "quarantine/release.h"
#include "quarantine/rights.h"
#include "quarantine/store.h"

namespace ord::cli {
namespace {

using namespace ord::quarantine;

constexpr const char* kHelp = R"(NAME
    ordinance quarantine - review, release and delete held messages

SYNOPSIS
    ordinance [--config FILE] quarantine list [--since D] [--rule R] [--category C]
              [--sender A] [--rcpt A] [--state S] [--json]
    ordinance [--config FILE] quarantine show ID [--headers | --text | --raw]
    ordinance [--config FILE] quarantine review [--since D] [--rule R] [--category C]
              [--sender A] [--rcpt A] [--state S]
    ordinance [--config FILE] quarantine release ID... --reason TEXT [--rcpt ADDR]... [--force] [--no-rescan]
    ordinance [--config FILE] quarantine delete ID... --reason TEXT
    ordinance [--config FILE] quarantine expire [--older-than DAYS]
    ordinance [--config FILE] quarantine stats
    ordinance [--config FILE] quarantine verify
    ordinance [--config FILE] quarantine digest [--dry-run]
    ordinance [--config FILE] quarantine settle ID... --maillog FILE
    ordinance quarantine COMMAND --help

DESCRIPTION
    A message whose verdict is quarantine is kept by ordinance-milter in the quarantine
    store at [quarantine] dir (quarantine.mode = "store"): the raw message as received,
    its envelope (the sender and every recipient, Bcc included, each with its own state),
    who sent it, the direction, every finding with its rule, category, reason, evidence
    and policy paragraph, and its history. The MTA is told discard; the journal keeps the
    message as well. Policy 2503 sections 3 and 6.

    A recipient is held, releasing (a release is under way, or one was interrupted),
    released or deleted. Every action is recorded in the item's history and appended to
    the hash-chained audit log (DIR/audit.log): when, who (the Unix user running this
    command), what, why, and which recipients.

    Text output shows control characters, invalid UTF-8 and bidi controls from mail
    visibly (\n, \x1b, \u202e), so no message can move the cursor or forge a line; --json
    is exact.

COMMANDS
    list      One line per item, oldest first: id, time (UTC), state, sender, recipients,
              rules, subject. Filters (all given must match): --since D (YYYY-MM-DD, UTC),
              --rule R, --category C, --sender A, --rcpt A (any recipient), --state S
              (held, releasing, released, deleted: any recipient in that state).
              Only the items you may view: one held for a category in
              quarantine.view_groups is shown only to members of its groups (and of its
              release_groups and delete_groups) and root; how many were left out is said in
              one line on standard error. stats, review and digest leave them out alike.
    show      The item: envelope and each recipient's state, findings, history, then the
              header block. --headers: the header block only. --text: the text of every
              text part. --raw: the message's bytes exactly, only when standard output is
              not a terminal (pipe it to a file or a viewer). An item you may not view
              (quarantine.view_groups) is refused in one line, exit 1, and recorded in the
              audit log (action show_refused).
    review    Walks the items that wait (a recipient held or releasing; --state S for
              others; the filters of list) in the terminal, oldest first, one screen per
              item: its age, envelope and each recipient's state, reason, the findings with
              their evidence and policy paragraph, the history, and whether you may release
              or delete it. Keys: r release (asks for the reason), d delete (asks for the
              reason), s skip, n or Right next, p or Left previous, t the text of the
              message (as show --text) and back, j k Up Down Space b PageUp PageDown
              scroll, q quit. Escape or an empty reason cancels. A release or delete is the
              one release and delete do: the same rights, re-scan and audit records; its
              outcome shows on the status line and is printed again when review ends.
              Needs a terminal on standard input and output (exit 2 otherwise). Plain
              termios and ANSI sequences: no curses, any VT100-like terminal.
    release   Sends each item on to its recipients still held (or only --rcpt ADDR,
              repeatable) by SMTP to quarantine.reinject (default 127.0.0.1:10026, an
              smtpd with no milters), with the original envelope sender and recipients.
              Exactly once per recipient: the recipients are first claimed (state
              releasing, with a release id) under the item's lock and written to disk;
              only then is the message sent, with an "X-Ordinance-Release: RELEASE-ID"
              header; after the listener's 250 they are marked released. Two reviewers
              releasing the same item at once deliver it once: the second finds nothing
              held. If the listener refuses or is down, the recipients go back to held, the
              failure is recorded, and the command exits 1. A recipient left releasing
              (a release interrupted after the listener took it) is refused: settle it
              from the listener's log first (settle, below); --force sends it again, for
              when the log shows the listener never took it. --reason is required.
              Rights: an item held for a category in quarantine.never_release (default
              ["virus"]) is never released, by anyone; one held for a category in
              quarantine.release_groups (e.g. personal_data = ["supervisors"]) only by a
              member of one of those Unix groups, or root. A refusal is one line, and is
              recorded in the audit log.
              Before it is sent, each message is scanned again with the signatures in
              antivirus.database now (when antivirus.enabled): one that they find is not
              released, whatever it was held for. --no-rescan skips this (e.g. while the
              signatures cannot be loaded).
    delete    Every recipient still held becomes deleted and the message is removed; the
              item's record stays. --reason is required. Rights: an item held for a
              category in quarantine.delete_groups is deleted only by a member of one of
              its Unix groups, or root; a refusal is one line, recorded in the audit log.
    expire    Removes items older than DAYS (default quarantine.retention_days, 30), each
              recorded in the audit log first. The journal keeps its own copy.
    stats     Items and recipients by state, items by rule, the oldest held item, bytes.
    settle    Settles recipients left releasing by an interrupted release from the mail
              log FILE of the re-injection listener: its cleanup logs each release id it
              takes ("postfix/reinject/cleanup: QID: info: header X-Ordinance-Release: ID",
              from header_checks = /^X-Ordinance-Release:/ INFO; README.md, Postfix), and
              the queue manager logs the queue id once it is queued. Found and queued: the
              recipients become released (history and audit say so; nothing is sent).
              Not found: they stay releasing, exit 1; if the log is complete the release
              never reached the listener, and release --force sends it.
    digest    Mails each reviewer the items that wait for them (a recipient still held),
              only when one of them is new since the digest they last got. An item waits
              for the Unix groups that may act on it: the release_groups of its categories
              (the delete_groups of a never-released one), else quarantine.reviewers_group;
              and for its moderators. A group's address is quarantine.digest_to.GROUP, else
              each member's user@quarantine.digest_domain (default: the first internal
              domain). Sent with the null sender to notify.smtp (default the re-injection
              listener). What each address was last told is kept in
              quarantine.digest_state (default DIR/digest.state), written after a digest
              is taken. --dry-run says who would be mailed and changes nothing. Meant for
              a timer (deploy/systemd/ordinance-quarantine-digest.timer).
    verify    Recomputes the audit log's hash chain and reads every item; reports each
              altered, removed or reordered line and each unreadable item. Exit 1 on any.
              Then rebuilds the index (DIR/index) that list, stats, review and digest read
              (one summary line per item; a missing or torn index makes them read every
              item, which is slow on a large store: run verify).

EXIT STATUS
    0 success; 1 nothing matched (list), show refused (view rights), a release or delete
    did not complete, or verify found problems; 2 usage or configuration error.

EXAMPLES
    ordinance quarantine list --state held --category chain_letter
    ordinance quarantine show 20261202T061500Z-3fa9c2e1 --text | less
    ordinance quarantine release 20261202T061500Z-3fa9c2e1 --reason "not a chain letter, ticket 4411"
    ordinance quarantine delete 20261202T061500Z-3fa9c2e1 --reason "confirmed chain letter"
)";

int fail(const std::string& m) {
    std::cerr << "ordinance quarantine: " << m << "\n";
    return 2;
}

}  // namespace

namespace qcmd {

std::string whoami() {
    struct passwd* pw = ::getpwuid(::geteuid());
    std::string who = pw ? pw->pw_name : std::to_string(::geteuid());
    if (const char* s = std::getenv("SUDO_USER")) who += " (sudo " + std::string(s) + ")";
    return who;
}

int64_t now() { return static_cast<int64_t>(std::time(nullptr)); }

std::string utc(int64_t t) {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    ::gmtime_r(&tt, &tm);
    char b[32];
    std::strftime(b, sizeof b, "%Y-%m-%d %H:%M", &tm);
    return b;
}

std::string rules_of(const Item& it) {
    std::string out;
    for (const auto& f : it.findings)
        if (("," + out + ",").find("," + f.rule + ",") == std::string::npos) out += (out.empty() ? "" : ",") + f.rule;
    return out;
}

namespace {

bool parse_day(const std::string& s, int64_t& out) {
    std::tm tm{};
    const char* end = ::strptime(s.c_str(), "%Y-%m-%d", &tm);
    if (!end || *end) return false;
    out = static_cast<int64_t>(::timegm(&tm));
    return true;
}

// Display width in code points (terminal_text output is valid UTF-8).
std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string clip(const std::string& s, std::size_t max) {
    if (width(s) <= max) return s;
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80 && ++n > max - 1) break;
        out += s[i];
    }
    return out + "…";
}

std::string random_hex() {
    unsigned char b[8];
    if (::getrandom(b, sizeof b, 0) != static_cast<ssize_t>(sizeof b)) return "";
    char out[17];
    for (int i = 0; i < 8; ++i) std::snprintf(out + 2 * i, 3, "%02x", b[i]);
    return out;
}

std::string item_json(const Item& it) {
    std::ostringstream os;
    os << "{\"id\":" << json_string(it.id) << ",\"time\":" << it.time << ",\"state\":" << json_string(it.overall_state())
       << ",\"queue_id\":" << json_string(it.queue_id) << ",\"sender\":" << json_string(it.sender) << ",\"rcpts\":[";
    for (std::size_t i = 0; i < it.rcpts.size(); ++i)
        os << (i ? "," : "") << "{\"addr\":" << json_string(it.rcpts[i].addr)
           << ",\"state\":" << json_string(state_name(it.rcpts[i].state))
           << ",\"release_id\":" << json_string(it.rcpts[i].release_id) << "}";
    os << "],\"identity\":" << json_string(it.identity) << ",\"direction\":" << json_string(it.direction)
       << ",\"subject\":" << json_string(it.subject) << ",\"reason\":" << json_string(it.reason) << ",\"size\":" << it.size
       << ",\"findings\":[";
    for (std::size_t i = 0; i < it.findings.size(); ++i) {
        const auto& f = it.findings[i];
        os << (i ? "," : "") << "{\"rule\":" << json_string(f.rule) << ",\"category\":" << json_string(f.category)
           << ",\"action\":" << json_string(f.action) << ",\"reason\":" << json_string(f.reason)
           << ",\"evidence\":" << json_string(f.evidence) << ",\"policy\":" << json_string(f.policy) << "}";
    }
    os << "]}";
    return os.str();
}

}  // namespace

bool Filter::match(const Item& it) const {
    if (since >= 0 && it.time < since) return false;
    if (!sender.empty() && ascii_lower(it.sender) != ascii_lower(sender)) return false;
    if (!rcpt.empty()) {
        bool any = false;
        for (const auto& r : it.rcpts) any = any || ascii_lower(r.addr) == ascii_lower(rcpt);
        if (!any) return false;
    }
    if (!state.empty()) {
        bool any = false;
        for (const auto& r : it.rcpts) any = any || state_name(r.state) == state;
        if (!any) return false;
    }
    if (!rule.empty() || !category.empty()) {
        bool any = false;
        for (const auto& f : it.findings)
            any = any || ((rule.empty() || f.rule == rule) && (category.empty() || f.category == category));
        if (!any) return false;
    }
    return true;
}

int parse_filter_option(const std::vector<std::string>& a, std::size_t& i, Filter& f, const std::string& cmd,
                        std::string& err) {
    auto val = [&](std::string& out) {
        if (i + 1 >= a.size()) return false;
        out = a[++i];
        return true;
    };
    std::string v;
    if (a[i] == "--since") {
        if (!val(v) || !parse_day(v, f.since)) err = cmd + ": --since needs a date YYYY-MM-DD";
    } else if (a[i] == "--rule") {
        if (!val(f.rule)) err = cmd + ": --rule needs a rule id";
    } else if (a[i] == "--category") {
        if (!val(f.category)) err = cmd + ": --category needs a category";
    } else if (a[i] == "--sender") {
        if (!val(f.sender)) err = cmd + ": --sender needs an address";
    } else if (a[i] == "--rcpt") {
        if (!val(f.rcpt)) err = cmd + ": --rcpt needs an address";
    } else if (a[i] == "--state") {
        RcptState s;
        if (!val(f.state) || !parse_state(f.state, s)) err = cmd + ": --state must be held, releasing, released or deleted";
    } else {
        return 0;
    }
    return err.empty() ? 1 : -1;
}

std::vector<Item> viewable(std::vector<Item> items, const Config& cfg, const std::string& cmd) {
    const Reviewer who = current_reviewer();
    std::vector<Item> shown;
    shown.reserve(items.size());
    for (auto& it : items)
        if (may_view(cfg.quarantine, it, who)) shown.push_back(std::move(it));
    const std::size_t hidden = items.size() - shown.size();
    if (hidden)
        std::cerr << "ordinance quarantine: " << cmd << ": " << hidden << " item(s) not shown: held for categories "
                  << terminal_text(who.user) << " may not view (quarantine.view_groups)\n";
    return shown;
}

std::string render_item(const Item& i) {
    std::ostringstream os;
    os << "id:         " << i.id << "\n"
       << "held:       " << utc(i.time) << " UTC (queue id " << terminal_text(i.queue_id) << ")\n"
       << "state:      " << i.overall_state() << "\n"
       << "reason:     " << terminal_text(i.reason) << "\n"
       << "sender:     " << terminal_text(i.sender.empty() ? "<>" : i.sender) << "\n"
       << "identity:   " << terminal_text(i.identity) << " (" << terminal_text(i.direction) << ", client "
       << terminal_text(i.client_addr) << ")\n"
       << "subject:    " << terminal_text(i.subject) << "\n"
       << "size:       " << i.size << " bytes\n"
       << "recipients:\n";
    for (const auto& r : i.rcpts)
        os << "  " << terminal_text(r.addr) << "  " << state_name(r.state)
           << (r.release_id.empty() ? "" : " (release " + terminal_text(r.release_id) + ")") << "\n";
    if (!i.moderators.empty()) {
        os << "moderators:";
        for (const auto& m : i.moderators) os << " " << terminal_text(m);
        os << "\n";
    }
    os << "findings:\n";
    for (const auto& f : i.findings) {
        os << "  " << terminal_text(f.rule) << " [" << terminal_text(f.category) << "] action=" << terminal_text(f.action)
           << "\n    reason: " << terminal_text(f.reason) << "\n";
        if (!f.evidence.empty()) os << "    evidence: " << terminal_text(f.evidence) << "\n";
        if (!f.policy.empty()) os << "    policy: " << terminal_text(f.policy) << "\n";
    }
    os << "history:\n";
    for (const auto& h : i.history)
        os << "  " << utc(h.time) << "  " << terminal_text(h.who) << "  " << terminal_text(h.what) << "  "
           << terminal_text(h.detail) << "\n";
    return os.str();
}

std::string header_block(const std::string& raw) {
    std::size_t end = raw.find("\r\n\r\n");
    std::size_t lf = raw.find("\n\n");
    std::size_t cut = std::min(end == std::string::npos ? raw.size() : end + 2, lf == std::string::npos ? raw.size() : lf + 1);
    return raw.substr(0, cut);
}

std::string render_text(const std::string& raw) {
    mime::Limits limits;
    mime::Message msg = mime::parse(raw, limits);
    std::string out;
    msg.for_each_part([&](const mime::Part& p) {
        if (p.type == "text" && !p.text.empty() && !p.is_attachment()) out += p.text + (p.text.back() == '\n' ? "" : "\n");
    });
    return terminal_lines(out);
}

ReleaseRunner::ReleaseRunner(QuarantineStore& store, const Config& cfg) : store_(store), cfg_(cfg) {}
ReleaseRunner::~ReleaseRunner() = default;

// Re-scans a held message with the signatures on disk now, before it is released: a message
// held for a policy reason may carry something the signatures did not know when it came in.
// "" when it may go; else why not, in one line.
std::string ReleaseRunner::rescan_refusal(const std::string& id) {
    if (!cfg_.antivirus.enabled) return "";
    if (!av_tried_) {
        av_tried_ = true;
        auto e = ord::ClamAvEngine::load(cfg_.antivirus, cfg_.resolve(cfg_.antivirus.database));
        if (e) av_ = *e;
        else std::cerr << "ordinance: quarantine release: cannot load the signatures for the re-scan: "
                       << terminal_text(e.error().message) << "\n";
    }
    if (!av_) return "not re-scanned (signatures not loaded); --no-rescan releases without the re-scan";
    auto raw = store_.raw(id);
    if (!raw) return "cannot read the message to re-scan it: " + raw.error().message;
    ord::AvScan sc = av_->scan(*raw, id + ".eml");
    if (sc.status == ord::AvScan::Status::Virus)
        return "a re-scan with the current signatures found " + sc.virus + "; it is not released (delete it)";
    if (sc.status == ord::AvScan::Status::Error)
        return "the re-scan failed (" + sc.error + "); --no-rescan releases without the re-scan";
    return "";
}

int ReleaseRunner::run(const std::vector<std::string>& ids, const ReleaseOptions& o, std::ostream& out) {
    SmtpReinjector smtp(cfg_.quarantine.reinject);
    const Reviewer reviewer = current_reviewer();
    int status = 0;
    for (const auto& id : ids) {
        auto item = store_.get(id);
        if (!item) {
            out << terminal_text(id) << ": not released: " << terminal_text(item.error().message) << "\n";
            status = 1;
            continue;
        }
        if (auto ok = may_release(cfg_.quarantine, *item, reviewer); !ok) {
            out << terminal_text(id) << ": not released: " << terminal_text(ok.error().message) << "\n";
            (void)store_.append_audit(audit_line({whoami(), o.reason, now()}, "release_refused", id, {}, "", ok.error().message));
            status = 1;
            continue;
        }
        if (std::string why = o.rescan ? rescan_refusal(id) : ""; !why.empty()) {
            out << terminal_text(id) << ": not released: " << terminal_text(why) << "\n";
            (void)store_.append_audit(audit_line({whoami(), o.reason, now()}, "release_refused", id, {}, "", why));
            status = 1;
            continue;
        }
        ReleaseRequest req{id, {whoami(), o.reason, now()}, o.only, o.force, "R" + std::to_string(now()) + "-" + random_hex()};
        auto r = release(store_, smtp, req);
        if (!r) {
            out << terminal_text(id) << ": not released: " << terminal_text(r.error().message) << "\n";
            status = 1;
            continue;
        }
        auto list = [](const std::vector<std::string>& v) {
            std::string s;
            for (const auto& x : v) s += (s.empty() ? "" : ", ") + terminal_text(x);
            return s;
        };
        if (!r->released.empty())
            out << terminal_text(id) << ": released to " << list(r->released) << " (release " << r->release_id << ")\n";
        if (!r->failed.empty()) {
            out << terminal_text(id) << ": NOT released to " << list(r->failed) << ": " << terminal_text(r->error)
                << "; still held\n";
            status = 1;
        }
        if (!r->refused.empty()) {
            out << terminal_text(id) << ": left alone: " << list(r->refused)
                << " (may have been delivered: settle --maillog FILE tells; --force sends again)\n";
            status = 1;
        }
    }
    return status;
}

int delete_items(QuarantineStore& store, const Config& cfg, const std::vector<std::string>& ids,
                 const std::string& reason, std::ostream& out) {
    int status = 0;
    const Reviewer reviewer = current_reviewer();
    for (const auto& id : ids) {
        auto item = store.get(id);
        if (!item) {
            out << terminal_text(id) << ": not deleted: " << terminal_text(item.error().message) << "\n";
            status = 1;
            continue;
        }
        if (auto ok = may_delete(cfg.quarantine, *item, reviewer); !ok) {
            out << terminal_text(id) << ": not deleted: " << terminal_text(ok.error().message) << "\n";
            (void)store.append_audit(audit_line({whoami(), reason, now()}, "delete_refused", id, {}, "", ok.error().message));
            status = 1;
            continue;
        }
        auto r = delete_item(store, id, {whoami(), reason, now()});
        if (!r) {
            out << terminal_text(id) << ": not deleted: " << terminal_text(r.error().message) << "\n";
            status = 1;
        } else {
            out << terminal_text(id) << ": deleted\n";
        }
    }
    return status;
}
}  // namespace qcmd

namespace {

using namespace qcmd;

int cmd_list(QuarantineStore& store, const Config& cfg, const std::vector<std::string>& a) {
    Filter f;
    bool json = false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        std::string err;
        if (a[i] == "--json") json = true;
        else if (int k = parse_filter_option(a, i, f, "list", err); k < 0) return fail(err);
        else if (k == 0) return fail("list: unknown option '" + terminal_text(a[i]) + "'");
    }
    auto all = store.summaries();
    if (!all) return fail(all.error().message);
    *all = viewable(std::move(*all), cfg, "list");
    std::vector<std::vector<std::string>> rows;
    std::ostringstream js;
    std::size_t n = 0;
    for (const Item& item : *all) {
        const Item* it = &item;
        if (!f.match(*it)) continue;
        ++n;
        if (json) {
            js << item_json(*it) << "\n";
            continue;
        }
        std::string rcpts = it->rcpts.empty() ? "" : it->rcpts[0].addr;
        if (it->rcpts.size() > 1) rcpts += " +" + std::to_string(it->rcpts.size() - 1);
        rows.push_back({it->id, utc(it->time), it->overall_state(), clip(terminal_text(it->sender.empty() ? "<>" : it->sender), 32),
                        clip(terminal_text(rcpts), 32), clip(terminal_text(rules_of(*it)), 28),
                        clip(terminal_text(it->subject), 50)});
    }
    if (json) {
        std::cout << js.str();
        return n ? 0 : 1;
    }
    if (rows.empty()) {
        std::cout << "no items match\n";
        return 1;
    }
    std::vector<std::string> head = {"ID", "TIME (UTC)", "STATE", "SENDER", "RECIPIENTS", "RULES", "SUBJECT"};
    std::vector<std::size_t> w(head.size());
    for (std::size_t c = 0; c < head.size(); ++c) w[c] = width(head[c]);
    for (const auto& r : rows)
        for (std::size_t c = 0; c < r.size(); ++c) w[c] = std::max(w[c], width(r[c]));
    std::string out;
    auto line = [&](const std::vector<std::string>& r) {
        for (std::size_t c = 0; c < r.size(); ++c) {
            out += r[c];
            if (c + 1 < r.size()) out += std::string(w[c] - width(r[c]) + 2, ' ');
        }
        out += "\n";
    };
    line(head);
    for (const auto& r : rows) line(r);
    std::cout << out;
    return 0;
}

int cmd_show(QuarantineStore& store, const Config& cfg, const std::vector<std::string>& a) {
    std::string id, mode;
    for (const auto& x : a) {
        if (x == "--headers" || x == "--text" || x == "--raw") {
            if (!mode.empty()) return fail("show: give one of --headers, --text, --raw");
            mode = x;
        } else if (!x.empty() && x[0] == '-') {
            return fail("show: unknown option '" + terminal_text(x) + "'");
        } else if (id.empty()) {
            id = x;
        } else {
            return fail("show: one ID at a time");
        }
    }
    if (id.empty()) return fail("show: which item? (ordinance quarantine list)");
    auto it = store.get(id);
    if (!it) return fail(it.error().message);
    if (auto ok = may_view(cfg.quarantine, *it, current_reviewer()); !ok) {
        std::cerr << "ordinance quarantine: " << terminal_text(id) << ": not shown: " << terminal_text(ok.error().message) << "\n";
        (void)store.append_audit(audit_line({whoami(), "", now()}, "show_refused", id, {}, "", ok.error().message));
        return 1;
    }
    auto raw = store.raw(id);
    if (mode == "--raw") {
        if (::isatty(STDOUT_FILENO))
            return fail("show --raw writes the message's bytes, which may hold terminal escape sequences: redirect it "
                        "to a file or a pipe (ordinance quarantine show ID --raw > held.eml)");
        if (!raw) return fail(raw.error().message);
        std::cout.write(raw->data(), static_cast<std::streamsize>(raw->size()));
        std::cout.flush();
        return std::cout ? 0 : 2;
    }
    std::string headers = raw ? header_block(*raw) : "";
    if (mode == "--headers") {
        if (!raw) return fail(raw.error().message);
        std::cout << terminal_lines(headers);
        return 0;
    }
    if (mode == "--text") {
        if (!raw) return fail(raw.error().message);
        std::cout << render_text(*raw);
        return 0;
    }
    std::string out = render_item(*it);
    if (raw) out += "headers:\n" + terminal_lines(headers);
    else out += "message: " + terminal_text(raw.error().message) + "\n";
    std::cout << out;
    return 0;
}

int cmd_release(QuarantineStore& store, const Config& cfg, const std::vector<std::string>& a) {
    std::vector<std::string> ids;
    ReleaseOptions o;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == "--reason" && i + 1 < a.size()) o.reason = a[++i];
        else if (a[i] == "--rcpt" && i + 1 < a.size()) o.only.push_back(a[++i]);
        else if (a[i] == "--force") o.force = true;
        else if (a[i] == "--no-rescan") o.rescan = false;
        else if (!a[i].empty() && a[i][0] == '-') return fail("release: unknown option or missing value '" + terminal_text(a[i]) + "'");
        else ids.push_back(a[i]);
    }
    if (ids.empty()) return fail("release: which items? (ordinance quarantine list --state held)");
    if (o.reason.empty()) return fail("release: --reason TEXT is required (it goes into the audit log)");
    ReleaseRunner runner(store, cfg);
    return runner.run(ids, o, std::cout);
}

int cmd_delete(QuarantineStore& store, const Config& cfg, const std::vector<std::string>& a) {
    std::vector<std::string> ids;
    std::string reason;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == "--reason" && i + 1 < a.size()) reason = a[++i];
        else if (!a[i].empty() && a[i][0] == '-') return fail("delete: unknown option or missing value '" + terminal_text(a[i]) + "'");
        else ids.push_back(a[i]);
    }
    if (ids.empty()) return fail("delete: which items?");
    if (reason.empty()) return fail("delete: --reason TEXT is required (it goes into the audit log)");
    return delete_items(store, cfg, ids, reason, std::cout);
}

int cmd_expire(QuarantineStore& store, const Config& cfg, const std::vector<std::string>& a) {
    int64_t days = static_cast<int64_t>(cfg.quarantine.retention_days);
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == "--older-than" && i + 1 < a.size()) {
            const std::string& v = a[++i];
            if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos)
                return fail("expire: --older-than needs a number of days");
            days = std::stoll(v);
        } else {
            return fail("expire: unknown option '" + terminal_text(a[i]) + "'");
        }
    }
    auto gone = expire(store, days, {whoami(), "older than " + std::to_string(days) + " days", now()});
    if (!gone) return fail(gone.error().message);
    std::cout << gone->size() << " item(s) older than " << days << " days removed\n";
    return 0;
}

int cmd_stats(QuarantineStore& store, const Config& cfg) {
    auto all = store.summaries();
    if (!all) return fail(all.error().message);
    *all = viewable(std::move(*all), cfg, "stats");
    std::map<std::string, std::size_t> items_by_state, rcpts_by_state, by_rule;
    std::size_t bytes = 0;
    int64_t oldest = -1;
    std::string oldest_id;
    for (const Item& item : *all) {
        const Item* it = &item;
        ++items_by_state[it->overall_state()];
        for (const auto& r : it->rcpts) ++rcpts_by_state[std::string(state_name(r.state))];
        for (const auto& rule : [&] {
                 std::vector<std::string> v;
                 for (const auto& f : it->findings)
                     if (std::find(v.begin(), v.end(), f.rule) == v.end()) v.push_back(f.rule);
                 return v;
             }())
            ++by_rule[rule];
        bytes += it->size;
        if (it->overall_state() == "held" && (oldest < 0 || it->time < oldest)) {
            oldest = it->time;
            oldest_id = it->id;
        }
    }
    std::ostringstream os;
    os << "items: " << all->size() << " (" << bytes << " bytes)\n";
    for (const auto& [s, n] : items_by_state) os << "  " << s << ": " << n << "\n";
    os << "recipients:\n";
    for (const auto& [s, n] : rcpts_by_state) os << "  " << s << ": " << n << "\n";
    os << "by rule:\n";
    for (const auto& [r, n] : by_rule) os << "  " << terminal_text(r) << ": " << n << "\n";
    if (oldest >= 0) os << "oldest held: " << oldest_id << " (" << utc(oldest) << " UTC)\n";
    std::cout << os.str();
    return 0;
}

int cmd_verify(QuarantineStore& store) {
    auto text = store.audit_text();
    if (!text) return fail(text.error().message);
    auto problems = chain_problems(*text);
    std::size_t lines = static_cast<std::size_t>(std::count(text->begin(), text->end(), '\n'));
    auto ids = store.ids();
    if (!ids) return fail(ids.error().message);
    for (const auto& id : *ids)
        if (auto it = store.get(id); !it) problems.push_back("item " + id + ": " + it.error().message);
    for (const auto& p : problems) std::cout << "audit.log " << terminal_text(p) << "\n";
    // The list index is rebuilt from the items (a cache: nothing in it is needed to verify).
    auto indexed = store.rebuild_index();
    if (!indexed) std::cout << "index: not rebuilt: " << terminal_text(indexed.error().message) << "\n";
    if (!problems.empty()) {
        std::cout << problems.size() << " problem(s)\n";
        return 1;
    }
    std::cout << "audit log: " << lines << " line(s), chain intact; " << ids->size() << " item(s) readable";
    if (indexed) std::cout << "; index rebuilt (" << *indexed << " item(s))";
    std::cout << "\n";
    return indexed ? 0 : 1;
}

}  // namespace

int cmd_quarantine(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
        std::cout << kHelp;
        return args.empty() ? 2 : 0;
    }
    for (const auto& a : args)
        if (a == "-h" || a == "--help") {
            std::cout << kHelp;
            return 0;
        }
    const std::string& sub = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    static const char* known[] = {"list", "show", "review", "release", "delete", "expire", "stats", "verify", "digest", "settle"};
    if (std::find(std::begin(known), std::end(known), sub) == std::end(known))
        return fail("unknown command '" + terminal_text(sub) + "' (try 'ordinance quarantine --help')");
    auto cfg = load_config(config, sets);
    if (!cfg) {
        std::cerr << cfg.error().message << "\n";
        return 2;
    }
    auto store = FsQuarantineStore::open((*cfg)->quarantine.dir, (*cfg)->quarantine.reviewers_group);
    if (!store) return fail(store.error().message);
    QuarantineStore& s = **store;
    if (sub == "list") return cmd_list(s, **cfg, rest);
    if (sub == "show") return cmd_show(s, **cfg, rest);
    if (sub == "review") return cmd_review(s, **cfg, rest);
    if (sub == "digest") return cmd_digest(s, **cfg, rest);
    if (sub == "settle") return cmd_settle(s, rest);
    if (sub == "release") return cmd_release(s, **cfg, rest);
    if (sub == "delete") return cmd_delete(s, **cfg, rest);
    if (sub == "expire") return cmd_expire(s, **cfg, rest);
    if (sub == "stats") return cmd_stats(s, **cfg);
    return cmd_verify(s);
}

}  // namespace ord::cli
