// MessageContext: what every check reads about one step of one message (MAIL, one RCPT, end
// of message): the envelope, the sender's Identity and the directions, worked out once by the
// Engine so that no two checks can disagree about who sent it or which way it goes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/deadline.h"
#include "cache/policy_store.h"
#include "base/direction.h"
#include "policy/envelope.h"
#include "policy/finding.h"
#include "policy/identity.h"

namespace ord {

struct MessageContext {
    const Envelope& env;
    Identity identity;
    std::vector<Direction> directions;  // one per env.rcpts, same order
    Direction direction = Direction::Inbound;  // the message as a whole (policy/direction.h)
    // At the RCPT step: the recipient being decided (not yet in env.rcpts) and its direction.
    std::optional<std::string> recipient;
    Direction recipient_direction = Direction::Inbound;
    // Lookups that can go remote answer by then, or answer unavailable.
    Deadline deadline;
};

// Identity, then every direction from it. `rcpt` is the RCPT step's recipient, or null.
MessageContext make_context(const PolicyStore& store, const Envelope& env, Deadline deadline,
                            const std::string* rcpt = nullptr);

// The rule a check reports when the policy store could not answer: its action is not a rule
// setting but policy.on_unavailable (fail_closed: tempfail; fail_open: tag).
inline constexpr std::string_view kPolicyUnavailableRule = "policy_unavailable";
// `lookup` names what could not be had ("group", "deactivated"), `reason` why.
Finding policy_unavailable(std::string_view lookup, std::string_view reason);

}  // namespace ord
