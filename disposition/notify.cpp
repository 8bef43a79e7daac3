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

std::string compose_notice(const Config& cfg, const Envelope& env, const mime::Message& msg, const Decision& d) {
    std::string from = cfg.notify.from;
    if (from.find('@') == std::string::npos)
        from += "@" + (cfg.organisation.internal_domains.empty() ? std::string("localhost")
                                                                  : cfg.organisation.internal_domains.front());
    char date[64];
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    char id[40];
    std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(rng()));
    std::string subject = one_line(msg.header("Subject"));
    std::string rcpts;
    for (const auto& r : env.rcpts) rcpts += (rcpts.empty() ? "" : ", ") + r;
    std::string m;
    m += "From: " + (cfg.organisation.name.empty() ? std::string("Mail gateway") : one_line(cfg.organisation.name) + " mail gateway") +
         " <" + from + ">\r\n";
    m += "To: <" + env.mail_from + ">\r\n";
    m += "Subject: Your message was held: " + (subject.empty() ? std::string("(no subject)") : subject) + "\r\n";
    m += "Date: " + std::string(date) + "\r\n";
    m += "Message-ID: <ordinance-notice-" + std::string(id) + "@" + from.substr(from.find('@') + 1) + ">\r\n";
    m += "Auto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\nX-Ordinance-Notice: held\r\n\r\n";
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
    smtp_ = cfg.notify.smtp;
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
