#include "disposition/durable.h"

#include <algorithm>

#include <grp.h>
#include <pwd.h>
#include <sys/random.h>
#include <unistd.h>

#include <ctime>

#include "base/log.h"
#include "base/owner.h"
#include "disposition/keep.h"
#include "policy/direction.h"

namespace ord::disposition {

Result<Ok> MailDurables::keep(const Plan& p, std::string_view raw) {
    if (!p.keep_in_quarantine) return keep_original(cfg_, p.keep, raw);
    // The original of a stripped message as a quarantine item: the recipients got the message
    // without the parts; reviewers see why, and may release the original whole (with the
    // rights of its category: a virus never) or delete it.
    if (!store_) return Error{"quarantine", "the quarantine store is not open"};
    const int64_t now = static_cast<int64_t>(std::time(nullptr));
    auto item = quarantine_item(cfg_, env_, msg_, p, p.keep, now);
    std::string what = p.body ? p.body->summary : std::string("a part");
    item.reason = "Ordinance: original of a stripped message (" + what + " removed)";
    item.history.back() = {now, "ordinance-milter", "kept", "delivered without " + what + "; the original is kept here"};
    item.size = raw.size();
    return store_->put(item, raw);
}

void MailDurables::unkeep(const Plan& p) {
    if (p.keep_in_quarantine) {
        if (store_ && !store_->remove(p.keep)) log::warn("unkeep_failed", {{"qid", env_.queue_id}, {"kept", p.keep}});
        return;
    }
    std::string path = cfg_.attachments.stripped_dir + "/" + p.keep;
    if (::unlink(path.c_str()) != 0) log::warn("unkeep_failed", {{"qid", env_.queue_id}, {"kept", p.keep}});
}

Result<Ok> prepare_quarantine_dir(const Config& cfg, const std::string& user) {
    if (!cfg.quarantine.store()) return Ok{};
    auto q = quarantine::FsQuarantineStore::open(cfg.quarantine.dir, cfg.quarantine.reviewers_group);
    if (!q) return q.error();
    if (::geteuid() != 0 || user.empty()) return Ok{};
    struct passwd* pw = ::getpwnam(user.c_str());
    if (!pw) return Ok{};  // drop_privileges reports the unknown user
    gid_t gid = pw->pw_gid;
    if (!cfg.quarantine.reviewers_group.empty())
        if (struct group* g = ::getgrnam(cfg.quarantine.reviewers_group.c_str())) gid = g->gr_gid;
    for (const char* sub : {"", "/items", "/tmp"})
        if (auto g = give_dir(cfg.quarantine.dir + sub, pw->pw_uid, gid); !g) return g;
    return Ok{};
}

quarantine::Item quarantine_item(const Config& /*cfg*/, const Envelope& env, const mime::Message& msg, const Plan& p,
                                 const std::string& id, int64_t now) {
    quarantine::Item it;
    it.id = id;
    it.time = now;
    it.queue_id = env.queue_id;
    it.sender = env.mail_from;
    for (const auto& r : p.store ? p.store->rcpts : env.rcpts) {
        quarantine::Recipient rc;
        rc.addr = r;
        it.rcpts.push_back(rc);
    }
    it.identity = env.auth_login.empty() ? "envelope " + (env.mail_from.empty() ? std::string("<>") : env.mail_from)
                                         : "login " + env.auth_login;
    it.direction = p.direction ? direction_name(*p.direction) : "";
    it.client_addr = env.client_addr;
    it.subject = msg.header("Subject");
    it.reason = p.store ? p.store->reason : "";
    it.size = env.size;
    for (const auto& f : p.findings) {
        it.findings.push_back({f.rule, f.category, std::string(verdict_name(f.action)), f.reason, f.evidence, f.policy});
        for (const auto& m : f.moderators)
            if (std::find(it.moderators.begin(), it.moderators.end(), m) == it.moderators.end()) it.moderators.push_back(m);
    }
    it.history.push_back({now, "ordinance-milter", "held", it.reason});
    return it;
}

Result<std::string> MailDurables::quarantine(const Plan& p) {
    if (!store_) return Error{"quarantine", "the quarantine store is not open"};
    uint32_t rnd = 0;
    if (::getrandom(&rnd, sizeof rnd, 0) != static_cast<ssize_t>(sizeof rnd)) return Error{"quarantine", "no randomness"};
    std::string id = quarantine::new_item_id(static_cast<int64_t>(std::time(nullptr)), rnd);
    auto item = quarantine_item(cfg_, env_, msg_, p, id, static_cast<int64_t>(std::time(nullptr)));
    item.size = raw_.size();
    if (auto r = store_->put(item, raw_); !r) return r.error();
    return id;
}

void MailDurables::unquarantine(const std::string& id) {
    if (store_ && !store_->remove(id)) log::warn("unquarantine_failed", {{"qid", env_.queue_id}, {"id", id}});
}

Result<Ok> MailDurables::journal(const Plan& p) {
    if (!journal_) return Error{"journal", "the journal is not open"};
    return journal_->record(cfg_, env_, raw_, msg_, p.journal_verdict(), p.journal_body, p.findings, p.answer.reply());
}

Result<Ok> MailDurables::notice(const Notice& n) {
    if (!notifier_) return Error{"notify", "notices are not being sent (notify.enabled was false at start)"};
    return notifier_->enqueue(n.to, n.message);
}

}  // namespace ord::disposition
