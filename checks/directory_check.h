// DirectoryCheck: protected groups (policy 2503 section 3), deactivated accounts (section 5)
// and sender identity (section 7 L), decided at MAIL, at each RCPT and, for what only the
// header shows (To/Cc, From:), at end of message. Reads the policy store from Services; a
// lookup it cannot answer in time is a policy_unavailable finding (policy.on_unavailable).
#pragma once

#include <memory>

#include "cache/policy_store.h"
#include "policy/check.h"
#include "policy/config.h"

namespace ord {

class DirectoryCheck : public Check {
public:
    DirectoryCheck(const Config& cfg, std::shared_ptr<const PolicyStore> store);

    std::string_view name() const override { return "directory"; }
    void on_sender(const MessageContext& ctx, Findings& out) const override;
    void on_recipient(const MessageContext& ctx, const std::string& rcpt, Findings& out) const override;
    void on_message(const MessageContext& ctx, const mime::Message& msg, Findings& out) const override;

    const PolicyStore& store() const { return *store_; }

private:
    Config::Policy settings_;
    std::shared_ptr<const PolicyStore> store_;
};

}  // namespace ord
