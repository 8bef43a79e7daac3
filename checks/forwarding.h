// ForwardingCheck: forwarding by people who were not the intended recipients (policy 2503
// sections 2 and 7 J; rule forward_by_nonrecipient) and automatic forwarding of our mail to
// outside addresses (sections 4 and 13; rule auto_forward_trace, category auto_forward).
// What was forwarded comes from checks/forward_parse.h; who received it from the quoted
// headers, the policy store's groups and the journal (policy/history.h).
#pragma once

#include <memory>

#include "base/clock.h"
#include "cache/policy_store.h"
#include "checks/forward_parse.h"
#include "policy/check.h"
#include "policy/config.h"
#include "policy/history.h"

namespace ord {

inline constexpr std::string_view kForwardNonrecipientRule = "forward_by_nonrecipient";
inline constexpr std::string_view kAutoForwardRule = "auto_forward_trace";

class ForwardingCheck : public Check {
public:
    // `history` may be null (no journal). Throws CheckLoadError when the display-name file
    // cannot be read.
    ForwardingCheck(const Config& cfg, std::shared_ptr<const PolicyStore> store,
                    std::shared_ptr<const MessageHistory> history, std::shared_ptr<const Clock> clock);

    std::string_view name() const override { return "forwarding"; }
    void on_message(const MessageContext& ctx, const mime::Message& msg, Findings& out) const override;

private:
    // True when it reported an automatic forward.
    bool auto_forward(const MessageContext& ctx, const mime::Message& msg, Findings& out) const;
    void nonrecipient(const MessageContext& ctx, const mime::Message& msg, Findings& out) const;

    ForwardingSettings settings_;
    std::shared_ptr<const PolicyStore> store_;
    std::shared_ptr<const MessageHistory> history_;
    std::shared_ptr<const Clock> clock_;
    forwarding::DisplayNames names_;
};

}  // namespace ord
