// The durable writes of a plan on the real stores: the kept original under
// attachments.stripped_dir, the journal, the notice spool. One per message, holding
// references only: the journal sink and the notifier live as long as the daemon.
#pragma once

#include "disposition/execute.h"
#include "disposition/journal_write.h"
#include "disposition/notify.h"
#include "mime/message.h"
#include "policy/envelope.h"
#include "quarantine/store.h"

namespace ord::disposition {

class MailDurables : public DurablePort {
public:
    // `journal`, `notifier` or `store` may be null (journal disabled, notices off, no
    // quarantine store): a plan that asks for one then fails at that step, it is never
    // reported done.
    MailDurables(const Config& cfg, const Envelope& env, std::string_view raw, const mime::Message& msg,
                 JournalSink* journal, Notifier* notifier, quarantine::QuarantineStore* store = nullptr)
        : cfg_(cfg), env_(env), raw_(raw), msg_(msg), journal_(journal), notifier_(notifier), store_(store) {}

    Result<Ok> keep(const Plan& p, std::string_view raw) override;
    void unkeep(const Plan& p) override;
    Result<std::string> quarantine(const Plan& p) override;
    void unquarantine(const std::string& id) override;
    Result<Ok> journal(const Plan& p) override;
    Result<Ok> notice(const Notice& n) override;

private:
    const Config& cfg_;
    const Envelope& env_;
    std::string_view raw_;
    const mime::Message& msg_;
    JournalSink* journal_;
    Notifier* notifier_;
    quarantine::QuarantineStore* store_;
};

// As root, before dropping privileges (quarantine.mode "store"): makes quarantine.dir and gives
// it to `user` (group: quarantine.reviewers_group when set), so the milter can write items.
Result<Ok> prepare_quarantine_dir(const Config& cfg, const std::string& user);

// The quarantine item for a plan's p.store: envelope, identity, direction, findings, reason.
quarantine::Item quarantine_item(const Config& cfg, const Envelope& env, const mime::Message& msg, const Plan& p,
                                 const std::string& id, int64_t now);

}  // namespace ord::disposition
