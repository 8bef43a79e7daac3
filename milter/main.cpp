// ordinance-milter: the libmilter adapter and the daemon's main. Thin by design: every
// decision comes from the Engine; this file moves bytes and answers the MTA.
#include <fcntl.h>
#include <grp.h>
#include <libmilter/mfapi.h>
#include <pthread.h>
#include <pwd.h>
#include <netdb.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "checks/assemble.h"
#include "base/log.h"
#include "policy/engine.h"
#include "disposition/durable.h"
#include "disposition/journal_write.h"
#include "disposition/plan.h"
#include "disposition/keep.h"
#include "disposition/notify.h"
#include "milter/session.h"
#include "milter/verdict_map.h"
#include "mime/parse.h"
#include "quarantine/store.h"

namespace {

using ord::Verdict;
using ord::milter::Session;
namespace log = ord::log;

constexpr const char* kHelp = R"(NAME
    ordinance-milter - the Ordinance mail policy gateway daemon (a milter)

SYNOPSIS
    ordinance-milter [--config FILE] [--set SECTION.KEY=VALUE]... [--daemon] [--check]

DESCRIPTION
    Enforces the configured e-mail acceptable-use policy in the mail path of Postfix or
    Sendmail over the milter protocol. Recipients are judged as they arrive (RCPT TO)
    and each message at end of data; the answer is accept, tag (X-Ordinance-* headers),
    quarantine, reject (5.7.1 naming the rule and policy paragraph), tempfail (4.7.1)
    or discard. Runs in the foreground and logs key=value lines to standard error.

    It listens on milter.socket, e.g. inet:127.0.0.1:7358 or unix:/run/ordinance/milter.sock.
    Postfix: smtpd_milters = inet:127.0.0.1:7358, milter_default_action = tempfail.
    A unix socket is given milter.socket_mode (default 0660) and milter.socket_group (default
    postfix), its directory made if missing; over it the MTA does not wait for an answer to
    each header and body chunk, which saves a round trip per header. Debian's Postfix runs
    smtpd chrooted in /var/spool/postfix: milter.socket = unix:/var/spool/postfix/ordinance/
    milter.sock with smtpd_milters = unix:/ordinance/milter.sock.

OPTIONS
    --config FILE   Configuration file. Default: $ORDINANCE_CONFIG, else
                    /etc/ordinance/ordinance.toml.
    --set K=V       Override a configuration key (repeatable), e.g.
                    --set milter.socket=inet:127.0.0.1:9999
    --daemon        Detach from the terminal after binding (writes milter.pid_file if set).
    --check         Validate the configuration and exit (0 ok, 1 invalid).
    -h, --help      Show this text.

SIGNALS
    SIGHUP          Reload the configuration. A configuration that fails to load is
                    logged with file:line and the running one is kept. Connections
                    already open keep the snapshot they started with. New or changed
                    files in antivirus.database are noticed every
                    antivirus.reload_check_seconds and reload the same way: the new
                    ClamAV engine is compiled off the mail path and swapped in.
    SIGTERM, SIGINT Let messages already begun finish (at most 30 s) while new ones are
                    tempfailed (451 4.3.2), then stop accepting connections and exit.

PRIVILEGES
    Started as root, it binds the socket, then switches to milter.user (default
    "ordinance") before handling mail.

EXIT STATUS
    0 on a clean stop, 1 on a runtime failure, 2 on a usage or configuration error.
)";

// The daemon's state, the one process-wide object (libmilter hands its callbacks only the
// connection's private data). The engine snapshot (configuration, rules, services) is swapped
// whole on reload and copied by each connection at connect; the rest is set up in main()
// before the first connection and lives as long as the process.
struct Daemon {
    std::mutex engine_mu;
    std::shared_ptr<const ord::Engine> engine;  // guarded by engine_mu
    std::string config_path;
    std::vector<std::string> overrides;
    // Sends the notices to senders of held mail (notify.*); started after privileges are dropped.
    std::unique_ptr<ord::disposition::Notifier> notifier;
    // The journal every accepted message is recorded in; opened after privileges are dropped.
    std::unique_ptr<ord::disposition::JournalSink> journal;
    // Held messages (quarantine.mode = "store"); opened after privileges are dropped.
    std::unique_ptr<ord::quarantine::FsQuarantineStore> quarantine;
    // True when milter.socket is a unix socket (set once at start): see on_negotiate.
    bool unix_socket = false;
    // Set on SIGTERM/SIGINT: messages in progress finish, new ones are tempfailed, then we stop.
    std::atomic<bool> stopping{false};
};
Daemon g_daemon;

std::shared_ptr<const ord::Engine> current_engine() {
    std::lock_guard<std::mutex> lock(g_daemon.engine_mu);
    return g_daemon.engine;
}

Session* session(SMFICTX* ctx) { return static_cast<Session*>(smfi_getpriv(ctx)); }

std::string macro(SMFICTX* ctx, const char* name) {
    const char* v = smfi_getsymval(ctx, const_cast<char*>(name));
    return v ? v : "";
}

std::string strip_brackets(const char* addr) {
    std::string a = addr ? addr : "";
    while (!a.empty() && (a.front() == '<' || a.front() == ' ')) a.erase(a.begin());
    auto gt = a.find('>');
    if (gt != std::string::npos) a.resize(gt);
    return a;
}

bool set_reply(SMFICTX* ctx, const char* code, const char* enhanced, const std::string& text);

// Runs a callback body; no exception ever crosses into libmilter. For a step the MTA does not
// wait on (`nr_flag` negotiated), a failure is remembered and answered with a tempfail at the
// end of the message.
template <typename F>
sfsistat guarded(SMFICTX* ctx, const char* stage, unsigned long nr_flag, F&& f) {
    Session* s = session(ctx);
    bool noreply = s && nr_flag && (s->noreply & nr_flag);
    try {
        sfsistat rc = f();
        if (!noreply) return rc;
        if (rc != SMFIS_CONTINUE && s->failure.empty()) s->failure = std::string(stage) + " failed";
        return SMFIS_NOREPLY;
    } catch (const std::exception& e) {
        log::error("internal_error", {{"stage", stage}, {"qid", s ? s->env.queue_id : ""}, {"what", e.what()}});
    } catch (...) {
        log::error("internal_error", {{"stage", stage}});
    }
    if (noreply) {
        if (s->failure.empty()) s->failure = std::string("internal error in ") + stage;
        return SMFIS_NOREPLY;
    }
    set_reply(ctx, "451", "4.3.0", "Temporary failure in the policy gateway, try again later");
    return SMFIS_TEMPFAIL;
}

// The one way a reply reaches libmilter: the text always goes through reply_safe.
bool set_reply(SMFICTX* ctx, const char* code, const char* enhanced, const std::string& text) {
    std::string safe = ord::reply_safe(text);
    if (smfi_setreply(ctx, const_cast<char*>(code), const_cast<char*>(enhanced), safe.data()) == MI_SUCCESS) return true;
    log::error("setreply_failed", {{"code", code}, {"enhanced", enhanced}});
    return false;
}

void set_reply(SMFICTX* ctx, const ord::Decision& d) {
    if (d.smtp_code.empty()) return;
    set_reply(ctx, d.smtp_code.c_str(), d.enhanced_code.c_str(), d.reply_text);
}


Session* ensure_session(SMFICTX* ctx) {
    Session* s = session(ctx);
    if (!s) {
        s = new Session(current_engine());
        smfi_setpriv(ctx, s);
    }
    return s;
}


sfsistat on_negotiate(SMFICTX* ctx, unsigned long f0, unsigned long f1, unsigned long, unsigned long,
                      unsigned long* pf0, unsigned long* pf1, unsigned long* pf2, unsigned long* pf3) {
    try {
        *pf0 = f0 & (SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_CHGBODY | SMFIF_QUARANTINE | SMFIF_SETSYMLIST | SMFIF_ADDRCPT |
                     SMFIF_DELRCPT);
        // Over a unix socket the MTA need not wait for an answer to each header and body chunk
        // (SMFIP_NR_HDR/EOH/BODY): one round trip per message instead of one per header. Over
        // TCP every step is answered: measured, the no-reply steps made each message wait
        // ~37 ms for a delayed ACK (one session: 27 msg/s against 112 msg/s answered).
        *pf1 = g_daemon.unix_socket ? (f1 & (SMFIP_NR_HDR | SMFIP_NR_EOH | SMFIP_NR_BODY)) : 0;
        *pf2 = 0;
        *pf3 = 0;
        Session* s = ensure_session(ctx);
        s->noreply = *pf1;
        s->actions = *pf0;
        if (f0 & SMFIF_SETSYMLIST) {
            smfi_setsymlist(ctx, SMFIM_CONNECT,
                            const_cast<char*>("{client_addr} {client_name} {daemon_name} {if_addr} j"));
            smfi_setsymlist(ctx, SMFIM_ENVFROM, const_cast<char*>("{auth_authen} {auth_type} {mail_addr} i"));
            smfi_setsymlist(ctx, SMFIM_ENVRCPT, const_cast<char*>("{rcpt_addr} i"));
            smfi_setsymlist(ctx, SMFIM_EOH, const_cast<char*>("i"));
            smfi_setsymlist(ctx, SMFIM_EOM, const_cast<char*>("i"));
        }
        return SMFIS_CONTINUE;
    } catch (...) {
        return SMFIS_TEMPFAIL;
    }
}

sfsistat on_connect(SMFICTX* ctx, char* hostname, _SOCK_ADDR*) {
    return guarded(ctx, "connect", 0, [&] {
        Session* s = ensure_session(ctx);
        s->env.client_name = hostname ? hostname : "";
        s->env.client_addr = macro(ctx, "{client_addr}");
        s->env.daemon_name = macro(ctx, "{daemon_name}");
        s->env.if_addr = macro(ctx, "{if_addr}");
        return SMFIS_CONTINUE;
    });
}

sfsistat on_helo(SMFICTX* ctx, char* helo) {
    return guarded(ctx, "helo", 0, [&] {
        if (Session* s = session(ctx)) s->env.helo = helo ? helo : "";
        return SMFIS_CONTINUE;
    });
}

sfsistat on_envfrom(SMFICTX* ctx, char** argv) {
    return guarded(ctx, "mail", 0, [&] {
        Session* s = session(ctx);
        if (!s) return SMFIS_TEMPFAIL;
        s->reset_message();
        if (g_daemon.stopping) {  // stopping: only messages already begun are finished
            set_reply(ctx, "451", "4.3.2", "Policy gateway restarting, try again later");
            return SMFIS_TEMPFAIL;
        }
        s->env.mail_from = strip_brackets(argv ? argv[0] : nullptr);
        s->env.auth_login = macro(ctx, "{auth_authen}");
        s->env.queue_id = macro(ctx, "i");
        ord::Decision d = s->engine->sender(s->env);
        if (d.verdict == Verdict::Reject || d.verdict == Verdict::TempFail) {
            log::info("sender_refused", {{"qid", s->env.queue_id}, {"from", s->env.mail_from},
                                         {"auth", s->env.auth_login}, {"client", s->env.client_addr},
                                         {"rules", ord::disposition::rule_list(d.findings)}, {"reply", d.smtp_reply()}});
            set_reply(ctx, d);
            return ord::milter::to_smfis(d.verdict);
        }
        for (auto& f : d.findings) s->rcpt_findings.push_back(std::move(f));
        s->begin_message();
        return SMFIS_CONTINUE;
    });
}

sfsistat on_envrcpt(SMFICTX* ctx, char** argv) {
    return guarded(ctx, "rcpt", 0, [&] {
        Session* s = session(ctx);
        if (!s) return SMFIS_TEMPFAIL;
        std::string rcpt = strip_brackets(argv ? argv[0] : nullptr);
        if (s->env.queue_id.empty()) s->env.queue_id = macro(ctx, "i");
        ord::Decision d = s->engine->recipient(s->env, rcpt);
        if (d.verdict == Verdict::Reject || d.verdict == Verdict::TempFail) {
            ++s->rcpt_rejected;
            log::info("rcpt_refused", {{"qid", s->env.queue_id}, {"from", s->env.mail_from}, {"rcpt", rcpt},
                                       {"action", std::string(ord::verdict_name(d.verdict))},
                                       {"rules", ord::disposition::rule_list(d.findings)}, {"reply", d.smtp_reply()}});
            set_reply(ctx, d);
            return ord::milter::to_smfis(d.verdict);
        }
        for (auto& f : d.findings) s->rcpt_findings.push_back(std::move(f));
        s->env.rcpts.push_back(rcpt);
        return SMFIS_CONTINUE;
    });
}

sfsistat on_header(SMFICTX* ctx, char* name, char* value) {
    return guarded(ctx, "header", SMFIP_NR_HDR, [&] {
        Session* s = session(ctx);
        if (!s) return SMFIS_TEMPFAIL;
        std::string line;
        line.reserve(std::strlen(name) + std::strlen(value) + 4);
        line.append(name).append(": ").append(value).append("\r\n");
        auto r = s->buffer.append(line);
        if (!r) {
            log::error("spool_error", {{"qid", s->env.queue_id}, {"what", r.error().message}});
            return SMFIS_TEMPFAIL;
        }
        return SMFIS_CONTINUE;
    });
}

sfsistat on_eoh(SMFICTX* ctx) {
    return guarded(ctx, "eoh", SMFIP_NR_EOH, [&] {
        Session* s = session(ctx);
        if (!s) return SMFIS_TEMPFAIL;
        if (s->env.queue_id.empty()) s->env.queue_id = macro(ctx, "i");
        s->headers_done = true;
        auto r = s->buffer.append("\r\n");
        return r ? SMFIS_CONTINUE : SMFIS_TEMPFAIL;
    });
}

sfsistat on_body(SMFICTX* ctx, unsigned char* chunk, size_t len) {
    return guarded(ctx, "body", SMFIP_NR_BODY, [&] {
        Session* s = session(ctx);
        if (!s) return SMFIS_TEMPFAIL;
        if (!s->failure.empty()) return SMFIS_CONTINUE;  // already failed: the end of message tempfails
        auto r = s->buffer.append(std::string_view(reinterpret_cast<const char*>(chunk), len));
        if (!r) {
            log::error("spool_error", {{"qid", s->env.queue_id}, {"what", r.error().message}});
            set_reply(ctx, "451", "4.3.0", "Policy gateway cannot store the message now, try again later");
            return SMFIS_TEMPFAIL;
        }
        return SMFIS_CONTINUE;
    });
}

// The plan's MTA side: every change through libmilter, each call checked.
class SmfiPort : public ord::disposition::MtaPort {
public:
    SmfiPort(SMFICTX* ctx, unsigned long granted) : ctx_(ctx), granted_(granted) {}
    unsigned granted() const override {
        using namespace ord::disposition;
        unsigned g = 0;
        if (granted_ & SMFIF_ADDHDRS) g |= kNeedAddHeader;
        if (granted_ & SMFIF_CHGHDRS) g |= kNeedChangeHeader;
        if (granted_ & SMFIF_CHGBODY) g |= kNeedChangeBody;
        if (granted_ & SMFIF_QUARANTINE) g |= kNeedHold;
        if (granted_ & SMFIF_ADDRCPT) g |= kNeedAddRcpt;
        if (granted_ & SMFIF_DELRCPT) g |= kNeedDelRcpt;
        return g;
    }
    bool add_header(const std::string& name, const std::string& value) override {
        return smfi_addheader(ctx_, const_cast<char*>(name.c_str()), const_cast<char*>(value.c_str())) == MI_SUCCESS;
    }
    bool change_header(const std::string& name, const std::optional<std::string>& value) override {
        return smfi_chgheader(ctx_, const_cast<char*>(name.c_str()), 1,
                              value ? const_cast<char*>(value->c_str()) : nullptr) == MI_SUCCESS;
    }
    bool add_rcpt(const std::string& addr) override {
        return smfi_addrcpt(ctx_, const_cast<char*>(addr.c_str())) == MI_SUCCESS;
    }
    bool del_rcpt(const std::string& addr) override {
        return smfi_delrcpt(ctx_, const_cast<char*>(addr.c_str())) == MI_SUCCESS;
    }
    bool replace_body(std::string_view body) override {
        constexpr std::size_t kChunk = 1 << 20;
        if (body.empty())
            return smfi_replacebody(ctx_, reinterpret_cast<unsigned char*>(const_cast<char*>("")), 0) == MI_SUCCESS;
        for (std::size_t at = 0; at < body.size(); at += kChunk) {
            std::size_t n = std::min(kChunk, body.size() - at);
            if (smfi_replacebody(ctx_, reinterpret_cast<unsigned char*>(const_cast<char*>(body.data() + at)),
                                 static_cast<int>(n)) != MI_SUCCESS)
                return false;
        }
        return true;
    }
    bool hold(const std::string& reason) override {
        return smfi_quarantine(ctx_, const_cast<char*>(reason.c_str())) == MI_SUCCESS;
    }

private:
    SMFICTX* ctx_;
    unsigned long granted_;
};

sfsistat on_eom(SMFICTX* ctx) {
    return guarded(ctx, "eom", 0, [&] {
        Session* s = session(ctx);
        if (!s) return SMFIS_TEMPFAIL;
        auto start = std::chrono::steady_clock::now();
        if (s->env.queue_id.empty()) s->env.queue_id = macro(ctx, "i");
        if (!s->failure.empty()) {  // a header or body step that was not answered failed
            log::error("message_failed", {{"qid", s->env.queue_id}, {"what", s->failure}});
            set_reply(ctx, "451", "4.3.0", "Policy gateway cannot take the message now, try again later");
            s->reset_message();
            return SMFIS_TEMPFAIL;
        }
        auto raw = s->buffer.view();
        if (!raw) {
            log::error("spool_error", {{"qid", s->env.queue_id}, {"what", raw.error().message}});
            s->reset_message();
            return SMFIS_TEMPFAIL;
        }
        s->env.size = raw->size();
        const ord::Config& cfg = s->engine->config();
        ord::mime::Message msg = ord::mime::parse(*raw, cfg.limits);
        // The plan first (no side effect), then its steps in disposition/execute.h's order.
        ord::disposition::Plan plan = ord::disposition::make_plan(
            {cfg, s->env, *raw, msg, {}, s->engine.get()}, s->engine->message(s->env, msg, s->rcpt_findings));
        if (!plan.strip_failed.empty())
            log::warn("strip_failed", {{"qid", s->env.queue_id}, {"part", plan.strip_failed}});
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        char msbuf[32];
        std::snprintf(msbuf, sizeof msbuf, "%.2f", ms);
        log::info("verdict", {{"qid", s->env.queue_id}, {"action", std::string(ord::verdict_name(plan.answer.verdict))},
                              {"rules", ord::disposition::rule_list(plan.findings)}, {"from", s->env.mail_from},
                              {"rcpts", std::to_string(s->env.rcpts.size())}, {"size", std::to_string(s->env.size)},
                              {"client", s->env.client_addr}, {"auth", s->env.auth_login}, {"ms", msbuf}});
        // What was found where (virus name, part name and type) for the virus and attachment rules.
        for (const auto& f : plan.findings)
            if (f.category == "virus" || f.category == "banned_attachment")
                log::info("finding", {{"qid", s->env.queue_id}, {"rule", f.rule},
                                      {"action", std::string(ord::verdict_name(f.action))}, {"evidence", f.evidence}});
        SmfiPort mta(ctx, s->actions);
        ord::disposition::MailDurables durable(cfg, s->env, *raw, msg, g_daemon.journal.get(), g_daemon.notifier.get(),
                                                   g_daemon.quarantine.get());
        ord::disposition::Outcome out = ord::disposition::execute(plan, *raw, cfg.disposition, mta, durable);
        const auto& a = out.answer;
        if (!a.code.empty()) set_reply(ctx, a.code.c_str(), a.enhanced.c_str(), a.text);
        s->reset_message();
        return ord::milter::to_smfis(a.verdict);
    });
}

sfsistat on_abort(SMFICTX* ctx) {
    if (Session* s = session(ctx)) s->reset_message();
    return SMFIS_CONTINUE;
}

sfsistat on_close(SMFICTX* ctx) {
    delete session(ctx);
    smfi_setpriv(ctx, nullptr);
    return SMFIS_CONTINUE;
}

sfsistat on_unknown(SMFICTX* ctx, const char*) {
    return guarded(ctx, "unknown", 0, [] { return SMFIS_CONTINUE; });
}
sfsistat on_data(SMFICTX* ctx) {
    return guarded(ctx, "data", 0, [] { return SMFIS_CONTINUE; });
}

// milter.socket is written in Postfix's notation (inet:HOST:PORT, unix:/path); libmilter
// wants inet:PORT@HOST. Returns "" when the value cannot be converted.
std::string libmilter_socket(const std::string& s) {
    for (const char* proto : {"inet:", "inet6:"}) {
        std::string p = proto;
        if (s.rfind(p, 0) != 0) continue;
        std::string rest = s.substr(p.size());
        if (rest.find('@') != std::string::npos) return s;  // already libmilter's form
        auto colon = rest.rfind(':');
        if (colon == std::string::npos || colon + 1 >= rest.size()) return "";
        std::string host = rest.substr(0, colon), port = rest.substr(colon + 1);
        if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
        if (port.find_first_not_of("0123456789") != std::string::npos) return "";
        return p + port + (host.empty() ? "" : "@" + host);
    }
    if (s.rfind("unix:", 0) == 0 || s.rfind("local:", 0) == 0) return s;
    return "";
}

int usage(const std::string& m) {
    std::cerr << "ordinance-milter: " << m << "\n(try 'ordinance-milter --help')\n";
    return 2;
}

void apply_log_level(const ord::Config& c) {
    const auto& l = c.milter.log_level;
    log::set_level(l == "debug" ? log::Level::Debug
                   : l == "warn" ? log::Level::Warn
                   : l == "error" ? log::Level::Error
                                  : log::Level::Info);
}

void reload() {
    // The running Engine's services are handed on: an unchanged ClamAV engine is shared, not
    // compiled again, and rate counters and metrics keep counting.
    auto e = ord::load_engine(g_daemon.config_path, g_daemon.overrides, current_engine().get());
    if (!e) {
        log::error("reload_failed", {{"config", g_daemon.config_path}, {"error", e.error().message}});
        return;
    }
    const auto& old = current_engine()->config();
    if (old.milter.socket != (*e)->config().milter.socket)
        log::warn("reload_socket_unchanged", {{"running", old.milter.socket}, {"configured", (*e)->config().milter.socket}});
    apply_log_level((*e)->config());
    if (auto sr = ord::disposition::prepare_stripped_dir((*e)->config(), ""); !sr)
        log::warn("reload_stripped_dir", {{"error", sr.error().message}});
    if (g_daemon.notifier) g_daemon.notifier->update((*e)->config());
    // The quarantine store is opened once, at start: a reload cannot move or open it.
    if (const auto& q = (*e)->config().quarantine; q.store() && (!g_daemon.quarantine || g_daemon.quarantine->dir() != q.dir))
        log::warn("reload_quarantine_unchanged", {{"configured", q.dir}, {"running", g_daemon.quarantine ? g_daemon.quarantine->dir() : ""},
                                                  {"hint", "restart the milter; until then held mail is tempfailed or kept in the running store"}});
    {
        std::lock_guard<std::mutex> lock(g_daemon.engine_mu);
        g_daemon.engine = *e;
    }
    log::info("reloaded", {{"config", g_daemon.config_path}});
}

// The path of a unix:/local: socket in libmilter's notation, else "".
std::string unix_socket_path(const std::string& conn) {
    for (const char* p : {"unix:", "local:"})
        if (conn.rfind(p, 0) == 0) return conn.substr(std::strlen(p));
    return "";
}

// The socket's directory must be one no other user can change under us while we, as root,
// chown and chmod the socket in it: a real directory (not a symlink), owned by root (or by us
// when not root), not writable by group or others.
bool socket_dir_safe(const std::string& dir, const struct stat& st) {
    std::string why;
    if (!S_ISDIR(st.st_mode)) why = "is not a directory (or is a symlink)";
    else if (st.st_uid != ::geteuid()) why = "is not owned by " + std::string(::geteuid() == 0 ? "root" : "us");
    else if (st.st_mode & (S_IWGRP | S_IWOTH)) why = "is writable by group or others";
    if (why.empty()) return true;
    std::cerr << "ordinance-milter: the socket's directory " << dir << " " << why << "\n";
    return false;
}

std::string parent_dir(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

// Before the bind: the socket's directory (e.g. /run/ordinance, gone after a reboot) is made,
// mode 0755 and owned by root (never by milter.user, who could swap the socket for a link
// before we chown it), so the MTA can reach the socket.
bool prepare_socket_dir(const std::string& path, const std::string&) {
    std::string dir = parent_dir(path);
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0) {
        if (::mkdir(dir.c_str(), 0755) != 0 || ::lstat(dir.c_str(), &st) != 0) {
            std::cerr << "ordinance-milter: cannot create the socket's directory " << dir << ": " << std::strerror(errno)
                      << "\n";
            return false;
        }
    }
    return socket_dir_safe(dir, st);
}

// After the bind: milter.socket_mode and milter.socket_group on the socket, owned by
// milter.user, so that the MTA's user can connect and other local users cannot. Done through a
// descriptor of the checked directory, never following a link.
bool secure_socket(const std::string& path, const ord::Config::Milter& m) {
    uid_t uid = static_cast<uid_t>(-1);
    gid_t gid = static_cast<gid_t>(-1);
    if (::geteuid() == 0 && !m.user.empty())
        if (struct passwd* pw = ::getpwnam(m.user.c_str())) uid = pw->pw_uid;
    if (!m.socket_group.empty()) {
        if (struct group* gr = ::getgrnam(m.socket_group.c_str())) gid = gr->gr_gid;
        else log::warn("socket_group_missing", {{"group", m.socket_group}, {"socket", path}});
    }
    std::string dir = parent_dir(path), name = path.substr(path.rfind('/') + 1);
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st {};
    if (dfd < 0 || ::fstat(dfd, &st) != 0) {
        std::cerr << "ordinance-milter: cannot open the socket's directory " << dir << ": " << std::strerror(errno) << "\n";
        if (dfd >= 0) ::close(dfd);
        return false;
    }
    bool ok = socket_dir_safe(dir, st);
    struct stat ss {};
    if (ok && (::fstatat(dfd, name.c_str(), &ss, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISSOCK(ss.st_mode))) {
        std::cerr << "ordinance-milter: " << path << " is not the socket we bound\n";
        ok = false;
    }
    if (ok && (uid != static_cast<uid_t>(-1) || gid != static_cast<gid_t>(-1)) &&
        ::fchownat(dfd, name.c_str(), uid, gid, AT_SYMLINK_NOFOLLOW) != 0) {
        std::cerr << "ordinance-milter: cannot give " << path << " to " << m.user << ":" << m.socket_group << ": "
                  << std::strerror(errno) << "\n";
        ok = false;
    }
    // The name was checked above to be a socket, not a link, in a directory only root can change.
    if (ok && ::fchmodat(dfd, name.c_str(), m.socket_mode, 0) != 0) {
        std::cerr << "ordinance-milter: cannot set mode of " << path << ": " << std::strerror(errno) << "\n";
        ok = false;
    }
    ::close(dfd);
    return ok;
}

// libmilter's listener holds a lock across its 5 s poll on the listening socket, and
// smfi_stop() waits for that lock: stops took 3.5-10 s. A connection of our own makes the poll
// return at once; libmilter takes it (the session ends at once), sees the stop, and closes.
// Best effort: at worst the stop takes libmilter's 5 s as before.
void wake_listener(const std::string& conn) {
    int fd = -1;
    if (std::string path = unix_socket_path(conn); !path.empty()) {
        sockaddr_un a{};
        a.sun_family = AF_UNIX;
        if (path.size() >= sizeof a.sun_path) return;
        std::memcpy(a.sun_path, path.c_str(), path.size() + 1);
        fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd >= 0) (void)::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    } else {
        // inet:PORT@HOST or inet6:PORT@HOST (libmilter's notation); a wildcard host means loopback.
        auto colon = conn.find(':'), at = conn.find('@');
        bool v6 = conn.rfind("inet6:", 0) == 0;
        std::string port = conn.substr(colon + 1, at == std::string::npos ? std::string::npos : at - colon - 1);
        std::string host = at == std::string::npos ? "" : conn.substr(at + 1);
        if (host.empty() || host == "0.0.0.0" || host == "::" || host == "[::]") host = v6 ? "::1" : "127.0.0.1";
        addrinfo hints{}, *res = nullptr;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_family = v6 ? AF_INET6 : AF_INET;
        if (::getaddrinfo(host.c_str(), port.c_str(), &hints, &res) != 0 || !res) return;
        fd = ::socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd >= 0) (void)::connect(fd, res->ai_addr, res->ai_addrlen);  // refused: it has stopped already
        ::freeaddrinfo(res);
    }
    if (fd >= 0) ::close(fd);
}

// Switches to `user` when running as root; refuses to go on as root otherwise.
bool drop_privileges(const std::string& user) {
    if (::geteuid() != 0) return true;
    if (user.empty()) {
        log::warn("running_as_root", {{"hint", "set milter.user"}});
        return true;
    }
    struct passwd* pw = ::getpwnam(user.c_str());
    if (!pw) {
        std::cerr << "ordinance-milter: milter.user '" << user << "' does not exist (create it, or set milter.user)\n";
        return false;
    }
    if (::initgroups(pw->pw_name, pw->pw_gid) != 0 || ::setgid(pw->pw_gid) != 0 || ::setuid(pw->pw_uid) != 0) {
        std::cerr << "ordinance-milter: cannot switch to user '" << user << "': " << std::strerror(errno) << "\n";
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    // What the milter makes is its own: the journal's index (subjects, body text), spooled
    // bodies. Modes others need are set explicitly (the socket after its bind, its directory).
    ::umask(077);
    bool daemonize = false;
    bool check_only = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::cout << kHelp;
            return 0;
        } else if (a == "--config" && i + 1 < argc) {
            g_daemon.config_path = argv[++i];
        } else if (a.rfind("--config=", 0) == 0) {
            g_daemon.config_path = a.substr(9);
        } else if (a == "--set" && i + 1 < argc) {
            g_daemon.overrides.push_back(argv[++i]);
        } else if (a.rfind("--set=", 0) == 0) {
            g_daemon.overrides.push_back(a.substr(6));
        } else if (a == "--daemon" || a == "-d") {
            daemonize = true;
        } else if (a == "--check") {
            check_only = true;
        } else {
            return usage("unknown argument '" + a + "'");
        }
    }
    if (g_daemon.config_path.empty()) g_daemon.config_path = ord::default_config_path();
    auto e = ord::load_engine(g_daemon.config_path, g_daemon.overrides);
    if (!e) {
        std::cerr << e.error().message << "\n";
        return check_only ? 1 : 2;
    }
    if (check_only) {
        std::cout << g_daemon.config_path << ": ok\n";
        return 0;
    }
    g_daemon.engine = *e;
    const ord::Config& cfg = g_daemon.engine->config();
    apply_log_level(cfg);

    // Spool directory for large bodies; owned by the user we run as.
    if (auto sp = ord::disposition::make_private_dir(cfg.milter.spool_dir, cfg.milter.user, "milter.spool_dir"); !sp)
        log::warn("spool_dir", {{"dir", cfg.milter.spool_dir}, {"error", sp.error().message}});

    struct smfiDesc desc {};
    desc.xxfi_name = const_cast<char*>("ordinance");
    desc.xxfi_version = SMFI_VERSION;
    desc.xxfi_flags = SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_CHGBODY | SMFIF_QUARANTINE | SMFIF_SETSYMLIST |
                      SMFIF_ADDRCPT | SMFIF_DELRCPT;
    desc.xxfi_connect = on_connect;
    desc.xxfi_helo = on_helo;
    desc.xxfi_envfrom = on_envfrom;
    desc.xxfi_envrcpt = on_envrcpt;
    desc.xxfi_header = on_header;
    desc.xxfi_eoh = on_eoh;
    desc.xxfi_body = on_body;
    desc.xxfi_eom = on_eom;
    desc.xxfi_abort = on_abort;
    desc.xxfi_close = on_close;
    desc.xxfi_unknown = on_unknown;
    desc.xxfi_data = on_data;
    desc.xxfi_negotiate = on_negotiate;

    std::string sock = cfg.milter.socket;
    std::string conn = libmilter_socket(sock);
    const std::string sock_path = unix_socket_path(conn);
    g_daemon.unix_socket = !sock_path.empty();
    if (conn.empty() || smfi_setconn(conn.data()) == MI_FAILURE)
        return usage("invalid milter.socket '" + sock + "' (expected inet:HOST:PORT or unix:/path)");
    if (smfi_register(desc) == MI_FAILURE) {
        std::cerr << "ordinance-milter: smfi_register failed\n";
        return 1;
    }
    smfi_settimeout(300);
    smfi_setbacklog(128);
    ::umask(022);  // the socket's directory is made 0755: the MTA's user must reach the socket
    if (!sock_path.empty() && !prepare_socket_dir(sock_path, cfg.milter.user)) return 1;
    ::umask(077);
    if (smfi_opensocket(1) == MI_FAILURE) {
        std::cerr << "ordinance-milter: cannot listen on " << sock
                  << " (address in use, bad path, or no permission)\n";
        return 1;
    }
    if (!sock_path.empty() && !secure_socket(sock_path, cfg.milter)) return 1;
    // The journal directory is made and handed to milter.user while we are still root.
    if (auto jr = ord::disposition::prepare_journal_dir(cfg, cfg.milter.user); !jr) {
        std::cerr << "ordinance-milter: journal: " << jr.error().message << "\n";
        return 1;
    }
    if (auto nr = ord::disposition::prepare_notice_dir(cfg, cfg.milter.user); !nr) {
        std::cerr << "ordinance-milter: " << nr.error().message << "\n";
        return 1;
    }
    if (auto sr = ord::disposition::prepare_stripped_dir(cfg, cfg.milter.user); !sr) {
        std::cerr << "ordinance-milter: " << sr.error().message << "\n";
        return 1;
    }
    if (auto qr = ord::disposition::prepare_quarantine_dir(cfg, cfg.milter.user); !qr) {
        std::cerr << "ordinance-milter: quarantine: " << qr.error().message << "\n";
        return 1;
    }
    if (!drop_privileges(cfg.milter.user)) return 1;
    if (daemonize && ::daemon(0, 1) != 0) {
        std::cerr << "ordinance-milter: daemon() failed: " << std::strerror(errno) << "\n";
        return 1;
    }
    // Opened after daemon(): an SQLite connection must not cross a fork.
    if (auto jr = ord::disposition::JournalSink::open(cfg); !jr) {
        std::cerr << "ordinance-milter: journal: " << jr.error().message << "\n";
        return 1;
    } else {
        g_daemon.journal = std::move(*jr);
    }
    if (cfg.quarantine.store()) {
        auto q = ord::quarantine::FsQuarantineStore::open(cfg.quarantine.dir, cfg.quarantine.reviewers_group);
        if (!q) {
            std::cerr << "ordinance-milter: quarantine: " << q.error().message << "\n";
            return 1;
        }
        g_daemon.quarantine = std::move(*q);
    }
    // The pid file is 0644 by design: a pid is no secret (ps shows it) and a monitor that is not
    // root may read it. Written whole, or the start refuses: a service manager relies on it.
    if (const std::string& pid_file = cfg.milter.pid_file; !pid_file.empty()) {
        std::string pid = std::to_string(::getpid()) + "\n";
        int fd = ::open(pid_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
        errno = EIO;  // what a short write reports
        bool ok = fd >= 0 && ::fchmod(fd, 0644) == 0 &&
                  ::write(fd, pid.data(), pid.size()) == static_cast<ssize_t>(pid.size());
        int err = errno;
        if (fd >= 0 && ::close(fd) != 0 && ok) {
            ok = false;
            err = errno;
        }
        if (!ok) {
            std::cerr << "ordinance-milter: cannot write milter.pid_file " << pid_file << ": " << std::strerror(err)
                      << "\n";
            return 1;
        }
    }
    // A thread, so after daemon(): notices spooled by an earlier run are sent first.
    if (cfg.notify.enabled) g_daemon.notifier = ord::disposition::Notifier::start(cfg);

    // Signals: the main thread waits for them, libmilter runs in its own thread. Linux gives
    // a process-directed signal to the main thread first when it is waiting for it, so
    // SIGHUP reaches us (reload) and not libmilter's own signal thread (which would stop).
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    log::info("start", {{"socket", sock}, {"config", g_daemon.config_path}, {"pid", std::to_string(::getpid())}});
    int milter_rc = 0;
    std::thread milter_thread([&] {
        milter_rc = smfi_main();
        ::kill(::getpid(), SIGTERM);  // wake the main thread if libmilter stops on its own
    });
    for (;;) {
        int sig = 0;
        // Between signals, every antivirus.reload_check_seconds: new signature files reload too.
        long every = static_cast<long>(current_engine()->config().antivirus.reload_check_seconds);
        if (every <= 0) {
            if (sigwait(&set, &sig) != 0) continue;
        } else {
            timespec wait{every, 0};
            sig = sigtimedwait(&set, nullptr, &wait);
            if (sig < 0) {
                if (errno == EAGAIN && current_engine()->data_changed()) {
                    log::info("data_changed", {{"what", "antivirus.database"}});
                    reload();
                }
                continue;
            }
        }
        if (sig == SIGHUP) {
            reload();
            continue;
        }
        log::info("stop", {{"signal", std::to_string(sig)}});
        // Messages already begun finish first (their MTA would otherwise send them again); new
        // ones are tempfailed meanwhile. Only then is libmilter stopped: Debian's libmilter
        // serves connections from a worker pool that ends with the listener.
        g_daemon.stopping = true;
        constexpr int kDrainSeconds = 30;
        if (int n = Session::in_flight(); n > 0) {
            log::info("draining", {{"messages", std::to_string(n)}, {"seconds", std::to_string(kDrainSeconds)}});
            auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kDrainSeconds);
            while (Session::in_flight() > 0 && std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            if (int left = Session::in_flight(); left > 0)
                log::warn("drain_timeout", {{"messages", std::to_string(left)}, {"hint", "the MTA retries them"}});
            else
                log::info("drained", {});
        }
        // smfi_stop() blocks until the listener's poll returns; knock until it has.
        std::atomic<bool> stopped{false};
        std::thread stopper([&] {
            smfi_stop();
            stopped = true;
        });
        for (int i = 0; i < 250 && !stopped; ++i) {
            wake_listener(conn);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        stopper.join();
        break;
    }
    milter_thread.join();
    g_daemon.notifier.reset();
    return milter_rc == MI_SUCCESS ? 0 : 1;
}
