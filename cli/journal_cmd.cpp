// The declaration lives in cli/main.cpp, beside the dispatch line.

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <iostream>
#include <sstream>

#include "base/owner.h"
#include "base/terminal.h"
#include "base/text.h"
#include "checks/personal_data.h"
#include "base/json.h"
#include "policy/config.h"
#include "journal/codec.h"
#include "journal/config_policy.h"
#include "journal/journal.h"
#include "journal/records.h"
#include "mime/parse.h"

namespace ord::cli {
namespace {

using namespace ord::journal;

constexpr const char* kHelp = R"(NAME
    ordinance journal - search, export, hold, purge and verify the retention journal

SYNOPSIS
    ordinance [--config FILE] journal search [FILTER]... [--json] [--limit N]
    ordinance [--config FILE] journal export [FILTER]... --format mbox|eml-zip --out FILE
              [--redact personal_data]
    ordinance [--config FILE] journal show ID
    ordinance [--config FILE] journal recipients MESSAGE-ID
    ordinance [--config FILE] journal hold add NAME --custodian ADDR... [--since D] [--until D] [--query Q]
    ordinance [--config FILE] journal hold list
    ordinance [--config FILE] journal hold release NAME
    ordinance [--config FILE] journal purge [--dry-run [--as-of D]]
    ordinance [--config FILE] journal verify
    ordinance [--config FILE] journal reconcile --maillog FILE
    ordinance [--config FILE] journal reindex

DESCRIPTION
    ordinance-milter keeps every message it lets through (accept, tag, quarantine) in the
    journal at [journal] dir before the MTA hears accept: the raw message, zstd-compressed,
    with its envelope (sender, every recipient including Bcc, login, client address, queue
    id), Message-ID, time, verdict and findings. Rejected and discarded messages are kept as
    metadata with their reason. Entries are chained by SHA-256 (chain/YYYY-MM-DD) and
    catalogued in an SQLite index (index.sqlite, WAL) with full-text search over subject
    and body. Policy 2503 sections 4 and 14. Every writer (each milter, hold, purge) appends
    under an exclusive lock on journal.lock, after the lines the others wrote, so several
    milters on one journal keep one chain. Run as root, the command refuses a journal whose
    index files are symbolic links, and hands files it makes to the journal's owner.

FILTERS (search and export; all given must match)
    --participant A   A took part: envelope sender or recipient, From/To/Cc, or login.
    --from A          A sent it (envelope sender, From:, or login).
    --to A            A received it (envelope recipient, Bcc included, or To:/Cc:).
    --since D         On or after D (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]Z, UTC).
    --until D         Before the end of day D (or before the instant, when a time is given).
    --subject S       Every word of S in the subject.
    --text T          Every word of T in the subject or body text.
    --message-id M    This Message-ID (with its angle brackets).
    --queue-id Q      This MTA queue id.

COMMANDS
    search      Lists matching entries, oldest first: id, date, verdict, sender, subject.
                --json prints one object per line. Text output shows control characters,
                invalid UTF-8 and bidi controls in mail-derived values visibly (\n, \x1b,
                \u202e; a backslash as \\), so each entry is one line; --json is exact.
    export      Writes the matching messages, byte for byte as journaled, to FILE (never
                overwritten): mbox (mboxrd: a line matching ^>*From gets one more '>', which
                a reader takes off again; LF line ends; the From_ line carries the envelope
                sender, MAILER-DAEMON for <>, and its date is the line's last 24 characters) or
                eml-zip (one .eml per message, stored uncompressed). Writes FILE.manifest listing each message's
                SHA-256, journal id, date, queue id and Message-ID, metadata-only entries,
                and the SHA-256 of FILE. --redact personal_data replaces SSNs, card and
                routing numbers (the personal_data content rule's detectors) with
                [REDACTED-SSN|CARD|ROUTING] in the exported copies only; the manifest lists
                each redaction (masked) and the original's SHA-256. A message whose numbers
                sit in encoded text (base64, quoted-printable breaks, HTML tags) cannot be
                redacted in place: it is withheld, listed in the manifest, and export exits 1.
    show        Prints one entry's metadata, then its raw message.
    recipients  Prints who received a Message-ID (envelope recipients of what was let through).
    hold        Legal holds. `add` records a hold over messages with any of the custodians
                (address, or @domain) as participant, optionally within dates and matching
                an FTS5 query over subject and body; held messages are never purged. `list`
                shows active holds; `release` ends one. Every change is appended to the
                hash-chained holds.log; nothing is rewritten. `add` refuses a query FTS5
                cannot compile, a custodian with spaces, commas, quotes or controls, and a
                --since not before --until. A recorded hold that cannot be read (or whose
                query does not compile) stops purge before it disposes anything; `list`
                names it and `release` ends it.
    purge       Removes entries past their retention and under no hold; each disposal is
                first appended to the hash-chained disposal.log (time, id, entry SHA-256,
                class, message date, rule), which is itself never purged. --dry-run lists
                what would go and changes nothing; only with it, --as-of D evaluates as of D.
    verify      Recomputes the SHA-256 chain; reports every altered, missing, reordered or
                unchained entry and any break in disposal.log or holds.log. Exit 1 on any.
    reconcile   Every queue id the Postfix log FILE shows as delivered (status=sent) must
                have a journal entry; lists those that do not. Exit 1 when any is missing.
                Queue ids the re-injection smtpd took (logged as postfix/reinject/smtpd:
                quarantine releases, journaled under the held message's queue id) are
                counted as releases, not as missing.
    reindex     Rebuilds index.sqlite from the entries (after losing or damaging it).

RETENTION
    [journal] default_retention (default 5y6m) and [[journal.retention]] classes (period,
    members) in the configuration; a message takes the longest class of any participant.
    A period ends on the same calendar day and time that many years/months later; a day the
    target month lacks (29 February, the 31st) becomes that month's last day.

EXIT STATUS
    0 success; 1 verify or reconcile found problems, search found nothing, or export
    withheld a message it could not redact; 2 usage,
    configuration or journal error.

EXAMPLES
    ordinance journal search --participant alice@modot.mo.gov --since 2026-01-01 --until 2026-03-31
    ordinance journal export --to counsel@modot.mo.gov --text "bridge contract" --format eml-zip --out /tmp/req-114.zip
    ordinance journal hold add lawsuit-2026-17 --custodian alice@modot.mo.gov --custodian @contractor.example
    ordinance journal purge --dry-run
)";

// Text output shows mail-derived values through terminal_text (one value, one line), so a
// subject or address cannot forge a line or send control sequences; --json stays exact.
std::string tt(std::string_view s) { return terminal_text(s); }

int fail(const std::string& m, int code = 2) {
    std::cerr << "ordinance journal: " << tt(m) << "\n";
    return code;
}

std::string whoami() {
    struct passwd* pw = ::getpwuid(::getuid());
    std::string who = pw ? pw->pw_name : std::to_string(::getuid());
    if (const char* s = std::getenv("SUDO_USER")) who += " (sudo " + std::string(s) + ")";
    return who;
}

struct Opened {
    std::shared_ptr<const Config> cfg;
    std::unique_ptr<FsStore> store;
    std::unique_ptr<JournalIndex> index;
};

// Opens the store and the index. Run as root on a journal the milter owns, the files the
// index creates are handed to the journal directory's owner so the milter can still write.
Result<Opened> open_journal(const std::string& config, const std::vector<std::string>& sets, bool want_index) {
    auto cfg = load_config(config, sets);
    if (!cfg) return cfg.error();
    Opened o;
    o.cfg = *cfg;
    const std::string& dir = o.cfg->journal.dir;
    auto store = FsStore::open(dir);
    if (!store) return store.error();
    o.store = std::move(*store);
    if (want_index) {
        // The directory is the milter user's: a link planted as the index (or its -wal/-shm,
        // which SQLite opens by name) would have us, perhaps root, write through it.
        constexpr const char* kIndexFiles[] = {"index.sqlite", "index.sqlite-wal", "index.sqlite-shm"};
        for (const char* f : kIndexFiles)
            if (auto r = check_plain_file(dir, f); !r) return r.error();
        auto idx = JournalIndex::open(dir + "/index.sqlite");
        if (!idx) return idx.error();
        o.index = std::move(*idx);
        auto dfd = open_dir_nofollow(dir);
        if (!dfd) return dfd.error();
        struct stat st {};
        Result<Ok> given = Ok{};
        if (::geteuid() == 0 && ::fstat(*dfd, &st) == 0 && st.st_uid != 0)
            for (const char* f : kIndexFiles)
                if (given) given = give_entry(*dfd, dir, f, st.st_uid, st.st_gid, 0600);
        ::close(*dfd);
        if (!given) return given.error();
    }
    return o;
}

// Parses the filters; returns "" or an error text.
std::string parse_filters(const std::vector<std::string>& args, size_t start, SearchQuery& q,
                          std::vector<std::string>& rest) {
    for (size_t i = start; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto val = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--participant" || a == "--from" || a == "--to") {
            if (!val(v)) return a + " needs an address";
            (a == "--participant" ? q.participants : a == "--from" ? q.from : q.to).push_back(v);
        } else if (a == "--since" || a == "--until") {
            if (!val(v)) return a + " needs a date";
            auto t = parse_utc(v);
            if (!t) return a + ": '" + v + "' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]Z";
            if (a == "--since") q.since = *t;
            else q.until = v.size() == 10 ? *t + 86400 : *t;
        } else if (a == "--subject") {
            if (!val(q.subject)) return "--subject needs words";
        } else if (a == "--text") {
            if (!val(q.text)) return "--text needs words";
        } else if (a == "--message-id") {
            if (!val(q.message_id)) return "--message-id needs a value";
        } else if (a == "--queue-id") {
            if (!val(q.queue_id)) return "--queue-id needs a value";
        } else {
            rest.push_back(a);
        }
    }
    return "";
}

std::string row_json(const IndexRow& r) {
    std::ostringstream os;
    os << "{\"id\":" << json_string(r.id) << ",\"date\":" << json_string(iso_utc(r.time))
       << ",\"verdict\":" << json_string(r.verdict) << ",\"from\":" << json_string(r.mail_from)
       << ",\"subject\":" << json_string(r.subject) << ",\"message_id\":" << json_string(r.message_id)
       << ",\"queue_id\":" << json_string(r.queue_id) << ",\"size\":" << r.size
       << ",\"retention_class\":" << json_string(r.retention_class) << ",\"body\":" << (r.has_body ? "true" : "false")
       << "}";
    return os.str();
}

// --redact personal_data: SSNs, card and routing numbers, found by the personal_data content
// rule's detectors and settings, become [REDACTED-KIND] in the exported copy. A number the
// raw bytes do not show (inside base64, split by a quoted-printable soft break or HTML
// tags) is found again after decoding; that message is withheld rather than exported.
Result<Redactor> personal_data_redactor(const Config& cfg) {
    auto loaded = load_content_rules(cfg.data_dir, cfg.content.rules);
    if (!loaded) return loaded.error();
    const PersonalDataSettings* pd = nullptr;
    for (const auto& c : (*loaded)->categories)
        if (c.personal_data && !pd) pd = &*c.personal_data;
    if (!pd) return Error{"usage", "--redact personal_data needs a content rule file with a [personal_data] table"};
    PersonalDataSettings s = *pd;
    return Redactor([s](std::string_view raw) {
        Redaction red;
        auto hits = find_personal_data(raw, s);
        size_t header_end = raw.find("\r\n\r\n");
        if (header_end == std::string_view::npos) header_end = raw.find("\n\n");
        std::string out;
        size_t pos = 0;
        for (const auto& h : hits) {
            if (h.offset < pos) continue;
            const char* kind = h.kind == PersonalDataHit::Kind::Ssn ? "SSN"
                               : h.kind == PersonalDataHit::Kind::Card ? "CARD"
                                                                       : "ROUTING";
            out.append(raw.substr(pos, h.offset - pos));
            out += std::string("[REDACTED-") + kind + "]";
            red.notes.push_back(h.masked() + " at byte " + std::to_string(h.offset) +
                                (h.offset < header_end ? " (header)" : " (body)"));
            pos = h.offset + h.length;
        }
        out.append(raw.substr(pos));
        mime::Message m = mime::parse(out);
        std::size_t left = 0;
        for (const auto& h : m.headers) left += find_personal_data(h.decoded, s).size();
        m.for_each_part([&](const mime::Part& p) {
            if (!p.text.empty()) left += find_personal_data(p.text, s).size();
        });
        if (left) {
            red.complete = false;
            red.notes.push_back(std::to_string(left) + " item(s) in encoded text that cannot be redacted in place");
        }
        red.text = std::move(out);
        return red;
    });
}

int cmd_search(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args,
               bool do_export) {
    SearchQuery q;
    std::vector<std::string> rest;
    if (auto e = parse_filters(args, 1, q, rest); !e.empty()) return fail(e);
    bool json = false;
    std::string format, out, redact;
    for (size_t i = 0; i < rest.size(); ++i) {
        const std::string& a = rest[i];
        if (a == "--json" && !do_export) json = true;
        else if (a == "--limit" && !do_export && i + 1 < rest.size()) q.limit = std::stoul(rest[++i]);
        else if (a == "--format" && do_export && i + 1 < rest.size()) format = rest[++i];
        else if (a == "--out" && do_export && i + 1 < rest.size()) out = rest[++i];
        else if (a == "--redact" && do_export && i + 1 < rest.size()) redact = rest[++i];
        else return fail(std::string(do_export ? "export" : "search") + ": unknown argument '" + a + "'");
    }
    if (do_export && (format.empty() || out.empty())) return fail("export needs --format mbox|eml-zip and --out FILE");
    if (!redact.empty() && redact != "personal_data") return fail("--redact knows only personal_data");
    if (do_export && q.empty()) return fail("export needs at least one filter (refusing to export the whole journal by accident)");
    auto o = open_journal(config, sets, true);
    if (!o) return fail(o.error().message);
    auto rows = o->index->search(q);
    if (!rows) return fail(rows.error().message);
    if (do_export) {
        Redactor redactor;
        if (!redact.empty()) {
            auto r = personal_data_redactor(*o->cfg);
            if (!r) return fail(r.error().message);
            redactor = *r;
        }
        auto rep = export_messages(*o->store, *rows, format, out, system_clock()(), redactor);
        if (!rep) return fail(rep.error().message);
        std::cout << "exported " << rep->messages << " message(s) to " << tt(out) << " (" << format << "); "
                  << rep->metadata_only << " metadata-only entr" << (rep->metadata_only == 1 ? "y" : "ies")
                  << " listed; manifest " << tt(rep->manifest_path) << "\n";
        if (redactor)
            std::cout << rep->redacted << " message(s) redacted, " << rep->unredacted
                      << " withheld (personal data in encoded parts; see the manifest)\n";
        return rep->unredacted ? 1 : 0;
    }
    for (const auto& r : *rows) {
        if (json) std::cout << row_json(r) << "\n";
        else
            std::cout << tt(r.id) << "  " << iso_utc(r.time) << "  " << tt(r.verdict) << "  "
                      << (r.mail_from.empty() ? "<>" : tt(r.mail_from)) << "  " << tt(r.subject) << "\n";
    }
    return rows->empty() ? 1 : 0;
}

int cmd_show(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args) {
    if (args.size() != 2) return fail("show needs one entry id");
    auto o = open_journal(config, sets, true);
    if (!o) return fail(o.error().message);
    SearchQuery q;
    q.id = args[1];
    auto rows = o->index->search(q);
    if (!rows) return fail(rows.error().message);
    for (const auto& r : *rows) {
        auto bytes = o->store->get(r.key);
        if (!bytes) return fail(bytes.error().message);
        std::string raw;
        auto e = parse_entry(*bytes, &raw);
        if (!e) return fail(e.error().message);
        size_t end = bytes->find("\n\n");
        // The header block and the message keep their lines; every other control is shown.
        std::cout << terminal_lines(bytes->substr(0, end + 1)) << "\n" << terminal_lines(raw);
        return 0;
    }
    return fail("no entry " + args[1], 1);
}

int cmd_hold(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args) {
    if (args.size() < 2) return fail("hold needs add, list or release");
    // add compiles the hold's query against the index, as purge will run it.
    auto o = open_journal(config, sets, args[1] == "add");
    if (!o) return fail(o.error().message);
    int64_t now = system_clock()();
    const std::string& sub = args[1];
    if (sub == "list") {
        std::vector<std::string> unreadable;
        auto holds = active_holds(*o->store, &unreadable);
        if (!holds) return fail(holds.error().message);
        for (const auto& h : *holds) {
            std::cout << tt(h.name) << "  added " << iso_utc(h.added) << " by " << tt(h.added_by) << "\n    custodians:";
            for (const auto& c : h.custodians) std::cout << " " << tt(c);
            std::cout << "\n";
            if (h.since) std::cout << "    since: " << iso_utc(*h.since) << "\n";
            if (h.until) std::cout << "    until: " << iso_utc(*h.until) << "\n";
            if (!h.query.empty()) std::cout << "    query: " << tt(h.query) << "\n";
        }
        if (holds->empty() && unreadable.empty()) std::cout << "no active holds\n";
        // An unreadable hold stops every purge: say so, and how to end it.
        for (const auto& u : unreadable) fail(u + " (purge refuses to run until it is released)");
        return unreadable.empty() ? 0 : 2;
    }
    if (sub == "release") {
        if (args.size() != 3) return fail("hold release needs NAME");
        if (auto r = release_hold(*o->store, args[2], whoami(), now); !r) return fail(r.error().message);
        std::cout << "released hold " << tt(args[2]) << "\n";
        return 0;
    }
    if (sub != "add") return fail("hold needs add, list or release");
    if (args.size() < 3 || args[2].rfind("--", 0) == 0) return fail("hold add needs NAME");
    LegalHold h;
    h.name = args[2];
    h.added_by = whoami();
    for (size_t i = 3; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (i + 1 >= args.size()) return fail(a + " needs a value");
        const std::string& v = args[++i];
        if (a == "--custodian") {
            h.custodians.push_back(ascii_lower(v));
            // --custodian A B C: further bare words are custodians too.
            while (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) h.custodians.push_back(ascii_lower(args[++i]));
        } else if (a == "--since" || a == "--until") {
            auto t = parse_utc(v);
            if (!t) return fail(a + ": '" + v + "' is not a date");
            if (a == "--since") h.since = *t;
            else h.until = v.size() == 10 ? *t + 86400 : *t;
        } else if (a == "--query") {
            if (v.empty()) return fail("--query is empty (leave it out to hold every message of the custodians)");
            h.query = v;
        } else {
            return fail("hold add: unknown option '" + a + "'");
        }
    }
    if (auto r = add_hold(*o->store, *o->index, h, now); !r) return fail(r.error().message);
    std::cout << "hold " << tt(h.name) << " added\n";
    return 0;
}

int cmd_purge(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args) {
    bool dry = false;
    std::optional<int64_t> as_of;
    for (size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--dry-run") dry = true;
        else if (args[i] == "--as-of" && i + 1 < args.size()) {
            as_of = parse_utc(args[++i]);
            if (!as_of) return fail("--as-of: not a date");
        } else return fail("purge: unknown argument '" + args[i] + "'");
    }
    // Evaluating retention at another date may never delete anything: that would let a
    // wrong clock argument circumvent retention (policy 2503 section 4).
    if (as_of && !dry) return fail("--as-of is only allowed with --dry-run");
    auto o = open_journal(config, sets, true);
    if (!o) return fail(o.error().message);
    int64_t now = as_of.value_or(system_clock()());
    auto rep = purge(*o->store, *o->index, policy_from_config(*o->cfg), now, dry, whoami());
    if (!rep) return fail(rep.error().message);
    for (const auto& it : rep->disposed)
        std::cout << (dry ? "would dispose " : "disposed ") << tt(it.row.id) << "  " << iso_utc(it.row.time) << "  "
                  << tt(it.row.retention_class) << "  " << tt(it.rule) << "\n";
    for (const auto& e : rep->errors) std::cerr << "ordinance journal: " << tt(e) << "\n";
    std::cout << (dry ? "dry run: " : "") << rep->disposed.size() << (dry ? " would be disposed, " : " disposed, ")
              << rep->held << " held, " << rep->kept << " within retention\n";
    return rep->errors.empty() ? 0 : 2;
}

int cmd_verify(const std::string& config, const std::vector<std::string>& sets) {
    auto o = open_journal(config, sets, false);
    if (!o) return fail(o.error().message);
    auto rep = verify(*o->store, system_clock()());
    if (!rep) return fail(rep.error().message);
    for (const auto& p : rep->problems) std::cout << "PROBLEM " << tt(p) << "\n";
    std::cout << (rep->ok() ? "ok" : "FAILED") << ": " << rep->links << " chain links, " << rep->entries_ok
              << " entries intact, " << rep->disposed << " disposed (logged), " << rep->problems.size()
              << " problem(s)\n";
    return rep->ok() ? 0 : 1;
}

}  // namespace

int cmd_journal(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args) {
    try {
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
        if (sub == "search") return cmd_search(config, sets, args, false);
        if (sub == "export") return cmd_search(config, sets, args, true);
        if (sub == "show") return cmd_show(config, sets, args);
        if (sub == "hold") return cmd_hold(config, sets, args);
        if (sub == "purge") return cmd_purge(config, sets, args);
        if (sub == "verify") return cmd_verify(config, sets);
        if (sub == "recipients") {
            if (args.size() != 2) return fail("recipients needs one Message-ID");
            auto o = open_journal(config, sets, true);
            if (!o) return fail(o.error().message);
            auto r = o->index->recipients_of(args[1]);
            if (!r) return fail(r.error().message);
            for (const auto& a : *r) std::cout << tt(a) << "\n";
            return r->empty() ? 1 : 0;
        }
        if (sub == "reconcile") {
            if (args.size() != 3 || args[1] != "--maillog") return fail("reconcile needs --maillog FILE");
            auto o = open_journal(config, sets, true);
            if (!o) return fail(o.error().message);
            auto rep = reconcile(*o->index, args[2]);
            if (!rep) return fail(rep.error().message);
            for (const auto& q : rep->missing) std::cout << "MISSING " << tt(q) << "\n";
            std::cout << rep->delivered << " delivered queue id(s) in the log, " << rep->found << " journaled, "
                      << rep->released << " quarantine release(s), " << rep->missing.size() << " missing\n";
            return rep->missing.empty() ? 0 : 1;
        }
        if (sub == "reindex") {
            auto o = open_journal(config, sets, true);
            if (!o) return fail(o.error().message);
            auto n = reindex(*o->store, *o->index);
            if (!n) return fail(n.error().message);
            std::cout << "indexed " << *n << " entries\n";
            return 0;
        }
        return fail("unknown journal command '" + sub + "' (try 'ordinance journal --help')");
    } catch (const std::exception& e) {
        return fail(std::string("internal error: ") + e.what());
    }
}

}  // namespace ord::cli
