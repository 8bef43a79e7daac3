#include "policy/context.h"

#include "policy/direction.h"

namespace ord {

MessageContext make_context(const PolicyStore& store, const Envelope& env, Deadline deadline, const std::string* rcpt) {
    MessageContext ctx{env, resolve_identity(store, env, deadline), {}, Direction::Inbound, std::nullopt,
                       Direction::Inbound, deadline};
    ctx.directions.reserve(env.rcpts.size());
    for (const auto& r : env.rcpts) ctx.directions.push_back(direction_of(store, ctx.identity, r));
    ctx.direction = message_direction(store, ctx.identity, env.rcpts);
    if (rcpt) {
        ctx.recipient = *rcpt;
        ctx.recipient_direction = direction_of(store, ctx.identity, *rcpt);
    }
    return ctx;
}

Finding policy_unavailable(std::string_view lookup, std::string_view reason) {
    Finding f;
    f.rule = std::string(kPolicyUnavailableRule);
    f.category = "policy_unavailable";
    f.score = 1.0;
    f.reason = "Policy data is unavailable (" + std::string(lookup) + "); try again later";
    f.evidence = "lookup=" + std::string(lookup) + " reason=" + std::string(reason);
    return f;
}

}  // namespace ord
