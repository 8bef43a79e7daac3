// Telling a sender why their message was held: the notice is composed at end of message,
// written to notify.spool_dir (the journal's atomic writes), and a background thread submits
// it by SMTP with the null sender, retrying until the MTA takes it. Nothing waits on the MTA
// in the mail path.
#pragma once

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/result.h"
#include "policy/engine.h"
#include "policy/envelope.h"
#include "policy/config.h"
#include "mime/message.h"

namespace ord::disposition {

// Whether this held message's sender is to be told (notify.enabled, categories, directions).
bool wants_notice(const Config& cfg, const Envelope& env, const Decision& d);

// The notice itself, RFC 5322 with CRLF line ends: to the envelope sender, from the gateway;
// from notify.templates (by category, then "default") when configured, else the built-in text.
std::string compose_notice(const Config& cfg, const Envelope& env, const mime::Message& msg, const Decision& d);

// issue 13: the values of the notice placeholders (Config::Notify::placeholders()) for a held
// message; `identity` the sender as the Engine decided, `supervisor` theirs (may be empty).
std::map<std::string, std::string> notice_values(const Config& cfg, const Envelope& env, const mime::Message& msg,
                                                 const Decision& d, const std::string& identity,
                                                 const std::string& supervisor);
// Whether the sender's supervisor is told (a holding finding in notify.supervisor_categories).
bool wants_supervisor_notice(const Config& cfg, const Decision& d);
// The supervisor's notice (notify.supervisor_templates, or the built-in text): who, what, which
// rule and policy paragraph; never the message itself.
std::string compose_supervisor_notice(const Config& cfg, const Envelope& env, const mime::Message& msg,
                                      const Decision& d, const std::string& identity, const std::string& supervisor);

// Submits one message by SMTP to "HOST:PORT" with MAIL FROM:<>. Errors say which step failed.
Result<Ok> smtp_submit(const std::string& hostport, const std::string& rcpt, const std::string& message,
                       int timeout_seconds = 30);

class Notifier {
public:
    ~Notifier();
    // Starts the sending thread for the spool under cfg.notify.spool_dir (must exist).
    static std::unique_ptr<Notifier> start(const Config& cfg);
    // Spools a notice for `rcpt`; the thread sends it soon.
    Result<Ok> enqueue(const std::string& rcpt, const std::string& message);
    // Takes the SMTP address and retry period of a reloaded configuration.
    void update(const Config& cfg);

private:
    Notifier() = default;
    void run();
    void send_pending();

    std::mutex mu_;
    std::condition_variable cv_;
    bool stop_ = false, kick_ = false;
    std::string spool_, smtp_;
    long retry_seconds_ = 60;
    std::thread thread_;
};

// Makes notify.spool_dir (mode 0700) and hands it to `user`; called as root at start.
Result<Ok> prepare_notice_dir(const Config& cfg, const std::string& user);

}  // namespace ord::disposition
