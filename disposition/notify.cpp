#include "disposition/notify.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <atomic>
#include <random>

#include "base/log.h"
#include "base/smtp_client.h"
#include "policy/direction.h"
#include "journal/store.h"
#include "disposition/keep.h"

namespace ord::disposition {
namespace {

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\r' || c == '\n') c = ' ';
    if (s.size() > 200) s = s.substr(0, 197) + "...";
    return s;
}

}  // namespace

bool wants_notice(const Config& cfg, const Envelope& env, const Decision& d) {
    if (!cfg.notify.enabled || d.verdict != Verdict::Quarantine || env.mail_from.empty()) return false;
    bool category = false;
    for (const auto& f : d.findings)
        for (const auto& c : cfg.notify.categories)
            if (f.category == c && f.action == Verdict::Quarantine) category = true;
    if (!category) return false;
    // The direction the Engine worked out from the sender's identity (policy/context.h).
    std::string dir = direction_name(d.direction.value_or(Direction::Inbound));
    for (const auto& x : cfg.notify.directions)
        if (x == dir) return true;
    return false;
}

namespace {

std::string gateway_from(const Config& cfg) {
    std::string from = cfg.notify.from;
    if (from.find('@') == std::string::npos)
        from += "@" + (cfg.organisation.internal_domains.empty() ? std::string("localhost")
                                                                  : cfg.organisation.internal_domains.front());
    return from;
}

// The headers of a notice from the gateway to `to`; `kind` goes into X-Ordinance-Notice.
std::string notice_headers(const Config& cfg, const std::string& to, const std::string& subject, const std::string& kind) {
    std::string from = gateway_from(cfg);
    char date[64];
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    char id[40];
    std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(rng()));
    std::string m;
    m += "From: " + (cfg.organisation.name.empty() ? std::string("Mail gateway") : one_line(cfg.organisation.name) + " mail gateway") +
         " <" + from + ">\r\n";
    m += "To: <" + to + ">\r\n";
    m += "Subject: " + one_line(subject) + "\r\n";
    m += "Date: " + std::string(date) + "\r\n";
    m += "Message-ID: <ordinance-notice-" + std::string(id) + "@" + from.substr(from.find('@') + 1) + ">\r\n";
    m += "Auto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\nX-Ordinance-Notice: " + kind + "\r\n\r\n";
    return m;
}

// The template for the first holding finding whose category has one, else "default"; null: none.
const TextTemplate* pick(const std::map<std::string, TextTemplate>& ts, const Decision& d) {
    for (const auto& f : d.findings)
        if (f.action == Verdict::Quarantine)
            if (auto it = ts.find(f.category); it != ts.end()) return &it->second;
    auto it = ts.find("default");
    return it == ts.end() ? nullptr : &it->second;
}

std::string crlf(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') out += "\r\n";
        else if (c != '\r') out += c;
    }
    if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
    return out;
}

}  // namespace

std::map<std::string, std::string> notice_values(const Config& cfg, const Envelope& env, const mime::Message& msg,
                                                 const Decision& d, const std::string& identity,
                                                 const std::string& supervisor) {
    std::map<std::string, std::string> v;
    std::string subject = one_line(msg.header("Subject"));
    v["sender"] = env.mail_from.empty() ? "<>" : one_line(env.mail_from);
    v["identity"] = one_line(identity.empty() ? env.mail_from : identity);
    std::string rcpts;
    for (const auto& r : env.rcpts) rcpts += (rcpts.empty() ? "" : ", ") + r;
    v["recipients"] = one_line(rcpts);
    v["subject"] = subject.empty() ? "(no subject)" : subject;
    char date[64];
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", &tm);
    v["date"] = date;
    v["queue_id"] = env.queue_id.empty() ? "(none)" : one_line(env.queue_id);
    std::string rules, cats, reasons, policy;
    for (const auto& f : d.findings) {
        if (f.action != Verdict::Quarantine) continue;
        if (("," + rules + ",").find("," + f.rule + ",") == std::string::npos) rules += (rules.empty() ? "" : ", ") + f.rule;
        if (("," + cats + ",").find("," + f.category + ",") == std::string::npos) cats += (cats.empty() ? "" : ", ") + f.category;
        reasons += "  - " + one_line(f.reason) + " [" + f.rule + "]\n";
        std::string ref = cfg.rule_book ? cfg.rule_book->reference(f.rule) : "";
        if (!ref.empty() && policy.find("  - " + ref + "\n") == std::string::npos) policy += "  - " + ref + "\n";
    }
    if (!reasons.empty()) reasons.pop_back();
    if (!policy.empty()) policy.pop_back();
    v["rules"] = rules;
    v["categories"] = cats;
    v["reasons"] = reasons;
    v["policy"] = policy.empty() ? "  - (no policy paragraph recorded)" : policy;
    v["contact"] = one_line(cfg.notify.contact);
    v["supervisor"] = one_line(supervisor);
    v["organisation"] = one_line(cfg.organisation.name.empty() ? std::string("the organisation") : cfg.organisation.name);
    return v;
}

std::string compose_notice(const Config& cfg, const Envelope& env, const mime::Message& msg, const Decision& d) {
    if (const TextTemplate* t = pick(cfg.notify.sender_text, d)) {
        auto v = notice_values(cfg, env, msg, d, "", "");
        return notice_headers(cfg, env.mail_from, expand_template(t->subject, v), "held") +
               crlf(expand_template(t->body, v));
    }
    std::string subject = one_line(msg.header("Subject"));
    std::string rcpts;
    for (const auto& r : env.rcpts) rcpts += (rcpts.empty() ? "" : ", ") + r;
    std::string m = notice_headers(cfg, env.mail_from,
                                   "Your message was held: " + (subject.empty() ? std::string("(no subject)") : subject), "held");
    m += "Your message was not delivered. The mail gateway is holding it for review.\r\n\r\n";
    m += "  Subject:    " + (subject.empty() ? std::string("(no subject)") : subject) + "\r\n";
    m += "  To:         " + one_line(rcpts) + "\r\n";
    if (!env.queue_id.empty()) m += "  Queue ID:   " + env.queue_id + "\r\n";
    m += "\r\nWhy:\r\n";
    for (const auto& f : d.findings)
        if (f.action == Verdict::Quarantine) m += "  - " + one_line(f.reason) + " [" + f.rule + "]\r\n";
    m += "\r\nDo not send the message again. If it carries a virus, your computer may be infected:\r\n"
         "contact the help desk. If you think this is a mistake, ask the mail administrators to\r\n"
         "review the held message (quote the queue ID above).\r\n";
    return m;
}

bool wants_supervisor_notice(const Config& cfg, const Decision& d) {
    if (!cfg.notify.enabled || d.verdict != Verdict::Quarantine) return false;
    for (const auto& f : d.findings)
        if (f.action == Verdict::Quarantine)
            for (const auto& c : cfg.notify.supervisor_categories)
                if (f.category == c) return true;
    return false;
}

std::string compose_supervisor_notice(const Config& cfg, const Envelope& env, const mime::Message& msg,
                                      const Decision& d, const std::string& identity, const std::string& supervisor) {
    auto v = notice_values(cfg, env, msg, d, identity, supervisor);
    if (const TextTemplate* t = pick(cfg.notify.supervisor_text, d))
        return notice_headers(cfg, supervisor, expand_template(t->subject, v), "supervisor") +
               crlf(expand_template(t->body, v));
    return notice_headers(cfg, supervisor, "Held for policy review: mail from " + v["identity"], "supervisor") +
           crlf("A message from " + v["identity"] + ", whose supervisor you are, is held for review.\n\n"
                "  Subject:    " + v["subject"] + "\n  To:         " + v["recipients"] + "\n  Held:       " + v["date"] +
                "\n  Queue ID:   " + v["queue_id"] + "\n\nWhy:\n" + v["reasons"] + "\n\nPolicy:\n" + v["policy"] +
                "\n\nThe message itself is not attached. Questions: " + v["contact"] + ".\n");
}

Result<Ok> smtp_submit(const std::string& hostport, const std::string& rcpt, const std::string& message,
                       int timeout_seconds) {
    // A 5xx is permanent ("smtp_permanent"): sending the notice again cannot help.
    auto d = smtp::send_message(hostport, "notify.smtp", "ordinance-notify", "", {rcpt}, message, timeout_seconds);
    if (!d) return d.error();
    return Ok{};
}

std::unique_ptr<Notifier> Notifier::start(const Config& cfg) {
    std::unique_ptr<Notifier> n(new Notifier);
    n->spool_ = cfg.notify.spool_dir;
    n->update(cfg);
    n->thread_ = std::thread([p = n.get()] { p->run(); });
    return n;
}

Notifier::~Notifier() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Notifier::update(const Config& cfg) {
    std::lock_guard<std::mutex> lock(mu_);
    // By default the re-injection listener: a smtpd with no milters, so a notice is never held.
    smtp_ = cfg.notify.smtp.empty() ? cfg.quarantine.reinject : cfg.notify.smtp;
    retry_seconds_ = static_cast<long>(cfg.notify.retry_seconds);
}

Result<Ok> Notifier::enqueue(const std::string& rcpt, const std::string& message) {
    auto store = journal::FsStore::open(spool_);
    if (!store) return Error{"io", "notify.spool_dir: " + store.error().message};
    static std::atomic<unsigned long> seq{0};
    auto now = std::chrono::system_clock::now().time_since_epoch();
    std::string key = "pending/" + std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(now).count()) +
                      "-" + std::to_string(::getpid()) + "-" + std::to_string(seq++) + ".msg";
    // The envelope recipient on the first line, the message after it.
    if (auto r = (*store)->put(key, rcpt + "\n" + message); !r) return r;
    if (auto r = (*store)->sync(); !r) return r;
    {
        std::lock_guard<std::mutex> lock(mu_);
        kick_ = true;
    }
    cv_.notify_all();
    return Ok{};
}

namespace {

// A notice the MTA has not taken within this long is given up (Postfix's maximal_queue_lifetime).
constexpr long long kMaxNoticeAgeSeconds = 5LL * 24 * 3600;

// When a spooled notice was queued: its key is "pending/<microseconds since the epoch>-...".
long long queued_at_seconds(const std::string& key) {
    auto slash = key.rfind('/');
    std::string name = slash == std::string::npos ? key : key.substr(slash + 1);
    long long us = std::atoll(name.c_str());
    return us / 1000000;
}

}  // namespace

void Notifier::send_pending() {
    auto store = journal::FsStore::open(spool_);
    if (!store) return;
    auto keys = (*store)->list("pending/");
    if (!keys) return;
    std::string smtp;
    {
        std::lock_guard<std::mutex> lock(mu_);
        smtp = smtp_;
    }
    long long now = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch()).count();
    // A notice that cannot be delivered goes to failed/ (kept, logged), so that it never blocks
    // the ones after it.
    auto move_aside = [&](const std::string& key, const std::string& bytes) {
        std::string to = "failed/" + key.substr(key.rfind('/') + 1);
        if (auto r = (*store)->put(to, bytes); !r) {
            log::error("notice_move_failed", {{"key", key}, {"error", r.error().message}});
            return;
        }
        (*store)->remove(key);
    };
    for (const auto& key : *keys) {
        auto bytes = (*store)->get(key);
        if (!bytes) continue;
        auto nl = bytes->find('\n');
        if (nl == std::string::npos) {
            (*store)->remove(key);
            continue;
        }
        std::string rcpt = bytes->substr(0, nl);
        auto r = smtp_submit(smtp, rcpt, bytes->substr(nl + 1));
        if (!r && r.error().code == "smtp_permanent") {
            log::error("notice_failed", {{"to", rcpt}, {"smtp", smtp}, {"error", r.error().message},
                                         {"kept", "failed/"}});
            move_aside(key, *bytes);
            continue;
        }
        if (!r) {
            long long age = now - queued_at_seconds(key);
            if (age > kMaxNoticeAgeSeconds) {
                log::error("notice_expired", {{"to", rcpt}, {"smtp", smtp}, {"error", r.error().message},
                                              {"age_seconds", std::to_string(age)}, {"kept", "failed/"}});
                move_aside(key, *bytes);
            } else {
                log::warn("notice_deferred", {{"to", rcpt}, {"smtp", smtp}, {"error", r.error().message}});
            }
            continue;  // the others are still tried in this pass
        }
        (*store)->remove(key);
        log::info("notice_sent", {{"to", rcpt}, {"smtp", smtp}});
    }
}

void Notifier::run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
        lock.unlock();
        send_pending();
        lock.lock();
        cv_.wait_for(lock, std::chrono::seconds(retry_seconds_), [&] { return stop_ || kick_; });
        kick_ = false;
    }
}

Result<Ok> prepare_notice_dir(const Config& cfg, const std::string& user) {
    if (!cfg.notify.enabled) return Ok{};
    return make_private_dir(cfg.notify.spool_dir, user, "notify.spool_dir");
}

}  // namespace ord::disposition
