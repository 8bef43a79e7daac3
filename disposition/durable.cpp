#include "disposition/durable.h"

#include <unistd.h>

#include "base/log.h"
#include "disposition/keep.h"

namespace ord::disposition {

Result<Ok> MailDurables::keep(const std::string& name, std::string_view raw) { return keep_original(cfg_, name, raw); }

void MailDurables::unkeep(const std::string& name) {
    std::string path = cfg_.attachments.stripped_dir + "/" + name;
    if (::unlink(path.c_str()) != 0)
        log::warn("unkeep_failed", {{"qid", env_.queue_id}, {"kept", name}});
}

Result<Ok> MailDurables::journal(const Plan& p) {
    if (!journal_) return Error{"journal", "the journal is not open"};
    return journal_->record(cfg_, env_, raw_, msg_, p.answer.verdict, p.journal_body, p.findings, p.answer.reply());
}

Result<Ok> MailDurables::notice(const Notice& n) {
    if (!notifier_) return Error{"notify", "notices are not being sent (notify.enabled was false at start)"};
    return notifier_->enqueue(n.to, n.message);
}

}  // namespace ord::disposition
