// The Engine runs every check over a recipient or a message and folds the findings into
// one Verdict with its SMTP reply, using the actions configured for each rule.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"
#include "policy/check.h"
#include "policy/config.h"
#include "policy/context.h"
#include "policy/services.h"
#include "mime/message.h"

namespace ord {

struct Decision {
    Verdict verdict = Verdict::Accept;
    std::string smtp_code;      // "550", "451"; empty for accept/tag/quarantine/discard
    std::string enhanced_code;  // "5.7.1", "4.7.1"
    std::string reply_text;     // without codes
    Findings findings;
    std::optional<Direction> direction;  // of the recipient (RCPT) or the message (end); none at MAIL

    std::string smtp_reply() const;  // "550 5.7.1 text", or "" when none
};

// SMTP reply text made safe for smfi_setreply: printable ASCII, no CR/LF, no '%' (libmilter
// and the MTA treat it as a format), at most 400 bytes. Idempotent.
std::string reply_safe(const std::string& s);

class Engine {
public:
    // Builds the checks of `checks` (checks/registry.h's table) for this configuration, each
    // handed `services`; fails on rule ids in the configuration that no check knows. The
    // usual way in is checks/assemble.h (load_engine, build_engine), which supplies both.
    static Result<std::shared_ptr<const Engine>> create(std::shared_ptr<const Config> cfg,
                                                        std::shared_ptr<const Services> services,
                                                        std::span<const CheckFactory> checks);
    // Rule ids in the configuration's [rules.ID] tables that the rule book does not know: "",
    // or one "file:line: unknown rule ..." line each.
    static std::string unknown_rules(const Config& cfg);

    Decision sender(const Envelope& env) const;  // at MAIL FROM
    Decision recipient(const Envelope& env, const std::string& rcpt) const;
    // At end of message; `carried` are findings kept from RCPT time that fold into this verdict.
    Decision message(const Envelope& env, const mime::Message& msg, Findings carried = {}) const;
    // The step's context as the checks see it (`rcpt`: the RCPT step's recipient, or null),
    // with a fresh deadline of services().lookup_budget.
    MessageContext context(const Envelope& env, const std::string* rcpt = nullptr) const;
    const Config& config() const { return *cfg_; }
    std::shared_ptr<const Config> config_ptr() const { return cfg_; }
    const Services& services() const { return *services_; }
    std::shared_ptr<const Services> services_ptr() const { return services_; }
    bool data_changed() const;  // some check's data changed on disk: time to reload

private:
    Engine() = default;
    // `dir`: the direction whose [rules.ID] action_<direction> applies; none at MAIL FROM.
    Decision fold(Findings findings, bool at_recipient, std::optional<Direction> dir = std::nullopt) const;
    // The identity lookups that failed become a finding, as a check's would.
    void note_unavailable(const MessageContext& ctx, Findings& out) const;

    std::shared_ptr<const Config> cfg_;
    std::shared_ptr<const Services> services_;
    std::vector<std::unique_ptr<Check>> checks_;
};

}  // namespace ord
